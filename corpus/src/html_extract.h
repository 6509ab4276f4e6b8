// Private: where a page's own text is. Pages wrap a few paragraphs in menus,
// banners, share buttons, related links and footers; the extractor finds the
// container of the paragraphs by the page's structure, as the best
// boilerplate removers do:
//  1. furniture goes first: nav, aside, header, footer, ARIA roles, and
//     boxes whose class or id names furniture (html_hints.h);
//  2. each paragraph (a block of 25 letters or more) scores its container
//     and, less, the containers above it, by its length and commas; a
//     container's score is weighed by its class/id and cut by its link
//     density; a box the site names as the text (article-body…) is preferred;
//  3. the best container's siblings that score well or read as paragraphs
//     join it (text split around an advertisement); text cut in chunks
//     (boxes of the same tag and class a few levels apart, or two
//     containers scoring alike) is taken whole;
//  4. inside, pictures with their captions, and boxes that read as lists of
//     links or image strips, are left out.
//
//   HtmlContent c = find_content(page);
//   for (auto part : c.parts) render(page, part, c.skip);
#pragma once

#include <cstdint>
#include <vector>

#include "html_tree.h"

namespace fouille::corpus::detail {

struct HtmlContent {
  std::vector<std::uint32_t> parts;  ///< the content's top nodes, in page order
  std::vector<bool> skip;            ///< per node: left out of the content's text
  std::vector<bool> furniture;       ///< per node: menus, footers… (and all under them)
  std::vector<bool> inside;          ///< per node: within one of the parts
};

/// The page's content; parts is empty for a page without text.
HtmlContent find_content(const HtmlPage& page);

}  // namespace fouille::corpus::detail
