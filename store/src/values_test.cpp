#include "fouille/store/values.h"

#include <stdexcept>

#include <gtest/gtest.h>

#include "fouille/store/coding.h"

namespace fouille::store {
namespace {

using corpus::FieldId;
using corpus::schema;

TEST(Values, EachSlotIsWrittenByItsCodec) {
  Xapian::Document xdoc;
  set_text_value(xdoc, schema().field(FieldId::kStatus), "Achevé");
  set_list_value(xdoc, schema().field(FieldId::kCountries), {"TJ", "KG"});
  set_number_value(xdoc, schema().field(FieldId::kBudgetUsd), 150000);
  EXPECT_EQ(xdoc.get_value(schema().field(FieldId::kStatus).slot), "Achevé");
  EXPECT_EQ(xdoc.get_value(schema().field(FieldId::kCountries).slot), "TJ\x1fKG");
  EXPECT_EQ(xdoc.get_value(schema().field(FieldId::kBudgetUsd).slot), encode_number(150000));
}

TEST(Values, AValueOfAnotherCodecOrWithoutASlotIsRefused) {
  Xapian::Document xdoc;
  EXPECT_THROW(set_text_value(xdoc, schema().field(FieldId::kBudgetUsd), "150000"), std::invalid_argument);
  EXPECT_THROW(set_number_value(xdoc, schema().field(FieldId::kCountries), 1), std::invalid_argument);
  EXPECT_THROW(set_list_value(xdoc, schema().field(FieldId::kStatus), {"a"}), std::invalid_argument);
  EXPECT_THROW(set_text_value(xdoc, schema().field(FieldId::kTitle), "no slot"), std::invalid_argument);
  EXPECT_EQ(xdoc.values_count(), 0u);
}

}  // namespace
}  // namespace fouille::store
