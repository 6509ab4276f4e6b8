#include "fouille/store/shard_map.h"

#include <gtest/gtest.h>

#include "fouille/base/error.h"
#include "fouille/testsupport/scratch_dir.h"

namespace fouille::store {
namespace {

// The id of the IndexError reading `text` as a map throws, "" if none.
std::string refusal(const test::ScratchDir& dir, const std::string& text) {
  test::write_file(dir / "map", text);
  try {
    read_shard_map(dir / "map");
  } catch (const IndexError& e) {
    EXPECT_NE(std::string(e.what()).find((dir / "map").string()), std::string::npos) << e.what();
    return e.message() ? e.message()->id : "?";
  }
  return "";
}

TEST(ShardMap, ReadsShardsInOrderWithTheirServers) {
  test::ScratchDir dir("shard-map");
  test::write_file(dir / "map",
                   "# two shards\n\nshard 2 10.0.0.2:7302\nshard 1 h1:7301 [::1]:7311  # a replica\n"
                   "timeout 2.5\nspelling spell\n");
  ASSERT_TRUE(is_shard_map(dir / "map"));
  const ShardMap map = read_shard_map(dir / "map");
  ASSERT_EQ(map.shards.size(), 2u);
  ASSERT_EQ(map.shards[0].size(), 2u);
  EXPECT_EQ(map.shards[0][0].host, "h1");
  EXPECT_EQ(map.shards[0][1].host, "[::1]");
  EXPECT_EQ(map.shards[0][1].port, 7311u);
  EXPECT_EQ(map.shards[1][0].host, "10.0.0.2");
  EXPECT_DOUBLE_EQ(map.timeout_seconds, 2.5);
  EXPECT_EQ(map.spelling, dir / "spell");  // relative to the map
}

TEST(ShardMap, TellsAMapFromADatabaseFolder) {
  test::ScratchDir dir("shard-map-kind");
  EXPECT_FALSE(is_shard_map(dir.path()));
  EXPECT_FALSE(is_shard_map(dir / "missing"));
  test::write_file(dir / "stub", "auto gen-1\n");
  EXPECT_FALSE(is_shard_map(dir / "stub"));
  test::write_file(dir / "map", "# servers\ntimeout 3\nshard 1 a:1\n");
  EXPECT_TRUE(is_shard_map(dir / "map"));
}

TEST(ShardMap, RefusesWhatIsNotAMapNamingTheLine) {
  test::ScratchDir dir("shard-map-bad");
  EXPECT_EQ(refusal(dir, "shard 1 a:1\n"), "");
  EXPECT_EQ(refusal(dir, "shard 1\n"), "index.shard_map_shard");
  EXPECT_EQ(refusal(dir, "shard 0 a:1\n"), "index.shard_map_shard");
  EXPECT_EQ(refusal(dir, "shard 1 a\n"), "index.shard_map_server");
  EXPECT_EQ(refusal(dir, "shard 1 a:99999\n"), "index.shard_map_server");
  EXPECT_EQ(refusal(dir, "shard 1 a:1\nshard 1 b:2\n"), "index.shard_map_twice");
  EXPECT_EQ(refusal(dir, "shard 2 a:1\n"), "index.shard_map_gap");
  EXPECT_EQ(refusal(dir, "shard 1 a:1\ntimeout 0\n"), "index.shard_map_timeout");
  EXPECT_EQ(refusal(dir, "shard 1 a:1\ntimeout 1e300\n"), "index.shard_map_timeout");
  EXPECT_EQ(refusal(dir, "shard 1 a:1\ntimeout nan\n"), "index.shard_map_timeout");
  EXPECT_EQ(refusal(dir, "shard 1 a:1\nreplica b:2\n"), "index.shard_map_line");
  EXPECT_EQ(refusal(dir, "# nothing\n"), "index.shard_map_empty");
}

TEST(ShardMap, AShardNoServerOfWhichAnswersFailsTheOpenNamingIt) {
  ShardMap map;
  map.file = "test.map";
  map.timeout_seconds = 1;
  // Port 1 on loopback: refused at once, nothing listens there.
  map.shards = {{{"127.0.0.1", 1}, {"127.0.0.1", 1}}};
  try {
    open_shards(map);
    ADD_FAILURE() << "opened a shard nobody serves";
  } catch (const IndexError& e) {
    ASSERT_NE(e.message(), nullptr);
    EXPECT_EQ(e.message()->id, "index.shard_down");
    EXPECT_NE(std::string(e.what()).find("127.0.0.1:1"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace fouille::store
