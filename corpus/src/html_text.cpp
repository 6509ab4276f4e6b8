#include "html_text.h"

#include <algorithm>
#include <cctype>

#include "fouille/corpus/schema.h"

#include "text_lines.h"

namespace fouille::corpus::detail {
namespace {

// A label is short: "Pays", "Date de début", "Montant du financement".
constexpr std::size_t kMaxLabelBytes = 60;

bool letter_or_digit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0x80) || std::isalnum(static_cast<unsigned char>(c));
  });
}

std::string trimmed(std::string s) {
  const std::size_t start = s.find_first_not_of(' ');
  if (start == std::string::npos) return {};
  const std::size_t end = s.find_last_not_of(' ');
  return s.substr(start, end - start + 1);
}

// Appends text, keeping one space between words across nodes.
void append(std::string& out, std::string_view text) {
  if (!out.empty() && out.back() == ' ' && !text.empty() && text.front() == ' ') text.remove_prefix(1);
  out += text;
}

// "Pays :" gives "Pays" (French puts a space, often a no-break one, before the colon).
std::string without_colon(std::string s) {
  for (;;) {
    if (!s.empty() && (s.back() == ':' || s.back() == ' ')) {
      s.pop_back();
    } else if (s.ends_with("\xC2\xA0")) {
      s.resize(s.size() - 2);
    } else {
      return s;
    }
  }
}

class Renderer {
 public:
  Renderer(const HtmlPage& page, const std::vector<bool>& skip) : page_(page), skip_(skip) {}

  std::vector<HtmlBlock> run(std::uint32_t root) {
    if (root == 0) {  // the document: its children
      for (std::uint32_t c : page_.nodes[0].children) visit(c, HtmlBlock::Kind::kText);
    } else {
      visit(root, HtmlBlock::Kind::kText);
    }
    flush();
    return std::move(blocks_);
  }

  std::string text(std::uint32_t root) {
    std::string out;
    gather(root, out);
    return trimmed(std::move(out));
  }

 private:
  void gather(std::uint32_t i, std::string& out) const {
    if (skip_[i]) return;
    const HtmlNode& n = page_.nodes[i];
    if (n.text_node()) return append(out, n.text);
    if (block_tag(n.tag)) append(out, " ");
    for (std::uint32_t c : n.children) gather(c, out);
    if (block_tag(n.tag)) append(out, " ");
  }

  void flush() {
    std::string t = trimmed(std::move(current_));
    current_.clear();
    if (letter_or_digit(t)) blocks_.push_back({kind_, std::move(t)});
  }

  // Is the text under `i` all inside links (a menu entry), with some text?
  bool link_only(std::uint32_t i, bool in_link = false) const {
    const HtmlNode& n = page_.nodes[i];
    if (n.text_node()) return in_link || !letter_or_digit(n.text);
    in_link = in_link || n.tag == "a";
    bool all = true;
    for (std::uint32_t c : n.children) all = all && (skip_[c] || link_only(c, in_link));
    return all;
  }

  // A label and its value that are both links are a menu (« Pays » then
  // « Publications » side by side): no field.
  bool menu_pair(std::uint32_t label, std::uint32_t value) const {
    return link_only(label) && link_only(value) && letter_or_digit(text_of(label)) && letter_or_digit(text_of(value));
  }

  std::string text_of(std::uint32_t i) const {
    std::string out;
    gather(i, out);
    return out;
  }

  void pair(const std::string& label, std::string value) {
    flush();
    // A value that is navigation is no value: another field's label (« Client »
    // then « Pays ») or a menu phrase.
    if (value.empty() || navigation(value)) return blocks_.push_back({HtmlBlock::Kind::kText, label});
    blocks_.push_back({HtmlBlock::Kind::kPair, without_colon(label) + " : " + std::move(value)});
  }

  // A definition list: each term with its first definition as a pair.
  void definitions(const HtmlNode& dl, HtmlBlock::Kind kind) {
    std::string term;
    std::uint32_t term_at = 0;
    for (std::uint32_t c : dl.children) {
      if (skip_[c]) continue;
      const HtmlNode& n = page_.nodes[c];
      if (n.tag == "dt") {
        if (!term.empty()) pair(term, {});
        term = text(c);
        term_at = c;
      } else if (n.tag == "dd" && !term.empty() && label_like(term)) {
        if (!menu_pair(term_at, c)) pair(term, text(c));
        term.clear();
      } else {
        if (!term.empty()) pair(term, {});
        term.clear();
        visit(c, kind);
      }
    }
    if (!term.empty()) pair(term, {});
  }

  // A table row of two cells, the first a label: a pair; else a block per cell.
  bool row_pair(const HtmlNode& tr) {
    std::vector<std::uint32_t> cells;
    for (std::uint32_t c : tr.children) {
      if (!skip_[c] && (page_.nodes[c].tag == "td" || page_.nodes[c].tag == "th")) cells.push_back(c);
    }
    if (cells.size() != 2) return false;
    if (menu_pair(cells[0], cells[1])) return true;  // navigation: neither field nor text
    std::string label = text(cells[0]);
    if (!label_like(label)) return false;
    std::string value = text(cells[1]);
    if (value.empty()) return false;
    pair(label, std::move(value));
    return true;
  }

  void visit(std::uint32_t i, HtmlBlock::Kind kind) {
    if (skip_[i]) return;
    const HtmlNode& n = page_.nodes[i];
    if (n.text_node()) return append(current_, n.text);
    if (n.tag == "br" || n.tag == "hr") return flush();
    if (!block_tag(n.tag)) {
      for (std::uint32_t c : n.children) visit(c, kind);
      return;
    }
    flush();
    if (heading_tag(n.tag)) kind = HtmlBlock::Kind::kHeading;
    if (n.tag == "li" || n.tag == "dd" || n.tag == "dt") kind = HtmlBlock::Kind::kItem;
    kind_ = kind;
    if (n.tag == "dl") {
      definitions(n, kind);
    } else if (n.tag != "tr" || !row_pair(n)) {
      for (std::uint32_t c : n.children) {
        visit(c, kind);
        kind_ = kind;
      }
    }
    flush();
  }

  const HtmlPage& page_;
  const std::vector<bool>& skip_;
  std::vector<HtmlBlock> blocks_;
  std::string current_;
  HtmlBlock::Kind kind_ = HtmlBlock::Kind::kText;
};

}  // namespace

bool navigation(std::string_view value) {
  if (schema().field_for_label(value)) return true;
  const std::vector<layout::Line> lines = layout::classify(value);
  return lines.size() == 1 && lines.front().kind == layout::Kind::kChrome;
}

bool label_like(std::string_view text) {
  if (text.empty() || text.size() > kMaxLabelBytes) return false;
  const auto words = std::count(text.begin(), text.end(), ' ') + 1;
  return words <= 6 && letter_or_digit(text) && !text.ends_with('.');
}

std::vector<HtmlBlock> render(const HtmlPage& page, std::uint32_t root, const std::vector<bool>& skip) {
  return Renderer(page, skip).run(root);
}

std::string inline_text(const HtmlPage& page, std::uint32_t root, const std::vector<bool>& skip) {
  return Renderer(page, skip).text(root);
}

}  // namespace fouille::corpus::detail
