#include "api.h"

#include <nlohmann/json.hpp>

#include "fouille/base/error.h"
#include "fouille/base/numbers.h"
#include "fouille/corpus/code_labels.h"
#include "fouille/searcher/request_options.h"
#include "fouille/searcher/result_json.h"
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

// The language of a request's messages: its lang parameter when that is
// valid (a bad one is refused by the route), else French.
Lang request_lang(const Params& params) {
  for (const auto& [k, v] : params) {
    if (k == "lang" && parse_lang(v)) return *parse_lang(v);
  }
  return Lang::kFr;
}

// The one value of a parameter that must not repeat, or "" when absent.
std::string single(const Params& params, const std::string& name) {
  std::string value;
  bool seen = false;
  for (const auto& [k, v] : params) {
    if (k != name) continue;
    if (seen) throw UsageError(Message{"request.repeated", {name}});
    value = v;
    seen = true;
  }
  return value;
}

searcher::Request parse_search(const Params& params, const Options& options) {
  const searcher::RequestLimits limits{options.max_limit, options.max_offset, options.max_query_bytes,
                                       options.max_filters, options.search_seconds};
  return searcher::parse_request(searcher::RequestParams(params.begin(), params.end()), limits,
                                 searcher::ParamStyle::kQuery);
}

}  // namespace

Response error_response(int status, const std::string& code, const std::string& message, long position) {
  ErrorReport r{status >= 500 ? "internal" : "request", code.c_str(), 0, status, message, "", std::nullopt};
  if (position > 0) r.position = static_cast<std::size_t>(position);
  return error_response(r);
}

Response error_response(const ErrorReport& r) {
  json j = {{"error",
             {{"kind", r.kind},
              {"code", r.code},
              {"message", r.message},
              {"id", r.id.empty() ? json(nullptr) : json(r.id)},
              {"position", r.position ? json(*r.position) : json(nullptr)},
              {"exit_code", r.exit_code ? json(r.exit_code) : json(nullptr)}}}};
  return json_response(j, r.http_status);
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
      searcher::check_bytes("id", id, options_.max_query_bytes);
      if (p == "/api/documents/") return document(id, request_lang(params));
      return similar(id, params);
    }
    return error_response(404, "not_found", render(Message{"request.no_route", {path}}, request_lang(params)));
  } catch (const Error& e) {
    return error_response(report(e, request_lang(params)));
  } catch (const std::exception& e) {
    return error_response(500, "internal", e.what());
  }
}

Response Api::search(const Params& params) {
  json j = searcher::to_json(run(parse_search(params, options_)));
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
    if (k != "limit" && k != "lang") throw UsageError(Message{"request.unknown_parameter", {k, "limit, lang"}});
  }
  searcher::Request request;
  request.like = id;
  request.no_facets = true;
  request.time_limit = options_.search_seconds;
  request.limit = 5;
  if (std::string limit = single(params, "limit"); !limit.empty()) {
    request.limit = base::parse_count("limit", limit, 0, options_.max_limit);
  }
  try {
    return json_response(searcher::to_json(run(request)));
  } catch (const QueryError& e) {
    ErrorReport r = report(e, request_lang(params));  // no document has this ID
    r.code = "not_found";
    r.http_status = 404;
    return error_response(r);
  }
}

Response Api::document(const std::string& id, Lang lang) {
  std::optional<json> doc;
  {
    SessionPool::Lease session = pool_.acquire();
    if (std::optional<std::string> text = session->document_json(id)) doc = json::parse(*text, nullptr, false);
  }
  if (!doc) {
    ErrorReport r = report(UsageError(Message{"request.no_document", {id}}), lang);
    r.code = "not_found";
    r.http_status = 404;
    return error_response(r);
  }
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
    if (k != "text" && k != "lang") throw UsageError(Message{"request.unknown_parameter", {k, "text, lang"}});
  }
  std::string text = single(params, "text");
  searcher::check_bytes("text", text, options_.max_query_bytes);
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
