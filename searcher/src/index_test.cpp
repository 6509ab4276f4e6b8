#include "fouille/searcher/index.h"

#include <filesystem>

#include <gtest/gtest.h>
#include <xapian.h>

#include "fouille/base/error.h"
#include "fouille/corpus/schema.h"

#include "index_internal.h"

namespace fouille::searcher {
namespace {

namespace fs = std::filesystem;

// A plain database of documents holding only a region value.
class IndexTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = fs::temp_directory_path() / ("fouille-index-test-" + std::to_string(::getpid()));
    fs::remove_all(path_);
    writer_ = Xapian::WritableDatabase(path_.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    for (const char* region : {"Afrique", "Europe", "Afrique"}) add(region);
    writer_.commit();
  }
  void TearDown() override {
    writer_.close();
    fs::remove_all(path_);
  }
  void add(const std::string& region) {
    Xapian::Document doc;
    doc.add_value(corpus::schema().field(corpus::FieldId::kRegion).slot, region);
    writer_.add_document(doc);
  }

  fs::path path_;
  Xapian::WritableDatabase writer_;
};

TEST_F(IndexTest, OneFacetTablePerRevisionSharedByEveryThreadsHandle) {
  Index index(path_.string());
  FollowedDatabase a(path_.string()), old(path_.string());
  auto first = IndexAccess::impl(index).facet_table(a.db());
  EXPECT_EQ(IndexAccess::impl(index).facet_table(a.db()), first);    // built once
  EXPECT_EQ(IndexAccess::impl(index).facet_table(old.db()), first);  // shared by another handle
  add("Asie");
  writer_.commit();
  a.refresh();
  auto second = IndexAccess::impl(index).facet_table(a.db());
  EXPECT_NE(second, first);
  FollowedDatabase fresh(path_.string());
  EXPECT_EQ(IndexAccess::impl(index).facet_table(fresh.db()), second);
  // A handle not yet refreshed still finds its revision's table, not a rebuild.
  EXPECT_EQ(IndexAccess::impl(index).facet_table(old.db()), first);
  EXPECT_EQ(first->columns()[static_cast<std::size_t>(first->column_of("region"))].values.size(), 2u);
  EXPECT_EQ(second->columns()[static_cast<std::size_t>(second->column_of("region"))].values.size(), 3u);
}

// A revision's sets are its own: a commit starts an empty cache, and an
// Index told to keep none has none.
TEST_F(IndexTest, OneSetCachePerRevisionOrNone) {
  Index index(path_.string());
  FollowedDatabase a(path_.string());
  auto first = IndexAccess::impl(index).revision(a.db()).sets;
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(IndexAccess::impl(index).revision(a.db()).sets, first);
  first->add("Tafrique", std::make_shared<const DocSet>(3));
  add("Asie");
  writer_.commit();
  a.refresh();
  auto second = IndexAccess::impl(index).revision(a.db()).sets;
  EXPECT_NE(second, first);
  EXPECT_EQ(second->find("Tafrique"), nullptr);
  Index none(path_.string(), 0);
  EXPECT_EQ(IndexAccess::impl(none).revision(a.db()).sets, nullptr);
  EXPECT_NE(IndexAccess::impl(none).revision(a.db()).table, nullptr);
}

TEST_F(IndexTest, StatusFollowsCommits) {
  Index index(path_.string());
  IndexStatus s = index.status();
  ASSERT_TRUE(s.open) << s.error;
  EXPECT_EQ(s.documents, 3u);
  EXPECT_FALSE(s.current_analysis);  // no analysis signature recorded
  add("Asie");
  writer_.commit();
  IndexStatus after = index.status();
  EXPECT_EQ(after.documents, 4u);
  EXPECT_NE(after.revision, s.revision);
}

TEST(IndexMissing, StatusSaysWhyAndSessionsThrow) {
  Index index("/nonexistent/fouille-db");
  IndexStatus s = index.status();
  EXPECT_FALSE(s.open);
  EXPECT_NE(s.error.find("/nonexistent/fouille-db"), std::string::npos) << s.error;
  EXPECT_THROW(FollowedDatabase("/nonexistent/fouille-db"), IndexError);
}

}  // namespace
}  // namespace fouille::searcher
