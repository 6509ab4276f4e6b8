#include "match_set.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <unistd.h>

#include "fouille/corpus/schema.h"
#include "full_term_guard.h"
#include "range_source.h"

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

  std::set<Xapian::docid> by_xapian(const Xapian::Query& q) {
    Xapian::Enquire e(db_);
    e.set_weighting_scheme(Xapian::BoolWeight());
    e.set_query(guard_full_terms(q, db_, false));
    std::set<Xapian::docid> out;
    Xapian::MSet m = e.get_mset(0, db_.get_doccount());
    for (auto it = m.begin(); it != m.end(); ++it) out.insert(*it);
    return out;
  }

  std::set<Xapian::docid> by_sets(const Xapian::Query& q, SetCache* cache = nullptr) {
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

std::vector<Q> every_operator();

TEST_F(MatchSetsTest, MatchesWhatXapianMatchesForEveryOperator) {
  for (const Q& q : every_operator()) EXPECT_EQ(by_sets(q), by_xapian(q)) << q.get_description();
}

// Frequent terms' and phrases' sets kept from one search to the next: the
// second search of each query reads them from the cache, and matches alike.
TEST_F(MatchSetsTest, MatchesAlikeFromTheSetCache) {
  SetCache cache(1 << 20);
  for (const Q& q : every_operator()) EXPECT_EQ(by_sets(q, &cache), by_xapian(q)) << q.get_description();
  EXPECT_GE(cache.size(), 8u);  // the six words, "tout", the phrases
  const std::size_t kept = cache.size();
  for (const Q& q : every_operator()) EXPECT_EQ(by_sets(q, &cache), by_xapian(q)) << q.get_description();
  EXPECT_EQ(cache.size(), kept);  // nothing read twice
  // A phrase read from the cache still ranks as the AND of its words.
  const Q phrase(Q::OP_PHRASE, Q("traite"), Q("migrant"));
  MatchSets sets(db_, *table_, 0, &cache);
  sets.evaluate(phrase);
  EXPECT_EQ(sets.ranked_form(phrase).get_type(), Q::OP_FILTER);
}

// Xapian hands a match spy shard-local ids: phrases are then read otherwise.
TEST_F(MatchSetsTest, MatchesWhatXapianMatchesOnSeveralShards) {
  use_two_shards();
  ASSERT_EQ(db_.size(), 2u);
  for (const Q& q : every_operator()) EXPECT_EQ(by_sets(q), by_xapian(q)) << q.get_description();
}

std::vector<Q> every_operator() {
  return {
      Q::MatchAll,
      Q::MatchNothing,
      Q("traite"),
      Q("tout"),
      Q("absent"),
      Q(Q::OP_AND, Q("traite"), Q("migrant")),
      Q(Q::OP_AND, Q("tout"), Q("XSactif")),
      Q(Q::OP_OR, Q("traite"), Q("absent")),
      Q(Q::OP_SYNONYM, Q("sante"), Q("emploi")),
      Q(Q::OP_MAX, Q("sante"), Q("retour")),
      Q(Q::OP_AND_NOT, Q("traite"), Q("migrant")),
      Q(Q::OP_AND_NOT, Q::MatchAll, Q("XSactif")),
      Q(Q::OP_XOR, Q("traite"), Q("migrant")),
      Q(Q::OP_AND_MAYBE, Q("traite"), Q("sante")),
      Q(Q::OP_FILTER, Q(Q::OP_OR, Q("traite"), Q("retour")), Q("XSactif")),
      Q(Q::OP_SCALE_WEIGHT, Q("emploi"), 0.0),
      Q(Q::OP_PHRASE, Q("traite"), Q("migrant")),
      Q(Q::OP_NEAR, Q("frontiere"), Q("retour")),
      Q(Q::OP_VALUE_RANGE, budget_slot(), Xapian::sortable_serialise(10), Xapian::sortable_serialise(20)),
      range_query({budget_slot(), 10, 20}),
      range_query({budget_slot(), std::nullopt, 0}),
      range_query({budget_slot(), 99, std::nullopt}),
      range_query({budget_slot(), 20.5, 21}),
      Q(Q::OP_AND, Q("traite"), range_query({budget_slot(), 50, 60})),
      Q(Q::OP_AND, Q(Q::OP_PHRASE, Q("tout"), Q("sante")), Q(Q::OP_OR, Q("XSactif"), Q("emploi"))),
      // A rare set met with a frequent term: intersected by skipping.
      Q(Q::OP_AND, Q(Q::OP_AND, Q("XSactif"), Q("frontiere")), Q("tout")),
  };
}

// Xapian reads a range query as OP_VALUE_RANGE would match (the ranked pass),
// and the count pass reads its bounds back.
TEST_F(MatchSetsTest, RangeQueriesMatchLikeXapiansValueRanges) {
  const Xapian::valueno slot = budget_slot();
  EXPECT_EQ(by_xapian(range_query({slot, 10, 20})),
            by_xapian(Q(Q::OP_VALUE_RANGE, slot, Xapian::sortable_serialise(10), Xapian::sortable_serialise(20))));
  EXPECT_EQ(by_xapian(range_query({slot, 90, std::nullopt})),
            by_xapian(Q(Q::OP_VALUE_GE, slot, Xapian::sortable_serialise(90))));
  const auto back = range_of(range_query({slot, 1.5e5, std::nullopt}));
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->slot, slot);
  EXPECT_EQ(back->low, 1.5e5);
  EXPECT_FALSE(back->high.has_value());
  EXPECT_FALSE(range_of(Q("traite")).has_value());
}

