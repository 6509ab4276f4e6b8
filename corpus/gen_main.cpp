// fouille-gen: writes a deterministic synthetic corpus for benchmarks and
// scale tests. Exit codes: 0 done, 2 usage, 3 the word list is missing.
#include <chrono>
#include <cstdio>
#include <iostream>

#include <boost/program_options.hpp>

#include "fouille/corpus/generator.h"
#include "fouille/stemming/error.h"
#include "fouille/version.h"

namespace po = boost::program_options;

int main(int argc, char** argv) {
  fouille::corpus::GeneratorOptions o;
  std::string out;
  po::options_description visible(
      "Usage: fouille-gen --out DIR [options]\n\n"
      "Writes synthetic French project documents in every layout (same seed, same bytes).\n\n"
      "Example:\n  fouille-gen --out /tmp/corpus-10k --docs 10000 --seed 42\n\nOptions");
  visible.add_options()
    ("help,h", "show this help")
    ("version", "print the version")
    ("out,o", po::value(&out), "folder to write into (e.g. --out /tmp/corpus)")
    ("docs,n", po::value(&o.documents)->default_value(1000), "documents to write (e.g. --docs 100000)")
    ("seed", po::value(&o.seed)->default_value(42), "random seed (e.g. --seed 7)")
    ("jsonl", po::value(&o.jsonl)->default_value(0.05), "share of documents written as JSON Lines (e.g. --jsonl 0)")
    ("legacy", po::value(&o.legacy_encoding)->default_value(0.03), "share of files in Windows-1252")
    ("english", po::value(&o.english_labels)->default_value(0.10), "share of files with English labels")
    ("wordlist", po::value(&o.wordlist)->default_value(o.wordlist), "French word list");
  po::variables_map vm;
  try {
    po::store(po::parse_command_line(argc, argv, visible), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "fouille-gen: " << e.what() << " (see --help)\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return 0;
  }
  if (vm.count("version")) {
    std::cout << "fouille-gen " << FOUILLE_VERSION << "\n";
    return 0;
  }
  if (out.empty()) {
    std::cerr << "fouille-gen: --out DIR is required (see --help)\n";
    return 2;
  }
  try {
    auto t0 = std::chrono::steady_clock::now();
    auto s = fouille::corpus::generate(o, out);
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("fouille-gen: %zu documents in %zu files, %.1f MB, in %.1f s -> %s\n", s.documents, s.files,
                static_cast<double>(s.bytes) / 1e6, secs, out.c_str());
    return 0;
  } catch (const fouille::CorpusError& e) {
    std::cerr << "fouille-gen: " << e.what() << "\n";
    return 3;
  } catch (const std::exception& e) {
    std::cerr << "fouille-gen: " << out << ": " << e.what() << "\n";
    return 3;
  }
}
