#include "fouille/store/shard_map.h"

#include <cerrno>
#include <charconv>
#include <fstream>
#include <sstream>

#include "fouille/base/error.h"
#include "fouille/base/system_reason.h"

namespace fouille::store {
namespace fs = std::filesystem;
namespace {

// A map is a few lines; anything bigger is not one.
constexpr std::uintmax_t kMaxMapBytes = 1 << 20;
constexpr std::size_t kMaxShards = 256;
// A timeout past an hour is a mistake (and past 49 days, milliseconds in 32
// bits overflow).
constexpr double kMaxTimeoutSeconds = 3600;

[[noreturn]] void bad_line(const char* id, const fs::path& file, std::size_t line, const std::string& what = "") {
  throw IndexError(Message{id, {file.string(), std::to_string(line), what}});
}

// The words of a line, a `#` starting a comment.
std::vector<std::string> words_of(const std::string& line) {
  std::istringstream in(line.substr(0, line.find('#')));
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

template <typename Number>
bool read_number(const std::string& text, Number& out) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && ptr == end;
}

ShardServer read_server(const std::string& word, const fs::path& file, std::size_t line) {
  const auto colon = word.rfind(':');
  ShardServer server;
  if (colon == std::string::npos || colon == 0 || !read_number(word.substr(colon + 1), server.port) ||
      server.port == 0 || server.port > 65535) {
    bad_line("index.shard_map_server", file, line, word);
  }
  server.host = word.substr(0, colon);
  return server;
}

}  // namespace

bool is_shard_map(const fs::path& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec) || fs::file_size(path, ec) > kMaxMapBytes) return false;
  std::ifstream in(path);
  for (std::string line; std::getline(in, line);) {
    const auto words = words_of(line);
    if (!words.empty()) return words[0] == "shard" || words[0] == "timeout" || words[0] == "spelling";
  }
  return false;
}

ShardMap read_shard_map(const fs::path& path) {
  std::ifstream in(path);
  if (!in) throw IndexError(Message{"index.cannot_open", {path.string(), system_reason(errno)}});
  ShardMap map;
  map.file = path;
  std::size_t number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    const auto words = words_of(line);
    if (words.empty()) continue;
    if (words[0] == "shard") {
      std::size_t shard = 0;
      if (words.size() < 3 || !read_number(words[1], shard) || shard == 0 || shard > kMaxShards) {
        bad_line("index.shard_map_shard", path, number);
      }
      if (map.shards.size() < shard) map.shards.resize(shard);
      if (!map.shards[shard - 1].empty()) bad_line("index.shard_map_twice", path, number, words[1]);
      for (std::size_t i = 2; i < words.size(); ++i)
        map.shards[shard - 1].push_back(read_server(words[i], path, number));
    } else if (words[0] == "timeout" && words.size() == 2) {
      if (!read_number(words[1], map.timeout_seconds) || !(map.timeout_seconds > 0) ||
          map.timeout_seconds > kMaxTimeoutSeconds) {
        bad_line("index.shard_map_timeout", path, number, words[1]);
      }
    } else if (words[0] == "spelling" && words.size() == 2) {
      map.spelling = fs::path(words[1]).is_absolute() ? fs::path(words[1]) : path.parent_path() / words[1];
    } else {
      bad_line("index.shard_map_line", path, number, words[0]);
    }
  }
  if (map.shards.empty()) bad_line("index.shard_map_empty", path, number);
  for (std::size_t i = 0; i < map.shards.size(); ++i) {
    if (map.shards[i].empty()) bad_line("index.shard_map_gap", path, number, std::to_string(i + 1));
  }
  return map;
}

Xapian::Database open_shards(const ShardMap& map) {
  const auto ms = static_cast<unsigned>(map.timeout_seconds * 1000);
  Xapian::Database db;
  for (std::size_t i = 0; i < map.shards.size(); ++i) {
    std::string tried;
    bool open = false;
    for (const ShardServer& server : map.shards[i]) {
      try {
        db.add_database(Xapian::Remote::open(server.host, server.port, ms, ms));
        open = true;
        break;
      } catch (const Xapian::Error& e) {
        tried += (tried.empty() ? "" : "; ") + server.host + ":" + std::to_string(server.port) + " " + e.get_msg();
      }
    }
    if (!open) {
      throw IndexError(Message{"index.shard_down", {map.file.string(), std::to_string(i + 1), tried}});
    }
  }
  return db;
}

}  // namespace fouille::store
