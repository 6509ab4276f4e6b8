#include "query_parser.h"

#include <algorithm>
#include <cctype>
#include <string>

#include <unicode/utf8.h>

#include "fouille/base/error.h"
#include "fouille/stemming/fold.h"

namespace fouille::searcher {
namespace {

enum class Tok { kWord, kPhrase, kField, kLParen, kRParen, kAnd, kOr, kNot, kNear, kEnd };

struct Token {
  Tok kind = Tok::kEnd;
  std::string text;  // word, phrase, or field value
  std::string name;  // field name
  bool quoted = false;
  bool group = false;  // field name followed by '(': field:(a OU b)
  Node::Mod mod = Node::Mod::kNone;
  std::size_t position = 0;
  std::size_t window = 0;  // NEAR/N, PRES/N: N
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Operators are recognised in capitals only, so "et", "ou" stay words.
Tok operator_kind(std::string_view w) {
  if (w == "AND" || w == "ET") return Tok::kAnd;
  if (w == "OR" || w == "OU") return Tok::kOr;
  if (w == "NOT" || w == "SAUF") return Tok::kNot;
  if (w == "NEAR" || w == "PRES" || w == "PRÈS") return Tok::kNear;
  return Tok::kWord;
}

// NEAR/3, PRES/5: the window written after the operator, or 0 when `w` is
// not that form. Out of range (0, or over kMaxNearWindow) is still the form:
// the window is clamped and a note says so.
std::size_t near_window(std::string_view w, std::vector<Message>& notes) {
  const std::size_t slash = w.find('/');
  if (slash == std::string_view::npos || operator_kind(w.substr(0, slash)) != Tok::kNear) return 0;
  std::string_view digits = w.substr(slash + 1);
  if (digits.empty() || digits.size() > 6 || digits.find_first_not_of("0123456789") != std::string_view::npos) return 0;
  const std::size_t n = std::stoul(std::string(digits));
  const std::size_t window = std::clamp<std::size_t>(n, 1, kMaxNearWindow);
  if (window != n) {
    notes.push_back(Message{"note.near_window", {w, window, kMaxNearWindow}});
  }
  return window;
}

// `name` before a colon looks like a field someone meant (letters only, as
// « foo » in foo:bar), not a time (10:30) or an address (http://…).
bool looks_like_field_name(std::string_view name, std::string_view value) {
  if (name.empty() || value.empty() || value.starts_with("//")) return false;
  for (unsigned char c : name) {
    if (!(std::isalpha(c) || c >= 0x80 || c == '_')) return false;
  }
  return true;
}

class Lexer {
 public:
  Lexer(std::string_view q, std::vector<Message>& notes) : q_(q), notes_(notes) {}

  std::vector<Token> run() {
    std::vector<Token> out;
    while (true) {
      while (i_ < q_.size() && is_space(q_[i_])) ++i_;
      if (i_ >= q_.size()) break;
      Token t;
      t.position = i_;
      char c = q_[i_];
      if (c == '(' || c == ')') {
        t.kind = c == '(' ? Tok::kLParen : Tok::kRParen;
        ++i_;
        out.push_back(t);
        continue;
      }
      if ((c == '+' || c == '-') && i_ + 1 < q_.size() && !is_space(q_[i_ + 1])) {
        t.mod = c == '+' ? Node::Mod::kRequired : Node::Mod::kExcluded;
        ++i_;
      }
      if (q_[i_] == '"') {
        t.kind = Tok::kPhrase;
        t.text = quoted();
        out.push_back(t);
        continue;
      }
      std::size_t start = i_;
      while (i_ < q_.size() && !is_space(q_[i_]) && q_[i_] != '(' && q_[i_] != ')' && q_[i_] != '"') ++i_;
      std::string word(q_.substr(start, i_ - start));
      std::size_t colon = word.find(':');
      const bool field =
          colon != std::string::npos && colon > 0 && corpus::schema().field_for_name(word.substr(0, colon)) != nullptr;
      if (!field && colon != std::string::npos &&
          looks_like_field_name(std::string_view(word).substr(0, colon), std::string_view(word).substr(colon + 1))) {
        notes_.push_back(Message{"note.not_a_field", {word.substr(0, colon), word}});
      }
      if (field) {
        t.kind = Tok::kField;
        t.name = word.substr(0, colon);
        t.text = word.substr(colon + 1);
        if (t.text.empty() && i_ < q_.size() && q_[i_] == '"') {
          t.text = quoted();
          t.quoted = true;
        } else if (t.text.empty() && i_ < q_.size() && q_[i_] == '(') {
          t.group = true;  // the parser reads the group that follows
        } else if (numeric(*corpus::schema().field_for_name(t.name))) {
          join_digit_groups(t.text);
        }
        out.push_back(t);
        continue;
      }
      t.kind = t.mod == Node::Mod::kNone ? operator_kind(word) : Tok::kWord;
      if (t.kind == Tok::kWord && t.mod == Node::Mod::kNone) {
        if ((t.window = near_window(word, notes_)) != 0) t.kind = Tok::kNear;
      }
      t.text = word;
      if (!word.empty()) out.push_back(t);
    }
    Token end;
    end.position = q_.size();
    out.push_back(end);
    return out;
  }

