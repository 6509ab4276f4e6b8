// fouille-index's report of a run: the summary in the run's language (or
// as JSON), then the exit code the run earns; and the spelling merge of
// --spelling-from, which is no indexing run.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "fouille/cli/tool.h"
#include "fouille/indexer/indexer.h"

/// Prints the summary of `s` (JSON with --json; the phases line unless
/// `quiet`) and returns the exit code: interrupted, nothing readable, or done.
int report(fouille::cli::Tool& tool, const fouille::indexer::Stats& s, const std::string& db, bool quiet);

/// --spelling-from: writes the spelling tables of `shards` summed into `db`
/// (fouille/store/spelling.h), prints one line and returns the exit code.
int merge_spelling(fouille::cli::Tool& tool, const std::string& db, const std::vector<std::filesystem::path>& shards);
