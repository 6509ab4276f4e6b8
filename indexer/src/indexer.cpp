// The indexing pipeline: `jobs` worker threads read, parse and analyse files
// into ready Xapian documents; the calling thread is the one writer, adding
// them and committing every `batch` documents. Workers run ahead through a
// bounded queue, so memory stays flat whatever the corpus size.
#include "fouille/indexer/indexer.h"

#include <unicode/unistr.h>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include <xapian.h>

#include "document_builder.h"
#include "file_scan.h"
#include "fouille/corpus/schema.h"
#include "fouille/stemming/error.h"

namespace fouille::indexer {
namespace {

namespace fs = std::filesystem;

// A worker hands its spelling counts over once they hold this many words.
constexpr std::size_t kSpellingHandover = 20000;
// Parsed files waiting for the writer, at most.
constexpr std::size_t kQueueCapacity = 64;

struct Parsed {
  std::size_t file = 0;
  std::vector<Xapian::Document> docs;
  std::vector<std::string> source_terms;
  std::vector<std::string> warnings;
  std::optional<std::string> skipped;  // why the file was skipped
  SpellingCounts spelling;
};

class Queue {
 public:
  void push(Parsed p) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return items_.size() < kQueueCapacity || closed_; });
    items_.push_back(std::move(p));
    not_empty_.notify_one();
  }
  std::optional<Parsed> pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !items_.empty() || producers_ == 0; });
    if (items_.empty()) return std::nullopt;
    Parsed p = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return p;
  }
  void set_producers(int n) { producers_ = n; }
  void producer_done() {
    std::lock_guard lock(mutex_);
    --producers_;
    not_empty_.notify_all();
  }
  void close() {  // unblocks producers when the writer stops early
    std::lock_guard lock(mutex_);
    closed_ = true;
    items_.clear();
    not_full_.notify_all();
  }

 private:
  std::mutex mutex_;
  std::condition_variable not_full_, not_empty_;
  std::deque<Parsed> items_;
  int producers_ = 0;
  bool closed_ = false;
};

std::string lower(const std::string& word) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(word);
  u.toLower();
  std::string out;
  u.toUTF8String(out);
  return out;
}

Xapian::WritableDatabase open_for_writing(const fs::path& db) {
  try {
    return Xapian::WritableDatabase(db.string(), Xapian::DB_CREATE_OR_OPEN);
  } catch (const Xapian::DatabaseLockError&) {
    throw IndexError(db.string() + ": database is being indexed by another process (locked); try again when it has finished");
  } catch (const Xapian::Error& e) {
    throw IndexError(db.string() + ": cannot open the database for writing: " + e.get_msg());
  }
}

// What the database already holds: file -> (stamp, its documents).
struct Known {
  std::string stamp;
  std::vector<Xapian::docid> docs;
};

std::map<std::string, Known> known_files(Xapian::Database& db) {
  const auto& s = corpus::schema();
  std::map<std::string, Known> known;
  std::map<Xapian::docid, std::string> stamps;
  for (auto it = db.valuestream_begin(s.field("stamp").slot); it != db.valuestream_end(s.field("stamp").slot); ++it) {
    stamps.emplace(it.get_docid(), *it);
  }
  for (auto it = db.valuestream_begin(s.field("source").slot); it != db.valuestream_end(s.field("source").slot); ++it) {
    Known& k = known[*it];
    k.docs.push_back(it.get_docid());
    if (auto st = stamps.find(it.get_docid()); st != stamps.end()) k.stamp = st->second;
  }
  return known;
}

}  // namespace

std::uint64_t directory_bytes(const fs::path& dir) {
  std::uint64_t total = 0;
  std::error_code ec;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec)) total += it->file_size(ec);
  }
  return total;
}

