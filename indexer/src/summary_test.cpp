#include "fouille/indexer/summary.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace fouille::indexer {
namespace {

Stats sample() {
  Stats s;
  s.files = 12;
  s.added = 10;
  s.updated = 2;
  s.skipped = 1;
  s.bytes = 3'000'000;
  s.seconds = 2.0;
  s.db_documents = 11;
  s.db_bytes = 5'500'000;
  s.threads = 3;
  s.peak_rss_bytes = 64ull << 20;
  s.phases = PhaseTimes{0.25, 0.5, 0.75, 1.5, 1.25, 0.5, 0.125, 0.0625};
  return s;
}

TEST(Summary, AShardSaysWhichAndHowManyFilesWentToOthers) {
  Stats s = sample();
  s.shard = "1/2";
  s.other_shard = 7;
  EXPECT_EQ(summary_line(s, "p1.db", Lang::kEn),
            "10 added, 2 updated, 0 unchanged, 0 removed, 1 skipped in 2.00 s (6 docs/s, 1.50 MB/s); "
            "p1.db: 11 documents, 5.5 MB; shard 1/2, 7 files of other shards");
  EXPECT_EQ(summary_line(s, "p1.db", Lang::kFr),
            "10 ajoutés, 2 mis à jour, 0 inchangé, 0 supprimé, 1 ignoré en 2,00 s (6 docs/s, 1,50 Mo/s) ; "
            "p1.db : 11 documents, 5,5 Mo ; fragment 1/2, 7 fichiers d'autres fragments");
  auto j = nlohmann::json::parse(summary_json(s, "p1.db"));
  EXPECT_EQ(j["shard"], "1/2");
  EXPECT_EQ(j["other_shard"], 7);
}

TEST(Summary, LineGivesCountsRatesAndTheDatabase) {
  EXPECT_EQ(summary_line(sample(), "projets.db", Lang::kEn),
            "10 added, 2 updated, 0 unchanged, 0 removed, 1 skipped in 2.00 s (6 docs/s, 1.50 MB/s); "
            "projets.db: 11 documents, 5.5 MB");
  EXPECT_EQ(summary_line(sample(), "projets.db", Lang::kFr),
            "10 ajoutés, 2 mis à jour, 0 inchangé, 0 supprimé, 1 ignoré en 2,00 s (6 docs/s, 1,50 Mo/s) ; "
            "projets.db : 11 documents, 5,5 Mo");
}

TEST(Summary, PhasesLineNamesEveryPhaseInOrder) {
  EXPECT_EQ(phases_line(sample(), Lang::kEn),
            "time: scan 0.25 s, read/decode 0.50 s, parse 0.75 s, analyse 1.50 s, build 1.25 s, write 0.50 s, "
            "compact 0.12 s, spelling 0.06 s (3 threads); peak RSS 64 MB");
  EXPECT_EQ(phases_line(sample(), Lang::kFr),
            "temps : parcours 0,25 s, lecture/décodage 0,50 s, découpage 0,75 s, analyse 1,50 s, construction 1,25 s, "
            "écriture 0,50 s, fusion 0,12 s, orthographe 0,06 s (3 fils) ; mémoire maximale 64 Mo");
}

TEST(Summary, DecimalsTakeACommaInFrench) {
  EXPECT_EQ(decimal(1.5, 2, Lang::kFr), "1,50");
  EXPECT_EQ(decimal(1.5, 2, Lang::kEn), "1.50");
  EXPECT_EQ(decimal(1234.4, 0, Lang::kFr), "1234");
}

TEST(Summary, JsonHoldsEveryFigureAndEachPhase) {
  auto j = nlohmann::json::parse(summary_json(sample(), "projets.db"));
  EXPECT_EQ(j["added"], 10);
  EXPECT_EQ(j["updated"], 2);
  EXPECT_EQ(j["skipped"], 1);
  EXPECT_EQ(j["files"], 12);
  EXPECT_EQ(j["db"], "projets.db");
  EXPECT_EQ(j["db_documents"], 11);
  EXPECT_EQ(j["threads"], 3);
  EXPECT_EQ(j["peak_rss_bytes"], 64ull << 20);
  EXPECT_DOUBLE_EQ(j["docs_per_second"].get<double>(), 6.0);
  EXPECT_FALSE(j["interrupted"].get<bool>());
  struct Case {
    const char* phase;
    double seconds;
  };
  const Case cases[] = {{"scan", 0.25},  {"read", 0.5},  {"parse", 0.75},    {"analyse", 1.5},
                        {"build", 1.25}, {"write", 0.5}, {"compact", 0.125}, {"spelling", 0.0625}};
  ASSERT_EQ(j["phases"].size(), std::size(cases));
  for (const auto& c : cases) {
    SCOPED_TRACE(c.phase);
    EXPECT_DOUBLE_EQ(j["phases"][c.phase].get<double>(), c.seconds);
  }
}

TEST(Summary, PhaseTimesAddUp) {
  PhaseTimes a{1, 2, 3, 4, 5, 6, 7, 8};
  a += PhaseTimes{1, 1, 1, 1, 1, 1, 1, 1};
  EXPECT_DOUBLE_EQ(a.total(), 36 + 8);
  EXPECT_DOUBLE_EQ(a.compact, 8);
  EXPECT_DOUBLE_EQ(a.spelling, 9);
}

}  // namespace
}  // namespace fouille::indexer
