// Integration tests of the indexer library on the samples and generated corpora.
#include "fouille/indexer/indexer.h"

#include <map>
#include <set>

#include <gtest/gtest.h>
#include <xapian.h>

#include "fouille/base/error.h"
#include "fouille/corpus/schema.h"
#include "fouille/stemming/analyzer.h"
#include "fouille/stemming/expressions.h"
#include "fouille/store/analysis_check.h"
#include "fouille/store/terms.h"
#include "fouille/testsupport/generator.h"

#include "test_support.h"

namespace fouille::indexer {
namespace {

namespace fs = std::filesystem;
using test::ScratchDir;

Stats run_index(const fs::path& db, std::vector<fs::path> inputs, bool prune = false, unsigned jobs = 2,
                std::vector<std::string>* warnings = nullptr) {
  Options o;
  o.db = db;
  o.inputs = std::move(inputs);
  o.prune = prune;
  o.jobs = jobs;
  o.batch = 100;
  return index(
      o,
      [&](const Message& w) {
        if (warnings) warnings->push_back(render(w, Lang::kEn));
      },
      {}, nullptr);
}

std::size_t count_term(const fs::path& db, const std::string& term) {
  return Xapian::Database(db.string()).get_termfreq(term);
}

TEST(Indexer, IndexesTheSamplesOnceAndReplacesNotDuplicates) {
  ScratchDir dir("idx-samples");
  fs::copy(FOUILLE_SAMPLES, dir / "in");
  Stats first = run_index(dir / "db", {dir / "in"});
  // The samples: 5 text files, a PDF, a DOCX and an HTML page, one document
  // each, and an IATI file of 4 activities: 12 documents in 9 files.
  EXPECT_EQ(first.added, 12u);
  EXPECT_EQ(first.db_documents, 12u);

  Stats again = run_index(dir / "db", {dir / "in"});
  EXPECT_EQ(again.added, 0u);
  EXPECT_EQ(again.unchanged, 9u);  // files
  EXPECT_EQ(again.db_documents, 12u);

  // A changed file is indexed again, in place.
  fs::path changed = dir / "in" / "001_b065a9ee49ed9750.txt";
  std::ofstream(changed, std::ios::app) << "\nUn paragraphe ajouté sur la zoologie marine.\n";
  Stats updated = run_index(dir / "db", {dir / "in"});
  EXPECT_EQ(updated.updated, 1u);
  EXPECT_EQ(updated.unchanged, 8u);
  EXPECT_EQ(updated.db_documents, 12u);
  EXPECT_EQ(count_term(dir / "db", "zoolog"), 1u);
  EXPECT_EQ(count_term(dir / "db", store::id_term("CT.1172")), 1u);

  // The same folder given twice, or by another path, is still one source.
  Stats twice = run_index(dir / "db", {dir / "in", dir / "in" / ".." / "in"});
  EXPECT_EQ(twice.db_documents, 12u);
}

TEST(Indexer, PrunesDocumentsWhoseFileIsGone) {
  ScratchDir dir("idx-prune");
  fs::copy(FOUILLE_SAMPLES, dir / "in");
  run_index(dir / "db", {dir / "in"});
  fs::remove(dir / "in" / "004_70013cf7f7adbd4d.txt");
  Stats kept = run_index(dir / "db", {dir / "in"});
  EXPECT_EQ(kept.db_documents, 12u);  // without --prune nothing is removed
  Stats pruned = run_index(dir / "db", {dir / "in"}, /*prune=*/true);
  EXPECT_EQ(pruned.removed, 1u);
  EXPECT_EQ(pruned.db_documents, 11u);
}

TEST(Indexer, WritesTermsValuesAndDataTheSearcherNeeds) {
  ScratchDir dir("idx-terms");
  run_index(dir / "db", {FOUILLE_SAMPLES});
  Xapian::Database db((dir / "db").string());
  const auto& s = corpus::schema();
  EXPECT_EQ(db.get_termfreq(store::filter_term(s.field(corpus::FieldId::kCountries), "TJ")), 1u);
  EXPECT_EQ(db.get_termfreq(store::filter_term(s.field(corpus::FieldId::kRegion), "Asie et Océanie")), 4u);
  EXPECT_EQ(db.get_termfreq(store::filter_term(s.field(corpus::FieldId::kStatus), "Actif")),
            9u);  // 3 of them IATI activities
  EXPECT_EQ(db.get_termfreq(store::filter_term(s.field(corpus::FieldId::kContinent), "Asie")), 6u);
  EXPECT_EQ(db.get_termfreq(store::year_term(2020)), 2u);  // 004 runs 2018-2023, and one more sample
  EXPECT_EQ(db.get_termfreq("oim"), 4u);      // "l’OIM" in 001 and 002, the IOM's name in two activities of 007
  EXPECT_EQ(db.get_termfreq("px.0432"), 0u);  // IDs are fields, not text
  EXPECT_GT(db.get_termfreq(store::field_text_term(s.field(corpus::FieldId::kTitle), "trait")), 0u);
  EXPECT_TRUE(db.has_positions());
  // Phrase search works on the positional terms: "lutte contre la traite".
  Xapian::Enquire enquire(db);
  std::vector<std::string> phrase = {"lutt", "contr", "la", "trait"};
  enquire.set_query(Xapian::Query(Xapian::Query::OP_PHRASE, phrase.begin(), phrase.end(), 4));
  EXPECT_EQ(enquire.get_mset(0, 10).size(), 5u);
  // The document data holds what the searcher shows.
  Xapian::PostingIterator p = db.postlist_begin(store::filter_term(s.field(corpus::FieldId::kCountries), "TJ"));
  std::string data = db.get_document(*p).get_data();
  EXPECT_NE(data.find("\"project_id\":\"CT.1172\""), std::string::npos);
  EXPECT_NE(data.find("\"body\""), std::string::npos);
}

TEST(Indexer, ReportsBadInputsAndIndexesEveryGoodOne) {
  ScratchDir dir("idx-bad");
  fs::copy(FOUILLE_SAMPLES, dir / "in");
  test::write_file(dir / "in" / "empty.txt", "");
  test::write_file(dir / "in" / "binary.txt", std::string("\x7f"
                                                          "ELF\0\0\0\0",
                                                          8));
  test::write_file(dir / "in" / "sub" / "records.jsonl",
                   "{\"id\":\"J1\",\"title\":\"Projet JSON\",\"status\":\"Active\"}\n"
                   "{broken\n"
                   "{\"id\":\"J1\",\"title\":\"Projet JSON répété\"}\n"
                   "{\"id\":\"J2\",\"title\":\"Autre projet\"}\n");
  std::vector<std::string> warnings;
  Stats s = run_index(dir / "db", {dir / "in"}, false, 2, &warnings);
  EXPECT_EQ(s.skipped, 2u);
  EXPECT_EQ(s.db_documents, 14u);  // 12 sample documents + J1 (once) + J2
  ASSERT_EQ(warnings.size(), 3u);
  std::string all;
  for (const auto& w : warnings) all += w + "\n";
  EXPECT_NE(all.find("empty.txt: skipped: empty file"), std::string::npos) << all;
  EXPECT_NE(all.find("binary.txt: skipped: binary"), std::string::npos) << all;
  EXPECT_NE(all.find("records.jsonl:2: bad JSON"), std::string::npos) << all;
}

TEST(Indexer, MissingInputFailsBeforeWriting) {
  ScratchDir dir("idx-missing");
  EXPECT_THROW(run_index(dir / "db", {dir / "nope"}), CorpusError);
  EXPECT_FALSE(fs::exists(dir / "db"));
}

TEST(Indexer, SecondWriterFailsAtOnceNamingTheDatabase) {
  ScratchDir dir("idx-lock");
  run_index(dir / "db", {FOUILLE_SAMPLES});
  Xapian::WritableDatabase holder((dir / "db").string(), Xapian::DB_OPEN);
  try {
    run_index(dir / "db", {FOUILLE_SAMPLES});
    FAIL() << "no lock error";
  } catch (const IndexError& e) {
    EXPECT_NE(describe(e, Lang::kEn).find((dir / "db").string() + ": database is being indexed"), std::string::npos)
        << describe(e, Lang::kEn);
  }
  // Readers are not blocked by the writer.
  EXPECT_EQ(Xapian::Database((dir / "db").string()).get_doccount(), 12u);
}

TEST(Indexer, RefusesAFolderThatIsNoDatabase) {
  ScratchDir dir("idx-notdb");
  test::write_file(dir / "db" / "notes.txt", "mes notes");
  EXPECT_THROW(run_index(dir / "db", {FOUILLE_SAMPLES}), IndexError);
}

TEST(Indexer, ShardedAndSingleWriterBuildsAgree) {
  ScratchDir dir("idx-shards");
  testsupport::GeneratorOptions g;
  g.documents = 600;
  testsupport::generate(g, dir / "in");
  Stats sharded = run_index(dir / "sharded", {dir / "in"}, false, 2);
  Stats single = run_index(dir / "single", {dir / "in"}, false, 1);
  EXPECT_EQ(sharded.db_documents, 600u);
  EXPECT_EQ(single.db_documents, 600u);
  Xapian::Database a((dir / "sharded").string()), b((dir / "single").string());
  for (const char* term : {"trait", "migr", "XSactif", "Y2020"}) {
    EXPECT_EQ(a.get_termfreq(term), b.get_termfreq(term)) << term;
  }
  EXPECT_EQ(a.get_spelling_suggestion("migrnts"), b.get_spelling_suggestion("migrnts"));
  EXPECT_FALSE(a.get_spelling_suggestion("migrnts").empty());
  // The spelling dictionaries agree word for word: the threads' counts meet
  // before the words met only once are left out.
  auto spellings = [](const Xapian::Database& db) {
    std::map<std::string, Xapian::doccount> words;
    for (auto it = db.spellings_begin(); it != db.spellings_end(); ++it) words[*it] = it.get_termfreq();
    return words;
  };
  const auto sharded_words = spellings(a);
  EXPECT_GT(sharded_words.size(), 1000u);
  EXPECT_TRUE(sharded_words == spellings(b))
      << sharded_words.size() << " words sharded, " << spellings(b).size() << " single";
  // The sharded build switched generations and left no scratch behind.
  EXPECT_FALSE(fs::exists(dir / "sharded" / ".build"));
  EXPECT_FALSE(fs::exists(dir / "sharded" / "gen-1"));
  // An incremental run on the sharded database works in place.
  Stats again = run_index(dir / "sharded", {dir / "in"});
  EXPECT_EQ(again.unchanged, sharded.files);
}

std::set<Xapian::docid> matches(const Xapian::Database& db, const Xapian::Query& query) {
  Xapian::Enquire enquire(db);
  enquire.set_query(query);
  std::set<Xapian::docid> ids;
  Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
  for (auto it = mset.begin(); it != mset.end(); ++it) ids.insert(*it);
  return ids;
}

// An expression's term stands for its phrase: the indexer must write it in
// exactly the documents the phrase query matches by positions.
TEST(Indexer, ExpressionTermsMatchExactlyTheirPhrases) {
  ScratchDir dir("idx-expressions");
  testsupport::GeneratorOptions g;
  g.documents = 800;
  testsupport::generate(g, dir / "in" / "generated");
  fs::copy(FOUILLE_SAMPLES, dir / "in" / "samples");
  run_index(dir / "db", {dir / "in"});
  Xapian::Database db((dir / "db").string());
  EXPECT_EQ(db.get_metadata(store::kAnalysisKey), store::current_analysis());

  stemming::Analyzer analyzer;
  stemming::Synonyms synonyms(stemming::shipped_synonyms(), analyzer);
  stemming::Expressions expressions(synonyms);
  std::size_t found = 0;
  for (const auto& e : expressions.entries()) {
    const auto& p = e.phrase;
    std::set<Xapian::docid> by_positions =
        matches(db, Xapian::Query(Xapian::Query::OP_PHRASE, p.terms.begin(), p.terms.end(), p.window));
    std::set<Xapian::docid> by_term = matches(db, Xapian::Query(store::expression_term(e.key)));
    EXPECT_EQ(by_term, by_positions) << e.key;
    found += by_term.empty() ? 0 : 1;
  }
  EXPECT_GE(found, 10u);  // the generated text holds many of them
}

TEST(Indexer, RedoesADatabaseIndexedByAnotherAnalysis) {
  ScratchDir dir("idx-stale");
  fs::copy(FOUILLE_SAMPLES, dir / "in");
  fs::copy(FOUILLE_SAMPLES, dir / "other");
  run_index(dir / "db", {dir / "in"});
  auto mark = [&](const std::string& value) {
    Xapian::WritableDatabase w((dir / "db").string(), Xapian::DB_OPEN);
    w.set_metadata(store::kAnalysisKey, value);
    w.commit();
  };
  auto marked = [&] { return Xapian::Database((dir / "db").string()).get_metadata(store::kAnalysisKey); };
  mark("an-older-chain");
  std::vector<std::string> warnings;
  Stats redone = run_index(dir / "db", {dir / "in"}, false, 2, &warnings);
  EXPECT_EQ(redone.unchanged, 0u);
  EXPECT_EQ(redone.updated, 12u);
  EXPECT_EQ(redone.db_documents, 12u);
  EXPECT_EQ(marked(), store::current_analysis());
  ASSERT_EQ(warnings.size(), 1u);
  EXPECT_NE(warnings[0].find("another version of the French analysis"), std::string::npos) << warnings[0];
  EXPECT_EQ(run_index(dir / "db", {dir / "in"}).unchanged, 9u);  // files

  // Documents of files this run was not given stay as they were: the
  // database is not marked as this chain's.
  run_index(dir / "db", {dir / "other"});
  mark("an-older-chain");
  run_index(dir / "db", {dir / "in"});
  EXPECT_EQ(marked(), "an-older-chain");
}

// A database of an older store format, by the same analysis chain (its mark
// then was the chain's signature alone), is redone in full too: its stamps
// and long terms are not this format's.
TEST(Indexer, RedoesADatabaseOfAnOlderStoreFormat) {
  ScratchDir dir("idx-old-format");
  fs::copy(FOUILLE_SAMPLES, dir / "in");
  run_index(dir / "db", {dir / "in"});
  {
    Xapian::WritableDatabase w((dir / "db").string(), Xapian::DB_OPEN);
    w.set_metadata(store::kAnalysisKey, stemming::analysis_signature());
    w.commit();
  }
  Stats redone = run_index(dir / "db", {dir / "in"});
  EXPECT_EQ(redone.unchanged, 0u);
  EXPECT_EQ(redone.db_documents, 12u);
  EXPECT_EQ(Xapian::Database((dir / "db").string()).get_metadata(store::kAnalysisKey), store::current_analysis());
}

}  // namespace
}  // namespace fouille::indexer
