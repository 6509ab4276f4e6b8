#include "fouille/store/coding.h"

#include <limits>

#include <gtest/gtest.h>
#include <xapian.h>

namespace fouille::store {
namespace {

using corpus::FieldId;
using corpus::schema;

TEST(Coding, CodecFollowsTheFieldKind) {
  EXPECT_EQ(codec_of(schema().field(FieldId::kRegion)), Codec::kRaw);
  EXPECT_EQ(codec_of(schema().field(FieldId::kSource)), Codec::kRaw);
  EXPECT_EQ(codec_of(schema().field(FieldId::kCountries)), Codec::kList);
  EXPECT_EQ(codec_of(schema().field(FieldId::kYear)), Codec::kList);
  EXPECT_EQ(codec_of(schema().field(FieldId::kBudgetUsd)), Codec::kNumber);
  EXPECT_EQ(codec_of(schema().field(FieldId::kStartYear)), Codec::kNumber);
}

TEST(Coding, ListsRoundTrip) {
  const std::vector<std::vector<std::string>> cases = {
      {},
      {"TJ"},
      {"TJ", "KG", "UZ"},
      {"Asie centrale", "Afrique de l’Ouest"},
      {"Kurdistan irakien", "Côte d'Ivoire", "ŒUVRE"},
  };
  for (const auto& values : cases) {
    SCOPED_TRACE(values.size());
    const std::string slot = encode_list(values);
    const std::vector<std::string_view> back = decode_list(slot);
    EXPECT_EQ(std::vector<std::string>(back.begin(), back.end()), values);
  }
  EXPECT_EQ(encode_list({"TJ", "KG"}), "TJ\x1fKG");  // the bytes databases hold
}

TEST(Coding, NumbersRoundTripAndSortAsBytes) {
  const double cases[] = {0, 1, 1999, 2024, 99999.99, 100000, 250000.5, 1e12, -3};
  for (double v : cases) {
    SCOPED_TRACE(v);
    EXPECT_EQ(decode_number(encode_number(v)), v);
    EXPECT_EQ(encode_number(v), Xapian::sortable_serialise(v));  // what Xapian's value ranges compare
  }
  for (std::size_t i = 1; i < std::size(cases); ++i) {
    const double a = cases[i - 1], b = cases[i];
    EXPECT_EQ(a < b, encode_number(a) < encode_number(b)) << a << " vs " << b;
  }
}

TEST(Coding, NoNumberSortsAfterEveryNumber) {
  const double lim = std::numeric_limits<double>::max();
  for (double v : {-lim, -1.0, 0.0, 2024.0, 1e300, lim, std::numeric_limits<double>::infinity()}) {
    SCOPED_TRACE(v);
    EXPECT_LT(encode_number(v), after_every_number());
  }
}

}  // namespace
}  // namespace fouille::store
