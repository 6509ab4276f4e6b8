#include "html_extract.h"

#include <algorithm>
#include <array>

#include "html_hints.h"

namespace fouille::corpus::detail {
namespace {

// A block of text this long (letters and digits) is a paragraph that votes
// for its containers; shorter ones are captions, buttons and menu entries.
constexpr std::size_t kParagraphChars = 25;
// Ancestors a paragraph votes for, the nearest first.
constexpr int kVoteLevels = 5;
// A box holding more than this share of the page's text is never furniture
// by its name alone ("no-sidebar" on a page wrapper).
constexpr double kWrapperShare = 0.5;
// Two containers scoring within this ratio are alike.
constexpr double kAlikeScore = 0.75;
// A box inside the text with more of its letters in links than this is a
// list of links (related articles, tags); a third keeps paragraphs dense
// with inline links (measured: 0.2 loses them on the public article
// benchmark, 0.5 lets link lists in). A box named as content may hold more.
constexpr double kLinkBox = 0.33;
constexpr double kLinkBoxNamed = 0.5;
// Levels above the best container where chunks of the same text are looked for.
constexpr int kTwinLevels = 3;

// A container's score before votes, by what its tag usually holds.
double tag_base(std::string_view tag) {
  if (tag == "div" || tag == "article" || tag == "main" || tag == "section") return 5;
  if (tag == "pre" || tag == "td" || tag == "blockquote") return 3;
  if (tag == "address" || tag == "ol" || tag == "ul" || tag == "dl" || tag == "dd" || tag == "dt" || tag == "li" ||
      tag == "form") {
    return -3;
  }
  if (heading_tag(tag) || tag == "th") return -5;
  return 0;
}

struct Counts {
  std::vector<std::size_t> chars, links, commas;        // kept text below each node
  std::vector<std::size_t> own, own_links, own_commas;  // text of each block not inside a nested block
};

class Extractor {
 public:
  explicit Extractor(const HtmlPage& page) : page_(page), n_(page.nodes.size()) {}

  HtmlContent run() {
    HtmlContent out;
    out.furniture = mark_furniture();
    count(out.furniture);
    score();
    out.skip = out.furniture;
    out.inside.assign(n_, false);
    const std::uint32_t top = pick_top();
    if (top == 0 && counts_.chars[0] == 0) return out;
    out.parts = with_siblings(top);
    for (std::uint32_t part : out.parts) {
      mark_inside(part, out.inside);
      clean(part, out.skip);
    }
    return out;
  }

 private:
  double link_density(std::uint32_t i) const {
    return counts_.chars[i] ? static_cast<double>(counts_.links[i]) / static_cast<double>(counts_.chars[i]) : 0;
  }

  std::vector<bool> mark_furniture() const {
    std::vector<bool> f(n_, false);
    const double page_chars = static_cast<double>(page_.nodes[0].chars);
    // A box holding one the site names as its text is no furniture
    // ("content-with-sidebar" around "article-body").
    std::vector<bool> holds_text(n_, false);
    for (std::uint32_t i = static_cast<std::uint32_t>(n_); i-- > 1;) {
      if (holds_text[i] || (!page_.nodes[i].text_node() && content_by_name(page_.nodes[i]))) {
        holds_text[i] = true;
        holds_text[page_.nodes[i].parent] = true;
      }
    }
    for (std::uint32_t i = 1; i < n_; ++i) {
      const HtmlNode& n = page_.nodes[i];
      if (f[n.parent]) {
        f[i] = true;
        continue;
      }
      if (n.text_node() || n.tag == "body" || n.tag == "html" || n.tag == "main" || holds_text[i]) continue;
      const bool named = boilerplate_tag(n) || (n.tag != "article" && hint_weight(n.hints) < 0);
      f[i] = named && static_cast<double>(n.chars) <= page_chars * kWrapperShare;
    }
    return f;
  }

  void count(const std::vector<bool>& skip) {
    counts_.chars.assign(n_, 0);
    counts_.links.assign(n_, 0);
    counts_.commas.assign(n_, 0);
    counts_.own.assign(n_, 0);
    counts_.own_links.assign(n_, 0);
    counts_.own_commas.assign(n_, 0);
    block_of_.assign(n_, 0);
    in_link_.assign(n_, false);
    for (std::uint32_t i = 1; i < n_; ++i) {  // parents first
      const HtmlNode& n = page_.nodes[i];
      block_of_[i] = block_tag(page_.nodes[n.parent].tag) ? n.parent : block_of_[n.parent];
      in_link_[i] = in_link_[n.parent] || n.tag == "a";
    }
    for (std::uint32_t i = static_cast<std::uint32_t>(n_); i-- > 1;) {
      if (skip[i]) continue;
      const HtmlNode& n = page_.nodes[i];
      if (n.text_node()) {
        counts_.chars[i] = n.chars;
        counts_.commas[i] = n.commas;
        if (in_link_[i]) counts_.links[i] = n.chars;
        counts_.own[block_of_[i]] += n.chars;
        counts_.own_commas[block_of_[i]] += n.commas;
        if (in_link_[i]) counts_.own_links[block_of_[i]] += n.chars;
      }
      counts_.chars[n.parent] += counts_.chars[i];
      counts_.links[n.parent] += counts_.links[i];
      counts_.commas[n.parent] += counts_.commas[i];
    }
  }

