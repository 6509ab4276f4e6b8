#include "fouille/indexer/dump.h"

#include <set>

#include "fouille/base/error.h"
#include "fouille/corpus/countries.h"
#include "fouille/corpus/document_json.h"

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
        say(Message{"index.unknown_country", {file_.string(), c}});
      }
    }
  }
  void warning(Message message) override { say(message); }

 private:
  void say(const Message& message) {
    if (warn_) warn_(message);
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
  const std::vector<std::filesystem::path> files = list_files(inputs, follow_links, [&](const Message& w) {
    if (warn) warn(w);
    ++stats.skipped;
  });
  for (const auto& f : files) {
    Printer printer(f, out, warn, unknown, stats);
    try {
      corpus::read_file(f, read, printer);
    } catch (const CorpusError& e) {
      if (warn) warn(e.message() ? *e.message() : Message{"read.skipped", {f.string(), e.what()}});
      ++stats.skipped;
    }
  }
  return stats;
}

}  // namespace fouille::indexer
