#include "fouille/store/stored_document.h"

#include <algorithm>
#include <bit>
#include <cstring>
#include <iterator>
#include <limits>
#include <variant>

#include <nlohmann/json.hpp>
#include <unicode/utf8.h>

#include "fouille/corpus/document_fields.h"
#include "fouille/corpus/document_json.h"

namespace fouille::store {
namespace {

using Json = nlohmann::json;

// Reads the stored JSON straight into the document's members, as the parser
// meets them, without building the JSON tree first: decoding the hits of a
// page was a twelfth of a server request. A member takes a value of its own
// type only (a string, a number, an integer, an array of strings); anything
// else, nested or unknown, is passed over.
class MemberReader final : public nlohmann::json_sax<Json> {
 public:
  explicit MemberReader(StoredDocument& doc) : doc_(doc) {}

  bool null() override { return scalar(); }
  bool boolean(bool) override { return scalar(); }
  bool number_integer(number_integer_t v) override { return number(static_cast<double>(v), true); }
  bool number_unsigned(number_unsigned_t v) override { return number(static_cast<double>(v), true); }
  bool number_float(number_float_t v, const string_t&) override { return number(v, false); }
  bool binary(binary_t&) override { return scalar(); }

  bool string(string_t& s) override {
    if (depth_ == 1 && member_) {
      if (auto m = std::get_if<std::string corpus::Document::*>(&member_->member)) doc_.** m = std::move(s);
    } else if (depth_ == 2 && list_) {
      (doc_.*list_).push_back(std::move(s));
    }
    return scalar();
  }

