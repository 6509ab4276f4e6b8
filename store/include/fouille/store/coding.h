// How field values are written in Xapian value slots, and read back: the
// value half of the on-disk format (terms are in terms.h, the document data
// in stored_document.h). The indexer encodes with these, the searcher
// decodes with them; nothing else spells an encoding.
//
//   Codec      fields                        in the slot
//   kRaw       keywords, source, stamp       the text itself
//   kList      multi (countries, year…)      the values joined by '\x1f'
//   kNumber    number and year kinds          Xapian::sortable_serialise(v)
//
//   std::string slot = fouille::store::encode_list({"TJ", "KG"});   // "TJ\x1fKG"
//   fouille::store::for_each_in_list(slot, [](std::string_view code) { ... });
//
// Numbers sort as bytes in the order of their values, so Xapian's value
// ranges and sorting work on them directly. All functions are pure and
// thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fouille/corpus/schema.h"

namespace fouille::store {

enum class Codec { kRaw, kList, kNumber };

/// The codec of `field`'s value slot, by its kind.
Codec codec_of(const corpus::Field& field);

/// Multi-valued fields join their values with this byte, which no value holds.
inline constexpr char kListSeparator = '\x1f';

/// `values` joined by kListSeparator; "" for none. Values are never empty
/// (readers drop empty values), so decode_list() gives them back.
std::string encode_list(const std::vector<std::string>& values);

/// Calls `f(std::string_view)` for each value of a list slot, in order;
/// none for an empty slot.
template <typename F>
void for_each_in_list(std::string_view slot, F&& f) {
  while (!slot.empty()) {
    const std::size_t sep = slot.find(kListSeparator);
    f(slot.substr(0, sep));
    if (sep == std::string_view::npos) return;
    slot.remove_prefix(sep + 1);
  }
}

/// The values of a list slot (views into `slot`).
std::vector<std::string_view> decode_list(std::string_view slot);

/// A number as Xapian::sortable_serialise writes it.
std::string encode_number(double value);

/// The number of a number slot (Xapian::sortable_unserialise); 0 for "".
double decode_number(std::string_view slot);

/// A key that sorts after every encode_number() (which writes at most 9
/// bytes, none of them all 0xFF): what an ascending sort reads for a document
/// without the number, so it comes last.
const std::string& after_every_number();

}  // namespace fouille::store
