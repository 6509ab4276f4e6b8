// The walk over a DOCX or ODT part (office_text.h). Invariants: `para_`
// holds the text of the innermost open paragraph only (a paragraph opened
// inside another, in a text box, flushes the outer one's text first);
// `skip_` counts the depth inside an element left out, and while it is
// non-zero nothing is kept; text, paragraphs and table cells kept are
// bounded by `max_text_` bytes together.
#include "office_text.h"

#include <algorithm>
#include <cstring>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <mutex>
#include <vector>

#include "fouille/base/error.h"
#include "fouille/corpus/schema.h"

namespace fouille::corpus::detail {
namespace {

constexpr std::string_view kWordMain = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kWordStrict = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr std::string_view kMarkupCompat = "http://schemas.openxmlformats.org/markup-compatibility/2006";
constexpr std::string_view kOdfText = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr std::string_view kOdfTable = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
constexpr std::string_view kOdfOffice = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr std::string_view kOdfSvg = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0";
constexpr std::string_view kOdfMeta = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0";
constexpr std::string_view kDublinCore = "http://purl.org/dc/elements/1.1/";
constexpr std::string_view kDcTerms = "http://purl.org/dc/terms/";

/// A title or date in the properties longer than this is cut: they are one line.
constexpr std::size_t kMaxProperty = 1024;
/// `<text:s text:c="…"/>` gives at most this many spaces: a larger count is
/// hostile or a layout trick, and runs of spaces carry no words.
constexpr std::size_t kMaxSpaces = 64;

constexpr std::string_view kBullet = "\xE2\x80\xA2 ";  // "• "

std::string_view view(const xmlChar* s) { return s ? std::string_view(reinterpret_cast<const char*>(s)) : ""; }

std::string_view trim(std::string_view s) {
  const std::size_t a = s.find_first_not_of(" \t\r\n");
  if (a == std::string_view::npos) return {};
  return s.substr(a, s.find_last_not_of(" \t\r\n") - a + 1);
}

// The longest prefix of `s` of at most `n` bytes that ends on a character boundary.
std::string_view utf8_prefix(std::string_view s, std::size_t n) {
  if (s.size() <= n) return s;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

// Elements of a body part the walk acts on; kOther passes through.
enum class Tag {
  kOther,
  kSkip,
  kParagraph,
  kText,
  kTab,
  kBreak,
  kSpace,
  kHyphen,
  kListItem,
  kNumbering,
  kStyle,
  kOutline,
  kTable,
  kRow,
  kCell,
  kTitle,
  kCreated,
};

Tag docx_tag(std::string_view uri, std::string_view name) {
  if (uri == kMarkupCompat) return name == "Fallback" ? Tag::kSkip : Tag::kOther;
  if (uri != kWordMain && uri != kWordStrict) return Tag::kOther;
  static const std::pair<std::string_view, Tag> kTags[] = {
      {"p", Tag::kParagraph},
      {"t", Tag::kText},
      {"tab", Tag::kTab},
      {"br", Tag::kBreak},
      {"cr", Tag::kBreak},
      {"noBreakHyphen", Tag::kHyphen},
      {"numPr", Tag::kNumbering},
      {"pStyle", Tag::kStyle},
      {"outlineLvl", Tag::kOutline},
      {"tbl", Tag::kTable},
      {"tr", Tag::kRow},
      {"tc", Tag::kCell},
      // Deleted text, field codes, tab stops, run and section properties.
      {"delText", Tag::kSkip},
      {"del", Tag::kSkip},
      {"moveFrom", Tag::kSkip},
      {"instrText", Tag::kSkip},
      {"tabs", Tag::kSkip},
      {"rPr", Tag::kSkip},
      {"sectPr", Tag::kSkip},
      {"vanish", Tag::kSkip},
  };
  for (const auto& [n, tag] : kTags) {
    if (n == name) return tag;
  }
  return Tag::kOther;
}

Tag odt_tag(std::string_view uri, std::string_view name) {
  if (uri == kOdfText) {
    static const std::pair<std::string_view, Tag> kTags[] = {
        {"p", Tag::kParagraph},
        {"h", Tag::kParagraph},
        {"s", Tag::kSpace},
        {"tab", Tag::kTab},
        {"line-break", Tag::kBreak},
        {"list-item", Tag::kListItem},
        // Footnotes and endnotes, change records, generated indexes.
        {"note", Tag::kSkip},
        {"tracked-changes", Tag::kSkip},
        {"table-of-content", Tag::kSkip},
        {"alphabetical-index", Tag::kSkip},
        {"illustration-index", Tag::kSkip},
        {"table-index", Tag::kSkip},
        {"object-index", Tag::kSkip},
        {"user-index", Tag::kSkip},
        {"bibliography", Tag::kSkip},
    };
    for (const auto& [n, tag] : kTags) {
      if (n == name) return tag;
    }
    return Tag::kOther;
  }
  if (uri == kOdfTable) {
    if (name == "table") return Tag::kTable;
    if (name == "table-row") return Tag::kRow;
    if (name == "table-cell") return Tag::kCell;
    if (name == "covered-table-cell") return Tag::kSkip;
    return Tag::kOther;
  }
  // Comments, forms, embedded pictures (base64), the titles and descriptions of drawings.
  if (uri == kOdfOffice && (name == "annotation" || name == "forms" || name == "scripts" || name == "binary-data")) {
    return Tag::kSkip;
  }
  if (uri == kOdfSvg && (name == "title" || name == "desc")) return Tag::kSkip;
  return Tag::kOther;
}

Tag properties_tag(std::string_view uri, std::string_view name) {
  if (uri == kDublinCore && name == "title") return Tag::kTitle;
  if ((uri == kDcTerms && name == "created") || (uri == kOdfMeta && name == "creation-date")) return Tag::kCreated;
  return Tag::kOther;
}

// The value of the attribute `name` (any namespace) in SAX2's attribute
// array: five pointers each (local name, prefix, URI, value, value end).
std::string_view attribute(int count, const xmlChar** attributes, std::string_view name) {
  for (int i = 0; i < count; ++i) {
    const xmlChar** a = attributes + 5 * i;
    if (view(a[0]) == name) {
      return std::string_view(reinterpret_cast<const char*>(a[3]), static_cast<std::size_t>(a[4] - a[3]));
    }
  }
  return {};
}

// What the text holds last, which decides the break before the next block.
enum class Block { kNone, kParagraph, kLabel, kItem, kRow };

// The pieces of a cell joined into one value: « Mali », « Niger » give
// « Mali, Niger »; sentences are joined by a space.
std::string join_pieces(const std::vector<std::string>& pieces) {
  std::string out;
  for (const auto& p : pieces) {
    if (!out.empty()) {
      const char last = out.back();
      out += (last == '.' || last == '!' || last == '?' || last == ';' || last == ':' || last == ',') ? " " : ", ";
    }
    out += p;
  }
  return out;
}

}  // namespace

struct PartParser::State {
  Part part;
  std::size_t max_text;
  xmlParserCtxtPtr ctxt = nullptr;
  bool started = false;  // the context exists (created with the first bytes)
  bool doctype = false;
  bool full = false;  // the text limit is reached: parsing stopped on purpose
  PartText out;

