#include "fouille/base/hash.h"

#include <string>
#include <unordered_map>

#include <gtest/gtest.h>

namespace fouille::base {
namespace {

TEST(Fnv1a, StartsFromTheStandardOffsetBasis) {
  EXPECT_EQ(Fnv1a().value(), 0xcbf29ce484222325ull);
  EXPECT_EQ(Fnv1a().hex(), "cbf29ce484222325");
}

TEST(Fnv1a, EveryByteAndEveryPartBoundaryCounts) {
  auto of = [](std::initializer_list<std::string_view> parts) {
    Fnv1a h;
    for (auto p : parts) h.add_part(p);
    return h.hex();
  };
  EXPECT_EQ(of({"abc"}), of({"abc"}));
  EXPECT_NE(of({"abc"}), of({"abd"}));
  EXPECT_NE(of({"ab", "c"}), of({"a", "bc"}));
  EXPECT_NE(of({"abc"}), of({"abc", ""}));
  EXPECT_EQ(of({"abc"}).size(), 16u);
}

TEST(ViewHash, FindsStringKeysByView) {
  std::unordered_map<std::string, int, ViewHash, std::equal_to<>> counts{{"traite", 2}};
  const std::string_view text = "traite des êtres humains";
  auto it = counts.find(text.substr(0, 6));
  ASSERT_NE(it, counts.end());
  EXPECT_EQ(it->second, 2);
}

}  // namespace
}  // namespace fouille::base
