// fouille-index's report of a run: the summary in the run's language (or
// as JSON), then the exit code the run earns.
#pragma once

#include <string>

#include "fouille/cli/tool.h"
#include "fouille/indexer/indexer.h"

/// Prints the summary of `s` (JSON with --json; the phases line unless
/// `quiet`) and returns the exit code: interrupted, nothing readable, or done.
int report(fouille::cli::Tool& tool, const fouille::indexer::Stats& s, const std::string& db, bool quiet);
