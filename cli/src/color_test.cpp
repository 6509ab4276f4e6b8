#include "fouille/cli/color.h"

#include <string>

#include <gtest/gtest.h>

#include "fouille/base/error.h"

namespace fouille::cli {
namespace {

TEST(Color, FollowsTheOptionNoColorAndTerm) {
  struct Case {
    ColorMode mode;
    bool terminal;
    const char *no_color, *term;
    bool color, progress;
  };
  const Case cases[] = {
      {ColorMode::kAuto, true, nullptr, "xterm-256color", true, true},
      {ColorMode::kAuto, false, nullptr, "xterm", false, false},  // a pipe
      {ColorMode::kAuto, true, "1", "xterm", false, true},        // NO_COLOR: no colour, progress still
      {ColorMode::kAuto, true, "", "xterm", true, true},          // NO_COLOR empty counts as unset
      {ColorMode::kAuto, true, nullptr, "dumb", false, false},    // TERM=dumb: neither
      {ColorMode::kAuto, true, nullptr, nullptr, true, true},
      {ColorMode::kAlways, false, "1", "dumb", true, false},  // always: colour even in a pipe
      {ColorMode::kNever, true, nullptr, "xterm", false, false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::to_string(static_cast<int>(c.mode)) + " terminal=" + std::to_string(c.terminal) +
                 " NO_COLOR=" + (c.no_color ? c.no_color : "(unset)") + " TERM=" + (c.term ? c.term : "(unset)"));
    EXPECT_EQ(use_color(c.mode, c.terminal, c.no_color, c.term), c.color);
    EXPECT_EQ(use_progress(c.mode, c.terminal, c.term), c.progress);
  }
}

TEST(Color, ParsesTheOption) {
  EXPECT_EQ(parse_color("auto"), ColorMode::kAuto);
  EXPECT_EQ(parse_color("always"), ColorMode::kAlways);
  EXPECT_EQ(parse_color("never"), ColorMode::kNever);
  EXPECT_THROW(parse_color("yes"), UsageError);
}

}  // namespace
}  // namespace fouille::cli
