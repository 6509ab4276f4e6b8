// The IATI reader: XML files of `iati-activity` elements (any version, 1.0x
// on a best-effort basis), each activity one document, handed to the sink as
// soon as its end tag is read.
//
// The file is streamed through libxml2's xmlTextReader, a node at a time:
// memory holds the activity being read, never the file (published dumps reach
// hundreds of MB). An activity over ReadOptions::max_record_bytes is skipped
// with a line. No network, no DTD, no entity expansion: a hostile file costs
// at most its own size in parsing. A file cut or broken mid-element keeps
// the activities completed before the fault and gets one line.
#include <cstring>
#include <libxml/xmlreader.h>
#include <mutex>
#include <set>

#include "fouille/base/error.h"

#include "iati_activity.h"
#include "readers.h"
#include "table.h"

namespace fouille::corpus::detail {
namespace {

struct Input {
  std::istream& in;
};

int read_input(void* context, char* buffer, int size) {
  auto& in = static_cast<Input*>(context)->in;
  in.read(buffer, size);
  if (in.bad()) return -1;
  return static_cast<int>(in.gcount());
}

// The first error libxml2 reports (the one that stops the parse).
struct Fault {
  std::string message;
  int line = 0;
};

void record_error(void* context, xmlErrorPtr error) {
  auto* fault = static_cast<Fault*>(context);
  if (!fault->message.empty() || !error) return;
  fault->message = error->message ? error->message : "XML error";
  while (!fault->message.empty() && (fault->message.back() == '\n' || fault->message.back() == ' ')) {
    fault->message.pop_back();
  }
  fault->line = error->line;
}

std::string_view view(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

// The attributes of the element the reader is on; the reader stays there.
void read_attributes(xmlTextReaderPtr reader, IatiElement& element, std::size_t& bytes) {
  if (xmlTextReaderHasAttributes(reader) != 1) return;
  while (xmlTextReaderMoveToNextAttribute(reader) == 1) {
    const std::string_view name = view(xmlTextReaderConstName(reader));
    if (name.starts_with("xmlns")) continue;
    const std::string_view value = view(xmlTextReaderConstValue(reader));
    bytes += name.size() + value.size();
    element.attributes.emplace_back(name, value);
  }
  xmlTextReaderMoveToElement(reader);
}

class IatiReader : public ByteReader {
 public:
  std::string read(std::istream& in, std::uintmax_t, const std::string& source, const ReadOptions& options,
                   ReadSink& sink) const override {
    static std::once_flag init;
    std::call_once(init, [] { xmlInitParser(); });  // before threads share it
    Input input{in};
    Fault fault;
    std::unique_ptr<xmlTextReader, void (*)(xmlTextReaderPtr)> reader(
        xmlReaderForIO(
            &read_input, nullptr, &input, nullptr, nullptr,
            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA | XML_PARSE_COMPACT),
        &xmlFreeTextReader);
    if (!reader) throw CorpusError(Message{"read.cannot_read_xml_reader", {}});
    xmlTextReaderSetStructuredErrorHandler(reader.get(), &record_error, &fault);
    State state(source, options, sink);
    int status = 0;
    while ((status = xmlTextReaderRead(reader.get())) == 1) state.node(reader.get());
    if (status != 0) {
      if (fault.message.empty()) fault.message = "XML error";
      if (state.read == 0 && state.skipped == 0) {
        throw CorpusError(Message{"read.iati_not_xml", {std::to_string(fault.line), fault.message}});
      }
      sink.warning(Message{"read.in_file",
                           {source, Message{state.open ? "read.iati_cut_open" : "read.iati_cut",
                                            {std::to_string(fault.line), fault.message, state.read}}}});
    } else if (state.read == 0 && state.skipped == 0) {
      throw CorpusError(Message{"read.iati_none", {}});
    }
    const std::string_view encoding = view(xmlTextReaderConstEncoding(reader.get()));
    return "IATI" + (state.version.empty() ? std::string() : " " + state.version) + ", " +
           (encoding.empty() ? std::string("UTF-8") : std::string(encoding));
  }

 private:
  // What the walk knows between nodes.
  struct State {
    State(const std::string& file, const ReadOptions& limits, ReadSink& to) : source(file), options(limits), sink(to) {}

    const std::string& source;
    const ReadOptions& options;
    ReadSink& sink;
    std::string version;
    std::size_t read = 0, skipped = 0;
    bool open = false;               // inside an iati-activity
    bool skipping = false;           // its size is over the limit: read past it
    int depth = 0;                   // the activity's depth
    long start = 0;                  // bytes consumed when it opened
    std::size_t kept = 0;            // bytes of text and attributes held for it
    std::vector<IatiElement> stack;  // stack[0]: the activity
    std::vector<const IatiElement*> ancestors;
    std::optional<IatiActivity> activity;
    std::set<std::string> identifiers;  // of this file, to tell duplicates apart

    void node(xmlTextReaderPtr r) {
      const int type = xmlTextReaderNodeType(r);
      if (!open) {
        if (type != XML_READER_TYPE_ELEMENT) return;
        const std::string_view name = view(xmlTextReaderConstLocalName(r));
        if (name == "iati-activities") {
          if (xmlChar* v = xmlTextReaderGetAttribute(r, BAD_CAST "version")) {
            version = std::string(trim(view(v)));
            xmlFree(v);
          }
        }
        if (name != "iati-activity") return;
        open = true;
        skipping = false;
        depth = xmlTextReaderDepth(r);
        start = xmlTextReaderByteConsumed(r);
        kept = 0;
        stack.clear();
        stack.emplace_back().name = name;
        read_attributes(r, stack.back(), kept);
        if (version.empty()) version = std::string(trim(stack.back().attribute("version")));
        activity.emplace(stack.back());
        if (xmlTextReaderIsEmptyElement(r) == 1) end_activity();
        return;
      }
      if (type == XML_READER_TYPE_END_ELEMENT && xmlTextReaderDepth(r) == depth) return end_activity();
      if (skipping) return;
      switch (type) {
        case XML_READER_TYPE_ELEMENT: {
          IatiElement& e = stack.emplace_back();
          e.name = view(xmlTextReaderConstLocalName(r));
          read_attributes(r, e, kept);
          if (xmlTextReaderIsEmptyElement(r) == 1) close_element();
          break;
        }
        case XML_READER_TYPE_TEXT:
        case XML_READER_TYPE_CDATA: {
          const std::string_view text = view(xmlTextReaderConstValue(r));
          kept += text.size();
          stack.back().text += text;
          break;
        }
        case XML_READER_TYPE_END_ELEMENT:
          if (stack.size() > 1) close_element();
          break;
        default:
          break;
      }
      const long consumed = xmlTextReaderByteConsumed(r) - start;
      if (std::max<std::size_t>(kept, consumed > 0 ? static_cast<std::size_t>(consumed) : 0) >
          options.max_record_bytes) {
        skipping = true;
        const std::string& id = activity->identifier();
        const std::string which = std::to_string(read + skipped + 1) + (id.empty() ? "" : " (" + id + ")");
        sink.warning(
            Message{"read.in_file", {source, Message{"read.iati_too_large", {which, options.max_record_bytes}}}});
        stack.clear();
        stack.shrink_to_fit();
      }
    }

    // The element on top of the stack is closed: a narrative goes to its
    // parent, anything else to the activity.
    void close_element() {
      IatiElement e = std::move(stack.back());
      stack.pop_back();
      if (e.name == "narrative") {
        std::string lang(trim(e.attribute("xml:lang")));
        for (char& c : lang) {
          if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        }
        stack.back().narratives.push_back({std::move(lang), std::string(trim(e.text))});
        return;
      }
      ancestors.clear();
      for (const auto& a : stack) ancestors.push_back(&a);
      activity->close(e, ancestors);
    }

    void end_activity() {
      open = false;
      if (skipping) {
        ++skipped;
        activity.reset();
        return;
      }
      std::string id = activity->identifier();
      Document doc = activity->build(source);
      if (id.empty()) {
        sink.warning(Message{"read.in_file", {source, Message{"read.iati_no_id", {read + skipped + 1}}}});
        id = "activity-" + std::to_string(read + skipped + 1);
      }
      // The source is the document's key in the index: two activities of one
      // file with the same identifier must not replace each other.
      if (!identifiers.insert(id).second) {
        sink.warning(
            Message{"read.in_file",
                    {source, Message{"read.iati_repeated", {id, id + "~" + std::to_string(read + skipped + 1)}}}});
        id += "~" + std::to_string(read + skipped + 1);
      }
      doc.source = source + "#" + id;
      for (const auto& w : doc.warnings) sink.warning(Message{"read.in_file", {doc.source, w}});
      ++read;
      activity.reset();
      stack.clear();
      sink.document(std::move(doc));
    }
  };
};

// Past a byte-order mark, the XML declaration, comments and a doctype: the
// first element's name.
std::string_view first_element(std::string_view head) {
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  while (true) {
    const std::size_t lt = head.find('<');
    if (lt == std::string_view::npos) return {};
    if (head.substr(0, lt).find_first_not_of(" \t\r\n") != std::string_view::npos) return {};
    head.remove_prefix(lt);
    if (head.starts_with("<?")) {
      const std::size_t end = head.find("?>");
      if (end == std::string_view::npos) return {};
      head.remove_prefix(end + 2);
    } else if (head.starts_with("<!--")) {
      const std::size_t end = head.find("-->");
      if (end == std::string_view::npos) return {};
      head.remove_prefix(end + 3);
    } else if (head.starts_with("<!")) {
      const std::size_t end = head.find('>');
      if (end == std::string_view::npos) return {};
      head.remove_prefix(end + 1);
    } else {
      head.remove_prefix(1);
      const std::size_t end = head.find_first_of(" \t\r\n/>");
      return head.substr(0, end);
    }
  }
}

}  // namespace

const ByteReader& iati_reader() {
  static const IatiReader reader;
  return reader;
}

bool looks_like_iati(std::string_view head) {
  const std::string_view name = first_element(head);
  return name == "iati-activities" || name == "iati-activity";
}

}  // namespace fouille::corpus::detail
