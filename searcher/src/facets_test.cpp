#include "facets.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <unistd.h>
#include <vector>

#include <gtest/gtest.h>

#include "fouille/corpus/schema.h"
#include "fouille/store/coding.h"

namespace fouille::searcher {
namespace {

namespace fs = std::filesystem;
using corpus::FieldId;

// Documents with one status each (one value most of them hold, a few rarer)
// and a list of countries drawn from many rare codes, some with none; every
// seventh document deleted. Counting picks its way (a value at a time,
// walking the matches, walking their complement) by the size of the set, so
// sets of every size must count what the documents hold.
class FacetCountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = fs::temp_directory_path() / ("fouille-facets-" + std::to_string(::getpid()));
    fs::remove_all(path_);
    Xapian::WritableDatabase w(path_.string(), Xapian::DB_CREATE);
    const auto& status = corpus::schema().field(FieldId::kStatus);
    const auto& countries = corpus::schema().field(FieldId::kCountries);
    std::mt19937 random(7);
    for (Xapian::docid d = 1; d <= kDocs; ++d) {
      Xapian::Document doc;
      const std::string s = d % 10 == 0 ? "suspendu" : (d % 4 == 0 ? "acheve" : "en-cours");
      doc.add_value(status.slot, s);
      std::vector<std::string> codes;
      for (unsigned k = random() % 4; k > 0; --k) {  // distinct, as a document's countries are
        std::string code = "C" + std::to_string(random() % 120);
        if (std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
      }
      if (!codes.empty()) doc.add_value(countries.slot, store::encode_list(codes));
      w.add_document(doc);
      held_[d] = {{"status", {s}}, {"countries", codes}};
    }
    w.commit();
    for (Xapian::docid d = 7; d <= kDocs; d += 7) {
      w.delete_document(d);
      held_.erase(d);
    }
    w.commit();
    db_ = Xapian::Database(path_.string());
    table_.emplace(db_);
  }

  void TearDown() override { fs::remove_all(path_); }

  // What the documents of `docs` hold, value by value, for one column.
  std::map<std::string, unsigned> expected(const DocSet& docs, const std::string& key) {
    std::map<std::string, unsigned> out;
    docs.for_each([&](Xapian::docid d) {
      for (const auto& v : held_.at(d).at(key)) ++out[v];
    });
    return out;
  }

  static constexpr Xapian::docid kDocs = 4000;
  fs::path path_;
  Xapian::Database db_;
  std::optional<FacetTable> table_;
  std::map<Xapian::docid, std::map<std::string, std::vector<std::string>>> held_;
};

TEST_F(FacetCountsTest, EverySizeOfSetCountsWhatItsDocumentsHold) {
  const int status = table_->column_of("status"), countries = table_->column_of("countries");
  ASSERT_GE(status, 0);
  ASSERT_GE(countries, 0);
  std::mt19937 random(11);
  // From a handful of documents to every one: each way of counting is taken.
  for (unsigned every : {0u, 1u, 2u, 3u, 50u, 600u}) {
    DocSet docs(db_.get_lastdocid());
    for (const auto& [d, fields] : held_) {
      if (every == 0 || random() % every == 0) docs.add(d);
    }
    FacetCounts counts(*table_, {status, countries}, docs);
    for (auto [column, key] : {std::pair{status, "status"}, std::pair{countries, "countries"}}) {
      std::map<std::string, unsigned> got;
      for (const auto& v : counts.values(column)) got[v.value] = static_cast<unsigned>(v.count);
      EXPECT_EQ(got, expected(docs, key)) << key << ", one document in " << every;
    }
  }
}

TEST(DocSetTest, CountsMembersInCommonWithoutMakingTheSet) {
  DocSet a(300), b(300), shorter(70);
  for (Xapian::docid d : {1u, 63u, 64u, 200u, 299u}) a.add(d);
  for (Xapian::docid d : {63u, 200u, 250u}) b.add(d);
  for (Xapian::docid d : {1u, 64u, 70u}) shorter.add(d);
  EXPECT_EQ(a.count_common(b), 2u);
  EXPECT_EQ(b.count_common(a), 2u);
  EXPECT_EQ(a.count_common(shorter), 2u);  // a set of an older, smaller revision
  EXPECT_EQ(a.count_common(DocSet()), 0u);
}

}  // namespace
}  // namespace fouille::searcher