  int skip = 0;
  int in_text = 0;         // DOCX: inside w:t
  int para_depth = 0;      // open paragraphs
  int list_depth = 0;      // ODT: inside text:list-item
  bool numbered = false;   // DOCX: the open paragraph has w:numPr
  bool heading = false;    // DOCX: the open paragraph is a heading (numbered headings are no list)
  bool odt_space = false;  // ODT: `para` ends with a collapsed white-space run
  std::string para;
  Block last = Block::kNone;
  std::size_t held = 0;  // bytes held in open table cells

  struct Table {
    std::vector<std::vector<std::string>> row;  // the open row's cells, each its pieces
    bool in_cell = false;
  };
  std::vector<Table> tables;
  Tag property = Tag::kOther;  // kProperties: the element whose text is read

  State(Part p, std::size_t max) : part(p), max_text(max) {}

  void stop_full() {
    out.cut = true;
    full = true;
    if (ctxt) xmlStopParser(ctxt);
  }

  bool room_for(std::size_t bytes) {
    if (out.text.size() + held + bytes <= max_text) return true;
    stop_full();
    return false;
  }

  Tag tag(std::string_view uri, std::string_view name) const {
    switch (part) {
      case Part::kDocxBody:
        return docx_tag(uri, name);
      case Part::kOdtBody:
        return odt_tag(uri, name);
      case Part::kProperties:
        return properties_tag(uri, name);
    }
    return Tag::kOther;
  }

  // A label alone (« Date de début », « Pays : »): its value comes next.
  static bool label_alone(std::string_view line) {
    if (const std::size_t nl = line.rfind('\n'); nl != std::string_view::npos) line.remove_prefix(nl + 1);
    if (line.starts_with(kBullet)) line.remove_prefix(kBullet.size());
    line = trim(line);
    return !line.empty() && line.size() <= 96 && schema().field_for_label(line) != nullptr;
  }