 private:
  static bool numeric(const corpus::Field& field) {
    return field.kind == corpus::FieldKind::kNumber || field.kind == corpus::FieldKind::kYear ||
           field.id == corpus::FieldId::kBudgetRange;
  }

  // « budget:100 000..200 000 »: French writes thousands apart. While the
  // value ends with a digit and the query goes on with one space and a group
  // of exactly three digits (then the end, a space, a parenthesis or « .. »),
  // that group belongs to the number.
  void join_digit_groups(std::string& value) {
    auto digit = [](char c) { return c >= '0' && c <= '9'; };
    while (!value.empty() && digit(value.back()) && i_ + 4 <= q_.size() && q_[i_] == ' ' && digit(q_[i_ + 1]) &&
           digit(q_[i_ + 2]) && digit(q_[i_ + 3])) {
      const std::size_t after = i_ + 4;
      if (after < q_.size() && !is_space(q_[after]) && q_[after] != ')' && q_.substr(after, 2) != "..") break;
      std::size_t end = after;
      while (end < q_.size() && !is_space(q_[end]) && q_[end] != '(' && q_[end] != ')' && q_[end] != '"') ++end;
      value += q_.substr(i_ + 1, end - i_ - 1);
      i_ = end;
    }
  }

  std::string quoted() {
    std::size_t open = i_++;
    std::size_t close = q_.find('"', i_);
    if (close == std::string_view::npos) {
      notes_.push_back(Message{"note.unclosed_quote", {open + 1}});
      close = q_.size();
    }
    std::string text(q_.substr(i_, close - i_));
    i_ = close < q_.size() ? close + 1 : close;
    return text;
  }

  std::string_view q_;
  std::size_t i_ = 0;
  std::vector<Message>& notes_;
};

// or := and (OR and)* ; and := not (AND not)* ; not := seq (NOT seq)* ;
// seq := near+ ; near := primary (NEAR primary)*
class Parser {
 public:
  Parser(std::vector<Token> tokens, std::vector<Message>& notes) : t_(std::move(tokens)), notes_(notes) {}

  Node parse() {
    Node root = sequence_or_expr(/*top=*/true);
    return root;
  }

 private:
  const Token& peek() const { return t_[k_]; }
  Token take() { return t_[k_ < t_.size() - 1 ? k_++ : k_]; }

  Node sequence_or_expr(bool top) {
    Node seq;
    seq.kind = Node::Kind::kSequence;
    while (true) {
      Tok k = peek().kind;
      if (k == Tok::kEnd) break;
      if (k == Tok::kRParen) {
        if (!top) break;
        notes_.push_back(Message{"note.stray_paren", {peek().position + 1}});
        take();
        continue;
      }
      seq.children.push_back(or_expr());
    }
    return seq;
  }

  // One node for the whole chain: a OU b OU c is flat, not nested.
  Node or_expr() {
    Node left = and_expr();
    if (peek().kind != Tok::kOr) return left;
    Node node;
    node.kind = Node::Kind::kOr;
    node.children.push_back(std::move(left));
    while (peek().kind == Tok::kOr) {
      take();
      if (!starts_operand()) break;
      node.children.push_back(and_expr());
    }
    return node.children.size() == 1 ? std::move(node.children.front()) : node;
  }

