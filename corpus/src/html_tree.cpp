#include "html_tree.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <memory>

namespace fouille::corpus::detail {
namespace {

// Elements whose content is never read: code, styles, media, form controls.
// A form's labels go with its controls.
constexpr std::array<std::string_view, 23> kDropped = {
    "audio",    "button", "canvas", "datalist", "embed",    "iframe",   "input",   "label",
    "map",      "math",   "meter",  "noembed",  "noframes", "noscript", "object",  "option",
    "progress", "script", "select", "style",    "svg",      "template", "textarea"};

constexpr std::array<std::string_view, 44> kBlocks = {
    "address", "article", "aside", "blockquote", "body", "br",       "caption",    "center", "dd",
    "details", "dialog",  "div",   "dl",         "dt",   "fieldset", "figcaption", "figure", "footer",
    "form",    "h1",      "h2",    "h3",         "h4",   "h5",       "h6",         "header", "hr",
    "html",    "legend",  "li",    "main",       "nav",  "ol",       "p",          "pre",    "section",
    "summary", "table",   "tbody", "td",         "th",   "thead",    "tr",         "ul"};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return s;
}

std::string attribute(xmlNode* node, const char* name) {
  xmlChar* value = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!value) return {};
  std::string s(reinterpret_cast<const char*>(value));
  xmlFree(value);
  return s;
}

bool has_attribute(xmlNode* node, const char* name) {
  return xmlHasProp(node, reinterpret_cast<const xmlChar*>(name)) != nullptr;
}

std::string node_text(xmlNode* node) {
  xmlChar* content = xmlNodeGetContent(node);
  if (!content) return {};
  std::string s(reinterpret_cast<const char*>(content));
  xmlFree(content);
  return s;
}

bool space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// White space runs as one space (a leading or trailing space is kept: it
// separates words across inline elements).
std::string collapse(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool in_space = false;
  for (char c : s) {
    if (space(c)) {
      in_space = true;
      continue;
    }
    if (in_space) out += ' ';
    in_space = false;
    out += c;
  }
  if (in_space) out += ' ';
  return out;
}

// Letters and digits (any non-ASCII byte starting a character counts as one).
std::size_t letters(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c >= 0x80 ? (c & 0xC0) != 0x80 : std::isalnum(c) != 0);
  return n;
}

std::size_t comma_count(std::string_view s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), ',')); }

bool hidden(xmlNode* node) {
  if (has_attribute(node, "hidden")) return true;
  if (lower(attribute(node, "aria-hidden")) == "true") return true;
  std::string style = lower(attribute(node, "style"));
  style.erase(std::remove_if(style.begin(), style.end(), space), style.end());
  return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

struct Builder {
  HtmlPage& page;
  bool in_head = false;

  // What <head> (or a stray element anywhere) says about the page.
  void read_head_element(xmlNode* node, const std::string& tag) {
    if (tag == "title" && page.title.empty()) {
      page.title = collapse(node_text(node));
    } else if (tag == "meta") {
      std::string key = lower(attribute(node, "property"));
      if (key.empty()) key = lower(attribute(node, "name"));
      if (key.empty()) key = lower(attribute(node, "itemprop"));
      if (!key.empty()) page.meta.emplace_back(key, collapse(attribute(node, "content")));
    } else if (tag == "script" && lower(attribute(node, "type")) == "application/ld+json") {
      page.json_ld.push_back(node_text(node));
    }
  }

  std::uint32_t add(HtmlNode n, std::uint32_t parent) {
    n.parent = parent;
    const auto id = static_cast<std::uint32_t>(page.nodes.size());
    page.nodes.push_back(std::move(n));
    page.nodes[parent].children.push_back(id);
    return id;
  }

  // Walks the DOM without recursion: (node, our parent, depth) on a stack.
  void walk(xmlNode* top) {
    struct Item {
      xmlNode* node;
      std::uint32_t parent;
      std::size_t depth;
    };
    std::vector<Item> stack;
    for (xmlNode* c = top; c; c = c->next) stack.push_back({c, 0, 1});
    std::reverse(stack.begin(), stack.end());
    while (!stack.empty()) {
      const Item item = stack.back();
      stack.pop_back();
      xmlNode* node = item.node;
      if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
        if (!node->content) continue;
        HtmlNode text;
        text.text = collapse(reinterpret_cast<const char*>(node->content));
        if (!text.text.empty()) add(std::move(text), item.parent);
        continue;
      }
      if (node->type != XML_ELEMENT_NODE || !node->name) continue;
      const std::string tag = lower(reinterpret_cast<const char*>(node->name));
      if (tag == "title" || tag == "meta" || tag == "script") read_head_element(node, tag);
      if (tag == "head" || tag == "title" || tag == "meta" || tag == "link" || tag == "base") {
        if (tag == "head") {
          for (xmlNode* c = node->children; c; c = c->next) {
            if (c->type == XML_ELEMENT_NODE && c->name) {
              read_head_element(c, lower(reinterpret_cast<const char*>(c->name)));
            }
          }
        }
        continue;
      }
      if (std::find(kDropped.begin(), kDropped.end(), tag) != kDropped.end() || hidden(node)) continue;
      if (tag == "html" && page.lang.empty()) page.lang = lower(attribute(node, "lang"));
      std::uint32_t parent = item.parent;
      if (item.depth < kMaxHtmlDepth) {
        HtmlNode element;
        element.tag = tag;
        element.hints = lower(attribute(node, "class") + " " + attribute(node, "id"));
        element.role = lower(attribute(node, "role"));
        element.itemprop = lower(attribute(node, "itemprop"));
        parent = add(std::move(element), item.parent);
      }
      const std::size_t mark = stack.size();
      for (xmlNode* c = node->children; c; c = c->next) stack.push_back({c, parent, item.depth + 1});
      std::reverse(stack.begin() + static_cast<std::ptrdiff_t>(mark), stack.end());
    }
  }
};

