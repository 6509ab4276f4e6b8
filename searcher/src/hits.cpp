#include "hits.h"

#include "fouille/store/stored_document.h"

#include "facets.h"
#include "snippet.h"

namespace fouille::searcher {

Hit make_hit(const Xapian::MSetIterator& it, std::size_t rank, const CompiledQuery& compiled,
             stemming::Analyzer& analyzer, std::string_view lang) {
  Hit hit;
  hit.rank = rank;
  hit.score = it.get_weight();
  hit.collapsed = it.get_collapse_count();
  hit.document = store::decode_document(it.get_document().get_data());
  const std::string body = std::move(hit.document.body);
  hit.document.body.clear();
  hit.id = hit.document.id;
  hit.title = hit.document.title;
  hit.snippet = make_snippet(body.empty() ? hit.title : body, analyzer, compiled.highlight, compiled.highlight_phrases,
                             compiled.wildcards);
  using corpus::FieldId;
  const store::StoredDocument& d = hit.document;
  hit.labels.status = d.status.empty() ? "" : facet_label(FieldId::kStatus, d.status, lang);
  hit.labels.project_type = d.project_type.empty() ? "" : facet_label(FieldId::kProjectType, d.project_type, lang);
  hit.labels.region = d.region.empty() ? "" : facet_label(FieldId::kRegion, d.region, lang);
  hit.labels.coverage = d.coverage.empty() ? "" : facet_label(FieldId::kCoverage, d.coverage, lang);
  for (const auto& c : d.countries) hit.labels.countries.push_back(facet_label(FieldId::kCountries, c, lang));
  return hit;
}

}  // namespace fouille::searcher
