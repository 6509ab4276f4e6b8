#include "fouille/base/numbers.h"

#include <gtest/gtest.h>

#include "fouille/base/error.h"

namespace fouille::base {
namespace {

TEST(Numbers, CountsAcceptTheWholeRangeAndNothingElse) {
  EXPECT_EQ(parse_count("--limit", "0", 0, UINT64_MAX), 0u);
  EXPECT_EQ(parse_count("--limit", "18446744073709551615", 0, UINT64_MAX), UINT64_MAX);
  EXPECT_EQ(parse_count("--offset", "4294967301", 0, UINT64_MAX), 4294967301u);  // past 32 bits
  for (const char* bad : {"-1", "-0", "+3", "", " 5", "5 ", "1e3", "abc", "18446744073709551616", "3.5"}) {
    SCOPED_TRACE(bad);
    try {
      parse_count("--limit", bad, 0, UINT64_MAX);
      ADD_FAILURE() << "accepted";
    } catch (const UsageError& e) {
      EXPECT_EQ(std::string(e.what()).rfind("--limit ", 0), 0u) << e.what();
    }
  }
  EXPECT_THROW(parse_count("--batch", "0", 1, 100), UsageError);
  EXPECT_THROW(parse_count("--jobs", "257", 0, 256), UsageError);
}

TEST(Numbers, PositiveNumbersRefuseZeroNegativeAndHuge) {
  EXPECT_EQ(parse_positive("--max-size", "20", 1024), 20.0);
  EXPECT_EQ(parse_positive("--max-size", "0.5", 1024), 0.5);
  for (const char* bad : {"-1", "0", "", "nan", "inf", "1e400", "2000", "1,5"}) {
    SCOPED_TRACE(bad);
    EXPECT_THROW(parse_positive("--max-size", bad, 1024), UsageError);
  }
}

}  // namespace
}  // namespace fouille::base
