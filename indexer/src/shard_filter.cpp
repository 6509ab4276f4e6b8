#include "shard_filter.h"

#include <algorithm>

#include "fouille/base/error.h"
#include "fouille/store/metadata.h"

namespace fouille::indexer {
namespace {

// How a spec reads in a message: "shard 1/2", or "the whole index".
Message spec_text(const store::ShardSpec& spec) {
  if (spec.whole()) return Message{"shard.whole", {}};
  return Message{"shard.spec", {store::encode_shard_spec(spec)}};
}

}  // namespace

store::ShardSpec shard_of_run(const Options& options) {
  if (options.shard.empty()) return {};
  return store::parse_shard_spec("--shard", options.shard);
}

void keep_shard(const store::ShardSpec& spec, std::vector<InputFile>& files, Stats& stats) {
  stats.shard = store::encode_shard_spec(spec);
  if (spec.whole()) return;
  // The key is the absolute path the source terms are made of (parts.cpp):
  // the same file always goes to the same shard.
  const auto other =
      std::remove_if(files.begin(), files.end(), [&](const InputFile& f) { return !store::holds(spec, f.path); });
  stats.other_shard = static_cast<std::size_t>(files.end() - other);
  files.erase(other, files.end());
}

void check_shard(Xapian::WritableDatabase& db, const store::ShardSpec& spec, const std::filesystem::path& name) {
  const std::string recorded = db.get_metadata(store::kShardKey);
  const std::string given = store::encode_shard_spec(spec);
  if (recorded == given) return;
  if (recorded.empty() && db.get_doccount() == 0) {
    db.set_metadata(store::kShardKey, given);
    db.commit();
    return;
  }
  const store::ShardSpec was = store::read_shard_spec(recorded).value_or(store::ShardSpec{});
  throw UsageError(Message{"shard.mismatch", {name.string(), spec_text(was), spec_text(spec)}});
}

}  // namespace fouille::indexer
