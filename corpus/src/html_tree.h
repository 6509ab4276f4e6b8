// Private: a web page as a small tree of what can be read. libxml2's HTML
// parser (recovering, no network, no huge mode) builds the DOM; this tree
// keeps elements and text only, and never what a reader does not see:
// script, style, template, noscript, comments, embedded media, form controls,
// and elements hidden by the hidden attribute, aria-hidden="true" or an
// inline display:none / visibility:hidden.
//
//   HtmlPage page = parse_page(utf8);
//   for (const HtmlNode& n : page.nodes) if (n.tag == "h1") ...
//
// Text is entity-decoded and its white space collapsed; each node carries
// the letters and commas below it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fouille::corpus::detail {

/// Elements nested deeper than this are read as if they were at this depth
/// (their text is kept, their structure flattened): a hostile page cannot
/// make a walk recurse without bound.
constexpr std::size_t kMaxHtmlDepth = 256;
/// Tags read from one page, at most: libxml2's tree costs some hundred bytes
/// a node, so a 20 MB page of empty tags would cost gigabytes. Real pages
/// hold a few thousand; the rest of a page past this is not read.
constexpr std::size_t kMaxHtmlTags = 500000;

struct HtmlNode {
  std::string tag;       ///< lower-case element name; empty for a text node
  std::string text;      ///< a text node's text, white space runs as one space
  std::string hints;     ///< class and id, lower case, space-separated
  std::string role;      ///< the role attribute, lower case
  std::string itemprop;  ///< the itemprop attribute, lower case
  std::uint32_t parent = 0;
  std::vector<std::uint32_t> children;
  std::size_t chars = 0;   ///< letters and digits below (or in) this node
  std::size_t commas = 0;  ///< commas below (or in) this node
  bool text_node() const { return tag.empty(); }
};

struct HtmlPage {
  std::vector<HtmlNode> nodes;  ///< nodes[0] is the root (the document); parents come before children
  std::string title;            ///< <title>, collapsed
  std::string lang;             ///< <html lang>, lower case
  /// <meta> name or property (lower case) and content, in page order.
  std::vector<std::pair<std::string, std::string>> meta;
  std::vector<std::string> json_ld;  ///< the text of each <script type="application/ld+json">
  bool cut = false;                  ///< over kMaxHtmlTags: the end of the page was not read
};

/// Parses a page (valid UTF-8). Never throws for bad markup: libxml2
/// recovers; a page with no element gives a root with no children.
HtmlPage parse_page(std::string_view utf8);

/// Is `tag` a block element (one that starts a new line of text)?
bool block_tag(std::string_view tag);

/// Is `tag` a heading, h1 to h6?
bool heading_tag(std::string_view tag);

}  // namespace fouille::corpus::detail