  void score() {
    score_.assign(n_, 0);
    votes_.assign(n_, 0);
    scored_.assign(n_, false);
    for (std::uint32_t b = 1; b < n_; ++b) {
      const HtmlNode& n = page_.nodes[b];
      if (n.text_node() || counts_.own[b] < kParagraphChars || heading_tag(n.tag)) continue;
      if (counts_.own_links[b] * 2 > counts_.own[b]) continue;  // a link list votes for nothing
      const double vote =
          1.0 + static_cast<double>(counts_.own_commas[b]) + std::min(static_cast<double>(counts_.own[b]) / 100.0, 3.0);
      std::uint32_t a = n.parent;
      for (int level = 0; level < kVoteLevels && a != 0; ++level, a = page_.nodes[a].parent) {
        scored_[a] = true;
        votes_[a] += vote / (level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0);
      }
    }
    for (std::uint32_t i = 1; i < n_; ++i) {
      if (!scored_[i]) continue;
      // A content name doubles a container's votes at most: a name alone
      // does not make a box of one line the page's text.
      const double hint = hint_weight(page_.nodes[i].hints);
      score_[i] = tag_base(page_.nodes[i].tag) + votes_[i] + std::min(hint, votes_[i]);
      score_[i] *= 1.0 - link_density(i);
    }
  }

  bool contains(std::uint32_t outer, std::uint32_t inner) const {
    for (std::uint32_t a = inner; a != 0; a = page_.nodes[a].parent) {
      if (a == outer) return true;
    }
    return outer == 0;
  }

  std::uint32_t pick_top() const {
    std::uint32_t top = 0;
    for (std::uint32_t i = 1; i < n_; ++i) {
      if (scored_[i] && (top == 0 || score_[i] > score_[top])) top = i;
    }
    top = common_top(top);
    // A box the site names as its text wins when it holds the best container
    // or most of its text.
    std::uint32_t named = 0;
    for (std::uint32_t i = 1; i < n_; ++i) {
      if (page_.nodes[i].text_node() || !content_by_name(page_.nodes[i])) continue;
      if (counts_.chars[i] < kParagraphChars * 4) continue;
      if (named == 0 || counts_.chars[i] > counts_.chars[named]) named = i;
    }
    if (named != 0 && (top == 0 || contains(named, top) || counts_.chars[named] >= counts_.chars[top] ||
                       (contains(top, named) && counts_.chars[named] * 2 >= counts_.chars[top]))) {
      top = named;
    }
    if (top == 0) {
      for (std::uint32_t i = 1; i < n_; ++i) {
        if (page_.nodes[i].tag == "body") return i;
      }
    }
    return top;
  }

  // Text cut in chunks (a grid cell each) gives two containers scoring
  // alike, apart: their common ancestor holds the text, when it is no list
  // of links.
  std::uint32_t common_top(std::uint32_t top) const {
    if (top == 0) return top;
    for (std::uint32_t i = 1; i < n_; ++i) {
      if (!scored_[i] || i == top || score_[i] < score_[top] * kAlikeScore || contains(i, top) || contains(top, i)) {
        continue;
      }
      std::uint32_t a = page_.nodes[top].parent;
      while (a != 0 && !contains(a, i)) a = page_.nodes[a].parent;
      if (a != 0 && link_density(a) < 0.25) return a;
    }
    return top;
  }

  // Is a sibling of the best container a paragraph of the same text?
  bool paragraph_like(std::uint32_t i) const {
    const std::size_t chars = counts_.chars[i];
    if (chars == 0 || counts_.own[i] * 5 < chars * 4) return false;
    const double ld = link_density(i);
    return (chars > 80 && ld < 0.25) || (ld == 0 && chars > 0 && page_.nodes[i].tag == "p");
  }

