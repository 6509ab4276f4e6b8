#include "fouille/store/analysis_check.h"

#include <gtest/gtest.h>

#include "fouille/stemming/analyzer.h"
#include "fouille/store/format.h"

namespace fouille::store {
namespace {

// A database records the chain and the store format together: one written by
// an older format, even by the same chain, is stale.
TEST(AnalysisCheck, RecordsTheChainAndTheStoreFormat) {
  const std::string chain = stemming::analysis_signature();
  EXPECT_EQ(current_analysis(), database_signature(chain, kFormatVersion));
  EXPECT_EQ(current_analysis().size(), 16u);
  EXPECT_TRUE(is_current_analysis(current_analysis()));
  EXPECT_FALSE(is_current_analysis(database_signature(chain, kFormatVersion - 1)));
  EXPECT_FALSE(is_current_analysis(chain));  // what databases before the store's version recorded
  EXPECT_FALSE(is_current_analysis(""));
}

}  // namespace
}  // namespace fouille::store