Stats index(const Options& options, const Warn& warn, const OnProgress& progress, const std::atomic<bool>* stop) {
  using clock = std::chrono::steady_clock;
  const auto started = clock::now();
  auto stopped = [&] { return stop && stop->load(); };
  auto say = [&](const std::string& line) {
    if (warn) warn(line);
  };

  std::vector<InputFile> files = scan_inputs(options.inputs);
  Stats stats;
  stats.files = files.size();

  std::error_code ec;
  fs::create_directories(options.db, ec);
  if (ec) throw IndexError(options.db.string() + ": cannot create the database folder: " + ec.message());
  Xapian::WritableDatabase db = open_for_writing(options.db);

  try {
    std::map<std::string, Known> known = known_files(db);
    std::vector<std::size_t> todo;
    for (std::size_t i = 0; i < files.size(); ++i) {
      auto it = known.find(files[i].path);
      if (it != known.end() && it->second.stamp == files[i].stamp) {
        ++stats.unchanged;
      } else {
        todo.push_back(i);
      }
    }

    // Workers: parse and analyse files into documents.
    unsigned jobs = options.jobs ? options.jobs : std::max(1u, std::thread::hardware_concurrency());
    jobs = std::max(1u, std::min<unsigned>(jobs, static_cast<unsigned>(std::max<std::size_t>(1, todo.size()))));
    Queue queue;
    queue.set_producers(static_cast<int>(jobs));
    std::atomic<std::size_t> next{0};
    std::atomic<bool> abort{false};
    std::vector<std::thread> workers;
    for (unsigned w = 0; w < jobs; ++w) {
      workers.emplace_back([&] {
        SpellingCounts spelling;
        DocumentBuilder builder(options.spelling ? &spelling : nullptr);
        while (!stopped() && !abort) {
          std::size_t k = next.fetch_add(1);
          if (k >= todo.size()) break;
          const InputFile& file = files[todo[k]];
          Parsed parsed;
          parsed.file = todo[k];
          try {
            corpus::FileResult result = corpus::read_file(file.path, options.read);
            parsed.warnings = std::move(result.warnings);
            for (const auto& doc : result.documents) {
              parsed.docs.push_back(builder.build(doc, file.path, file.stamp));
              parsed.source_terms.push_back(corpus::source_term(doc.source));
            }
          } catch (const Error& e) {
            parsed.skipped = e.what();
            parsed.docs.clear();
          } catch (const std::exception& e) {
            parsed.skipped = file.path + ": skipped: " + e.what();
            parsed.docs.clear();
          }
          if (spelling.size() >= kSpellingHandover) parsed.spelling = std::move(spelling), spelling.clear();
          queue.push(std::move(parsed));
        }
        if (!spelling.empty()) {
          Parsed last;
          last.file = static_cast<std::size_t>(-1);
          last.spelling = std::move(spelling);
          queue.push(std::move(last));
        }
        queue.producer_done();
      });
    }

    // The writer.
    SpellingCounts spelling;
    std::size_t since_commit = 0;
    std::size_t files_done = 0;
    auto flush_spelling = [&] {
      for (const auto& [word, count] : spelling) db.add_spelling(lower(word), count);
      spelling.clear();
    };
    auto commit = [&] {
      flush_spelling();
      db.commit();
      since_commit = 0;
    };
    try {
      while (auto parsed = queue.pop()) {
        for (auto& [word, count] : parsed->spelling) spelling[word] += count;
        if (parsed->file == static_cast<std::size_t>(-1)) continue;
        ++files_done;
        const InputFile& file = files[parsed->file];
        stats.bytes += file.size;
        for (const auto& w : parsed->warnings) say(w);
        if (parsed->skipped) {
          ++stats.skipped;
          say(*parsed->skipped);
        } else {
          auto old = known.find(file.path);
          bool changed = old != known.end();
          if (changed) {
            for (Xapian::docid id : old->second.docs) db.delete_document(id);
            stats.removed += old->second.docs.size() > parsed->docs.size() ? old->second.docs.size() - parsed->docs.size() : 0;
          }
          for (std::size_t d = 0; d < parsed->docs.size(); ++d) {
            // A file's old documents are gone, so a lone document is added
            // directly; several (JSON Lines) replace by their unique source
            // term, so a repeated id never makes a duplicate.
            if (parsed->docs.size() == 1) {
              db.add_document(parsed->docs[d]);
            } else {
              db.replace_document(parsed->source_terms[d], parsed->docs[d]);
            }
            ++(changed ? stats.updated : stats.added);
            ++since_commit;
          }
        }
        if (since_commit >= options.batch) commit();
        if (progress) {
          progress(Progress{files_done, todo.size(), stats.added + stats.updated, stats.bytes,
                            std::chrono::duration<double>(clock::now() - started).count()});
        }
        if (stopped()) {
          stats.interrupted = true;
          queue.close();
          break;
        }
      }
    } catch (...) {
      abort = true;
      queue.close();
      for (auto& t : workers) t.join();
      throw;
    }
    for (auto& t : workers) t.join();
    if (stopped()) stats.interrupted = true;

    if (options.prune && !stats.interrupted) {
      for (const auto& [path, k] : known) {
        if (fs::exists(path)) continue;
        for (Xapian::docid id : k.docs) db.delete_document(id);
        stats.removed += k.docs.size();
      }
    }
    commit();
    stats.db_documents = db.get_doccount();
    db.close();
  } catch (const Xapian::Error& e) {
    throw IndexError(options.db.string() + ": write failed: " + e.get_msg() +
                     " (the database keeps its last commit)");
  }
  stats.seconds = std::chrono::duration<double>(clock::now() - started).count();
  stats.db_bytes = directory_bytes(options.db);
  return stats;
}

}  // namespace fouille::indexer
