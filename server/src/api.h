// Private: the HTTP API as plain functions of a request, free of any HTTP
// library, so its tests need no socket. Every answer is JSON; every failure
// an {"error": {"code", "message", "position"}} object with its status:
// 400 a bad query or parameter, 404 no such document or route, 501 not
// available, 503 the database cannot be opened. Bad input never gives 500.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "fouille/base/error.h"
#include "fouille/server/server.h"

#include "session_pool.h"

namespace fouille::server {

/// Query-string parameters in order; a name may repeat (filter=…&filter=…).
using Params = std::vector<std::pair<std::string, std::string>>;

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
};

class Api {
 public:
  /// `options` supplies the limits and must outlive the Api.
  Api(const Options& options, SessionPool& pool) : options_(options), pool_(pool) {}

  /// Answers GET `path` (starting with /api/). Thread-safe; never throws.
  Response get(const std::string& path, const Params& params);

 private:
  Response search(const Params& params);
  Response document(const std::string& id, Lang lang);
  Response similar(const std::string& id, const Params& params);
  searcher::Result run(const searcher::Request& request);
  Response analyze(const Params& params);
  Response health();

  const Options& options_;
  SessionPool& pool_;
};

/// The JSON error answer of an error of the HTTP layer (kind "request", or
/// "internal" from 500 on): {"error": {"kind", "code", "message", "id",
/// "position", "exit_code"}}; position is the 1-based byte of the query, or
/// null (< 1); id and exit_code null.
Response error_response(int status, const std::string& code, const std::string& message, long position = 0);

/// The error object of a failed request, the shape fouille-search --json
/// prints too: {"error": {"kind", "code", "message", "id", "position",
/// "exit_code"}}, with `report`'s HTTP status.
Response error_response(const ErrorReport& report);

}  // namespace fouille::server
