// Private: the text of part of a page (html_tree.h) as blocks: one per
// paragraph, heading, list item or table cell, in page order. A definition
// list's term and definition, and a table row of a short label and its
// value, become one "Label : value" block: the form the layout reader
// (parse_text) reads fields from.
//
//   for (const HtmlBlock& b : render(page, node, skip)) ...
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "html_tree.h"

namespace fouille::corpus::detail {

struct HtmlBlock {
  enum class Kind { kText, kHeading, kItem, kPair };
  Kind kind = Kind::kText;
  std::string text;  ///< one line: trimmed, white space collapsed, holds a letter or digit
};

/// The blocks of the subtree at `root`, leaving out nodes whose `skip` is set
/// (and what is under them).
std::vector<HtmlBlock> render(const HtmlPage& page, std::uint32_t root, const std::vector<bool>& skip);

/// The text of the subtree at `root` on one line (skipped nodes left out).
std::string inline_text(const HtmlPage& page, std::uint32_t root, const std::vector<bool>& skip);

/// A label as a page writes it before its value: a few words, maybe ending with a colon.
bool label_like(std::string_view text);

/// Is `value` navigation rather than a field's value: a field's label
/// (« Pays ») or a menu phrase of corpus/data/chrome.tsv (« Publications »)?
bool navigation(std::string_view value);

}  // namespace fouille::corpus::detail
