#include "match_set.h"

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <unistd.h>
#include <vector>

#include <gtest/gtest.h>

#include "fouille/corpus/schema.h"

#include "full_term_guard.h"
#include "query/xapian_form.h"

namespace fouille::searcher {
namespace {

namespace fs = std::filesystem;

Xapian::valueno budget_slot() { return corpus::schema().field(corpus::FieldId::kBudgetUsd).slot; }

// Documents with words at positions, a value and gaps in the ids (every third
// deleted), so that each operator meets missing documents.
class MatchSetsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = fs::temp_directory_path() / ("fouille-match-sets-" + std::to_string(::getpid()));
    fs::remove_all(path_);
    fs::create_directories(path_);
    build(path_ / "one", 0, 3000);
    db_ = Xapian::Database((path_ / "one").string());
    table_.emplace(db_);
  }

  // Documents first..first+count-1, every third of them then deleted.
  static void build(const fs::path& path, unsigned first, unsigned count) {
    Xapian::WritableDatabase w(path.string(), Xapian::DB_CREATE);
    const std::vector<std::string> words = {"traite", "migrant", "frontiere", "sante", "emploi", "retour"};
    for (unsigned i = first; i < first + count; ++i) {
      Xapian::Document d;
      Xapian::termpos pos = 1;
      d.add_posting("tout", pos++);
      for (unsigned k = 0; k < 4; ++k) d.add_posting(words[(i * (k + 3) / 7 + k) % words.size()], pos++);
      if (i % 5 == 0) d.add_boolean_term("XSactif");
      d.add_value(budget_slot(), Xapian::sortable_serialise(i % 100));
      w.add_document(d);
    }
    w.commit();
    for (Xapian::docid id = 3; id <= count; id += 3) w.delete_document(id);
    w.commit();
  }

  void TearDown() override { fs::remove_all(path_); }

  // A database of two shards, searched as one, with its table.
  void use_two_shards() {
    build(path_ / "a", 0, 1500);
    build(path_ / "b", 1500, 1500);
    db_ = Xapian::Database((path_ / "a").string());
    db_.add_database(Xapian::Database((path_ / "b").string()));
    table_.emplace(db_);
  }

  std::set<Xapian::docid> by_xapian(const Plan& p) {
    return by_xapian(to_xapian(guard_full_terms(p, db_, false), db_));
  }
  std::set<Xapian::docid> by_xapian(const Xapian::Query& q) {
    Xapian::Enquire e(db_);
    e.set_weighting_scheme(Xapian::BoolWeight());
    e.set_query(q);
    std::set<Xapian::docid> out;
    Xapian::MSet m = e.get_mset(0, db_.get_doccount());
    for (auto it = m.begin(); it != m.end(); ++it) out.insert(*it);
    return out;
  }

  std::set<Xapian::docid> by_sets(const Plan& q, SetCache* cache = nullptr) {
    MatchSets sets(db_, *table_, 0, cache);
    std::set<Xapian::docid> out;
    sets.evaluate(q).for_each([&](Xapian::docid d) { out.insert(d); });
    EXPECT_TRUE(sets.exact());
    return out;
  }

  fs::path path_;
  Xapian::Database db_;
  std::optional<FacetTable> table_;  // every document, sorted numbers
};

using Q = Xapian::Query;
using P = Plan;
using Op = Plan::Op;

P t(const char* term) { return P::term(term); }
P join(Op op, std::vector<P> parts) { return P::join(op, std::move(parts)); }
P phrase(std::vector<std::string> terms) {
  const auto n = static_cast<unsigned>(terms.size());
  return P::phrase(std::move(terms), n);
}
P near(std::vector<std::string> terms) { return P::near(std::move(terms), 10); }

std::vector<P> every_operator();

TEST_F(MatchSetsTest, MatchesWhatXapianMatchesForEveryOperator) {
  for (const P& q : every_operator()) EXPECT_EQ(by_sets(q), by_xapian(q)) << q.key();
}

// Frequent terms' and phrases' sets kept from one search to the next: the
// second search of each query reads them from the cache, and matches alike.
TEST_F(MatchSetsTest, MatchesAlikeFromTheSetCache) {
  SetCache cache(1 << 20);
  for (const P& q : every_operator()) EXPECT_EQ(by_sets(q, &cache), by_xapian(q)) << q.key();
  EXPECT_GE(cache.size(), 8u);  // the six words, "tout", the phrases
  const std::size_t kept = cache.size();
  for (const P& q : every_operator()) EXPECT_EQ(by_sets(q, &cache), by_xapian(q)) << q.key();
  EXPECT_EQ(cache.size(), kept);  // nothing read twice
  // A phrase read from the cache still ranks as the AND of its words.
  const P traite_migrant = phrase({"traite", "migrant"});
  MatchSets sets(db_, *table_, 0, &cache);
  sets.evaluate(traite_migrant);
  EXPECT_EQ(sets.ranked_form(traite_migrant).op(), Op::kFilter);
}

// Xapian hands a match spy shard-local ids: phrases are then read otherwise.
TEST_F(MatchSetsTest, MatchesWhatXapianMatchesOnSeveralShards) {
  use_two_shards();
  ASSERT_EQ(db_.size(), 2u);
  for (const P& q : every_operator()) EXPECT_EQ(by_sets(q), by_xapian(q)) << q.key();
}