  bool start_object(std::size_t) override { return open(/*object=*/true); }
  bool end_object() override { return close(); }
  bool key(string_t& k) override {
    if (depth_ == 1) member_ = find(k);
    return true;
  }
  bool start_array(std::size_t) override {
    if (depth_ == 1 && member_) {
      if (auto m = std::get_if<std::vector<std::string> corpus::Document::*>(&member_->member)) {
        list_ = *m;
        (doc_.*list_).clear();
      }
    }
    return open(/*object=*/false);
  }
  bool end_array() override {
    if (depth_ == 2) list_ = nullptr;
    return close();
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

  bool object() const { return object_; }

 private:
  static const corpus::DocumentMember* find(std::string_view key) {
    for (const auto& m : corpus::document_members()) {
      if (m.key == key) return &m;
    }
    return nullptr;
  }
  bool open(bool object) {
    if (depth_ == 0) object_ = object;  // the document is one object
    ++depth_;
    return true;
  }
  bool close() {
    --depth_;
    if (depth_ == 1) member_ = nullptr;
    return true;
  }
  bool scalar() {
    if (depth_ == 0) object_ = false;  // a bare value
    if (depth_ == 1) member_ = nullptr;
    return true;
  }
  bool number(double v, bool integer) {
    if (depth_ == 1 && member_) {
      if (auto m = std::get_if<std::optional<double> corpus::Document::*>(&member_->member)) doc_.** m = v;
      auto m = std::get_if<std::optional<int> corpus::Document::*>(&member_->member);
      if (m && integer && v >= std::numeric_limits<int>::min() && v <= std::numeric_limits<int>::max()) {
        doc_.** m = static_cast<int>(v);
      }
    }
    return scalar();
  }

  StoredDocument& doc_;
  int depth_ = 0;
  bool object_ = false;
  const corpus::DocumentMember* member_ = nullptr;              // the top-level key's member
  std::vector<std::string> corpus::Document::*list_ = nullptr;  // the array being read into
};

// dump()'s escape of an ASCII byte, or "" when it stands for itself; `code`
// holds a \u escape.
std::string_view ascii_escape(uint8_t c, char (&code)[6]) {
  switch (c) {
    case '"':
      return "\\\"";
    case '\\':
      return "\\\\";
    case '\b':
      return "\\b";
    case '\f':
      return "\\f";
    case '\n':
      return "\\n";
    case '\r':
      return "\\r";
    case '\t':
      return "\\t";
    default:
      if (c >= 0x20) return {};
      static constexpr char kHex[] = "0123456789abcdef";
      const char u[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
      std::copy(std::begin(u), std::end(u), code);
      return std::string_view(code, sizeof code);
  }
}

// The bytes at `p` that need care in a JSON string (not ASCII, a control
// byte, '"' or '\\'), as the high bit of each of the 8 bytes: 0 when all
// stand for themselves. By the zero-byte tests on a 64-bit word, whose lowest
// flag is exact (those above it may not be).
uint64_t special8(const uint8_t* p) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
  uint64_t w;
  std::memcpy(&w, p, 8);
  const auto below = [&](uint64_t x, uint8_t n) { return (x - kOnes * n) & ~x & kHigh; };
  return (w & kHigh) | below(w, 0x20) | below(w ^ (kOnes * '"'), 1) | below(w ^ (kOnes * '\\'), 1);
}

// nlohmann's dump() checks and escapes strings a byte at a time through a
// UTF-8 state machine: with the narrative in it, 2% of an indexing run's
// instructions. The stored data is written here with the same bytes: valid
// UTF-8 strings with dump()'s escapes, anything else by dump() itself.
void write_string(std::string_view s, std::string& out) {
  if (s.size() > static_cast<std::size_t>(std::numeric_limits<int32_t>::max())) {  // past ICU's offsets
    out += Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
    return;
  }
  const std::size_t start = out.size();
  out += '"';
  const auto* p = reinterpret_cast<const uint8_t*>(s.data());
  const auto len = static_cast<int32_t>(s.size());
  int32_t run = 0;  // start of the bytes not yet copied
  auto escape = [&](int32_t at, std::string_view with) {
    out.append(s.substr(static_cast<std::size_t>(run), static_cast<std::size_t>(at - run)));
    out += with;
    run = at + 1;
  };
  for (int32_t i = 0; i < len;) {
    if (len - i >= 8) {  // most of a French text: runs of ASCII letters
      const uint64_t special = special8(p + i);
      if (special == 0) {
        i += 8;
        continue;
      }
      if constexpr (std::endian::native == std::endian::little) {
        i += std::countr_zero(special) >> 3;  // to the first byte needing care
      }
    }
    const uint8_t c = p[i];
    if (c >= 0x80) {
      UChar32 cp;
      U8_NEXT(p, i, len, cp);
      if (cp < 0) {  // invalid bytes: dump() replaces them with U+FFFD
        out.resize(start);
        out += Json(std::string(s)).dump(-1, ' ', false, Json::error_handler_t::replace);
        return;
      }
      continue;
    }
    char code[6];
    if (const std::string_view e = ascii_escape(c, code); !e.empty()) escape(i, e);
    ++i;
  }
  out.append(s.substr(static_cast<std::size_t>(run)));
  out += '"';
}

// A member's value as corpus::to_json's tree would be dumped; false for a
// member to_json leaves out (empty text or list, no number).
bool write_value(const std::string& s, std::string& out) {
  if (s.empty()) return false;
  write_string(s, out);
  return true;
}
bool write_value(const std::vector<std::string>& list, std::string& out) {
  if (list.empty()) return false;
  out += '[';
  for (std::size_t i = 0; i < list.size(); ++i) {
    if (i > 0) out += ',';
    write_string(list[i], out);
  }
  out += ']';
  return true;
}
bool write_value(const std::optional<int>& v, std::string& out) {
  if (!v) return false;
  out += std::to_string(*v);
  return true;
}
bool write_value(const std::optional<double>& v, std::string& out) {
  if (!v) return false;
  out += Json(*v).dump();  // dump()'s shortest round-trip form, null for NaN
  return true;
}

// The members in the order a JSON object (a map) writes its keys.
const std::vector<const corpus::DocumentMember*>& members_by_key() {
  static const auto sorted = [] {
    std::vector<const corpus::DocumentMember*> out;
    for (const auto& m : corpus::document_members()) out.push_back(&m);
    std::sort(out.begin(), out.end(), [](const auto* a, const auto* b) { return a->key < b->key; });
    return out;
  }();
  return sorted;
}

}  // namespace

// Written straight from the members, with the bytes dump() gives for
// corpus::to_json(doc) (a test compares them), but without building that
// tree: it copied every string, the narrative too, into nodes of its own.
std::string encode_document(const corpus::Document& doc) {
  std::string out;
  out.reserve(doc.body.size() + doc.title.size() + 1024);
  out += '{';
  for (const corpus::DocumentMember* m : members_by_key()) {
    const std::size_t before = out.size();
    if (before > 1) out += ',';
    write_string(m->key, out);
    out += ':';
    if (!std::visit([&](auto member) { return write_value(doc.*member, out); }, m->member)) out.resize(before);
  }
  out += '}';
  return out;
}

StoredDocument decode_document(std::string_view data) {
  StoredDocument doc;
  MemberReader reader(doc);
  if (!Json::sax_parse(data.begin(), data.end(), &reader) || !reader.object()) return StoredDocument();
  return doc;
}

}  // namespace fouille::store
