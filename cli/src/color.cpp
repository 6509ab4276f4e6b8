#include "fouille/cli/color.h"

#include <cstdlib>
#include <string>
#include <unistd.h>

#include "fouille/base/error.h"

namespace fouille::cli {
namespace {

bool dumb(const char* term) { return term && std::string_view(term) == "dumb"; }

}  // namespace

ColorMode parse_color(std::string_view text) {
  if (text == "auto") return ColorMode::kAuto;
  if (text == "always") return ColorMode::kAlways;
  if (text == "never") return ColorMode::kNever;
  throw UsageError(Message{"option.color", {text}});
}

bool use_color(ColorMode mode, bool terminal, const char* no_color, const char* term) {
  if (mode != ColorMode::kAuto) return mode == ColorMode::kAlways;
  return terminal && !(no_color && *no_color) && !dumb(term);
}

bool use_color(ColorMode mode, int fd) {
  return use_color(mode, isatty(fd) != 0, std::getenv("NO_COLOR"), std::getenv("TERM"));
}

bool use_progress(ColorMode mode, bool terminal, const char* term) {
  return mode != ColorMode::kNever && terminal && !dumb(term);
}

bool use_progress(ColorMode mode, int fd) { return use_progress(mode, isatty(fd) != 0, std::getenv("TERM")); }

}  // namespace fouille::cli