// The ranked pass's form of a query weighs and ranks as the query itself.
TEST_F(MatchSetsTest, RankedFormRanksAsTheQueryItself) {
  const std::vector<Q> queries = {
      Q(Q::OP_PHRASE, Q("traite"), Q("migrant")),
      Q(Q::OP_AND, Q(Q::OP_PHRASE, Q("tout"), Q("sante")), Q("emploi")),
      Q(Q::OP_OR, Q(Q::OP_PHRASE, Q("traite"), Q("migrant")), Q(Q::OP_NEAR, Q("frontiere"), Q("retour"))),
      Q(Q::OP_SYNONYM, Q(Q::OP_PHRASE, Q("migrant"), Q("frontiere")), Q("sante")),
      Q(Q::OP_AND_NOT, Q("tout"), Q(Q::OP_PHRASE, Q("retour"), Q("traite"))),
  };
  auto ranked = [&](const Q& q) {
    Xapian::Enquire e(db_);
    e.set_query(q);
    std::vector<std::pair<Xapian::docid, double>> out;
    Xapian::MSet m = e.get_mset(0, 50);
    for (auto it = m.begin(); it != m.end(); ++it) out.emplace_back(*it, it.get_weight());
    return out;
  };
  for (const Q& q : queries) {
    MatchSets sets(db_, *table_, 0);
    sets.evaluate(q);
    const Q form = sets.ranked_form(q);
    const auto expected = ranked(q), got = ranked(form);
    ASSERT_EQ(got.size(), expected.size()) << q.get_description();
    for (std::size_t i = 0; i < got.size(); ++i) {
      EXPECT_EQ(got[i].first, expected[i].first) << q.get_description() << " rank " << i;
      EXPECT_NEAR(got[i].second, expected[i].second, 1e-9) << q.get_description() << " rank " << i;
    }
  }
  // A phrase the count pass saw is no longer read by positions.
  MatchSets sets(db_, *table_, 0);
  const Q phrase(Q::OP_PHRASE, Q("traite"), Q("migrant"));
  sets.evaluate(phrase);
  EXPECT_EQ(sets.ranked_form(phrase).get_description().find("PHRASE"), std::string::npos);
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
