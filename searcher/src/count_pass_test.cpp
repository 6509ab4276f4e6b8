#include <map>
#include <string>

#include <gtest/gtest.h>
#include <xapian.h>

#include "fouille/corpus/schema.h"
#include "fouille/store/terms.h"
#include "fouille/store/values.h"
#include "fouille/testsupport/scratch_dir.h"

#include "passes.h"

namespace fouille::searcher {
namespace {

using corpus::FieldId;

// Twelve documents: « migrant » in all, « frontiere » in three, « desert » in
// one; statuses actif (8) and acheve (4). The count pass of a filtered search
// counts the filtered field's facet as if its own filter were not set.
class CountPassTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const corpus::Field& status = corpus::schema().field(FieldId::kStatus);
    Xapian::WritableDatabase w(path_.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    for (int d = 1; d <= 12; ++d) {
      Xapian::Document doc;
      doc.add_term(store::text_term("migrant"));
      if (d <= 3) doc.add_term(store::text_term("frontiere"));
      if (d == 12) doc.add_term(store::text_term("desert"));
      const std::string value = d <= 8 ? "Actif" : "Achevé";
      doc.add_boolean_term(store::filter_term(status, value));
      store::set_text_value(doc, status, value);
      w.add_document(doc);
    }
    w.commit();
    db_ = Xapian::Database(path_.string());
    table_.emplace(db_);
  }

  // The count pass of `query` with `groups`, the status facet asked.
  Result count(CompiledQuery& compiled, const FilterGroups& groups, Counted* counted = nullptr) {
    Request request;
    request.facets = {"status"};
    MatchSets sets(db_, *table_, 0);
    Result result;
    Counted c = count_pass(request, compiled, groups, *table_, sets, result);
    if (counted) *counted = std::move(c);
    return result;
  }

  std::map<std::string, std::size_t> statuses(const Result& r) {
    std::map<std::string, std::size_t> out;
    for (const auto& v : r.facets.at("status")) out[v.value] = v.count;
    return out;
  }

  test::ScratchDir dir_{"count-pass"};
  std::filesystem::path path_ = dir_ / "db";
  Xapian::Database db_;
  std::optional<FacetTable> table_;
};

TEST_F(CountPassTest, CountsEveryMatchAndItsFacets) {
  CompiledQuery compiled;
  compiled.query = Plan::term("frontiere");
  const Result r = count(compiled, {});
  EXPECT_EQ(r.total, 3u);
  EXPECT_TRUE(r.exact);
  EXPECT_EQ(statuses(r), (std::map<std::string, std::size_t>{{"Actif", 3}}));
}

// A filtered field's values count as if its filter were not set, so the
// other values show what choosing them would give; the total is filtered.
TEST_F(CountPassTest, AFilteredFacetCountsDisjunctively) {
  const corpus::Field& status = corpus::schema().field(FieldId::kStatus);
  CompiledQuery compiled;
  compiled.query = Plan::term("migrant");
  FilterGroups groups;
  groups["status"] = {Plan::term(store::filter_term(status, "Achevé"))};
  const Result r = count(compiled, groups);
  EXPECT_EQ(r.total, 4u);
  EXPECT_EQ(statuses(r), (std::map<std::string, std::size_t>{{"Actif", 8}, {"Achevé", 4}}));
}

// Every word together finds too few: any word may match, after them, and
// the clauses' documents are kept for the coverage ranking.
TEST_F(CountPassTest, RelaxesWhenEveryWordFindsTooFew) {
  CompiledQuery compiled;
  compiled.query = Plan::join(Plan::Op::kAnd, {Plan::term("frontiere"), Plan::term("desert")});
  compiled.any_word = Plan::join(Plan::Op::kOr, {Plan::term("frontiere"), Plan::term("desert")});
  compiled.coverage = {Plan::term("frontiere"), Plan::term("desert")};
  compiled.optional_clauses = 2;
  Counted counted;
  const Result r = count(compiled, {}, &counted);
  EXPECT_TRUE(r.relaxed);
  EXPECT_EQ(r.all_words, 0u);
  EXPECT_EQ(r.total, 4u);
  ASSERT_EQ(counted.coverage_sets.size(), 2u);
  EXPECT_EQ(counted.coverage_sets[0]->count(), 3u);
  EXPECT_EQ(counted.coverage_sets[1]->count(), 1u);
  // The rarer clause weighs more in a partial match's coverage.
  EXPECT_GT(counted.coverage_weights[1], counted.coverage_weights[0]);
}

}  // namespace
}  // namespace fouille::searcher
