// How a fouille database sits on disk, for the indexer that writes it and
// the searcher that follows it. DIR holds a Xapian stub file,
// DIR/XAPIANDB, naming the current generation DIR/gen-N (a glass database).
// Readers and writers open DIR and Xapian follows the stub; a fresh parallel
// build writes a whole new generation and switches to it by renaming a new
// stub over the old one, which is atomic: a reader or a crash sees the old
// generation or the new one, never a mix.
#pragma once

#include <filesystem>
#include <string>

namespace fouille::store {

class DatabaseLayout {
 public:
  /// Creates DIR with an empty first generation when DIR is missing or an
  /// empty folder (under an exclusive lock of the folder, so two indexers
  /// starting at once do not race). Throws IndexError when DIR holds
  /// something else or its stub is not one of ours.
  explicit DatabaseLayout(std::filesystem::path dir);

  const std::filesystem::path& dir() const { return dir_; }
  /// False for a plain glass database made without a stub (still usable,
  /// but always updated in place).
  bool has_generations() const { return generation_ > 0; }
  /// The folder of the next generation (gen-N+1), not yet created.
  std::filesystem::path next_generation() const;
  /// Points the stub at the next generation (atomically).
  void switch_to_next();
  /// Removes the generation before the current one, once nothing writes it.
  void remove_previous();
  /// A scratch folder inside DIR for shards, emptied.
  std::filesystem::path scratch() const;

 private:
  bool read_stub();

  std::filesystem::path dir_;
  int generation_ = 0;
};

/// The content of DIR's stub (which generation readers open), "" when DIR
/// is a plain database or does not exist: a reader that saw it change opens
/// the database anew rather than reopening a generation that may be gone.
/// For a shard map (shard_map.h), the map's text: a reader that saw it
/// change connects to the servers it names now.
std::string stub_contents(const std::filesystem::path& dir);

}  // namespace fouille::store
