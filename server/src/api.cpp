#include "api.h"

#include <regex>

#include <nlohmann/json.hpp>

#include "fouille/base/error.h"
#include "fouille/corpus/code_labels.h"
#include "fouille/searcher/request_options.h"
#include "fouille/searcher/searcher.h"

namespace fouille::server {
namespace {

using nlohmann::json;

Response json_response(const json& j, int status = 200) {
  Response r;
  r.status = status;
  // Invalid UTF-8 in stored text becomes U+FFFD rather than an exception.
  r.body = j.dump(-1, ' ', false, json::error_handler_t::replace);
  return r;
}

// The searcher says where a query went wrong as "position N: …".
long position_of(const std::string& message) {
  static const std::regex at("position ([0-9]+)");
  std::smatch m;
  if (!std::regex_search(message, m, at)) return 0;
  return std::stol(m[1].str());
}

// The one value of a parameter that must not repeat, or "" when absent.
std::string single(const Params& params, const std::string& name) {
  std::string value;
  bool seen = false;
  for (const auto& [k, v] : params) {
    if (k != name) continue;
    if (seen) throw UsageError(name + ": given twice");
    value = v;
    seen = true;
  }
  return value;
}

bool flag(const Params& params, const std::string& name) {
  std::string v = single(params, name);
  if (v.empty() || v == "0" || v == "false") return false;
  if (v == "1" || v == "true") return true;
  throw UsageError(name + " " + v + ": expected 1 or 0");
}

void check_length(const std::string& name, const std::string& value, std::size_t max) {
  if (value.size() > max) {
    throw UsageError(name + ": " + std::to_string(value.size()) + " bytes, at most " + std::to_string(max));
  }
}

searcher::Request parse_search(const Params& params, const Options& options) {
  static const char* known[] = {"q",     "filter", "facets",   "no_facets", "sort",  "limit",
                                "offset", "collapse", "operator", "lang",      "exact"};
  for (const auto& [k, v] : params) {
    if (std::find(std::begin(known), std::end(known), k) == std::end(known)) {
      throw UsageError(
          k + ": unknown parameter (q, filter, facets, no_facets, sort, limit, offset, collapse, operator, lang, exact)");
    }
  }
  searcher::Request request;
  request.query = single(params, "q");
  check_length("q", request.query, options.max_query_bytes);
  std::size_t filters = 0;
  for (const auto& [k, v] : params) {
    if (k != "filter") continue;
    if (++filters > options.max_filters) throw UsageError("filter: at most " + std::to_string(options.max_filters));
    check_length("filter", v, options.max_query_bytes);
    request.filters.push_back(searcher::parse_filter(v, "filter"));
  }
  request.facets = searcher::split_list(single(params, "facets"));
  request.no_facets = flag(params, "no_facets");
  std::string sort = single(params, "sort");
  if (!sort.empty()) request.sort = searcher::parse_sort(sort, "sort");
  std::string limit = single(params, "limit"), offset = single(params, "offset"), op = single(params, "operator");
  if (!limit.empty()) request.limit = searcher::parse_count(limit, "limit", options.max_limit);
  if (!offset.empty()) request.offset = searcher::parse_count(offset, "offset", options.max_offset);
  if (!op.empty()) request.op = searcher::parse_operator(op, "operator");
  request.collapse = flag(params, "collapse");
  request.exact = flag(params, "exact");  // the words as typed: a correction is only suggested
  request.time_limit = options.search_seconds;
  return request;
}

}  // namespace

Response error_response(int status, const std::string& code, const std::string& message, long position) {
  json j = {
      {"error", {{"code", code}, {"message", message}, {"position", position > 0 ? json(position) : json(nullptr)}}}};
  return json_response(j, status);
}

Response Api::get(const std::string& path, const Params& params) {
  try {
    if (path == "/api/search") return search(params);
    if (path == "/api/analyze") return analyze(params);
    if (path == "/api/health") return health();
    for (const char* prefix : {"/api/documents/", "/api/similar/"}) {
      std::string p = prefix;
      if (path.rfind(p, 0) != 0 || path.size() == p.size()) continue;
      std::string id = path.substr(p.size());
      check_length("id", id, options_.max_query_bytes);
      if (p == "/api/documents/") return document(id);
      return similar(id, params);
    }
    return error_response(404, "not_found", path + ": no such route");
  } catch (const UsageError& e) {
    return error_response(400, "bad_parameter", e.what());
  } catch (const QueryError& e) {
    return error_response(400, "bad_query", e.what(), position_of(e.what()));
  } catch (const IndexError& e) {
    return error_response(503, "unavailable", e.what());
  } catch (const std::exception& e) {
    return error_response(500, "internal", e.what());
  }
}

Response Api::search(const Params& params) {
  const searcher::Request request = parse_search(params, options_);
  const std::string lang = single(params, "lang");
  if (!lang.empty() && lang != "fr" && lang != "en") throw UsageError("lang " + lang + ": expected fr or en");
  searcher::Request localised = request;
  if (!lang.empty()) localised.lang = lang;
  json j = searcher::to_json(run(localised));
  return json_response(j);
}

// A search that meets a database being replaced under it is tried once more
// on a fresh Session.
searcher::Result Api::run(const searcher::Request& request) {
  for (int attempt = 0;; ++attempt) {
    SessionPool::Lease session = pool_.acquire();
    try {
      return session->search(request);
    } catch (const IndexError&) {
      session.discard();
      if (attempt == 1) throw;
    }
  }
}

// More like this: the projects most similar to document `id`, as a search
// result (the searcher's `like`); `limit` as for a search.
Response Api::similar(const std::string& id, const Params& params) {
  for (const auto& [k, v] : params) {
    if (k != "limit") throw UsageError(k + ": unknown parameter (limit)");
  }
  searcher::Request request;
  request.like = id;
  request.no_facets = true;
  request.time_limit = options_.search_seconds;
  request.limit = 5;
  if (std::string limit = single(params, "limit"); !limit.empty()) {
    request.limit = searcher::parse_count(limit, "limit", options_.max_limit);
  }
  try {
    return json_response(searcher::to_json(run(request)));
  } catch (const QueryError& e) {
    return error_response(404, "not_found", e.what());  // no document has this ID
  }
}

Response Api::document(const std::string& id) {
  std::optional<json> doc;
  {
    SessionPool::Lease session = pool_.acquire();
    doc = session->document(id);
  }
  if (!doc) return error_response(404, "not_found", "document " + id + ": no document has this ID");
  // The names of its coded values (DAC sectors and categories) in both
  // languages: {"sectors": {"12220": {"fr": "…", "en": "…"}}}.
  json labels = json::object();
  for (const corpus::FieldId field : {corpus::FieldId::kSectors, corpus::FieldId::kSectorCategory}) {
    const std::string key(corpus::field_key(field));
    if (!doc->contains(key) || !(*doc)[key].is_array()) continue;
    for (const auto& code : (*doc)[key]) {
      if (!code.is_string()) continue;
      const auto fr = corpus::code_label(field, code.get<std::string>(), "fr");
      const auto en = corpus::code_label(field, code.get<std::string>(), "en");
      if (fr && en) labels[key][code.get<std::string>()] = {{"fr", *fr}, {"en", *en}};
    }
  }
  return json_response({{"api_version", searcher::kApiVersion}, {"document", *doc}, {"labels", labels}});
}

Response Api::analyze(const Params& params) {
  for (const auto& [k, v] : params) {
    if (k != "text") throw UsageError(k + ": unknown parameter (text)");
  }
  std::string text = single(params, "text");
  check_length("text", text, options_.max_query_bytes);
  json tokens = json::array();
  SessionPool::Lease session = pool_.acquire();
  for (const auto& t : session->analyze(text)) {
    tokens.push_back(
        {{"position", t.position}, {"term", t.term}, {"word", t.word}, {"stopword", t.stopword}, {"joined", t.joined}});
  }
  return json_response({{"api_version", searcher::kApiVersion}, {"text", text}, {"tokens", tokens}});
}

Response Api::health() {
  searcher::IndexStatus s = pool_.index()->status();
  if (!s.open) return error_response(503, "unavailable", s.error);
  return json_response({{"api_version", searcher::kApiVersion},
                        {"status", "ok"},
                        {"revision", s.revision},
                        {"documents", s.documents},
                        {"analysis_signature", s.signature},
                        {"current_analysis", s.current_analysis}});
}

}  // namespace fouille::server