  // Appends one block (a paragraph, an item, a row) to the text.
  void emit(std::string_view line, Block kind) {
    line = trim(line);
    if (line.empty() || full) return;
    const bool tight = last == Block::kLabel || (kind == last && (kind == Block::kItem || kind == Block::kRow));
    const std::string_view sep = out.text.empty() ? "" : tight ? "\n" : "\n\n";
    if (out.text.size() + held + sep.size() + line.size() > max_text) {
      const std::size_t room = max_text - std::min(max_text, out.text.size() + held + sep.size());
      if (room > 0) {
        out.text += sep;
        out.text += utf8_prefix(line, room);
      }
      stop_full();
      return;
    }
    out.text += sep;
    out.text += line;
    last = label_alone(line) ? Block::kLabel : kind;
  }

  // Ends the open paragraph's text: a block, or pieces of the open cell.
  void flush_paragraph() {
    std::string text = std::move(para);
    para.clear();
    odt_space = false;
    const bool item = (numbered && !heading) || list_depth > 0;
    numbered = false;
    heading = false;
    if (!tables.empty() && tables.back().in_cell) {
      auto& cell = tables.back().row.back();
      std::string_view rest(text);
      while (!rest.empty()) {  // a line break in a cell separates pieces
        const std::size_t nl = rest.find('\n');
        const std::string_view piece = trim(rest.substr(0, nl));
        rest.remove_prefix(nl == std::string_view::npos ? rest.size() : nl + 1);
        if (piece.empty() || !room_for(piece.size())) continue;
        held += piece.size();
        cell.emplace_back(piece);
      }
      return;
    }
    if (item && !trim(text).empty()) {
      emit(std::string(kBullet) + std::string(trim(text)), Block::kItem);
    } else {
      emit(text, Block::kParagraph);
    }
  }

  // The lines of a finished row: « Label : value » for two cells, the cells
  // joined by " ; " for more, the pieces one a line for a single cell.
  std::vector<std::string> row_lines(const std::vector<std::vector<std::string>>& row) const {
    std::vector<std::string> cells;
    std::size_t filled = 0;
    for (const auto& c : row) {
      cells.push_back(join_pieces(c));
      filled += !cells.back().empty();
    }
    if (filled == 0) return {};
    if (filled == 1) {
      for (const auto& c : row) {
        if (!c.empty()) return c;
      }
    }
    if (row.size() == 2) {
      std::string_view label = trim(cells[0]);
      while (label.ends_with(':')) label = trim(label.substr(0, label.size() - 1));
      return {std::string(label) + " : " + cells[1]};
    }
    std::string line;
    for (const auto& c : cells) {
      if (c.empty()) continue;
      if (!line.empty()) line += " ; ";
      line += c;
    }
    return {line};
  }

  std::size_t row_bytes(const std::vector<std::vector<std::string>>& row) const {
    std::size_t n = 0;
    for (const auto& c : row) {
      for (const auto& p : c) n += p.size();
    }
    return n;
  }

  void end_row() {
    if (tables.empty()) return;
    Table& t = tables.back();
    std::vector<std::string> lines = row_lines(t.row);
    held -= std::min(held, row_bytes(t.row));
    t.row.clear();
    t.in_cell = false;
    if (tables.size() == 1) {
      for (const auto& l : lines) emit(l, Block::kRow);
      return;
    }
    // A table in a cell: its rows become pieces of the enclosing cell.
    Table& outer = tables[tables.size() - 2];
    if (!outer.in_cell || outer.row.empty()) return;
    for (auto& l : lines) {
      if (!room_for(l.size())) return;
      held += l.size();
      outer.row.back().push_back(std::move(l));
    }
  }

