// The HTML reader: a saved web page gives one document, as a text file
// does. The page is decoded (html_charset.h), parsed (html_tree.h), its
// content found by structure (html_extract.h) and written as lines, its
// label/value pairs taken from anywhere but menus and footers
// (html_fields.h); the layout reader (parse_text) then reads the fields from
// those lines, so labels and vocabularies are known in one place. The
// narrative is the content's blocks less the lines read as fields, a blank
// line between paragraphs; the title is the page's heading.
#include <algorithm>
#include <cctype>
#include <istream>

#include "fouille/base/error.h"
#include "fouille/stemming/fold.h"

#include "html_charset.h"
#include "html_extract.h"
#include "html_fields.h"
#include "html_text.h"
#include "html_tree.h"
#include "readers.h"
#include "text_lines.h"

namespace fouille::corpus::detail {
namespace {

std::string read_all(std::istream& in, std::uintmax_t size, std::uintmax_t max) {
  if (size > max) throw CorpusError(Message{"read.over_limit", {std::to_string(size), std::to_string(max)}});
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (in.bad()) throw CorpusError(Message{"read.cannot_read_io", {}});
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return bytes;
}

// `s` cut to at most `max` bytes, on a character boundary; true when cut.
bool cut_utf8(std::string& s, std::size_t max) {
  if (s.size() <= max) return false;
  std::size_t at = max;
  while (at > 0 && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) --at;
  s.resize(at);
  return true;
}

// The content's blocks, one a line, a blank line between blocks but list
// items; at most `max` bytes (then `*cut` is set).
std::string join(const std::vector<HtmlBlock>& blocks, std::size_t max, bool* cut) {
  std::string out;
  for (std::size_t i = 0; i < blocks.size() && out.size() < max; ++i) {
    if (i > 0) {
      const bool items = blocks[i].kind == HtmlBlock::Kind::kItem && blocks[i - 1].kind == HtmlBlock::Kind::kItem;
      out += items ? "\n" : "\n\n";
    }
    out += blocks[i].text;
  }
  *cut = cut_utf8(out, max) || *cut;
  return out;
}

std::string megabytes(std::uint64_t bytes) { return std::to_string((bytes + (1 << 19)) >> 20); }

// Is the block at `i` read by the layout reader as a field, or is it chrome?
bool field_or_chrome(const std::vector<layout::Line>& kinds, std::size_t i) {
  const layout::Line& line = kinds[i];
  const auto bare = [&](std::size_t k) { return k < kinds.size() && kinds[k].kind == layout::Kind::kBare; };
  if (line.kind == layout::Kind::kLabel && !line.label.value.empty()) return true;
  if (line.kind == layout::Kind::kChrome || line.kind == layout::Kind::kFooter || line.kind == layout::Kind::kMarker) {
    return true;
  }
  return bare(i) && ((i > 0 && bare(i - 1)) || bare(i + 1));  // values count in runs, as in parse_text
}

// Drops the blocks the layout reader reads as fields or chrome, the heading
// the title repeats, and a heading over fields alone (« Informations clés »);
// the rest is the narrative.
std::vector<HtmlBlock> narrative(std::vector<HtmlBlock> blocks, const std::string& title) {
  std::string lines;
  for (const auto& b : blocks) (lines += b.text) += '\n';
  const std::vector<layout::Line> kinds = layout::classify(lines);
  const std::string title_key = stemming::fold(title);
  std::vector<HtmlBlock> out;
  bool title_seen = false, dropped = false;  // fields dropped since the last block kept
  const auto heading_over_fields = [&] {
    return !out.empty() && out.back().kind == HtmlBlock::Kind::kHeading && dropped;
  };
  for (std::size_t i = 0; i < blocks.size() && i < kinds.size(); ++i) {
    if (field_or_chrome(kinds, i)) {
      dropped = true;
      continue;
    }
    if (!title_seen && !title_key.empty() && blocks[i].text.size() <= title.size() * 2 &&
        stemming::fold(blocks[i].text) == title_key) {
      title_seen = true;
      continue;
    }
    if (blocks[i].kind == HtmlBlock::Kind::kHeading && heading_over_fields()) out.pop_back();
    out.push_back(std::move(blocks[i]));
    dropped = false;
  }
  if (heading_over_fields()) out.pop_back();
  return out;
}

class HtmlReader : public ByteReader {
 public:
  std::string read(std::istream& in, std::uintmax_t size, const std::string& source, const ReadOptions& options,
                   ReadSink& sink) const override {
    HtmlText decoded = html_to_utf8(read_all(in, size, options.max_bytes));
    const HtmlPage page = parse_page(decoded.text);
    decoded.text.clear();
    decoded.text.shrink_to_fit();
    const HtmlContent content = find_content(page);
    std::vector<HtmlBlock> blocks;
    for (std::uint32_t part : content.parts) {
      std::vector<HtmlBlock> more = render(page, part, content.skip);
      blocks.insert(blocks.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
    }
    const HtmlFacts facts = page_facts(page, content);
    if (blocks.empty() && facts.pairs.empty() && facts.title.empty())
      throw NoContentError(Message{"read.html_no_text", {}});
    // The title first, then the pairs, then the content: the layout reader
    // takes the heading before the fields as the title. Without a heading
    // of its own, the page's first heading in the text may be the title.
    std::string text = facts.title_from_heading ? facts.title + "\n\n" : std::string();
    for (const auto& p : facts.pairs) (text += p) += '\n';
    bool cut = false;
    text += "\n" + join(blocks, options.max_text_bytes, &cut);
    cut_utf8(text, options.max_text_bytes);
    Document doc = parse_text(text, source);
    text.clear();
    if (facts.title_from_heading || doc.title.empty()) doc.title = facts.title;
    doc.body = join(narrative(std::move(blocks), doc.title), options.max_text_bytes, &cut);
    doc.layout = "html";
    if (page.cut) {
      sink.warning(Message{"read.in_file", {source, Message{"read.html_tags_cut", {std::to_string(kMaxHtmlTags)}}}});
    }
    if (cut) {
      sink.warning(Message{"read.in_file", {source, Message{"read.text_cut", {megabytes(options.max_text_bytes)}}}});
    }
    for (const auto& w : doc.warnings) sink.warning(Message{"read.in_file", {source, w}});
    sink.document(std::move(doc));
    return "HTML, " + decoded.charset;
  }
};

// Case-insensitive prefix test on ASCII.
bool starts_with_nocase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

}  // namespace

const ByteReader& html_reader() {
  static const HtmlReader reader;
  return reader;
}

bool looks_like_html(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  for (;;) {
    const std::size_t at = head.find_first_not_of(" \t\r\n\f");
    if (at == std::string_view::npos) return false;
    head.remove_prefix(at);
    // An XML declaration or a comment may stand before the markup.
    std::string_view close;
    if (head.starts_with("<?")) close = "?>";
    if (head.starts_with("<!--")) close = "-->";
    if (close.empty()) break;
    const std::size_t end = head.find(close);
    if (end == std::string_view::npos) return false;
    head.remove_prefix(end + close.size());
  }
  for (std::string_view tag : {"<!doctype html", "<html", "<head", "<body"}) {
    if (!starts_with_nocase(head, tag)) continue;
    // The tag's name ends there: "<header" is not "<head".
    const char next = head.size() > tag.size() ? head[tag.size()] : ' ';
    if (next == '>' || next == ' ' || next == '\t' || next == '\r' || next == '\n' || next == '/') return true;
  }
  return false;
}

}  // namespace fouille::corpus::detail
