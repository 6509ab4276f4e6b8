// A search Result as JSON: the one shape of `fouille-search --json` and of
// the HTTP API's /api/search (docs/server.md).
#pragma once

#include <nlohmann/json.hpp>

#include "fouille/searcher/result.h"

namespace fouille::searcher {

/// Version of the JSON schema of to_json, shared by `fouille-search --json` and
/// the HTTP API; raised when a field changes meaning or goes away.
inline constexpr int kApiVersion = 2;  // 2: snippets as segments

/// The Result as the JSON object `fouille-search --json` prints; its notes
/// in the Result's language.
nlohmann::json to_json(const Result& result);

}  // namespace fouille::searcher
