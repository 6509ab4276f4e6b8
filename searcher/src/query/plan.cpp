#include "query/plan.h"

#include <charconv>
#include <stdexcept>

namespace fouille::searcher {
namespace {

const char* op_name(Plan::Op op) {
  switch (op) {
    case Plan::Op::kEmpty:
      return "empty";
    case Plan::Op::kAll:
      return "all";
    case Plan::Op::kNothing:
      return "nothing";
    case Plan::Op::kTerm:
      return "term";
    case Plan::Op::kPhrase:
      return "phrase";
    case Plan::Op::kNear:
      return "near";
    case Plan::Op::kRange:
      return "range";
    case Plan::Op::kDocs:
      return "docs";
    case Plan::Op::kAnd:
      return "and";
    case Plan::Op::kOr:
      return "or";
    case Plan::Op::kAndNot:
      return "and-not";
    case Plan::Op::kAndMaybe:
      return "and-maybe";
    case Plan::Op::kFilter:
      return "filter";
    case Plan::Op::kSynonym:
      return "synonym";
    case Plan::Op::kScale:
      return "scale";
  }
  return "?";
}

// The shortest text that reads back as the same double.
std::string number_text(double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, end);
}

// A term quoted, with '"' and '\' escaped: terms may hold any byte.
void quote(std::string& out, const std::string& term) {
  out += '"';
  for (char c : term) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
}

void write_key(const Plan& p, std::string& out) {
  const Plan::Op op = p.op();
  switch (op) {
    case Plan::Op::kEmpty:
    case Plan::Op::kAll:
    case Plan::Op::kNothing:
      out += op_name(op);
      return;
    case Plan::Op::kTerm:
      quote(out, p.term());
      return;
    case Plan::Op::kPhrase:
    case Plan::Op::kNear:
      out += '(';
      out += op_name(op);
      out += '/' + std::to_string(p.window());
      for (const auto& t : p.terms()) {
        out += ' ';
        quote(out, t);
      }
      out += ')';
      return;
    case Plan::Op::kRange: {
      const NumberRange& r = p.range();
      out += "(range " + std::to_string(r.slot) + ' ' + (r.low ? number_text(*r.low) : "*") + ' ' +
             (r.high ? number_text(*r.high) : "*") + ')';
      return;
    }
    case Plan::Op::kDocs:
      out += "(docs " + (p.docs() ? std::to_string(p.docs()->count()) : std::string("every")) + ' ' +
             number_text(p.weight()) + ')';
      return;
    case Plan::Op::kScale:
      out += "(scale " + number_text(p.factor()) + ' ';
      write_key(p.parts().front(), out);
      out += ')';
      return;
    default:
      out += '(';
      out += op_name(op);
      for (const auto& part : p.parts()) {
        out += ' ';
        write_key(part, out);
      }
      out += ')';
  }
}

}  // namespace

const Plan::Node& Plan::node() const {
  if (!node_) throw std::logic_error("Plan: an empty plan has no parts");
  return *node_;
}

Plan Plan::all() {
  auto n = std::make_shared<Node>();
  n->op = Op::kAll;
  return Plan(std::move(n));
}

Plan Plan::nothing() {
  auto n = std::make_shared<Node>();
  n->op = Op::kNothing;
  return Plan(std::move(n));
}

Plan Plan::term(std::string term) {
  auto n = std::make_shared<Node>();
  n->op = Op::kTerm;
  n->term = std::move(term);
  return Plan(std::move(n));
}

Plan Plan::phrase(std::vector<std::string> terms, unsigned window) {
  auto n = std::make_shared<Node>();
  n->op = Op::kPhrase;
  n->terms = std::move(terms);
  n->window = window;
  return Plan(std::move(n));
}

Plan Plan::near(std::vector<std::string> terms, unsigned window) {
  auto n = std::make_shared<Node>();
  n->op = Op::kNear;
  n->terms = std::move(terms);
  n->window = window;
  return Plan(std::move(n));
}

Plan Plan::range(NumberRange range) {
  auto n = std::make_shared<Node>();
  n->op = Op::kRange;
  n->range = std::move(range);
  return Plan(std::move(n));
}

Plan Plan::docs(std::shared_ptr<const DocSet> set, double weight) {
  auto n = std::make_shared<Node>();
  n->op = Op::kDocs;
  n->docs = std::move(set);
  n->number = weight;
  return Plan(std::move(n));
}

Plan Plan::every(double weight) { return docs(nullptr, weight); }

Plan Plan::join(Op op, std::vector<Plan> parts) {
  if (op < Op::kAnd || op == Op::kScale) throw std::logic_error("Plan::join: not an operator");
  auto n = std::make_shared<Node>();
  n->op = op;
  n->parts = std::move(parts);
  return Plan(std::move(n));
}

Plan Plan::scale(Plan part, double factor) {
  auto n = std::make_shared<Node>();
  n->op = Op::kScale;
  n->number = factor;
  n->parts.push_back(std::move(part));
  return Plan(std::move(n));
}

const std::string& Plan::term() const { return node().term; }
const std::vector<std::string>& Plan::terms() const { return node().terms; }
unsigned Plan::window() const { return node().window; }
const NumberRange& Plan::range() const { return node().range; }
const std::shared_ptr<const DocSet>& Plan::docs() const { return node().docs; }
double Plan::weight() const { return node().number; }
double Plan::factor() const { return node().number; }

const std::vector<Plan>& Plan::parts() const {
  static const std::vector<Plan> kNone;
  return node_ ? node_->parts : kNone;
}

std::string Plan::key() const {
  std::string out;
  write_key(*this, out);
  return out;
}

Plan combine(Plan::Op op, std::vector<Plan> parts) {
  if (parts.empty()) return Plan();
  if (parts.size() == 1) return std::move(parts.front());
  return Plan::join(op, std::move(parts));
}

}  // namespace fouille::searcher
