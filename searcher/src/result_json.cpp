// The search result as the API and --json give it (README, "JSON output").
#include "fouille/searcher/result_json.h"

#include "fouille/corpus/document_json.h"
#include "fouille/searcher/searcher.h"

namespace fouille::searcher {

nlohmann::json to_json(const Result& r) {
  nlohmann::json j;
  j["api_version"] = kApiVersion;
  j["query"] = r.query;
  j["total"] = {{"value", r.total}, {"exact", r.exact}};
  j["offset"] = r.offset;
  j["limit"] = r.limit;
  j["relaxed"] = r.relaxed;
  j["all_words"] = r.relaxed ? nlohmann::json(r.all_words) : nlohmann::json(nullptr);
  j["suggestion"] = r.suggestion ? nlohmann::json(*r.suggestion) : nlohmann::json(nullptr);
  j["corrected"] = r.corrected ? nlohmann::json(*r.corrected) : nlohmann::json(nullptr);
  j["notes"] = nlohmann::json::array();
  for (const auto& note : r.notes) j["notes"].push_back(render(note, r.lang));
  j["synonyms"] = nlohmann::json::array();
  for (const auto& s : r.synonyms) j["synonyms"].push_back({{"words", s.words}, {"alternatives", s.alternatives}});
  j["hits"] = nlohmann::json::array();
  for (const auto& h : r.hits) {
    // Segments, not markup: the page and other clients mark the matches
    // themselves, and no text is ever read as HTML.
    nlohmann::json snippet = nlohmann::json::array();
    for (const auto& s : h.snippet) snippet.push_back({{"text", s.text}, {"match", s.match}});
    nlohmann::json hit = {{"rank", h.rank},   {"id", h.id},         {"score", h.score},
                          {"title", h.title}, {"snippet", snippet}, {"fields", corpus::to_json(h.document)}};
    nlohmann::json labels = nlohmann::json::object();
    for (const auto& [key, label] : {std::pair<const char*, const std::string&>{"status", h.labels.status},
                                     {"project_type", h.labels.project_type},
                                     {"region", h.labels.region},
                                     {"coverage", h.labels.coverage}}) {
      if (!label.empty()) labels[key] = label;
    }
    if (!h.labels.countries.empty()) labels["countries"] = h.labels.countries;
    hit["labels"] = std::move(labels);
    if (h.collapsed) hit["collapsed"] = h.collapsed;
    j["hits"].push_back(std::move(hit));
  }
  j["facets"] = nlohmann::json::object();
  for (const auto& [key, values] : r.facets) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& v : values) list.push_back({{"value", v.value}, {"label", v.label}, {"count", v.count}});
    j["facets"][key] = std::move(list);
  }
  j["elapsed_ms"] = r.elapsed_ms;
  return j;
}

}  // namespace fouille::searcher
