// Private: what a page's markup says about an element's role, before its
// text is weighed. Sites name their boxes in class and id attributes
// ("menu", "pied-de-page", "article-body"), in ARIA roles and in HTML5 tags;
// the extractor (html_extract.h) reads these as hints, in French and English.
//
//   if (boilerplate_tag(node)) ...  // nav, aside, footer, role=navigation…
//   int w = hint_weight(node.hints);  // -25 for "menu", +25 for "contenu"…
#pragma once

#include <string_view>

#include "html_tree.h"

namespace fouille::corpus::detail {

/// A class/id hint's weight: +25 when it names content (article, contenu,
/// post, entry…), -25 when it names page furniture (menu, sidebar, share,
/// cookie, fil-d-ariane…), 0 otherwise or when it names both.
int hint_weight(std::string_view hints);

/// Does the element hold page furniture by its tag or role: nav, aside,
/// footer, header, dialog; role navigation, banner, contentinfo,
/// complementary, search, menu, dialog?
bool boilerplate_tag(const HtmlNode& node);

/// Is it the page's content by name: itemprop articleBody, or a class/id
/// such as article-body, entry-content, post-content, texte-article?
bool content_by_name(const HtmlNode& node);

}  // namespace fouille::corpus::detail
