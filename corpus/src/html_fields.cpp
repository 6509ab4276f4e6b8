#include "html_fields.h"

#include <algorithm>
#include <array>

#include <nlohmann/json.hpp>

#include "fouille/stemming/fold.h"

#include "html_text.h"

namespace fouille::corpus::detail {
namespace {

std::string meta(const HtmlPage& page, std::string_view key) {
  for (const auto& [k, v] : page.meta) {
    if (k == key && !v.empty()) return v;
  }
  return {};
}

// The objects of the page's JSON-LD blocks, arrays and @graph opened; bad
// JSON is ignored.
std::vector<nlohmann::json> json_ld_items(const HtmlPage& page) {
  std::vector<nlohmann::json> items;
  for (const std::string& text : page.json_ld) {
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded()) continue;
    std::vector<nlohmann::json> found;
    if (j.is_array()) found = j.get<std::vector<nlohmann::json>>();
    if (j.is_object()) {
      if (j.contains("@graph") && j["@graph"].is_array()) found = j["@graph"].get<std::vector<nlohmann::json>>();
      found.push_back(std::move(j));
    }
    for (auto& item : found) {
      if (item.is_object()) items.push_back(std::move(item));
    }
  }
  return items;
}

// The headline JSON-LD gives: an article's headline, else a name, but the
// site's or its publisher's.
std::string json_ld_headline(const std::vector<nlohmann::json>& items) {
  for (const char* key : {"headline", "name"}) {
    for (const auto& item : items) {
      if (!item.contains(key) || !item[key].is_string()) continue;
      const nlohmann::json type = item.value("@type", nlohmann::json());
      if (type == "WebSite" || type == "Organization" || type == "BreadcrumbList") continue;
      return item[key].get<std::string>();
    }
  }
  return {};
}

// schema.org properties (JSON-LD, microdata) that state a project's field,
// with the label the layout reader knows the field by.
constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kStructuredLabels = {{
    {"enddate", "Date de fin"},
    {"funder", "Financé par"},
    {"sponsor", "Financé par"},
    {"startdate", "Date de début"},
}};

std::string_view structured_label(std::string key) {
  std::transform(key.begin(), key.end(), key.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  for (const auto& [property, label] : kStructuredLabels) {
    if (key == property) return label;
  }
  return {};
}

// A JSON-LD value as text: a string, a number, or the name of an object.
std::string json_text(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number_integer()) return std::to_string(v.get<long long>());
  if (v.is_object() && v.contains("name") && v["name"].is_string()) return v["name"].get<std::string>();
  return {};
}

// "Label : value" lines from the page's JSON-LD and microdata.
void structured_pairs(const HtmlPage& page, const std::vector<nlohmann::json>& items, std::vector<std::string>& out) {
  const auto add = [&](std::string_view label, const std::string& value) {
    if (!label.empty() && !value.empty()) out.push_back(std::string(label) + " : " + value);
  };
  for (const auto& item : items) {
    for (const auto& [key, value] : item.items()) add(structured_label(key), json_text(value));
  }
  for (const auto& [key, value] : page.meta) add(structured_label(key), value);  // <meta itemprop=…>
  const std::vector<bool> none(page.nodes.size(), false);
  for (std::uint32_t i = 1; i < page.nodes.size(); ++i) {
    if (!page.nodes[i].itemprop.empty()) add(structured_label(page.nodes[i].itemprop), inline_text(page, i, none));
  }
}

// The first h1 outside furniture; among several, one the <title> or
// og:title holds (the project's, not the site logo's).
std::string heading(const HtmlPage& page, const HtmlContent& content, const std::string& titles) {
  std::string first;
  for (std::uint32_t i = 1; i < page.nodes.size(); ++i) {
    if (page.nodes[i].tag != "h1" || content.furniture[i]) continue;
    std::string text = inline_text(page, i, content.furniture);
    if (text.empty()) continue;
    if (titles.find(stemming::fold(text)) != std::string::npos) return text;
    if (first.empty()) first = std::move(text);
  }
  return first;
}

bool pair_line(std::string_view text) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  std::string_view label = text.substr(0, colon);
  while (!label.empty() && (label.back() == ' ' || label.back() == '\xA0')) label.remove_suffix(1);
  return label_like(label);
}

}  // namespace

std::string strip_site_name(std::string_view title) {
  static constexpr std::array<std::string_view, 5> kSeparators = {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                                                  " :: "};
  std::vector<std::string_view> parts = {title};
  for (std::string_view sep : kSeparators) {
    std::vector<std::string_view> next;
    for (std::string_view p : parts) {
      for (std::size_t at; (at = p.find(sep)) != std::string_view::npos; p.remove_prefix(at + sep.size())) {
        next.push_back(p.substr(0, at));
      }
      next.push_back(p);
    }
    parts = std::move(next);
  }
  std::string_view best;
  for (std::string_view p : parts) {
    if (p.size() > best.size()) best = p;
  }
  return std::string(best);
}

HtmlFacts page_facts(const HtmlPage& page, const HtmlContent& content) {
  HtmlFacts facts;
  const std::string og = meta(page, "og:title");
  const std::string titles = stemming::fold(page.title + " \n " + og);
  const std::vector<nlohmann::json> items = json_ld_items(page);
  facts.title = heading(page, content, titles);
  if (facts.title.empty()) facts.title = og.empty() ? json_ld_headline(items) : og;
  facts.title_from_heading = !facts.title.empty();
  if (facts.title.empty()) facts.title = strip_site_name(page.title);
  // Pairs from wherever the content's text is not (a project's record in a
  // side box, or a box of linked values left out of the text): the text's
  // own pairs are in it already. Menus and footers hold none.
  const std::size_t n = page.nodes.size();
  const auto in_text = [&](std::size_t i) { return content.inside[i] && !content.skip[i]; };
  std::vector<bool> menus(n, false), outside(n, false);
  for (std::size_t i = 1; i < n; ++i) {
    const HtmlNode& node = page.nodes[i];
    menus[i] = menus[node.parent] || node.tag == "nav" || node.tag == "footer" || node.role == "navigation" ||
               node.role == "contentinfo";
    outside[i] = outside[node.parent] || menus[i] || in_text(i);
  }
  const auto take = [&](std::uint32_t root, const std::vector<bool>& skip) {
    for (HtmlBlock& b : render(page, root, skip)) {
      if (b.kind == HtmlBlock::Kind::kPair || pair_line(b.text)) facts.pairs.push_back(std::move(b.text));
    }
  };
  structured_pairs(page, items, facts.pairs);
  take(0, outside);
  for (std::uint32_t i = 1; i < n; ++i) {
    if (!page.nodes[i].text_node() && in_text(page.nodes[i].parent) && !in_text(i) && !menus[i]) take(i, menus);
  }
  return facts;
}

}  // namespace fouille::corpus::detail
