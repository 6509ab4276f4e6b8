#include "fouille/store/known_files.h"

#include <chrono>

#include <gtest/gtest.h>

#include "fouille/store/metadata.h"
#include "fouille/store/values.h"

namespace fouille::store {
namespace {

using namespace std::chrono;
using corpus::FieldId;
using corpus::schema;

std::filesystem::file_time_type at(sys_time<nanoseconds> t) { return file_clock::from_sys(t); }

// A stamp counts from the Unix epoch, whatever file_clock's own epoch: these
// are the bytes of the stamp slot.
TEST(KnownFiles, StampsCountFromTheUnixEpoch) {
  struct Case {
    std::uint64_t size;
    sys_time<nanoseconds> mtime;
    const char* stamp;
  };
  const Case cases[] = {
      {120, sys_time<nanoseconds>(seconds(1700000000)), "120:1700000000.000000000"},
      {0, sys_time<nanoseconds>(seconds(1700000000) + nanoseconds(500)), "0:1700000000.000000500"},
      {7, sys_time<nanoseconds>(nanoseconds(0)), "7:0.000000000"},
      {7, sys_time<nanoseconds>(nanoseconds(-1)), "7:-1.999999999"},  // before 1970: rounded down
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.stamp);
    EXPECT_EQ(encode_stamp(file_stamp(c.size, at(c.mtime))), c.stamp);
  }
}

TEST(KnownFiles, ReadsEachFilesStampAndDocuments) {
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  auto add = [&](const std::string& file, const std::string& stamp) {
    Xapian::Document d;
    set_text_value(d, schema().field(FieldId::kSource), file);
    set_text_value(d, schema().field(FieldId::kStamp), stamp);
    return db.add_document(d);
  };
  const Xapian::docid a = add("/d/a.txt", "1:2.000000000");
  const Xapian::docid b1 = add("/d/b.jsonl", "3:4.000000000");
  const Xapian::docid b2 = add("/d/b.jsonl", "3:4.000000000");
  db.set_metadata(kPartialKey, encode_partial({"/d/b.jsonl"}));
  db.commit();
  const auto known = known_files(db);
  ASSERT_EQ(known.size(), 2u);
  EXPECT_EQ(known.at("/d/a.txt").stamp, "1:2.000000000");
  EXPECT_EQ(known.at("/d/a.txt").docs, std::vector<Xapian::docid>{a});
  EXPECT_EQ(known.at("/d/b.jsonl").stamp, "");  // partial: read again
  EXPECT_EQ(known.at("/d/b.jsonl").docs, (std::vector<Xapian::docid>{b1, b2}));
}

}  // namespace
}  // namespace fouille::store
