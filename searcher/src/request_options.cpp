#include "fouille/searcher/request_options.h"

#include <algorithm>
#include <charconv>
#include <cstdint>

#include "fouille/base/error.h"
#include "fouille/base/numbers.h"

namespace fouille::searcher {
namespace {

// "OPTION VALUE: expected …" as the catalogue's `id` says it.
UsageError bad(const char* id, std::string_view option, std::string_view text) {
  return UsageError(Message{id, {option, text}});
}

}  // namespace

std::pair<std::string, std::string> parse_filter(std::string_view text, std::string_view option) {
  std::size_t at = text.find_first_of("=:");
  if (at == std::string_view::npos || at == 0) throw bad("option.expected_field_value", option, text);
  return {std::string(text.substr(0, at)), std::string(text.substr(at + 1))};
}

std::vector<std::string> split_list(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    std::size_t comma = text.find(',');
    std::string_view item = text.substr(0, comma);
    if (!item.empty()) out.emplace_back(item);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

Operator parse_operator(std::string_view text, std::string_view option) {
  if (text == "auto") return Operator::kAuto;
  if (text == "and") return Operator::kAnd;
  if (text == "or") return Operator::kOr;
  throw bad("option.expected_operator", option, text);
}

std::string parse_sort(std::string_view text, std::string_view option) {
  for (const char* key : {"relevance", "budget", "-budget", "year", "-year"}) {
    if (text == key) return key;
  }
  throw bad("option.expected_sort", option, text);
}

std::string join_words(const std::vector<std::string>& words) {
  std::string query;
  for (const auto& w : words) query += (query.empty() ? "" : " ") + w;
  return query;
}

namespace {

// The settings of each style, as its messages list them.
constexpr const char* kQuerySettings[] = {"q",      "filter",   "facets",   "no_facets", "sort", "limit",
                                          "offset", "collapse", "operator", "lang",      "exact"};

// Reads `params`, each setting at most once but filter.
class Settings {
 public:
  Settings(const RequestParams& params, ParamStyle style) : params_(params), style_(style) {
    if (style_ != ParamStyle::kQuery) return;
    for (const auto& [k, v] : params_) {
      if (std::find(std::begin(kQuerySettings), std::end(kQuerySettings), k) == std::end(kQuerySettings)) {
        throw UsageError(
            Message{"request.unknown_parameter",
                    {k, "q, filter, facets, no_facets, sort, limit, offset, collapse, operator, lang, exact"}});
      }
    }
  }
  // How messages name `setting`.
  std::string name(std::string_view setting) const {
    if (style_ == ParamStyle::kQuery) return std::string(setting);
    std::string option = "--" + std::string(setting);
    std::replace(option.begin(), option.end(), '_', '-');
    return option;
  }
  // The one value of `setting`, "" when absent.
  std::string single(std::string_view setting) const {
    std::string value;
    bool seen = false;
    for (const auto& [k, v] : params_) {
      if (k != setting) continue;
      if (seen) throw UsageError(Message{"request.repeated", {std::string(setting)}});
      value = v;
      seen = true;
    }
    return value;
  }
  bool flag(std::string_view setting) const {
    const std::string v = single(setting);
    if (v.empty() || v == "0" || v == "false") return false;
    if (v == "1" || v == "true") return true;
    throw UsageError(Message{"request.expected_flag", {name(setting), v}});
  }
  std::size_t count(std::string_view setting, std::size_t fallback, std::size_t max) const {
    const std::string v = single(setting);
    return v.empty() ? fallback : base::parse_count(name(setting), v, 0, max);
  }
  const RequestParams& all() const { return params_; }

 private:
  const RequestParams& params_;
  ParamStyle style_;
};

}  // namespace

void check_bytes(const std::string& name, const std::string& value, std::size_t max) {
  if (value.size() > max) throw UsageError(Message{"request.bytes", {name, value.size(), max}});
}

Request parse_request(const RequestParams& params, const RequestLimits& limits, ParamStyle style) {
  const Settings settings(params, style);
  Request request;
  request.query = settings.single("q");
  check_bytes(settings.name("q"), request.query, limits.max_query_bytes);
  std::size_t filters = 0;
  for (const auto& [k, v] : settings.all()) {
    if (k != "filter") continue;
    if (++filters > limits.max_filters) throw UsageError(Message{"request.too_many_filters", {limits.max_filters}});
    check_bytes(settings.name("filter"), v, limits.max_query_bytes);
    request.filters.push_back(parse_filter(v, settings.name("filter")));
  }
  request.facets = split_list(settings.single("facets"));
  request.no_facets = settings.flag("no_facets");
  if (std::string sort = settings.single("sort"); !sort.empty()) request.sort = parse_sort(sort, settings.name("sort"));
  request.limit = settings.count("limit", request.limit, limits.max_limit);
  request.offset = settings.count("offset", request.offset, limits.max_offset);
  if (std::string op = settings.single("operator"); !op.empty())
    request.op = parse_operator(op, settings.name("operator"));
  if (std::string lang = settings.single("lang"); !lang.empty()) {
    if (!parse_lang(lang)) throw UsageError(Message{"option.expected_lang", {settings.name("lang"), lang}});
    request.lang = lang;
  }
  request.collapse = settings.flag("collapse");
  request.exact = settings.flag("exact");  // the words as typed: a correction is only suggested
  request.like = settings.single("like");
  request.time_limit = limits.time_limit;
  return request;
}

Request parse_request(const RequestText& text) {
  RequestParams params{{"q", join_words(text.words)}, {"facets", text.facets}, {"lang", text.lang},
                       {"sort", text.sort},           {"limit", text.limit},   {"offset", text.offset},
                       {"operator", text.op},         {"like", text.like}};
  for (const auto& f : text.filters) params.emplace_back("filter", f);
  for (const auto& [flag, set] :
       {std::pair{"no_facets", text.no_facets}, {"collapse", text.collapse}, {"exact", text.exact}}) {
    if (set) params.emplace_back(flag, "1");
  }
  return parse_request(params, RequestLimits{}, ParamStyle::kOption);
}

}  // namespace fouille::searcher
