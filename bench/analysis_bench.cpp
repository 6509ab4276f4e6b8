// Throughput of the French analysis chain against the bare pipeline it
// replaces: ICU word segmentation + ICU lower-casing + bare libstemmer, on the
// same text. Prints MB/s per benchmark and, at the end, the ratios.
//
//   bench-analysis [--corpus=DIR] [google-benchmark flags]
//
// Text: the bundled samples, and the narratives of a generated corpus (2,000
// documents, fixed seed) unless --corpus names a folder of documents.
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>

#include <benchmark/benchmark.h>
#include <libstemmer.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include "fouille/corpus/reader.h"
#include "fouille/stemming/analyzer.h"
#include "fouille/testsupport/generator.h"

#include "throughput_reporter.h"

namespace {

namespace fs = std::filesystem;

std::string g_samples, g_generated;

std::string read_corpus(const fs::path& dir) {
  std::string text;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    try {
      for (const auto& d : fouille::corpus::read_file(e.path(), {}).documents) text += d.title + "\n" + d.body + "\n";
    } catch (const std::exception&) {
    }
  }
  return text;
}

const std::string& text_of(const benchmark::State& state) { return state.range(0) == 0 ? g_samples : g_generated; }

// The bare pipeline: what one would write with ICU and libstemmer alone.
void BM_BareIcuStemmer(benchmark::State& state) {
  const std::string& text = text_of(state);
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> words(icu::BreakIterator::createWordInstance(icu::Locale::getFrench(), status));
  sb_stemmer* stemmer = sb_stemmer_new("french", "UTF_8");
  std::size_t terms = 0;
  for (auto _ : state) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    words->setText(u);
    std::string word;
    for (int32_t start = words->first(), end = words->next(); end != icu::BreakIterator::DONE;
         start = end, end = words->next()) {
      if (words->getRuleStatus() == UBRK_WORD_NONE) continue;
      icu::UnicodeString w(u, start, end - start);
      w.toLower(icu::Locale::getFrench());
      word.clear();
      w.toUTF8String(word);
      const sb_symbol* stem =
          sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
      benchmark::DoNotOptimize(stem);
      ++terms;
    }
  }
  sb_stemmer_delete(stemmer);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["terms"] = static_cast<double>(terms) / static_cast<double>(state.iterations());
}

// fouille's chain, as the indexer runs it: one analyzer per thread, its term
// cache warm after the first pass.
void BM_FouilleChain(benchmark::State& state) {
  const std::string& text = text_of(state);
  fouille::stemming::Analyzer analyzer;
  std::vector<fouille::stemming::Token> tokens;
  for (auto _ : state) {
    tokens.clear();
    analyzer.analyze(text, tokens);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["terms"] = static_cast<double>(tokens.size());
}

// The same with a new analyzer each pass: every word's first sight is paid.
void BM_FouilleChainColdCache(benchmark::State& state) {
  const std::string& text = text_of(state);
  std::vector<fouille::stemming::Token> tokens;
  for (auto _ : state) {
    fouille::stemming::Analyzer analyzer;
    tokens.clear();
    analyzer.analyze(text, tokens);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}

BENCHMARK(BM_BareIcuStemmer)->Arg(0)->Arg(1)->ArgName("generated")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FouilleChain)->Arg(0)->Arg(1)->ArgName("generated")->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FouilleChainColdCache)->Arg(0)->Arg(1)->ArgName("generated")->Unit(benchmark::kMillisecond);

// Console output plus the ratio of each chain run to the bare pipeline.
class RatioReporter : public ThroughputReporter {
 public:
  void Finalize() override {
    ConsoleReporter::Finalize();
    std::printf("\nMB/s and ratio to the bare ICU + libstemmer pipeline on the same text:\n");
    for (const char* corpus : {"generated:0", "generated:1"}) {
      const char* label = std::strcmp(corpus, "generated:0") == 0 ? "samples" : "generated";
      double bare = mb_s_["BM_BareIcuStemmer/" + std::string(corpus)];
      double warm = mb_s_["BM_FouilleChain/" + std::string(corpus)];
      double cold = mb_s_["BM_FouilleChainColdCache/" + std::string(corpus)];
      if (bare <= 0) continue;
      std::printf("  %-9s  bare %6.1f MB/s  chain %6.1f MB/s (x%.2f)  chain, cold cache %6.1f MB/s (x%.2f)\n", label,
                  bare, warm, warm / bare, cold, cold / bare);
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
    } else {
      args.push_back(argv[i]);
    }
  }
  int n = static_cast<int>(args.size());
  benchmark::Initialize(&n, args.data());
  g_samples = read_corpus(FOUILLE_SAMPLES);
  if (corpus.empty()) {
    corpus = fs::temp_directory_path() / "fouille-bench-analysis";
    fs::remove_all(corpus);
    fouille::testsupport::GeneratorOptions g;
    g.documents = 2000;
    g.jsonl = 0;
    fouille::testsupport::generate(g, corpus);
    g_generated = read_corpus(corpus);
    fs::remove_all(corpus);
  } else {
    g_generated = read_corpus(corpus);
  }
  std::printf("text: samples %.1f KB, generated %.1f MB\n", static_cast<double>(g_samples.size()) / 1e3,
              static_cast<double>(g_generated.size()) / 1e6);
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
