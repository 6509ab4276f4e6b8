// The document data the index stores with each document: the Document as
// read, in its JSON form (fouille/corpus/document_json.h), one object. The
// indexer writes it with encode_document(); the searcher reads it back with
// decode_document(), typed, and never re-learns the JSON shape.
//
//   xdoc.set_data(fouille::store::encode_document(doc));              // indexer
//   StoredDocument stored = fouille::store::decode_document(data);    // searcher
//
// decode_document(encode_document(d)) == d for every member but warnings,
// which are said at indexing, not kept.
#pragma once

#include <string>
#include <string_view>

#include "fouille/corpus/document.h"

namespace fouille::store {

/// A document as stored: every member of corpus::Document but warnings.
using StoredDocument = corpus::Document;

/// The stored data of `doc` (compact JSON; bytes that are not UTF-8, as in
/// some file names, become U+FFFD).
std::string encode_document(const corpus::Document& doc);

/// The document of stored data. Never throws: data that is not a JSON object
/// gives an empty document; a member of the wrong type or an unknown key
/// (from another version) is left out.
StoredDocument decode_document(std::string_view data);

}  // namespace fouille::store