std::vector<P> every_operator() {
  const unsigned slot = budget_slot();
  return {
      P::all(),
      P::nothing(),
      P(),
      t("traite"),
      t("tout"),
      t("absent"),
      join(Op::kAnd, {t("traite"), t("migrant")}),
      join(Op::kAnd, {t("tout"), t("XSactif")}),
      join(Op::kAnd, {t("traite"), P()}),
      join(Op::kOr, {t("traite"), t("absent")}),
      join(Op::kOr, {t("traite"), P()}),
      join(Op::kSynonym, {t("sante"), t("emploi")}),
      join(Op::kAndNot, {t("traite"), t("migrant")}),
      join(Op::kAndNot, {P::all(), t("XSactif")}),
      join(Op::kAndMaybe, {t("traite"), t("sante")}),
      join(Op::kFilter, {join(Op::kOr, {t("traite"), t("retour")}), t("XSactif")}),
      P::scale(t("emploi"), 0.0),
      phrase({"traite", "migrant"}),
      near({"frontiere", "retour"}),
      P::range({slot, 10, 20}),
      P::range({slot, std::nullopt, 0}),
      P::range({slot, 99, std::nullopt}),
      P::range({slot, 20.5, 21}),
      join(Op::kAnd, {t("traite"), P::range({slot, 50, 60})}),
      join(Op::kAnd, {phrase({"tout", "sante"}), join(Op::kOr, {t("XSactif"), t("emploi")})}),
      // A rare set met with a frequent term: intersected by skipping.
      join(Op::kAnd, {join(Op::kAnd, {t("XSactif"), t("frontiere")}), t("tout")}),
  };
}

// The count pass answers a range from sorted numbers as Xapian's value
// ranges match it (what the ranked pass and a shard's server read).
TEST_F(MatchSetsTest, RangeQueriesMatchLikeXapiansValueRanges) {
  const Xapian::valueno slot = budget_slot();
  EXPECT_EQ(by_sets(P::range({slot, 10, 20})),
            by_xapian(Q(Q::OP_VALUE_RANGE, slot, Xapian::sortable_serialise(10), Xapian::sortable_serialise(20))));
  EXPECT_EQ(by_sets(P::range({slot, 90, std::nullopt})),
            by_xapian(Q(Q::OP_VALUE_GE, slot, Xapian::sortable_serialise(90))));
}

// The ranked pass's form of a query weighs and ranks as the query itself.
TEST_F(MatchSetsTest, RankedFormRanksAsTheQueryItself) {
  const std::vector<P> queries = {
      phrase({"traite", "migrant"}),
      join(Op::kAnd, {phrase({"tout", "sante"}), t("emploi")}),
      join(Op::kOr, {phrase({"traite", "migrant"}), near({"frontiere", "retour"})}),
      join(Op::kSynonym, {phrase({"migrant", "frontiere"}), t("sante")}),
      join(Op::kAndNot, {t("tout"), phrase({"retour", "traite"})}),
  };
  auto ranked = [&](const P& q) {
    Xapian::Enquire e(db_);
    e.set_query(to_xapian(q, db_));
    std::vector<std::pair<Xapian::docid, double>> out;
    Xapian::MSet m = e.get_mset(0, 50);
    for (auto it = m.begin(); it != m.end(); ++it) out.emplace_back(*it, it.get_weight());
    return out;
  };
  for (const P& q : queries) {
    MatchSets sets(db_, *table_, 0);
    sets.evaluate(q);
    const P form = sets.ranked_form(q);
    const auto expected = ranked(q), got = ranked(form);
    ASSERT_EQ(got.size(), expected.size()) << q.key();
    for (std::size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].first, expected[i].first) << q.key() << " rank " << i;
      EXPECT_NEAR(got[i].second, expected[i].second, 1e-9) << q.key() << " rank " << i;
    }
  }
  // A phrase the count pass saw is no longer read by positions.
  MatchSets sets(db_, *table_, 0);
  const P traite_migrant = phrase({"traite", "migrant"});
  sets.evaluate(traite_migrant);
  EXPECT_EQ(to_xapian(sets.ranked_form(traite_migrant), db_).get_description().find("PHRASE"), std::string::npos);
}

TEST_F(MatchSetsTest, SetOperationsKeepOnlyWhatTheyShould) {
  DocSet a(200), b(200);
  for (Xapian::docid d : {1u, 64u, 65u, 199u}) a.add(d);
  for (Xapian::docid d : {64u, 100u, 199u}) b.add(d);
  DocSet both = a;
  both.intersect(b);
  EXPECT_EQ(both.count(), 2u);
  EXPECT_TRUE(both.contains(64) && both.contains(199) && !both.contains(1));
  DocSet rest = a;
  rest.subtract(b);
  EXPECT_EQ(rest.count(), 2u);
  EXPECT_TRUE(rest.contains(1) && rest.contains(65));
  DocSet any = a;
  any.unite(b);
  EXPECT_EQ(any.count(), 5u);
  std::vector<Xapian::docid> order;
  any.for_each([&](Xapian::docid d) { order.push_back(d); });
  EXPECT_EQ(order, (std::vector<Xapian::docid>{1, 64, 65, 100, 199}));
}

}  // namespace
}  // namespace fouille::searcher
