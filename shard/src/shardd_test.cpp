#include "fouille/shard/shardd.h"

#include <functional>

#include <gtest/gtest.h>
#include <xapian.h>

#include "fouille/base/error.h"
#include "fouille/store/analysis_check.h"
#include "fouille/store/database.h"
#include "fouille/store/database_layout.h"
#include "fouille/store/shard.h"
#include "fouille/testsupport/failure_id.h"
#include "fouille/testsupport/scratch_dir.h"

namespace fouille::shard {
namespace {

namespace fs = std::filesystem;

// A fouille database of `docs` empty documents, with these metadata.
void make(const fs::path& dir, int docs, const std::string& analysis, const std::string& spec) {
  store::DatabaseLayout layout(dir);
  Xapian::WritableDatabase db = store::open_for_writing(dir);
  for (int i = 0; i < docs; ++i) db.add_document(Xapian::Document());
  if (!analysis.empty()) db.set_metadata(store::kAnalysisKey, analysis);
  if (!spec.empty()) db.set_metadata(store::kShardKey, spec);
  db.commit();
}

using test::failure_id;

TEST(Shardd, ServesACurrentFouilleDatabaseAndSaysWhat) {
  test::ScratchDir dir("shardd");
  make(dir / "s1", 3, store::current_analysis(), "1/2");
  const Served s1 = check_database(dir / "s1");
  EXPECT_EQ(s1.spec, "1/2");
  EXPECT_EQ(s1.documents, 3u);
  EXPECT_EQ(render(serving(s1, "127.0.0.1", 7301), Lang::kEn), "shard 1/2: 3 documents, serving on 127.0.0.1:7301");
  EXPECT_EQ(render(serving(s1, "127.0.0.1", 7301), Lang::kFr), "fragment 1/2 : 3 documents, servi sur 127.0.0.1:7301");
  make(dir / "whole", 1, store::current_analysis(), "");
  EXPECT_EQ(render(serving(check_database(dir / "whole"), "::1", 7300), Lang::kEn),
            "the whole index: 1 document, serving on ::1:7300");
  EXPECT_EQ(
      tcpsrv_command(dir / "s1", 7301, "127.0.0.1"),
      (std::vector<std::string>{"xapian-tcpsrv", "--port", "7301", "--interface", "127.0.0.1", (dir / "s1").string()}));
}

TEST(Shardd, RefusesWhatItShouldNotServe) {
  test::ScratchDir dir("shardd-refusals");
  make(dir / "stale", 1, "0123456789abcdef", "");
  make(dir / "plain", 1, "", "");
  EXPECT_EQ(failure_id([&] { check_database(dir / "stale"); }), "shard.stale");
  EXPECT_EQ(failure_id([&] { check_database(dir / "plain"); }), "shard.not_fouille");
  EXPECT_EQ(failure_id([&] { check_database(dir / "missing"); }), "index.cannot_open");
}

TEST(Shardd, AMissingProgramIsSaid) {
  EXPECT_EQ(failure_id([] { exec({"fouille-no-such-program-here"}); }), "shard.no_tcpsrv");
}

}  // namespace
}  // namespace fouille::shard