  // Text cut in chunks, each in a box of the same tag and class a few levels
  // apart (a grid row each): the chunks, in page order. Empty when top has no twin.
  std::vector<std::uint32_t> twins(std::uint32_t top) const {
    const HtmlNode& t = page_.nodes[top];
    if (t.hints.find_first_not_of(' ') == std::string::npos) return {};
    std::uint32_t scope = top;
    for (int level = 0; level < kTwinLevels && scope != 0; ++level) scope = page_.nodes[scope].parent;
    std::vector<std::uint32_t> found;
    for (std::uint32_t i = scope + 1; i < n_ && page_.nodes[i].parent >= scope; ++i) {
      const HtmlNode& n = page_.nodes[i];
      if (n.tag != t.tag || n.hints != t.hints || counts_.chars[i] < kParagraphChars || link_density(i) > 0.5) continue;
      if (!found.empty() && contains(found.back(), i)) continue;
      found.push_back(i);
    }
    if (found.size() < 2) return {};
    return found;
  }

  std::vector<std::uint32_t> with_siblings(std::uint32_t top) const {
    if (top == 0) return {top};
    if (auto chunks = twins(top); !chunks.empty()) return chunks;
    const HtmlNode& parent = page_.nodes[page_.nodes[top].parent];
    const double threshold = std::max(10.0, score_[top] * 0.2);
    std::vector<std::uint32_t> parts;
    for (std::uint32_t c : parent.children) {
      if (c == top) {
        parts.push_back(c);
        continue;
      }
      const HtmlNode& n = page_.nodes[c];
      if (n.text_node() || counts_.chars[c] == 0) continue;
      const double bonus = !n.hints.empty() && n.hints == page_.nodes[top].hints ? score_[top] * 0.2 : 0;
      if ((scored_[c] && score_[c] + bonus >= threshold) || paragraph_like(c)) parts.push_back(c);
    }
    return parts;
  }

  void mark_inside(std::uint32_t part, std::vector<bool>& inside) const {
    inside[part] = true;
    for (std::uint32_t i = part + 1; i < n_ && page_.nodes[i].parent >= part; ++i) {
      if (inside[page_.nodes[i].parent]) inside[i] = true;
    }
  }

  // Descendant counts for the conditional clean.
  struct Inner {
    std::size_t p = 0, img = 0, li = 0;
  };

  Inner inner(std::uint32_t root, const std::vector<bool>& skip) const {
    Inner r;
    std::vector<std::uint32_t> stack(page_.nodes[root].children.begin(), page_.nodes[root].children.end());
    while (!stack.empty()) {
      const std::uint32_t i = stack.back();
      stack.pop_back();
      if (skip[i]) continue;
      const std::string& tag = page_.nodes[i].tag;
      r.p += tag == "p";
      r.img += tag == "img";
      r.li += tag == "li";
      stack.insert(stack.end(), page_.nodes[i].children.begin(), page_.nodes[i].children.end());
    }
    return r;
  }

  // Leaves out boxes inside the content that read as furniture: link lists,
  // image strips, short boxes of nothing.
  void clean(std::uint32_t part, std::vector<bool>& skip) const {
    static constexpr std::array<std::string_view, 8> kBoxes = {"div",   "section", "ul",     "ol",
                                                               "table", "form",    "figure", "dl"};
    for (std::uint32_t i = part + 1; i < n_; ++i) {
      const HtmlNode& n = page_.nodes[i];
      if (n.parent < part) break;
      if (skip[n.parent]) {
        skip[i] = true;
        continue;
      }
      // Pictures and their captions are not the text.
      if (n.tag == "figure" || n.tag == "figcaption") skip[i] = true;
      if (skip[i] || std::find(kBoxes.begin(), kBoxes.end(), n.tag) == kBoxes.end()) continue;
      if (counts_.commas[i] >= 10) continue;
      const int weight = hint_weight(n.hints);
      const double ld = link_density(i);
      const Inner in = inner(i, skip);
      const bool list = n.tag == "ul" || n.tag == "ol";
      bool drop = (weight < 25 && ld > kLinkBox) || ld > kLinkBoxNamed;
      drop = drop || (!list && n.tag != "dl" && in.li > in.p && counts_.own[i] < kParagraphChars && in.li > 2);
      drop = drop || (in.img > 1 && in.p * 2 < in.img && counts_.chars[i] < in.img * kParagraphChars);
      if (drop) skip[i] = true;
    }
  }

  const HtmlPage& page_;
  const std::size_t n_;
  Counts counts_;
  std::vector<std::uint32_t> block_of_;
  std::vector<bool> in_link_;
  std::vector<double> score_, votes_;
  std::vector<bool> scored_;
};

}  // namespace

HtmlContent find_content(const HtmlPage& page) { return Extractor(page).run(); }

}  // namespace fouille::corpus::detail
