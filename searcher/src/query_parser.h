// Private: the query language read into a tree, before any analysis. Forgiving
// where intent is clear (an unclosed quote or parenthesis closes at the end, a
// stray ')' is dropped, each with a note); QueryError only for what cannot be
// guessed (a malformed range), a query over kMaxQueryBytes or nested deeper
// than kMaxQueryDepth. Chains of one operator (a OU b OU c…) are one node with
// many children, so no tree is deeper than the nesting the query writes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "fouille/base/message.h"
#include "fouille/corpus/schema.h"

namespace fouille::searcher {

/// Longest query read, in bytes: a longer one is refused (QueryError), as
/// its cost grows with its length (100 KB of words took 21 s).
constexpr std::size_t kMaxQueryBytes = 4096;
/// Widest window NEAR/N takes, in words.
constexpr std::size_t kMaxNearWindow = 100;
/// Deepest nesting of parentheses and leading SAUF/NOT: the parser and the
/// compiler recurse once per level.
constexpr std::size_t kMaxQueryDepth = 32;

struct Node {
  enum class Kind { kWord, kPhrase, kWildcard, kField, kAnd, kOr, kAndNot, kNear, kSequence };
  enum class Mod { kNone, kRequired, kExcluded };

  Kind kind = Kind::kSequence;
  Mod mod = Mod::kNone;
  std::string text;                      // word, phrase, wildcard prefix or field value
  std::string name;                      // for kField: the field's name as typed (for messages)
  bool quoted = false;                   // field value given in quotes
  const corpus::Field* field = nullptr;  // for kField
  std::size_t position = 0;              // byte offset in the query, for messages
  std::size_t window = 0;                // for kNear: NEAR/N's N, 0 for the default window
  /// Operands; for a kField, its one group when written field:(a OU "b c").
  std::vector<Node> children;
};

struct ParsedQuery {
  Node root;                   // a kSequence
  std::vector<Message> notes;  // how malformed parts were read
};

/// Reads `query`. Throws QueryError only for a query that is not valid UTF-8,
/// over kMaxQueryBytes or nested deeper than kMaxQueryDepth; every other
/// input gives a tree.
ParsedQuery parse_query(std::string_view query);

}  // namespace fouille::searcher
