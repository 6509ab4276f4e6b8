// Private: what a page states about itself outside its running text: its
// heading (h1, og:title, JSON-LD headline, <title> without the site's name)
// and its label/value pairs (definition lists, two-column tables,
// "Label : value" lines in a side box, schema.org dates and funders in
// JSON-LD or microdata), as "Label : value" lines for the layout reader
// (parse_text), which alone knows labels and vocabularies.
//
//   HtmlFacts f = page_facts(page, content);
#pragma once

#include <string>
#include <vector>

#include "html_extract.h"
#include "html_tree.h"

namespace fouille::corpus::detail {

struct HtmlFacts {
  std::string title;  ///< the page's heading; empty when it has none
  /// The title is the page's own heading (h1, og:title, JSON-LD), not <title>
  /// cut of the site's name: a heading in the text may say better.
  bool title_from_heading = false;
  std::vector<std::string> pairs;  ///< "Label : value", from outside the content
};

HtmlFacts page_facts(const HtmlPage& page, const HtmlContent& content);

/// <title> without the site's name: "Projet X | Fondation Y" gives "Projet X"
/// (the longest part between separators).
std::string strip_site_name(std::string_view title);

}  // namespace fouille::corpus::detail
