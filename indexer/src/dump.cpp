#include "fouille/indexer/dump.h"

#include <set>

#include "fouille/corpus/countries.h"
#include "fouille/corpus/document_json.h"
#include "fouille/base/error.h"

namespace fouille::indexer {
namespace {

// Prints each document as it is read.
class Printer : public corpus::ReadSink {
 public:
  Printer(const std::filesystem::path& file, std::ostream& out, const Warn& warn, std::set<std::string>& unknown,
          DumpStats& stats)
      : file_(file), out_(out), warn_(warn), unknown_(unknown), stats_(stats) {}
  void document(corpus::Document d) override {
    out_ << corpus::to_json(d).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    ++stats_.documents;
    for (const auto& c : d.countries) {
      if (!corpus::is_country_code(c) && unknown_.insert(c).second) {
        say(file_.string() + ": unknown country name '" + c + "' kept as given");
      }
    }
  }
  void warning(std::string line) override { say(line); }

 private:
  void say(const std::string& line) {
    if (warn_) warn_(line);
  }
  const std::filesystem::path& file_;
  std::ostream& out_;
  const Warn& warn_;
  std::set<std::string>& unknown_;
  DumpStats& stats_;
};

}  // namespace

DumpStats dump(const std::vector<std::filesystem::path>& inputs, const corpus::ReadOptions& read, bool follow_links,
               std::ostream& out, const Warn& warn) {
  DumpStats stats;
  std::set<std::string> unknown;  // unknown country names, reported once
  const std::vector<std::filesystem::path> files = list_files(inputs, follow_links, [&](const std::string& w) {
    if (warn) warn(w);
    ++stats.skipped;
  });
  for (const auto& f : files) {
    Printer printer(f, out, warn, unknown, stats);
    try {
      corpus::read_file(f, read, printer);
    } catch (const CorpusError& e) {
      if (warn) warn(e.what());
      ++stats.skipped;
    }
  }
  return stats;
}

}  // namespace fouille::indexer
