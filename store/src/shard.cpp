#include "fouille/store/shard.h"

#include <charconv>

#include "fouille/base/error.h"
#include "fouille/base/hash.h"

namespace fouille::store {
namespace {

// A whole number of decimal digits only (no sign, no space), at most kMaxShards.
std::optional<unsigned> number(std::string_view text) {
  unsigned n = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, n);
  if (text.empty() || text.front() == '+' || ec != std::errc() || ptr != end || n > kMaxShards) return std::nullopt;
  return n;
}

}  // namespace

std::optional<ShardSpec> read_shard_spec(std::string_view text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const auto index = number(text.substr(0, slash)), count = number(text.substr(slash + 1));
  if (!index || !count || *index < 1 || *index > *count) return std::nullopt;
  return ShardSpec{*index, *count};
}

ShardSpec parse_shard_spec(std::string_view option, std::string_view text) {
  if (auto spec = read_shard_spec(text)) return *spec;
  throw UsageError(Message{"shard.bad_spec", {option, text, std::size_t{kMaxShards}}});
}

std::string encode_shard_spec(const ShardSpec& spec) {
  if (spec.whole()) return "";
  return std::to_string(spec.index) + "/" + std::to_string(spec.count);
}

unsigned shard_of(std::string_view file_key, unsigned count) {
  if (count <= 1) return 1;
  base::Fnv1a h;
  h.add_part(file_key);
  return static_cast<unsigned>(h.value() % count) + 1;
}

bool holds(const ShardSpec& spec, std::string_view file_key) {
  return spec.whole() || shard_of(file_key, spec.count) == spec.index;
}

}  // namespace fouille::store
