#include "fouille/store/database_layout.h"

#include <fstream>
#include <unistd.h>

#include <gtest/gtest.h>
#include <xapian.h>

#include "fouille/base/error.h"

namespace fouille::store {
namespace {

namespace fs = std::filesystem;

class DatabaseLayoutTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("fouille-layout-test-" + std::to_string(::getpid()));
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(DatabaseLayoutTest, ANewFolderGetsAStubAndAFirstGeneration) {
  DatabaseLayout layout(dir_);
  EXPECT_TRUE(layout.has_generations());
  EXPECT_TRUE(fs::exists(dir_ / "XAPIANDB"));
  Xapian::Database db(dir_.string());  // Xapian follows the stub
  EXPECT_EQ(db.get_doccount(), 0u);
  EXPECT_NE(layout.next_generation(), dir_);
  EXPECT_EQ(layout.next_generation().parent_path(), dir_);
}

TEST_F(DatabaseLayoutTest, SwitchingMovesReadersToTheNextGeneration) {
  DatabaseLayout layout(dir_);
  const fs::path next = layout.next_generation();
  {
    Xapian::WritableDatabase w(next.string(), Xapian::DB_CREATE);
    Xapian::Document doc;
    doc.add_term("traite");
    w.add_document(doc);
    w.commit();
  }
  layout.switch_to_next();
  EXPECT_EQ(Xapian::Database(dir_.string()).get_doccount(), 1u);
  layout.remove_previous();
  EXPECT_EQ(Xapian::Database(dir_.string()).get_doccount(), 1u);
  EXPECT_NE(layout.next_generation(), next);

  DatabaseLayout reopened(dir_);  // the stub is read back
  EXPECT_EQ(reopened.next_generation(), layout.next_generation());
}

TEST_F(DatabaseLayoutTest, AFolderHoldingSomethingElseIsRefused) {
  fs::create_directories(dir_);
  std::ofstream(dir_ / "notes.txt") << "pas une base";
  EXPECT_THROW(DatabaseLayout{dir_}, IndexError);
}

TEST_F(DatabaseLayoutTest, TheScratchFolderIsInsideAndEmpty) {
  DatabaseLayout layout(dir_);
  const fs::path scratch = layout.scratch();
  EXPECT_EQ(scratch.parent_path(), dir_);
  std::ofstream(scratch / "shard") << "x";
  EXPECT_TRUE(fs::is_empty(layout.scratch()));
}

}  // namespace
}  // namespace fouille::store
