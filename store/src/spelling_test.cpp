#include "fouille/store/spelling.h"

#include <functional>
#include <map>
#include <string>
#include <unistd.h>

#include <gtest/gtest.h>

#include "fouille/base/error.h"
#include "fouille/store/analysis_check.h"
#include "fouille/store/database.h"
#include "fouille/store/database_layout.h"
#include "fouille/testsupport/failure_id.h"

namespace fouille::store {
namespace {

namespace fs = std::filesystem;

struct Scratch {
  fs::path dir = fs::temp_directory_path() / ("fouille-spelling-test-" + std::to_string(::getpid()));
  Scratch() { fs::remove_all(dir); }
  ~Scratch() { fs::remove_all(dir); }
};

// A fouille database at `dir` with these spellings and `analysis` recorded.
void make_shard(const fs::path& dir, const std::map<std::string, unsigned>& words, const std::string& analysis) {
  DatabaseLayout layout(dir);
  Xapian::WritableDatabase db = open_for_writing(dir);
  for (const auto& [word, count] : words) db.add_spelling(word, count);
  db.set_metadata(kAnalysisKey, analysis);
  db.commit();
}

// A word's frequency in a database's spelling table, 0 when absent.
Xapian::termcount frequency(const Xapian::Database& db, const std::string& word) {
  for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) {
    if (*it == word) return it.get_termfreq();
  }
  return 0;
}

using test::failure_id;

TEST(MergeSpelling, SumsEachWordAcrossShardsAndKeepsTheSignature) {
  Scratch s;
  make_shard(s.dir / "a", {{"tadjikistan", 3}, {"migration", 5}}, current_analysis());
  make_shard(s.dir / "b", {{"tadjikistan", 4}, {"sante", 2}}, current_analysis());
  const SpellingMerge m = merge_spelling({s.dir / "a", s.dir / "b"}, s.dir / "out");
  EXPECT_EQ(m.databases, 2u);
  EXPECT_EQ(m.words, 3u);
  EXPECT_EQ(m.occurrences, 14u);
  Xapian::Database out = open_for_reading(s.dir / "out");
  EXPECT_EQ(out.get_doccount(), 0u);
  EXPECT_EQ(frequency(out, "tadjikistan"), 7u);
  EXPECT_EQ(frequency(out, "sante"), 2u);
  EXPECT_EQ(out.get_spelling_suggestion("tadjikstan"), "tadjikistan");
  EXPECT_TRUE(is_current_analysis(out.get_metadata(kAnalysisKey)));
  // Again: the new table replaces the old one (a new generation), it is not added to it.
  merge_spelling({s.dir / "a"}, s.dir / "out");
  EXPECT_EQ(frequency(open_for_reading(s.dir / "out"), "tadjikistan"), 3u);
  EXPECT_EQ(frequency(open_for_reading(s.dir / "out"), "sante"), 0u);
}

TEST(MergeSpelling, RefusesStaleShardsAndAnOutputHoldingDocuments) {
  Scratch s;
  make_shard(s.dir / "a", {{"sante", 2}}, current_analysis());
  make_shard(s.dir / "old", {{"sante", 2}}, "0000000000000000");
  EXPECT_EQ(failure_id([&] { merge_spelling({s.dir / "a", s.dir / "old"}, s.dir / "out"); }), "shard.spelling_stale");
  EXPECT_EQ(failure_id([&] { merge_spelling({s.dir / "missing"}, s.dir / "out"); }), "index.cannot_open");
  EXPECT_EQ(failure_id([&] { merge_spelling({s.dir / "a"}, s.dir / "a"); }), "shard.spelling_into_shard");
  {
    Xapian::WritableDatabase db = open_for_writing(s.dir / "a");
    db.add_document(Xapian::Document());
    db.commit();
  }
  make_shard(s.dir / "b", {{"sante", 2}}, current_analysis());
  EXPECT_EQ(failure_id([&] { merge_spelling({s.dir / "b"}, s.dir / "a"); }), "shard.spelling_has_documents");
}

}  // namespace
}  // namespace fouille::store