  // One node for the whole chain: a OU b OU c is flat, not nested.
  Node and_expr() {
    Node left = not_expr();
    if (peek().kind != Tok::kAnd) return left;
    Node node;
    node.kind = Node::Kind::kAnd;
    node.children.push_back(std::move(left));
    while (peek().kind == Tok::kAnd) {
      take();
      if (!starts_operand()) break;
      node.children.push_back(not_expr());
    }
    return node.children.size() == 1 ? std::move(node.children.front()) : node;
  }

  // a SAUF b SAUF c: one node, its first child less every other.
  Node not_expr() {
    Node left = near_expr();
    if (peek().kind != Tok::kNot) return left;
    Node node;
    node.kind = Node::Kind::kAndNot;
    node.children.push_back(std::move(left));
    while (peek().kind == Tok::kNot) {
      take();
      if (!starts_operand()) break;
      node.children.push_back(near_expr());
    }
    return node.children.size() == 1 ? std::move(node.children.front()) : node;
  }

  Node near_expr() {
    Node left = primary();
    if (peek().kind != Tok::kNear) return left;
    Node node;
    node.kind = Node::Kind::kNear;
    node.children.push_back(std::move(left));
    while (peek().kind == Tok::kNear) {
      node.window = std::max(node.window, take().window);  // NEAR/N: the widest written
      if (!starts_operand()) break;
      node.children.push_back(primary());
    }
    return node.children.size() == 1 ? std::move(node.children.front()) : node;
  }

  bool starts_operand() const {
    Tok k = peek().kind;
    return k == Tok::kWord || k == Tok::kPhrase || k == Tok::kField || k == Tok::kLParen;
  }

  // Entered once per level of parentheses or leading NOT.
  void descend(const Token& t) {
    if (++depth_ > kMaxQueryDepth) {
      throw QueryError(t.position + 1, Message{"query.too_deep", {kMaxQueryDepth}});
    }
  }

  Node primary() {
    Token t = take();
    Node n;
    n.position = t.position;
    n.mod = t.mod;
    switch (t.kind) {
      case Tok::kLParen: {
        descend(t);
        n = sequence_or_expr(/*top=*/false);
        --depth_;
        n.position = t.position;
        if (peek().kind == Tok::kRParen) {
          take();
        } else {
          notes_.push_back(Message{"note.unclosed_paren", {t.position + 1}});
        }
        return n;
      }
      case Tok::kPhrase:
        n.kind = Node::Kind::kPhrase;
        n.text = t.text;
        return n;
      case Tok::kField:
        n.kind = Node::Kind::kField;
        n.field = corpus::schema().field_for_name(t.name);
        n.name = t.name;
        n.text = t.text;
        n.quoted = t.quoted;
        if (t.group && peek().kind == Tok::kLParen) n.children.push_back(primary());  // field:(…)
        return n;
      case Tok::kNot:
        if (starts_operand()) {  // a leading NOT: everything but its operand
          n.kind = Node::Kind::kAndNot;
          n.children.resize(2);
          descend(t);
          n.children[1] = primary();
          --depth_;
          return n;
        }
        [[fallthrough]];
      default:
        // A word, or an operator where an operand was due: read it as a word.
        n.text = t.text;
        n.kind = Node::Kind::kWord;
        if (n.text.size() > 1 && n.text.back() == '*') {
          n.kind = Node::Kind::kWildcard;
          n.text.pop_back();
        }
        return n;
    }
  }

  std::vector<Token> t_;
  std::size_t k_ = 0;
  std::size_t depth_ = 0;
  std::vector<Message>& notes_;
};

}  // namespace

ParsedQuery parse_query(std::string_view query) {
  if (query.size() > kMaxQueryBytes) {
    throw QueryError(Message{"query.too_long", {query.size(), kMaxQueryBytes}});
  }
  for (std::size_t i = 0; i < query.size();) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(query.data());
    const auto at = static_cast<int32_t>(i);
    int32_t next = at;
    UChar32 c;
    U8_NEXT(bytes, next, static_cast<int32_t>(query.size()), c);
    if (c < 0) throw QueryError(Message{"query.not_utf8", {static_cast<std::size_t>(at) + 1}});
    i = static_cast<std::size_t>(next);
  }
  ParsedQuery parsed;
  Lexer lexer(query, parsed.notes);
  Parser parser(lexer.run(), parsed.notes);
  parsed.root = parser.parse();
  return parsed;
}

}  // namespace fouille::searcher
