// The floor of fouille-index's write phase: replays the documents of a
// fouille database into a fresh shard the way a sharded build writes them
// (DB_NO_SYNC | DB_DANGEROUS, a commit every N documents), with parts of the
// documents left out, and times Xapian alone: add_document, commit, and
// optionally the compaction of the shards into one database. The documents
// are copied into memory first, untimed.
//
//   bench-shard-replay DB MODE [EVERY [DOCS [SHARD_DOCS [--compact]]]]
//
// MODE: "full", or any of these joined with '+': nopos (no positions),
// noprefpos (no positions on field-prefixed terms), noprefix (no field-prefixed
// positional terms), noxa (no accent terms), noval (no value slots), nodata
// (no document data). EVERY: documents per commit (300, as fouille's shards);
// DOCS: how many documents of DB (all); SHARD_DOCS: a new shard after this
// many (never). Scratch databases go under $TMPDIR (/tmp).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unistd.h>
#include <vector>

#include <xapian.h>

#include "fouille/store/database.h"
#include "fouille/store/terms.h"

namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

bool has(const std::string& mode, const char* part) {
  const std::string p = std::string("+") + mode + "+";
  return p.find(std::string("+") + part + "+") != std::string::npos;
}

// A field-prefixed copy of free text: not a bare word, positions kept (the
// filter terms and the accent and expression terms have none).
bool prefixed(const std::string& term) { return !term.empty() && !fouille::store::is_text_term(term); }

}  // namespace

int main(int argc, char** argv) {
  const char* usage = "usage: bench-shard-replay DB MODE [EVERY [DOCS [SHARD_DOCS [--compact]]]]\n";
  if (argc == 2 && (std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h")) {
    std::fputs(usage, stdout);
    return 0;
  }
  if (argc < 3) {
    std::fputs(usage, stderr);
    return 2;
  }
  try {
    const std::string mode = argv[2];
    const std::size_t every = argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 300;
    const std::size_t limit = argc > 4 ? std::strtoul(argv[4], nullptr, 10) : SIZE_MAX;
    const std::size_t shard_docs = argc > 5 ? std::strtoul(argv[5], nullptr, 10) : SIZE_MAX;
    const bool compact = argc > 6 && std::string(argv[6]) == "--compact";
    if (every == 0 || limit == 0 || shard_docs == 0) {
      std::fprintf(stderr, "bench-shard-replay: EVERY, DOCS and SHARD_DOCS must be 1 or more\n");
      return 2;
    }
    const bool nopos = has(mode, "nopos"), noprefpos = has(mode, "noprefpos"), noprefix = has(mode, "noprefix");
    const bool noxa = has(mode, "noxa"), noval = has(mode, "noval"), nodata = has(mode, "nodata");

    Xapian::Database source = fouille::store::open_for_reading(argv[1]);
    std::vector<Xapian::Document> docs;
    std::size_t terms = 0, positions = 0;
    for (auto it = source.postlist_begin(""); it != source.postlist_end("") && docs.size() < limit; ++it) {
      const Xapian::Document d = source.get_document(*it);
      Xapian::Document copy;
      for (auto t = d.termlist_begin(); t != d.termlist_end(); ++t) {
        const std::string term = *t;
        const bool with_positions = t.positionlist_count() > 0;
        if (noxa && term.rfind("XA", 0) == 0) continue;
        if (noprefix && prefixed(term) && with_positions) continue;
        if (with_positions && !nopos && !(noprefpos && prefixed(term))) {
          for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p, ++positions) {
            copy.add_posting(term, *p, 0);
          }
        }
        copy.add_term(term, t.get_wdf());
        ++terms;
      }
      if (!noval) {
        for (auto v = d.values_begin(); v != d.values_end(); ++v) copy.add_value(v.get_valueno(), *v);
      }
      if (!nodata) copy.set_data(d.get_data());
      docs.push_back(std::move(copy));
    }
    if (docs.empty()) {
      std::fprintf(stderr, "bench-shard-replay: %s holds no documents\n", argv[1]);
      return 3;
    }

    const char* tmp = std::getenv("TMPDIR");
    const std::filesystem::path scratch =
        std::filesystem::path(tmp ? tmp : "/tmp") / ("bench-shard-replay-" + std::to_string(::getpid()));
    std::filesystem::remove_all(scratch);
    std::filesystem::create_directories(scratch);
    std::vector<std::string> shards;
    std::optional<Xapian::WritableDatabase> shard;
    double add = 0, commit = 0;
    std::size_t since_commit = 0, in_shard = 0;
    for (const auto& d : docs) {
      if (!shard || in_shard >= shard_docs) {
        const auto c = Clock::now();
        if (shard) shard->close();  // commits
        commit += since(c);
        shards.push_back((scratch / ("shard-" + std::to_string(shards.size()))).string());
        shard.emplace(fouille::store::create_scratch(shards.back()));  // as the indexer's shards
        in_shard = since_commit = 0;
      }
      const auto a = Clock::now();
      shard->add_document(d);
      add += since(a);
      ++in_shard;
      if (++since_commit >= every) {
        const auto c = Clock::now();
        shard->commit();
        commit += since(c);
        since_commit = 0;
      }
    }
    const auto c = Clock::now();
    shard->close();
    commit += since(c);
    double compaction = 0;
    if (compact) {
      const auto k = Clock::now();
      Xapian::Database all;
      for (const auto& s : shards) all.add_database(fouille::store::open_for_reading(s));
      all.compact((scratch / "merged").string());
      compaction = since(k);
    }
    std::filesystem::remove_all(scratch);
    std::printf(
        "%s: %zu documents, %.0f terms and %.0f positions each, a commit every %zu, %zu shard(s): "
        "add %.2f s, commit %.2f s, compaction %.2f s, total %.2f s\n",
        mode.c_str(), docs.size(), static_cast<double>(terms) / docs.size(),
        static_cast<double>(positions) / docs.size(), every, shards.size(), add, commit, compaction,
        add + commit + compaction);
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "bench-shard-replay: %s\n", e.get_description().c_str());
    return 4;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench-shard-replay: %s\n", e.what());
    return 4;
  }
  return 0;
}
