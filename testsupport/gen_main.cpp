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
  cli::Tool tool("fouille-gen", "help.gen.usage");
  testsupport::GeneratorOptions o;
  testsupport::IatiOptions iati;
  std::string out;
  double size_mb = 0;
  tool.add_options()("out,o", po::value(&out), "help.gen.out")("docs,n", po::value(&o.documents)->default_value(1000),
                                                               "help.gen.docs")(
      "seed", po::value(&o.seed)->default_value(42), "help.gen.seed")("jsonl", po::value(&o.jsonl)->default_value(0.05),
                                                                      "help.gen.jsonl")(
      "legacy", po::value(&o.legacy_encoding)->default_value(0.03), "help.gen.legacy")(
      "english", po::value(&o.english_labels)->default_value(0.10), "help.gen.english")(
      "wordlist", po::value(&o.wordlist)->default_value(o.wordlist), "help.gen.wordlist")("iati", "help.gen.iati")(
      "activities", po::value(&iati.activities)->default_value(1000), "help.gen.activities")(
      "size-mb", po::value(&size_mb), "help.gen.size_mb")("english-share", po::value(&iati.english),
                                                          "help.gen.english_share");
  if (auto done = tool.parse(argc, argv)) return *done;
  const bool is_iati = tool.has("iati");
  if (out.empty()) return tool.fail(Message{is_iati ? "option.out_file_required" : "option.out_dir_required", {}});
  if (!is_iati && (tool.has("size-mb") || tool.has("english-share"))) {
    return tool.fail(Message{"option.iati_only", {"--size-mb", "--english-share", "--iati"}});
  }
  if (is_iati && !(size_mb >= 0 && size_mb <= 1e6)) {
    return tool.fail(Message{"option.expected_range", {"--size-mb", std::to_string(size_mb), "0", "1000000"}});
  }
  if (is_iati && !(iati.english >= 0 && iati.english <= 1)) {
    return tool.fail(Message{"option.expected_range", {"--english-share", std::to_string(iati.english), "0", "1"}});
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
      throw CorpusError(
          Message{"read.in_file", {out, e.what()}});  // a folder that cannot be written: exit 3, as documented
    }
  });
}
