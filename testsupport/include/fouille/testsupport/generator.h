// A deterministic generator of realistic synthetic project documents, for
// benchmarks and scale tests: the same seed gives the same bytes.
//
//   fouille::testsupport::GeneratorOptions options;
//   options.documents = 10000;
//   fouille::testsupport::GeneratorStats s = fouille::testsupport::generate(options, "corpus/generated");
//
// Narratives of 1-4 KB draw words from a Zipf distribution over at least
// 50,000 French word forms (Debian's wfrench list) mixed with the field's own
// phrases; metadata follows realistic distributions (every funder region and
// project type, ~150 countries, regional multi-country projects, budgets of
// 50k-300k USD, years 2005-2026). Files use every layout the readers know —
// label/value bullets (some with English labels), bare values, web pages —
// some in Windows-1252, and a share of the documents go to JSON Lines files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace fouille::testsupport {

struct GeneratorOptions {
  std::uint64_t seed = 42;
  std::size_t documents = 1000;
  std::size_t vocabulary = 60000;  ///< distinct word forms drawn from the list
  double english_labels = 0.10;    ///< share of text files with English labels
  double legacy_encoding = 0.03;   ///< share of text files in Windows-1252
  double jsonl = 0.05;             ///< share of documents written as JSON Lines
  std::string wordlist = "/usr/share/dict/french";
};

struct GeneratorStats {
  std::size_t files = 0;
  std::size_t documents = 0;
  std::uint64_t bytes = 0;
};

/// Writes the corpus into `dir` (created; files there of the same names are
/// overwritten). Throws CorpusError when the word list cannot be read.
GeneratorStats generate(const GeneratorOptions& options, const std::filesystem::path& dir);

}  // namespace fouille::testsupport
