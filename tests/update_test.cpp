// Searching after incremental updates: a database built, then updated twice
// (half of its files changed, files removed and pruned), must answer every
// search as an index built from scratch over the same files does; searches
// running while an update commits must never fail.
#include <atomic>
#include <fstream>
#include <thread>

#include <gtest/gtest.h>
#include <xapian.h>

#include "fouille/indexer/indexer.h"
#include "fouille/searcher/searcher.h"
#include "fouille/testsupport/generator.h"

#include "test_support.h"

namespace fouille {
namespace {

namespace fs = std::filesystem;

indexer::Stats run_index(const fs::path& db, const fs::path& in, unsigned jobs, std::size_t batch, bool prune = false) {
  indexer::Options o;
  o.db = db;
  o.inputs = {in};
  o.jobs = jobs;
  o.batch = batch;
  o.prune = prune;
  return indexer::index(o, {}, {}, nullptr);
}

std::vector<fs::path> text_files(const fs::path& in) {
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(in)) {
    if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Appends a paragraph to every `step`-th text file from `first`: the files
// change size, so the next run indexes them again.
void edit_files(const fs::path& in, std::size_t first, std::size_t step, const std::string& words) {
  auto files = text_files(in);
  for (std::size_t i = first; i < files.size(); i += step) {
    std::ofstream(files[i], std::ios::app) << "\n" << words << " " << i << "\n";
  }
}

// Terms of `db` that index every one of its documents: the ones Xapian 1.4
// mishandles after an update, so the searches below must include them.
std::vector<std::string> words_in_every_document(const fs::path& db_path) {
  Xapian::Database db(db_path.string());
  std::vector<std::string> out;
  for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t) {
    const std::string term = *t;
    if (term.empty() || !std::islower(static_cast<unsigned char>(term[0]))) continue;
    if (t.get_termfreq() == db.get_doccount()) out.push_back(term);
  }
  return out;
}

std::vector<searcher::Request> requests(const std::vector<std::string>& common) {
  std::vector<searcher::Request> out;
  auto add = [&](std::string q, std::vector<std::pair<std::string, std::string>> filters = {}) {
    searcher::Request r;
    r.query = std::move(q);
    r.filters = std::move(filters);
    r.limit = 5;
    // Words as indexed: no typo correction, which reads the spelling table,
    // and that table keeps the words of replaced documents (Xapian never
    // forgets a spelling), so it differs from a fresh index's by design.
    r.exact = true;
    out.push_back(r);
  };
  for (const auto& w : common) {
    add(w);
    add(w + "*");
    add("migrants -" + w);
    add(w, {{"statut", "actif"}});
  }
  add("traite");
  add("migrants");
  add("\"gestion des frontières\"");
  add("paragraphe ajouté");
  add("trafi*");
  add("");
  add("", {{"statut", "actif"}});
  add("migrants", {{"region", "Afrique"}, {"statut", "achevé"}});
  add("santé OU frontières", {{"continent", "Asie"}});
  return out;
}

// Totals and every facet value's count, as text, for one comparison.
std::string summary(searcher::Searcher& s, const searcher::Request& r) {
  searcher::Result res = s.search(r);
  std::string out = "total " + std::to_string(res.total);
  for (const auto& [facet, values] : res.facets) {
    out += "\n" + facet + ":";
    for (const auto& v : values) out += " " + v.value + "=" + std::to_string(v.count);
  }
  return out;
}

class UpdatedDatabase : public ::testing::TestWithParam<std::pair<unsigned, std::size_t>> {};

TEST_P(UpdatedDatabase, SearchesAsAFreshIndexDoes) {
  const auto [jobs, batch] = GetParam();
  test::ScratchDir dir("update-" + std::to_string(jobs) + "-" + std::to_string(batch));
  testsupport::GeneratorOptions g;
  g.documents = 2000;
  g.seed = 7;
  testsupport::generate(g, dir / "in");

  run_index(dir / "db", dir / "in", jobs, batch);
  edit_files(dir / "in", 0, 2, "Un paragraphe ajouté sur la première révision.");
  indexer::Stats first = run_index(dir / "db", dir / "in", jobs, batch);
  ASSERT_GT(first.updated, g.documents / 3);
  edit_files(dir / "in", 1, 2, "Un paragraphe ajouté sur la seconde révision.");
  auto files = text_files(dir / "in");
  for (std::size_t i = 0; i < files.size(); i += 37) fs::remove(files[i]);
  indexer::Stats second = run_index(dir / "db", dir / "in", jobs, batch, /*prune=*/true);
  ASSERT_GT(second.updated, g.documents / 3);
  ASSERT_GT(second.removed, 10u);

  run_index(dir / "fresh", dir / "in", jobs, batch);
  const auto common = words_in_every_document(dir / "fresh");
  ASSERT_FALSE(common.empty()) << "the generated corpus has no word in every document";
  searcher::Searcher updated((dir / "db").string()), fresh((dir / "fresh").string());
  ASSERT_EQ(updated.size(), fresh.size());
  for (const auto& r : requests(common)) {
    SCOPED_TRACE("query « " + r.query + " » with " + std::to_string(r.filters.size()) + " filters");
    std::string expected = summary(fresh, r), got;
    ASSERT_NO_THROW(got = summary(updated, r));
    EXPECT_EQ(got, expected);
  }
}

INSTANTIATE_TEST_SUITE_P(JobsAndBatches, UpdatedDatabase,
                         ::testing::Values(std::make_pair(1u, std::size_t{50}), std::make_pair(1u, std::size_t{1000}),
                                           std::make_pair(2u, std::size_t{50}), std::make_pair(2u, std::size_t{1000})));

// Searches in a loop while an update commits every 50 documents: none fails,
// and each sees a whole number of documents.
TEST(SearchDuringUpdate, NeverFails) {
  test::ScratchDir dir("update-stress");
  testsupport::GeneratorOptions g;
  g.documents = 2000;
  g.seed = 11;
  testsupport::generate(g, dir / "in");
  run_index(dir / "db", dir / "in", 2, 1000);
  edit_files(dir / "in", 0, 1, "Un paragraphe ajouté pendant les recherches.");

  std::atomic<bool> done{false};
  std::thread writer([&] {
    run_index(dir / "db", dir / "in", 2, 50);
    done = true;
  });
  searcher::Searcher s((dir / "db").string());
  const std::vector<std::string> queries = {"migrants", "traite", "\"gestion des frontières\"", "paragraphe",
                                            "santé OU climat"};
  std::size_t searches = 0, failures = 0;
  std::string first_failure;
  while (!done || searches < 20) {
    searcher::Request r;
    r.query = queries[searches % queries.size()];
    try {
      s.search(r);
    } catch (const std::exception& e) {
      if (failures++ == 0) first_failure = e.what();
    }
    ++searches;
  }
  writer.join();
  EXPECT_EQ(failures, 0u) << "of " << searches << " searches; first: " << first_failure;
  EXPECT_GT(searches, 20u);
}

}  // namespace
}  // namespace fouille
