// Writes a folder of documents as CSV (title, body) for the peers that load
// rows rather than files (PostgreSQL COPY, SQLite): the first line is the
// title, the rest the body, exactly the split the minimal Xapian indexer makes.
//
//   bench-export-csv CORPUS_DIR > corpus.csv
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "fouille/base/error.h"
#include "fouille/base/system_reason.h"
#include "fouille/cli/tool.h"

namespace {

std::string csv_field(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    if (c == '\0') continue;
    out += c;
  }
  return out + "\"";
}

// PostgreSQL and SQLite want UTF-8: legacy bytes become U+FFFD.
std::string valid_utf8(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    bool ok = n > 0 && i + n <= s.size();
    for (std::size_t k = 1; ok && k < n; ++k) ok = (static_cast<unsigned char>(s[i + k]) >> 6) == 2;
    if (ok) {
      out.append(s, i, n);
      i += n;
    } else {
      out += "\xEF\xBF\xBD";
      ++i;
    }
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  // The frame of the other tools: --help exits 0 (it was read as a folder
  // name, and the folder walk's exception aborted the run), errors one line.
  fouille::cli::Tool tool("bench-export-csv", "help.bench_export.usage");
  std::vector<std::string> dirs;
  tool.positional("corpus", &dirs);
  if (auto done = tool.parse(argc, argv)) return *done;
  return tool.run([&] {
    if (dirs.size() != 1) throw fouille::UsageError(fouille::Message{"option.one_corpus_dir", {}});
    std::vector<std::filesystem::path> files;
    try {
      for (const auto& e : std::filesystem::recursive_directory_iterator(dirs[0])) {
        if (e.is_regular_file()) files.push_back(e.path());
      }
    } catch (const std::filesystem::filesystem_error& e) {
      throw fouille::CorpusError(fouille::Message{"read.in_file", {dirs[0], fouille::system_reason(e.code())}});
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      std::ifstream in(f, std::ios::binary);
      std::stringstream buffer;
      buffer << in.rdbuf();
      std::string text = valid_utf8(buffer.str());
      std::size_t eol = text.find('\n');
      std::string title = text.substr(0, eol);
      std::string body = eol == std::string::npos ? "" : text.substr(eol + 1);
      std::string row = csv_field(title) + "," + csv_field(body) + "\n";
      std::fwrite(row.data(), 1, row.size(), stdout);
    }
    return 0;
  });
}
