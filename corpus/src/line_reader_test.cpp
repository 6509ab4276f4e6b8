#include "line_reader.h"

#include <random>
#include <string>

#include <gtest/gtest.h>
#include <unicode/utf8.h>

namespace fouille::corpus::detail {
namespace {

// valid_utf8() one character at a time, with no shortcut for ASCII.
bool valid_one_by_one(std::string_view s) {
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto len = static_cast<int32_t>(s.size());
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U8_NEXT(p, i, len, c);
    if (c < 0) return false;
  }
  return true;
}

// A bad byte is found wherever it falls against the eight-byte steps.
TEST(ValidUtf8, FindsABadByteAtEveryOffset) {
  for (std::size_t at = 0; at < 20; ++at) {
    for (const char* bad : {"\xFF", "\xC3", "\xE2\x80", "\xC0\xAF", "\xED\xA0\x80"}) {
      std::string s(20, 'a');
      s.insert(at, bad);
      SCOPED_TRACE(std::to_string(at) + ": " + s);
      EXPECT_FALSE(valid_utf8(s));
    }
    std::string good(20, 'a');
    good.insert(at, "\xC3\xA9t\xC3\xA9 \xE2\x80\x99 \xF0\x9F\x98\x80");
    EXPECT_TRUE(valid_utf8(good)) << at;
  }
  EXPECT_TRUE(valid_utf8(""));
  EXPECT_FALSE(valid_utf8("abcdefg\xC3"));  // cut at the end
}

TEST(ValidUtf8, AgreesWithTheCheckOneCharacterAtATime) {
  std::mt19937 rng(29);
  const char bytes[] = {'a', ' ', '\xC3', '\xA9', '\xE2', '\x80', '\x99', '\xF0', '\x9F', '\xFF'};
  for (int n = 0; n < 20000; ++n) {
    std::string s(rng() % 40, 'a');
    for (char& c : s) c = rng() % 3 ? 'a' : bytes[rng() % sizeof bytes];
    ASSERT_EQ(valid_utf8(s), valid_one_by_one(s)) << s;
  }
}

}  // namespace
}  // namespace fouille::corpus::detail
