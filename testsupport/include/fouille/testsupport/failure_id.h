// The catalogue id of the IndexError a call throws, for tests of refusals.
//
//   EXPECT_EQ(fouille::test::failure_id([&] { open_it(dir); }), "index.cannot_open");
#pragma once

#include <functional>
#include <string>

#include "fouille/base/error.h"

namespace fouille::test {

/// The message id of the IndexError `f` throws (its text if it has no id),
/// "" when it throws nothing.
inline std::string failure_id(const std::function<void()>& f) {
  try {
    f();
  } catch (const IndexError& e) {
    return e.message() ? e.message()->id : e.what();
  }
  return "";
}

}  // namespace fouille::test
