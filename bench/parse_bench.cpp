// Throughput of the text reader against the French analysis chain on the
// same documents: the layout reader alone (parse_text on decoded text), the
// whole read of a file (open, decode, parse), and the analysis of the same
// decoded text, each in MB/s of that text on one thread; then the ratios.
// Reading should run several times faster than the analysis after it.
//
//   bench-parse [--corpus=DIR] [--formats=DIR] [google-benchmark flags]
//
// Documents: the text files of a generated corpus (2,000 documents, fixed
// seed, no JSON Lines) unless --corpus names a folder of text files. With
// --formats, every file of DIR is also read whole, grouped by extension
// (tests/corpus: HTML, PDF, DOCX, ODT, IATI XML…), in MB/s of file bytes.
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>

#include "fouille/corpus/reader.h"
#include "fouille/stemming/analyzer.h"
#include "fouille/testsupport/generator.h"

#include "throughput_reporter.h"

namespace {

namespace fs = std::filesystem;

struct Text {
  fs::path path;
  std::string utf8;  // the file decoded, as the layout reader gets it
};
std::vector<Text> g_texts;
double g_bytes = 0;

struct Format {
  std::vector<fs::path> files;
  double bytes = 0;
};
std::map<std::string, Format> g_formats;  // by extension

void load_formats(const fs::path& dir) {
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().extension() == ".md") continue;
    Format& f = g_formats[e.path().extension().string()];
    f.files.push_back(e.path());
    f.bytes += static_cast<double>(e.file_size());
  }
}

void BM_ReadFormat(benchmark::State& state, const Format* format) {
  for (auto _ : state) {
    for (const auto& path : format->files) {
      try {
        benchmark::DoNotOptimize(fouille::corpus::read_file(path, {}));
      } catch (const std::exception&) {  // the corpus holds files made to be refused
      }
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(static_cast<double>(state.iterations()) * format->bytes));
}

void load(const fs::path& dir) {
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file() || e.path().extension() != ".txt") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    g_texts.push_back({e.path(), fouille::corpus::decode(bytes.str())});
    g_bytes += static_cast<double>(g_texts.back().utf8.size());
  }
}

void BM_ParseText(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& t : g_texts) benchmark::DoNotOptimize(fouille::corpus::parse_text(t.utf8, "doc.txt"));
  }
  state.SetBytesProcessed(static_cast<int64_t>(static_cast<double>(state.iterations()) * g_bytes));
}

void BM_ReadFile(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& t : g_texts) benchmark::DoNotOptimize(fouille::corpus::read_file(t.path, {}));
  }
  state.SetBytesProcessed(static_cast<int64_t>(static_cast<double>(state.iterations()) * g_bytes));
}

// The chain as the indexer runs it: one analyzer per thread, its cache warm.
void BM_Analysis(benchmark::State& state) {
  fouille::stemming::Analyzer analyzer;
  std::vector<fouille::stemming::Token> tokens;
  for (auto _ : state) {
    for (const auto& t : g_texts) {
      tokens.clear();
      analyzer.analyze(t.utf8, tokens);
      benchmark::DoNotOptimize(tokens.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(static_cast<double>(state.iterations()) * g_bytes));
}

BENCHMARK(BM_Analysis)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ParseText)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadFile)->Unit(benchmark::kMillisecond);

// Console output plus each reader's time as a share of the analysis's.
class RatioReporter : public ThroughputReporter {
 public:
  void Finalize() override {
    ConsoleReporter::Finalize();
    const double analysis = mb_s_["BM_Analysis"];
    if (analysis <= 0) return;
    std::printf("\nMB/s, and time as a share of the analysis's on the same text:\n");
    std::printf("  %-15s %7.1f MB/s\n", "Analysis", analysis);
    for (const auto& [name, mb_s] : mb_s_) {
      if (name == "BM_Analysis" || mb_s <= 0) continue;
      std::printf("  %-15s %7.1f MB/s  %.2f\n", name.c_str() + 3, mb_s, analysis / mb_s);
    }
  }
};

}  // namespace

int main(int argc, char** argv) {
  fs::path corpus;
  std::vector<char*> args;
  for (int i = 0; i < argc; ++i) {
    if (std::strncmp(argv[i], "--corpus=", 9) == 0) {
      corpus = argv[i] + 9;
    } else if (std::strncmp(argv[i], "--formats=", 10) == 0) {
      load_formats(argv[i] + 10);
    } else {
      args.push_back(argv[i]);
    }
  }
  int n = static_cast<int>(args.size());
  benchmark::Initialize(&n, args.data());
  for (const auto& [ext, format] : g_formats) {
    benchmark::RegisterBenchmark(("BM_Read" + ext).c_str(), BM_ReadFormat, &format)->Unit(benchmark::kMillisecond);
  }
  if (corpus.empty()) {
    const fs::path dir = fs::temp_directory_path() / "fouille-bench-parse";
    fs::remove_all(dir);
    fouille::testsupport::GeneratorOptions g;
    g.documents = 2000;
    g.jsonl = 0;
    fouille::testsupport::generate(g, dir);
    load(dir);  // read_file reads the files again: they stay until the end
    std::printf("text: %zu generated files, %.1f MB\n", g_texts.size(), g_bytes / 1e6);
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    fs::remove_all(dir);
  } else {
    load(corpus);
    std::printf("text: %zu files, %.1f MB\n", g_texts.size(), g_bytes / 1e6);
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
  }
  benchmark::Shutdown();
  return 0;
}
