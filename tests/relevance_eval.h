// Ranking quality on the judged set of tests/relevance/ (queries.tsv,
// judgments.tsv, docs/): nDCG@10 of fouille, of a plain Xapian BM25 engine
// and of any ranked run read from a file. Shared by tests/relevance_test.cpp
// and bench/relevance.cpp.
//
//   fouille::relevance::JudgedSet set = fouille::relevance::load("tests/relevance");
//   fouille::relevance::Run ours = fouille::relevance::run_fouille(set, "work/dir");
//   double score = fouille::relevance::mean_ndcg(set, ours);
#pragma once

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

#include "fouille/indexer/indexer.h"
#include "fouille/searcher/searcher.h"

namespace fouille::relevance {

namespace fs = std::filesystem;

struct Query {
  std::string id, text, kind;
};

struct JudgedSet {
  fs::path docs;
  std::vector<Query> queries;
  std::map<std::string, std::map<std::string, int>> grades;  // qid -> file -> grade
};

/// qid -> file names, best first (at least the first 10).
using Run = std::map<std::string, std::vector<std::string>>;

inline std::vector<std::vector<std::string>> read_tsv(const fs::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path.string() + ": cannot read");
  std::vector<std::vector<std::string>> rows;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (header) {  // the first line names the columns
      header = false;
      continue;
    }
    std::vector<std::string> cells;
    std::stringstream row(line);
    std::string cell;
    while (std::getline(row, cell, '\t')) cells.push_back(cell);
    rows.push_back(std::move(cells));
  }
  return rows;
}

/// Reads DIR/queries.tsv (qid, query, kind, note) and DIR/judgments.tsv (qid,
/// file, grade); throws std::runtime_error naming the file and line.
inline JudgedSet load(const fs::path& dir) {
  JudgedSet set;
  set.docs = dir / "docs";
  for (const auto& r : read_tsv(dir / "queries.tsv")) {
    if (r.size() < 3) throw std::runtime_error((dir / "queries.tsv").string() + ": expected qid, query, kind");
    set.queries.push_back({r[0], r[1], r[2]});
  }
  for (const auto& r : read_tsv(dir / "judgments.tsv")) {
    if (r.size() < 3) throw std::runtime_error((dir / "judgments.tsv").string() + ": expected qid, file, grade");
    set.grades[r[0]][r[1]] = std::stoi(r[2]);
  }
  return set;
}

/// nDCG@10 with gains 2^grade - 1.
inline double ndcg10(const std::vector<std::string>& ranked, const std::map<std::string, int>& grades) {
  auto gain = [](int g) { return std::pow(2.0, g) - 1.0; };
  double dcg = 0;
  for (std::size_t i = 0; i < ranked.size() && i < 10; ++i) {
    auto it = grades.find(ranked[i]);
    if (it != grades.end()) dcg += gain(it->second) / std::log2(static_cast<double>(i) + 2.0);
  }
  std::vector<int> ideal;
  for (const auto& [file, g] : grades) ideal.push_back(g);
  std::sort(ideal.rbegin(), ideal.rend());
  double idcg = 0;
  for (std::size_t i = 0; i < ideal.size() && i < 10; ++i)
    idcg += gain(ideal[i]) / std::log2(static_cast<double>(i) + 2.0);
  return idcg > 0 ? dcg / idcg : 0;
}

inline double query_ndcg(const JudgedSet& set, const Run& run, const Query& q) {
  auto grades = set.grades.find(q.id);
  auto ranked = run.find(q.id);
  if (grades == set.grades.end()) return 0;
  return ndcg10(ranked == run.end() ? std::vector<std::string>{} : ranked->second, grades->second);
}

/// Mean nDCG@10 over the queries (of one kind, if given).
inline double mean_ndcg(const JudgedSet& set, const Run& run, const std::string& kind = "") {
  double sum = 0;
  std::size_t n = 0;
  for (const auto& q : set.queries) {
    if (!kind.empty() && q.kind != kind) continue;
    sum += query_ndcg(set, run, q);
    ++n;
  }
  return n ? sum / static_cast<double>(n) : 0;
}

/// fouille with its defaults, the documents indexed into `work`/fouille.
inline Run run_fouille(const JudgedSet& set, const fs::path& work) {
  indexer::Options o;
  o.db = work / "fouille";
  o.inputs = {set.docs};
  indexer::index(o, {}, {}, nullptr);
  searcher::Searcher searcher(o.db.string());
  Run run;
  for (const auto& q : set.queries) {
    searcher::Request r;
    r.query = q.text;
    r.no_facets = true;
    for (const auto& hit : searcher.search(r).hits) {
      run[q.id].push_back(fs::path(hit.document.source).filename().string());
    }
  }
  return run;
}

/// A plain BM25 engine on Xapian alone: TermGenerator and QueryParser with
/// Xapian's French stemmer, the first line as title (weight 3), the rest as
/// text, words OR-ed (QueryParser's default), as a search box built on
/// Xapian without fouille would be.
inline Run run_plain_xapian(const JudgedSet& set, const fs::path& work) {
  const fs::path db_path = work / "plain";
  {
    Xapian::WritableDatabase db(db_path.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("french"));
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(set.docs)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::stringstream s;
      s << in.rdbuf();
      const std::string text = s.str();
      Xapian::Document doc;
      generator.set_document(doc);
      const std::size_t eol = text.find('\n');
      generator.index_text(text.substr(0, eol), 3);
      generator.increase_termpos();
      if (eol != std::string::npos) generator.index_text(text.substr(eol + 1));
      doc.set_data(f.filename().string());
      db.add_document(doc);
    }
    db.commit();
  }
  Xapian::Database db(db_path.string());
  Xapian::QueryParser parser;
  parser.set_stemmer(Xapian::Stem("french"));
  parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
  parser.set_database(db);
  Run run;
  for (const auto& q : set.queries) {
    Xapian::Enquire enquire(db);
    enquire.set_query(parser.parse_query(q.text, Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_PHRASE));
    Xapian::MSet mset = enquire.get_mset(0, 10);
    for (auto it = mset.begin(); it != mset.end(); ++it) run[q.id].push_back(it.get_document().get_data());
  }
  return run;
}

/// A run written by another engine: lines "qid<TAB>file", best first.
inline Run read_run(const fs::path& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(path.string() + ": cannot read");
  Run run;
  std::string line;
  while (std::getline(in, line)) {
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    run[line.substr(0, tab)].push_back(line.substr(tab + 1));
  }
  return run;
}

}  // namespace fouille::relevance