  void start(std::string_view uri, std::string_view name, int nb_attributes, const xmlChar** attributes) {
    if (full) return;
    if (skip > 0) {
      ++skip;
      return;
    }
    switch (tag(uri, name)) {
      case Tag::kSkip:
        skip = 1;
        break;
      case Tag::kParagraph:
        if (para_depth > 0) flush_paragraph();
        ++para_depth;
        break;
      case Tag::kText:
        ++in_text;
        break;
      case Tag::kTab:
        if (para_depth > 0) para += '\t';
        break;
      case Tag::kBreak:
        if (para_depth > 0) para += '\n';
        break;
      case Tag::kHyphen:
        if (para_depth > 0) para += '-';
        break;
      case Tag::kSpace:
        if (para_depth > 0) {
          std::size_t count = 1;
          if (const std::string_view c = attribute(nb_attributes, attributes, "c"); !c.empty()) {
            count = 0;
            for (std::size_t i = 0; i < c.size() && count <= kMaxSpaces && c[i] >= '0' && c[i] <= '9'; ++i) {
              count = count * 10 + static_cast<std::size_t>(c[i] - '0');
            }
          }
          para.append(std::min(count, kMaxSpaces), ' ');
          odt_space = false;
        }
        break;
      case Tag::kListItem:
        ++list_depth;
        break;
      case Tag::kNumbering:
        if (para_depth > 0) numbered = true;
        break;
      case Tag::kOutline:
        if (para_depth > 0) heading = true;
        break;
      case Tag::kStyle:
        if (para_depth > 0) {
          const std::string_view style = attribute(nb_attributes, attributes, "val");
          heading = heading || style.starts_with("Heading") || style.starts_with("Titre") || style == "Title";
        }
        break;
      case Tag::kTable:
        if (para_depth > 0) flush_paragraph();
        tables.emplace_back();
        break;
      case Tag::kRow:
        if (!tables.empty()) {
          tables.back().row.clear();
          tables.back().in_cell = false;
        }
        break;
      case Tag::kCell:
        if (!tables.empty()) {
          tables.back().row.emplace_back();
          tables.back().in_cell = true;
        }
        break;
      case Tag::kTitle:
      case Tag::kCreated:
        property = tag(uri, name);
        break;
      case Tag::kOther:
        break;
    }
  }

  void end(std::string_view uri, std::string_view name) {
    if (full) return;
    if (skip > 0) {
      --skip;
      return;
    }
    switch (tag(uri, name)) {
      case Tag::kParagraph:
        if (para_depth > 0) {
          flush_paragraph();
          --para_depth;
        }
        break;
      case Tag::kText:
        if (in_text > 0) --in_text;
        break;
      case Tag::kListItem:
        if (list_depth > 0) --list_depth;
        break;
      case Tag::kCell:
        if (!tables.empty()) tables.back().in_cell = false;
        break;
      case Tag::kRow:
        end_row();
        break;
      case Tag::kTable:
        if (!tables.empty()) {
          if (!tables.back().row.empty()) end_row();  // a row left open
          tables.pop_back();
          if (tables.empty()) held = 0;
        }
        break;
      case Tag::kTitle:
      case Tag::kCreated:
        property = Tag::kOther;
        break;
      default:
        break;
    }
  }

  void characters(std::string_view s) {
    if (full || skip > 0) return;
    if (part == Part::kProperties) {
      std::string& to = property == Tag::kTitle ? out.title : out.created;
      if (property != Tag::kOther && to.size() < kMaxProperty) to += utf8_prefix(s, kMaxProperty - to.size());
      return;
    }
    if (para_depth == 0) return;
    if (para.size() + out.text.size() + held + s.size() > max_text + 1024) {
      para += s;  // one paragraph larger than all the text allowed: kept up to the limit
      flush_paragraph();
      stop_full();
      return;
    }
    if (part == Part::kDocxBody) {
      if (in_text > 0) para += s;
      return;
    }
    // ODT: a run of white space is one space, none at a paragraph's start.
    for (char c : s) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        if (!odt_space && !para.empty()) para += ' ';
        odt_space = true;
      } else {
        para += c;
        odt_space = false;
      }
    }
  }

  // xmlParseChunk's last result: some errors (a failed encoding conversion)
  // are only reported there.
  int chunk_result = 0;

  bool failed() const {
    return !full && (doctype || chunk_result != 0 || (ctxt && (!ctxt->wellFormed || ctxt->errNo != 0)));
  }

  [[noreturn]] void throw_parse_error() const {
    if (doctype) throw NoContentError(Message{"read.xml_doctype", {}});
    if (const xmlError* e = ctxt ? xmlCtxtGetLastError(ctxt) : nullptr; e && e->code != 0 && e->message) {
      throw NoContentError(Message{"read.xml_malformed_at", {std::to_string(e->line), trim(e->message)}});
    }
    if (chunk_result == XML_ERR_INVALID_ENCODING) throw NoContentError(Message{"read.xml_malformed_encoding", {}});
    throw NoContentError(Message{"read.xml_malformed", {}});
  }

