#include "fouille/searcher/session.h"

#include <filesystem>

#include <gtest/gtest.h>
#include <xapian.h>

#include "fouille/corpus/document.h"
#include "fouille/store/stored_document.h"
#include "fouille/store/terms.h"
#include "fouille/testsupport/scratch_dir.h"

namespace fouille::searcher {
namespace {

namespace fs = std::filesystem;

// Two documents whose IDs share one term: « CT.1 » is the project ID of the
// second as well as the ID of the first.
class SessionTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Xapian::WritableDatabase w(path_.string(), Xapian::DB_CREATE_OR_OVERWRITE);
    add(w, "CT.1", "", "Premier projet");
    add(w, "PX.2", "CT.1", "Second projet");
    w.commit();
  }

  static void add(Xapian::WritableDatabase& w, const std::string& id, const std::string& project,
                  const std::string& title) {
    corpus::Document doc;
    doc.id = id;
    doc.project_id = project;
    doc.title = title;
    doc.source = "/test/" + id + ".txt";
    Xapian::Document x;
    x.add_boolean_term(store::id_term(id));
    if (!project.empty()) x.add_boolean_term(store::id_term(project));
    x.set_data(store::encode_document(doc));
    w.add_document(x);
  }

  test::ScratchDir dir_{"session"};
  fs::path path_ = dir_ / "db";
};

TEST_F(SessionTest, ADocumentIsFoundByItsOwnIdOnly) {
  Session session(std::make_shared<Index>(path_.string()));
  const auto first = session.document_json("CT.1");
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(store::decode_document(*first).title, "Premier projet");
  const auto second = session.document_json("PX.2");
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(store::decode_document(*second).title, "Second projet");
  EXPECT_FALSE(session.document_json("PX.3").has_value());
  EXPECT_FALSE(session.document_json("").has_value());
}

TEST_F(SessionTest, AnalysesTextAsTheIndexerDoes) {
  Session session(std::make_shared<Index>(path_.string()));
  const std::vector<AnalyzedToken> tokens = session.analyze("L’OIM aide les migrants");
  ASSERT_FALSE(tokens.empty());
  bool migrant = false;
  for (const auto& t : tokens) migrant = migrant || (t.word == "migrants" && !t.stopword);
  EXPECT_TRUE(migrant);
}

}  // namespace
}  // namespace fouille::searcher
