// Private: the XML parts of DOCX and ODT documents turned into text lines,
// as the layout reader (parse_text) reads them. A part is parsed as a
// stream (libxml2's push parser, SAX callbacks, no tree): its bytes can be
// fed a chunk at a time as they are decompressed, and memory stays bounded
// by the text kept, whatever the part's size.
//
//   PartParser parser(Part::kDocxBody, options.max_text_bytes);
//   while (... next chunk ...) parser.feed(chunk);
//   PartText text = parser.finish();
//
// The text: one line a paragraph or heading, a blank line between
// paragraphs; list items ("• item") and table rows one a line; a table row
// of two cells "Label : value", a wider one its cells joined by " ; ". A
// paragraph that is a field label alone (« Date de début ») is followed by
// its value on the next line, without a blank line, so that the layout
// reader pairs them. Left out: deleted text of tracked changes, field codes,
// comments, footnotes, hidden text and the fallback copy of drawings (DOCX);
// notes, tracked changes, annotations and tables of contents (ODT). Running
// headers and footers live in other parts, which are not read.
//
// Hostile input: a part with a DOCTYPE is refused (no entity can be
// declared, none loaded); the network is never used; libxml2's default
// limits hold (no XML_PARSE_HUGE: depth, name and text node sizes).
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

namespace fouille::corpus::detail {

enum class Part {
  kDocxBody,    ///< word/document.xml
  kOdtBody,     ///< content.xml
  kProperties,  ///< docProps/core.xml or meta.xml: the title and creation date
};

struct PartText {
  std::string text;     ///< the lines (kDocxBody, kOdtBody)
  bool cut = false;     ///< text stopped at the limit given to the parser
  std::string title;    ///< dc:title (kProperties), trimmed
  std::string created;  ///< dcterms:created or meta:creation-date (kProperties)
};

/// Parses one part fed in chunks. Not copyable; one per part and thread.
class PartParser {
 public:
  /// Keeps at most `max_text` bytes of text (then stops parsing: `done()`).
  PartParser(Part part, std::size_t max_text);
  ~PartParser();
  PartParser(const PartParser&) = delete;
  PartParser& operator=(const PartParser&) = delete;

  /// Parses the next bytes of the part. Throws CorpusError (the reason, no
  /// file name) when the XML is malformed or holds a DOCTYPE.
  void feed(std::string_view bytes);
  /// True once the text limit is reached: the rest need not be fed.
  bool done() const;
  /// Ends the part and returns its text. Throws CorpusError as feed() does,
  /// also for a part that stops before its end.
  PartText finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// Parses a whole part at once (tests, small parts).
PartText parse_part(std::string_view xml, Part part, std::size_t max_text);

/// The year a creation date starts with ("2023-04-01T10:00:00Z" → 2023), or
/// 0 when it holds none in 1900..2100.
int year_of(std::string_view date);

}  // namespace fouille::corpus::detail
