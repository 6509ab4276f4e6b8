// fouille-gen: writes a deterministic synthetic corpus for benchmarks and
// scale tests: a folder of documents, or with --iati one IATI activity file.
// Exit codes: 0 done, 2 usage, 3 the word list is missing or the folder or
// file cannot be written.
#include <chrono>
#include <cstdio>

#include "fouille/base/error.h"
#include "fouille/cli/tool.h"
#include "fouille/testsupport/generator.h"
#include "fouille/testsupport/iati_generator.h"

namespace po = boost::program_options;
using namespace fouille;

int main(int argc, char** argv) {
  cli::Tool tool("fouille-gen",
                 "Usage: fouille-gen --out DIR [options]\n"
                 "       fouille-gen --iati --out FILE [--activities N | --size-mb M] [options]\n\n"
                 "Writes synthetic French project documents in every layout, or with --iati one IATI 2.03\n"
                 "file of activities in French and English, streamed (same seed, same bytes).\n\n"
                 "Examples:\n  fouille-gen --out /tmp/corpus-10k --docs 10000 --seed 42\n"
                 "  fouille-gen --iati --out /tmp/iati-100k.xml --activities 100000 --seed 42\n\nOptions");
  testsupport::GeneratorOptions o;
  testsupport::IatiOptions iati;
  std::string out;
  double size_mb = 0;
  tool.add_options()
    ("out,o", po::value(&out), "folder to write into, or with --iati the file (e.g. --out /tmp/corpus)")
    ("docs,n", po::value(&o.documents)->default_value(1000), "documents to write (e.g. --docs 100000)")
    ("seed", po::value(&o.seed)->default_value(42), "random seed (e.g. --seed 7)")
    ("jsonl", po::value(&o.jsonl)->default_value(0.05), "share of documents written as JSON Lines (e.g. --jsonl 0)")
    ("legacy", po::value(&o.legacy_encoding)->default_value(0.03), "share of files in Windows-1252")
    ("english", po::value(&o.english_labels)->default_value(0.10), "share of files with English labels")
    ("wordlist", po::value(&o.wordlist)->default_value(o.wordlist), "French word list")
    ("iati", "write one IATI activity file to --out FILE instead of a folder of documents")
    ("activities", po::value(&iati.activities)->default_value(1000), "with --iati: activities to write (e.g. --activities 100000)")
    ("size-mb", po::value(&size_mb), "with --iati: write activities until the file holds this many MB (10^6 bytes), "
     "instead of --activities (e.g. --size-mb 1000)")
    ("english-share", po::value(&iati.english),
     "with --iati: share of activities also titled and described in English, 0 to 1, default 0.6 (e.g. --english-share 0)");
  if (auto done = tool.parse(argc, argv)) return *done;
  const bool is_iati = tool.has("iati");
  if (out.empty()) return tool.fail("usage", is_iati ? "--out FILE is required (see --help)" : "--out DIR is required (see --help)", cli::kUsage);
  if (!is_iati && (tool.has("size-mb") || tool.has("english-share"))) {
    return tool.fail("usage", "--size-mb and --english-share go with --iati (see --help)", cli::kUsage);
  }
  if (is_iati && !(size_mb >= 0 && size_mb <= 1e6)) {
    return tool.fail("usage", "--size-mb " + std::to_string(size_mb) + ": expected 0 to 1000000", cli::kUsage);
  }
  if (is_iati && !(iati.english >= 0 && iati.english <= 1)) {
    return tool.fail("usage", "--english-share: expected a share from 0 to 1", cli::kUsage);
  }
  return tool.run([&] {
    try {
      auto t0 = std::chrono::steady_clock::now();
      if (is_iati) {
        iati.seed = o.seed;
        iati.wordlist = o.wordlist;
        iati.target_bytes = static_cast<std::uint64_t>(size_mb * 1e6);
        auto s = testsupport::generate_iati(iati, out);
        double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        std::printf("fouille-gen: %zu IATI activities, %.1f MB, in %.1f s -> %s\n", s.activities,
                    static_cast<double>(s.bytes) / 1e6, secs, out.c_str());
        return 0;
      }
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
