#include "fouille/store/database.h"

#include <unistd.h>

#include <gtest/gtest.h>

#include "fouille/base/error.h"

namespace fouille::store {
namespace {

namespace fs = std::filesystem;

TEST(Database, OpensWhatItCreatedAndNamesWhatItCannot) {
  const fs::path dir = fs::temp_directory_path() / ("fouille-database-test-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  {
    Xapian::WritableDatabase scratch = create_scratch(dir);
    scratch.add_document(Xapian::Document());
    scratch.commit();
  }
  {
    Xapian::WritableDatabase w = open_for_writing(dir);
    EXPECT_EQ(w.get_doccount(), 1u);
    try {
      open_for_writing(dir);
      ADD_FAILURE() << "a second writer opened the database";
    } catch (const IndexError& e) {
      ASSERT_NE(e.message(), nullptr);
      EXPECT_EQ(e.message()->id, "index.locked");
      EXPECT_NE(describe(e, Lang::kEn).find("another process"), std::string::npos) << e.what();
    }
  }
  EXPECT_EQ(open_for_reading(dir).get_doccount(), 1u);
  try {
    open_for_reading(dir / "missing");
    ADD_FAILURE() << "opened a missing database";
  } catch (const IndexError& e) {
    EXPECT_NE(std::string(e.what()).find((dir / "missing").string()), std::string::npos) << e.what();
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace fouille::store
