// fouille-gen: writes a deterministic synthetic corpus for benchmarks and
// scale tests. Exit codes: 0 done, 2 usage, 3 the word list is missing or the
// folder cannot be written.
#include <chrono>
#include <cstdio>

#include "fouille/base/error.h"
#include "fouille/cli/tool.h"
#include "fouille/testsupport/generator.h"

namespace po = boost::program_options;
using namespace fouille;

int main(int argc, char** argv) {
  cli::Tool tool("fouille-gen",
                 "Usage: fouille-gen --out DIR [options]\n\n"
                 "Writes synthetic French project documents in every layout (same seed, same bytes).\n\n"
                 "Example:\n  fouille-gen --out /tmp/corpus-10k --docs 10000 --seed 42\n\nOptions");
  testsupport::GeneratorOptions o;
  std::string out;
  tool.add_options()
    ("out,o", po::value(&out), "folder to write into (e.g. --out /tmp/corpus)")
    ("docs,n", po::value(&o.documents)->default_value(1000), "documents to write (e.g. --docs 100000)")
    ("seed", po::value(&o.seed)->default_value(42), "random seed (e.g. --seed 7)")
    ("jsonl", po::value(&o.jsonl)->default_value(0.05), "share of documents written as JSON Lines (e.g. --jsonl 0)")
    ("legacy", po::value(&o.legacy_encoding)->default_value(0.03), "share of files in Windows-1252")
    ("english", po::value(&o.english_labels)->default_value(0.10), "share of files with English labels")
    ("wordlist", po::value(&o.wordlist)->default_value(o.wordlist), "French word list");
  if (auto done = tool.parse(argc, argv)) return *done;
  if (out.empty()) return tool.fail("usage", "--out DIR is required (see --help)", cli::kUsage);
  return tool.run([&] {
    try {
      auto t0 = std::chrono::steady_clock::now();
      auto s = testsupport::generate(o, out);
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      std::printf("fouille-gen: %zu documents in %zu files, %.1f MB, in %.1f s -> %s\n", s.documents, s.files,
                  static_cast<double>(s.bytes) / 1e6, secs, out.c_str());
      return 0;
    } catch (const Error&) {
      throw;
    } catch (const std::exception& e) {
      throw CorpusError(out + ": " + e.what());  // a folder that cannot be written: exit 3, as documented
    }
  });
}
