#include "fouille/store/values.h"

#include <stdexcept>

#include "fouille/store/coding.h"

namespace fouille::store {
namespace {

void check(const corpus::Field& field, Codec codec) {
  if (field.slot == corpus::kNoSlot) throw std::invalid_argument("field " + field.key + " has no value slot");
  if (codec_of(field) != codec) throw std::invalid_argument("field " + field.key + ": value of another codec");
}

}  // namespace

void set_text_value(Xapian::Document& xdoc, const corpus::Field& field, const std::string& text) {
  check(field, Codec::kRaw);
  xdoc.add_value(field.slot, text);
}

void set_list_value(Xapian::Document& xdoc, const corpus::Field& field, const std::vector<std::string>& values) {
  check(field, Codec::kList);
  xdoc.add_value(field.slot, encode_list(values));
}

void set_number_value(Xapian::Document& xdoc, const corpus::Field& field, double value) {
  check(field, Codec::kNumber);
  xdoc.add_value(field.slot, encode_number(value));
}

}  // namespace fouille::store
