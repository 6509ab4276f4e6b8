// Fuzz target: the query language end to end (parser, compiler, filters,
// search) on a small database of the samples built once. Only QueryError and
// UsageError may come out; a crash, a stack overflow or another exception is
// a finding.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>

#include "fouille/base/error.h"
#include "fouille/indexer/indexer.h"
#include "fouille/searcher/searcher.h"

namespace {

std::unique_ptr<fouille::searcher::Searcher> g_searcher;

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  const auto db = std::filesystem::temp_directory_path() / ("fouille-fuzz-query-" + std::to_string(::getpid()));
  std::filesystem::remove_all(db);
  fouille::indexer::Options o;
  o.db = db;
  o.inputs = {FOUILLE_SAMPLES};
  o.jobs = 1;
  fouille::indexer::index(o, {}, {}, nullptr);
  g_searcher = std::make_unique<fouille::searcher::Searcher>(db.string());
  std::atexit([] {
    g_searcher.reset();
    std::filesystem::remove_all(std::filesystem::temp_directory_path() /
                                ("fouille-fuzz-query-" + std::to_string(::getpid())));
  });
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fouille::searcher::Request request;
  request.query.assign(reinterpret_cast<const char*>(data), size);
  request.limit = 3;
  try {
    (void)g_searcher->search(request);
  } catch (const fouille::QueryError&) {
  } catch (const fouille::UsageError&) {
  }
  return 0;
}
