// Where a search over remote shards spends its time, side by side with the
// same work on one local database: for each term, Xapian's match alone
// (BoolWeight, every match checked), the same match with a value-count spy
// on every facet slot (the shards' count pass), reading the term's posting
// list, a ranked page of 10, and fetching its 10 documents. Each figure is
// the median of ROUNDS runs, in milliseconds.
//
//   bench-remote-cost DB MAP TERM... [--rounds N]
//
// DB: a fouille database; MAP: a shard map of the same documents (its
// shards served by fouille-shardd); TERM: index terms as stored ("migr").
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "fouille/corpus/schema.h"
#include "fouille/store/database.h"

namespace {

using Clock = std::chrono::steady_clock;

double median_ms(int rounds, const std::function<void()>& work) {
  std::vector<double> ms;
  for (int i = 0; i < rounds; ++i) {
    const auto start = Clock::now();
    work();
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
  }
  std::sort(ms.begin(), ms.end());
  return ms[ms.size() / 2];
}

Xapian::doccount count(const Xapian::Database& db, const std::string& term, bool spies) {
  Xapian::Enquire enquire(db);
  enquire.set_weighting_scheme(Xapian::BoolWeight());
  enquire.set_query(Xapian::Query(term));
  std::vector<std::unique_ptr<Xapian::ValueCountMatchSpy>> all;
  for (const auto& field : fouille::corpus::schema().fields()) {
    if (!spies || !field.facet) continue;
    all.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(field.slot));
    enquire.add_matchspy(all.back().get());
  }
  return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated();
}

void report(const char* name, const Xapian::Database& db, const std::string& term, int rounds) {
  const Xapian::doccount matches = count(db, term, false);
  const double plain = median_ms(rounds, [&] { count(db, term, false); });
  const double spied = median_ms(rounds, [&] { count(db, term, true); });
  const double postings = median_ms(rounds, [&] {
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
    }
  });
  Xapian::MSet page;
  const double ranked = median_ms(rounds, [&] {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(term));
    page = enquire.get_mset(0, 10);
  });
  const double documents = median_ms(rounds, [&] {
    page.fetch(page.begin(), page.end());
    for (auto it = page.begin(); it != page.end(); ++it) it.get_document().get_data();
  });
  std::printf("%-6s %-10s %7u matches  match %7.2f  with spies %7.2f  postings %7.2f  page %6.2f  documents %6.2f\n",
              name, term.c_str(), matches, plain, spied, postings, ranked, documents);
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h") {
    std::puts(
        "Usage: bench-remote-cost DB MAP TERM... [--rounds N]\n\n"
        "Times, on one local database and through a shard map of the same documents, Xapian's\n"
        "match with and without value-count spies, a posting list, a ranked page and its documents.");
    return 0;
  }
  int rounds = 7;
  if (auto it = std::find(args.begin(), args.end(), "--rounds"); it != args.end() && it + 1 != args.end()) {
    rounds = std::max(1, std::stoi(*(it + 1)));
    args.erase(it, it + 2);
  }
  if (args.size() < 3) {
    std::fputs("bench-remote-cost: expected DB MAP TERM... (see --help)\n", stderr);
    return 2;
  }
  try {
    const Xapian::Database local = fouille::store::open_for_reading(args[0]);
    const Xapian::Database remote = fouille::store::open_for_reading(args[1]);
    for (std::size_t i = 2; i < args.size(); ++i) {
      report("local", local, args[i], rounds);
      report("remote", remote, args[i], rounds);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench-remote-cost: %s\n", e.what());
    return 1;
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "bench-remote-cost: %s\n", e.get_description().c_str());
    return 1;
  }
}