// Letters and commas, summed bottom-up (children come after their parent in
// `nodes`, so a backward pass sees children first).
void count(HtmlPage& page) {
  for (std::size_t i = page.nodes.size(); i-- > 1;) {
    HtmlNode& n = page.nodes[i];
    if (n.text_node()) {
      n.chars = letters(n.text);
      n.commas = comma_count(n.text);
    }
    HtmlNode& p = page.nodes[n.parent];
    p.chars += n.chars;
    p.commas += n.commas;
  }
}

// Position of `needle` (lower case) in `s` from `from`, ASCII case ignored.
std::size_t find_nocase(std::string_view s, std::string_view needle, std::size_t from) {
  while (from < s.size()) {
    const std::size_t at = s.find('<', from);
    if (at == std::string_view::npos || s.size() - at < needle.size()) return std::string_view::npos;
    bool same = true;
    for (std::size_t k = 1; k < needle.size() && same; ++k) {
      same = std::tolower(static_cast<unsigned char>(s[at + k])) == needle[k];
    }
    if (same) return at;
    from = at + 1;
  }
  return std::string_view::npos;
}

// The page without the code of its scripts and styles (JSON-LD kept): half
// the bytes of a modern page, which libxml2 would read a character at a time
// to throw away. As the HTML tokenizer does, a script's text ends at the
// first "</script", whatever it holds.
std::string without_code(std::string_view page) {
  std::string out;
  out.reserve(page.size());
  std::size_t from = 0, script = find_nocase(page, "<script", 0), style = find_nocase(page, "<style", 0);
  for (;;) {
    // Each search resumes where it stopped: one pass over the page.
    if (script != std::string_view::npos && script < from) script = find_nocase(page, "<script", from);
    if (style != std::string_view::npos && style < from) style = find_nocase(page, "<style", from);
    const std::size_t at = std::min(script, style);
    if (at == std::string_view::npos) break;
    const std::string_view close = at == script ? "</script" : "</style";
    const std::size_t name_end = at + close.size() - 1;
    const char next = name_end < page.size() ? page[name_end] : '>';
    const std::size_t tag_end = page.find('>', at);
    if (tag_end == std::string_view::npos) break;
    std::string open(page.substr(at, tag_end + 1 - at));
    std::transform(open.begin(), open.end(), open.begin(), [](unsigned char c) { return std::tolower(c); });
    const bool element = next == '>' || next == '/' || std::isspace(static_cast<unsigned char>(next));
    if (!element || open.find("ld+json") != std::string::npos) {
      out.append(page.substr(from, tag_end + 1 - from));
      from = tag_end + 1;
      continue;
    }
    out.append(page.substr(from, tag_end + 1 - from));
    const std::size_t end = find_nocase(page, close, tag_end + 1);
    from = tag_end + 1;
    if (end == std::string_view::npos) break;  // never closed: libxml2 decides
    from = end;
  }
  out.append(page.substr(from));
  return out;
}

struct DocFree {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

}  // namespace

bool block_tag(std::string_view tag) { return std::find(kBlocks.begin(), kBlocks.end(), tag) != kBlocks.end(); }

bool heading_tag(std::string_view tag) { return tag.size() == 2 && tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6'; }

HtmlPage parse_page(std::string_view utf8) {
  HtmlPage page;
  page.nodes.emplace_back();  // the root
  std::size_t tags = 0;
  for (std::size_t at = utf8.find('<'); at != std::string_view::npos; at = utf8.find('<', at + 1)) {
    if (++tags > kMaxHtmlTags) {
      utf8 = utf8.substr(0, at);
      page.cut = true;
      break;
    }
  }
  // No network, no huge mode (libxml2 keeps its limits on depth and sizes);
  // the declared charset is ignored: the bytes are UTF-8 already.
  const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                      HTML_PARSE_COMPACT | HTML_PARSE_IGNORE_ENC;
  const std::string markup = without_code(utf8);
  std::unique_ptr<xmlDoc, DocFree> doc(
      htmlReadMemory(markup.data(), static_cast<int>(markup.size()), nullptr, "UTF-8", options));
  if (!doc) return page;
  Builder builder{page};
  builder.walk(xmlDocGetRootElement(doc.get()));
  count(page);
  return page;
}

}  // namespace fouille::corpus::detail
