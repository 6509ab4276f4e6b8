#include "fouille/store/metadata.h"

namespace fouille::store {
namespace {

void add_lines(std::string_view value, std::set<std::string>& into) {
  for (std::size_t at = 0; at < value.size();) {
    std::size_t eol = value.find('\n', at);
    if (eol == std::string_view::npos) eol = value.size();
    if (eol > at) into.emplace(value.substr(at, eol - at));
    at = eol + 1;
  }
}

}  // namespace

std::string encode_partial(const std::set<std::string>& files) {
  std::string out;
  for (const auto& f : files) out += (out.empty() ? "" : "\n") + f;
  return out;
}

std::set<std::string> decode_partial(std::string_view value) {
  std::set<std::string> files;
  add_lines(value, files);
  return files;
}

std::string merge_metadata(const std::string& key, std::size_t num_tags, const std::string tags[]) {
  if (key != kPartialKey) return tags[0];
  std::set<std::string> files;
  for (std::size_t i = 0; i < num_tags; ++i) add_lines(tags[i], files);
  return encode_partial(files);
}

}  // namespace fouille::store
