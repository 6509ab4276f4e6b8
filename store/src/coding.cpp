#include "fouille/store/coding.h"

#include <xapian.h>

namespace fouille::store {

Codec codec_of(const corpus::Field& field) {
  switch (field.kind) {
    case corpus::FieldKind::kMulti:
      return Codec::kList;
    case corpus::FieldKind::kNumber:
    case corpus::FieldKind::kYear:
      return Codec::kNumber;
    default:
      return Codec::kRaw;
  }
}

std::string encode_list(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) {
    if (!out.empty()) out += kListSeparator;
    out += v;
  }
  return out;
}

std::vector<std::string_view> decode_list(std::string_view slot) {
  std::vector<std::string_view> out;
  for_each_in_list(slot, [&](std::string_view v) { out.push_back(v); });
  return out;
}

std::string encode_number(double value) { return Xapian::sortable_serialise(value); }

double decode_number(std::string_view slot) { return Xapian::sortable_unserialise(std::string(slot)); }

const std::string& after_every_number() {
  static const std::string key(10, '\xFF');
  return key;
}

}  // namespace fouille::store
