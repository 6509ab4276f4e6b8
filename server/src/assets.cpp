#include "assets.h"

#include "fouille/data/web_api_js.h"
#include "fouille/data/web_app_js.h"
#include "fouille/data/web_charts_js.h"
#include "fouille/data/web_document_js.h"
#include "fouille/data/web_facets_js.h"
#include "fouille/data/web_format_js.h"
#include "fouille/data/web_index_html.h"
#include "fouille/data/web_results_js.h"
#include "fouille/data/web_state_js.h"
#include "fouille/data/web_style_css.h"
#include "fouille/data/web_text_js.h"
#include "fouille/data/web_world_json.h"

namespace fouille::server {

Asset find_asset(const std::string& path) {
  struct Entry {
    const char* path;
    const std::string_view* bytes;
    const char* type;
  };
  static const Entry entries[] = {
      {"/", &data::web_index_html, "text/html; charset=utf-8"},
      {"/text.js", &data::web_text_js, "text/javascript; charset=utf-8"},
      {"/state.js", &data::web_state_js, "text/javascript; charset=utf-8"},
      {"/format.js", &data::web_format_js, "text/javascript; charset=utf-8"},
      {"/results.js", &data::web_results_js, "text/javascript; charset=utf-8"},
      {"/facets.js", &data::web_facets_js, "text/javascript; charset=utf-8"},
      {"/charts.js", &data::web_charts_js, "text/javascript; charset=utf-8"},
      {"/api.js", &data::web_api_js, "text/javascript; charset=utf-8"},
      {"/document.js", &data::web_document_js, "text/javascript; charset=utf-8"},
      {"/app.js", &data::web_app_js, "text/javascript; charset=utf-8"},
      {"/style.css", &data::web_style_css, "text/css; charset=utf-8"},
      {"/world.json", &data::web_world_json, "application/json; charset=utf-8"},
  };
  for (const auto& e : entries) {
    if (path == e.path) return {*e.bytes, e.type};
  }
  return {};
}

}  // namespace fouille::server