  // The SAX callbacks; `ctx` is the State.
  static void on_start(void* ctx, const xmlChar* localname, const xmlChar*, const xmlChar* uri, int, const xmlChar**,
                       int nb_attributes, int, const xmlChar** attributes) {
    static_cast<State*>(ctx)->start(view(uri), view(localname), nb_attributes, attributes);
  }
  static void on_end(void* ctx, const xmlChar* localname, const xmlChar*, const xmlChar* uri) {
    static_cast<State*>(ctx)->end(view(uri), view(localname));
  }
  static void on_characters(void* ctx, const xmlChar* ch, int len) {
    static_cast<State*>(ctx)->characters(
        std::string_view(reinterpret_cast<const char*>(ch), static_cast<std::size_t>(len)));
  }
  // A DOCTYPE: DOCX and ODT parts never have one, and it is where entities
  // (exponential expansion, external files) would be declared. Refused.
  static void on_doctype(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) {
    auto* state = static_cast<State*>(ctx);
    state->doctype = true;
    if (state->ctxt) xmlStopParser(state->ctxt);
  }
  // Errors are read from the context once parsing stops; nothing is printed.
  static void on_error(void*, xmlErrorPtr) {}
};

namespace {

void init_libxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

void silent(void*, const char*, ...) {}

// Some libxml2 messages (encoding errors) bypass the parser's handlers and go
// to the thread's generic error function, stderr by default: silenced while
// a part is parsed, the caller's function restored after.
class QuietErrors {
 public:
  QuietErrors() : saved_(xmlGenericError), saved_context_(xmlGenericErrorContext) {
    xmlSetGenericErrorFunc(nullptr, silent);
  }
  ~QuietErrors() { xmlSetGenericErrorFunc(saved_context_, saved_); }
  QuietErrors(const QuietErrors&) = delete;
  QuietErrors& operator=(const QuietErrors&) = delete;

 private:
  xmlGenericErrorFunc saved_;
  void* saved_context_;
};

}  // namespace

PartParser::PartParser(Part part, std::size_t max_text) : state_(std::make_unique<State>(part, max_text)) {
  init_libxml();
}

PartParser::~PartParser() {
  if (state_->ctxt) xmlFreeParserCtxt(state_->ctxt);
}

bool PartParser::done() const { return state_->full; }

void PartParser::feed(std::string_view bytes) {
  State& s = *state_;
  if (s.full || bytes.empty()) return;
  const QuietErrors quiet;
  if (!s.started) {
    xmlSAXHandler sax;
    std::memset(&sax, 0, sizeof sax);
    sax.initialized = XML_SAX2_MAGIC;
    sax.startElementNs = State::on_start;
    sax.endElementNs = State::on_end;
    sax.characters = State::on_characters;
    sax.ignorableWhitespace = State::on_characters;
    sax.cdataBlock = State::on_characters;
    sax.internalSubset = State::on_doctype;
    sax.serror = State::on_error;
    // The first bytes go with the context: they tell the encoding.
    const int first = static_cast<int>(std::min<std::size_t>(bytes.size(), 4));
    s.ctxt = xmlCreatePushParserCtxt(&sax, &s, bytes.data(), first, nullptr);
    if (!s.ctxt) throw CorpusError(Message{"read.xml_no_memory", {}});
    // No network, no entity substitution, no DTD loading, libxml2's limits kept.
    xmlCtxtUseOptions(s.ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    s.started = true;
    bytes.remove_prefix(static_cast<std::size_t>(first));
  }
  // xmlParseChunk takes an int size: larger inputs go in slices.
  constexpr std::size_t kSlice = 1u << 20;
  while (!bytes.empty() && !s.full && !s.failed()) {
    const std::size_t n = std::min(bytes.size(), kSlice);
    s.chunk_result = xmlParseChunk(s.ctxt, bytes.data(), static_cast<int>(n), 0);
    bytes.remove_prefix(n);
  }
  if (s.failed()) s.throw_parse_error();
}

PartText PartParser::finish() {
  State& s = *state_;
  if (!s.started) throw NoContentError(Message{"read.xml_empty", {}});
  if (!s.full) {
    const QuietErrors quiet;
    s.chunk_result = xmlParseChunk(s.ctxt, nullptr, 0, 1);
    if (s.failed()) s.throw_parse_error();
    if (s.para_depth > 0) s.flush_paragraph();
  }
  s.out.title = std::string(trim(s.out.title));
  s.out.created = std::string(trim(s.out.created));
  return std::move(s.out);
}

PartText parse_part(std::string_view xml, Part part, std::size_t max_text) {
  PartParser parser(part, max_text);
  parser.feed(xml);
  return parser.finish();
}

int year_of(std::string_view date) {
  date = trim(date);
  if (date.size() < 4) return 0;
  int year = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    if (date[i] < '0' || date[i] > '9') return 0;
    year = year * 10 + (date[i] - '0');
  }
  if (date.size() > 4 && date[4] != '-') return 0;
  return year >= 1900 && year <= 2100 ? year : 0;
}

}  // namespace fouille::corpus::detail
