#include "query/plan.h"

#include <set>

#include <gtest/gtest.h>
#include <xapian.h>

#include "query/xapian_form.h"

namespace fouille::searcher {
namespace {

using Op = Plan::Op;

TEST(PlanTest, KeysTellEveryPlanApart) {
  const std::vector<Plan> plans = {
      Plan(),
      Plan::all(),
      Plan::nothing(),
      Plan::term("a"),
      Plan::term("a b"),
      Plan::term("\"a\""),
      Plan::term("a\\"),
      Plan::phrase({"a", "b"}, 2),
      Plan::phrase({"a", "b"}, 3),
      Plan::phrase({"a b"}, 2),
      Plan::near({"a", "b"}, 2),
      Plan::range({3, 10, 20}),
      Plan::range({3, 10, std::nullopt}),
      Plan::range({3, std::nullopt, 10}),
      Plan::range({4, 10, 20}),
      Plan::range({3, 0.1, 20}),
      Plan::range({3, 0.1000000000000001, 20}),
      Plan::join(Op::kAnd, {Plan::term("a"), Plan::term("b")}),
      Plan::join(Op::kOr, {Plan::term("a"), Plan::term("b")}),
      Plan::join(Op::kAnd, {Plan::term("a b")}),
      Plan::join(Op::kAndNot, {Plan::term("a"), Plan::term("b")}),
      Plan::join(Op::kAndNot, {Plan::term("b"), Plan::term("a")}),
      Plan::join(Op::kSynonym, {Plan::term("a"), Plan::term("b")}),
      Plan::scale(Plan::term("a"), 0.1),
      Plan::scale(Plan::term("a"), 0.2),
  };
  std::set<std::string> keys;
  for (const Plan& p : plans) keys.insert(p.key());
  EXPECT_EQ(keys.size(), plans.size());
  // And equal plans, built apart, share a key (the set cache relies on it).
  EXPECT_EQ(Plan::phrase({"traite", "etre"}, 2).key(), Plan::phrase({"traite", "etre"}, 2).key());
  EXPECT_EQ(Plan::join(Op::kAnd, {Plan::term("migrant"), Plan::phrase({"traite", "etre"}, 2)}).key(),
            "(and \"migrant\" (phrase/2 \"traite\" \"etre\"))");
}

TEST(PlanTest, CombineJoinsTwoOrMoreOnly) {
  EXPECT_TRUE(combine(Op::kAnd, {}).empty());
  EXPECT_EQ(combine(Op::kAnd, {Plan::term("a")}).op(), Op::kTerm);
  const Plan two = combine(Op::kOr, {Plan::term("a"), Plan::term("b")});
  EXPECT_EQ(two.op(), Op::kOr);
  EXPECT_EQ(two.parts().size(), 2u);
}

TEST(PlanTest, OperatorsOnlyJoin) {
  EXPECT_THROW(Plan::join(Op::kTerm, {}), std::logic_error);
  EXPECT_THROW(Plan::join(Op::kScale, {Plan::term("a")}), std::logic_error);
  EXPECT_THROW(Plan().term(), std::logic_error);
}

// The ranked pass's form is Xapian's own reading of each operator.
TEST(PlanTest, XapianFormKeepsOperatorsAndWindows) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  const Plan plan = Plan::join(
      Op::kAndNot, {Plan::join(Op::kAndMaybe, {Plan::phrase({"a", "b"}, 3), Plan::scale(Plan::term("c"), 0.5)}),
                    Plan::join(Op::kOr, {Plan::near({"d", "e"}, 10),
                                         Plan::join(Op::kSynonym, {Plan::term("f"), Plan::term("g")})})});
  EXPECT_EQ(to_xapian(plan, db).get_description(),
            "Query((((a PHRASE 3 b) AND_MAYBE 0.5 * c) AND_NOT ((d NEAR 10 e) OR (f SYNONYM g))))");
  EXPECT_EQ(to_xapian(Plan::all(), db).get_description(), Xapian::Query(Xapian::Query::MatchAll).get_description());
  EXPECT_TRUE(to_xapian(Plan(), db).empty());
}

}  // namespace
}  // namespace fouille::searcher
