#include "iati_activity.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>

#include "fouille/corpus/countries.h"
#include "fouille/corpus/normalize.h"
#include "fouille/corpus/vocabulary.h"
#include "fouille/data/iati_regions.h"

#include "table.h"

namespace fouille::corpus::detail {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool is_french(const IatiNarrative& n) {
  return n.lang == "fr" || n.lang.starts_with("fr-") || n.lang.starts_with("fr_");
}

bool all_digits(std::string_view s, std::size_t size) {
  return s.size() == size && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

void add_unique(std::vector<std::string>& to, std::string value) {
  if (!value.empty() && std::find(to.begin(), to.end(), value) == to.end()) to.push_back(std::move(value));
}

// The first year of an ISO date or of a 1.0x date written as text.
std::optional<int> year_of(std::string_view date) {
  const auto years = parse_years(date);
  if (years.empty()) return std::nullopt;
  return years.front();
}

// Elements whose own text is their content in 1.0x (2.0x puts it in
// narratives); any other element's own text is layout.
bool holds_text(std::string_view name) {
  static constexpr std::string_view kNames[] = {"title",     "description",      "reporting-org", "participating-org",
                                                "sector",    "recipient-region", "name",          "comment",
                                                "condition", "organisation"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

// Parts of an activity whose text is not its description: contacts, money,
// codes. Their narratives are not indexed.
bool skipped_part(std::string_view name) {
  static constexpr std::string_view kNames[] = {
      "contact-info", "transaction", "budget", "planned-disbursement", "crs-add", "fss", "country-budget-items"};
  return std::find(std::begin(kNames), std::end(kNames), name) != std::end(kNames);
}

// 1.0x words for participating-org roles and activity-date types.
std::string role_code(std::string_view role) {
  const std::string r = lower(trim(role));
  if (r == "funding") return "1";
  if (r == "accountable") return "2";
  if (r == "extending") return "3";
  if (r == "implementing") return "4";
  return r;
}

std::string date_type(std::string_view type) {
  const std::string t = lower(trim(type));
  if (t == "start-planned") return "1";
  if (t == "start-actual") return "2";
  if (t == "end-planned") return "3";
  if (t == "end-actual") return "4";
  return t;
}

// The DAC region names, French and English, by code.
const std::map<std::string, std::string, std::less<>>& region_names() {
  static const auto table = [] {
    std::map<std::string, std::string, std::less<>> out;
    for_each_row(data::iati_regions, [&](int, const std::vector<std::string_view>& cols) {
      if (cols.size() == 3) out.emplace(std::string(cols[0]), std::string(cols[1]));
    });
    return out;
  }();
  return table;
}

std::optional<double> number(std::string_view text) {
  text = trim(text);
  double v = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec == std::errc() && ptr == text.data() + text.size()) return v;
  if (auto amount = parse_amount(text)) return amount->value;
  return std::nullopt;
}

// The text of one of an element's names: the French one if any, else the first.
std::string preferred(const std::vector<IatiNarrative>& texts) {
  if (texts.empty()) return {};
  const auto fr = std::find_if(texts.begin(), texts.end(), is_french);
  return fr != texts.end() ? fr->text : texts.front().text;
}

}  // namespace

std::string_view IatiElement::attribute(std::string_view qualified_name) const {
  for (const auto& [k, v] : attributes) {
    if (k == qualified_name) return v;
  }
  return {};
}

std::string iati_status(std::string_view code) {
  const std::string c = lower(trim(code));
  if (c == "1" || c == "pipeline/identification" || c == "pipeline") return "En préparation";
  if (c == "2" || c == "implementation") return "Actif";
  if (c == "3" || c == "4" || c == "finalisation" || c == "completion" || c == "post-completion" || c == "closed") {
    return "Achevé";
  }
  if (c == "5" || c == "cancelled") return "Annulé";
  if (c == "6" || c == "suspended") return "Suspendu";
  return {};
}

std::optional<std::pair<double, std::string>> iati_budget_total(std::span<const IatiBudget> budgets) {
  // Periods overlap when each starts before the other ends; a period with
  // a date missing may overlap anything.
  auto overlap = [](const IatiBudget& a, const IatiBudget& b) {
    if (a.start.empty() || a.end.empty() || b.start.empty() || b.end.empty()) return true;
    return (a.start < b.end && b.start < a.end) || (a.start == b.start && a.end == b.end);
  };
  std::vector<const IatiBudget*> kept;
  for (const auto& b : budgets) {
    const bool replaced = !b.revised && std::any_of(budgets.begin(), budgets.end(),
                                                    [&](const IatiBudget& r) { return r.revised && overlap(b, r); });
    if (!replaced) kept.push_back(&b);
  }
  if (kept.empty()) return std::nullopt;
  double total = 0;
  for (std::size_t i = 0; i < kept.size(); ++i) {
    if (!kept[i]->value || *kept[i]->value < 0 || kept[i]->currency != kept.front()->currency) return std::nullopt;
    for (std::size_t j = i + 1; j < kept.size(); ++j) {
      if (overlap(*kept[i], *kept[j])) return std::nullopt;
    }
    total += *kept[i]->value;
  }
  // In cents: the sum of 0.1 and 0.2 is no 0.30000000000000004.
  return std::pair(std::round(total * 100) / 100, kept.front()->currency);
}

IatiActivity::IatiActivity(const IatiElement& activity)
    : default_lang_(lower(trim(activity.attribute("xml:lang")))),
      default_currency_(trim(activity.attribute("default-currency"))) {}

IatiActivity::Texts IatiActivity::texts_of(const IatiElement& e) const {
  Texts out;
  const std::string own_lang = lower(trim(e.attribute("xml:lang")));
  for (const auto& n : e.narratives) {
    if (n.text.empty()) continue;
    out.push_back({n.lang.empty() ? (own_lang.empty() ? default_lang_ : own_lang) : n.lang, n.text});
  }
  if (out.empty() && holds_text(e.name)) {
    std::string text(trim(e.text));
    if (!text.empty()) out.push_back({own_lang.empty() ? default_lang_ : own_lang, std::move(text)});
  }
  return out;
}

void IatiActivity::close_org(const IatiElement& e, bool reporting) {
  Texts names = texts_of(e);
  const std::string ref(trim(e.attribute("ref")));
  const std::string name = preferred(names);
  // The chosen name is shown in its field; every other spelling is searchable.
  for (auto& n : names) {
    if (n.text != name) org_texts_.push_back(std::move(n));
  }
  if (reporting) {
    publisher_ = ref.empty() ? name : ref;
    publisher_name_ = name.empty() ? ref : name;
    return;
  }
  const std::string role = role_code(e.attribute("role"));
  const std::string shown = name.empty() ? ref : name;
  if (role == "1") {
    add_unique(clients_, shown);
  } else if (role == "4") {
    add_unique(implementers_, shown);
  } else if (!name.empty()) {
    org_texts_.push_back({"", name});
  }
}

void IatiActivity::close_sector(const IatiElement& e, bool in_transaction) {
  const std::string vocabulary = lower(trim(e.attribute("vocabulary")));
  const std::string code(trim(e.attribute("code")));
  if ((vocabulary.empty() || vocabulary == "1" || vocabulary == "dac") && all_digits(code, 5)) {
    add_unique(in_transaction ? transaction_sectors_ : sectors_, code);
    return;
  }
  if ((vocabulary == "2" || vocabulary == "dac-3") && all_digits(code, 3)) {
    if (!in_transaction) add_unique(categories_, code);
    return;
  }
  if (in_transaction) return;
  // Another vocabulary (SDG targets, a publisher's own list): its code and
  // words stay searchable.
  Texts texts = texts_of(e);
  if (!code.empty()) other_texts_.push_back({"", code});
  for (auto& t : texts) other_texts_.push_back(std::move(t));
}

void IatiActivity::close(const IatiElement& e, std::span<const IatiElement* const> ancestors) {
  if (ancestors.empty()) return;
  const std::string_view parent = ancestors.back()->name;
  const bool top = ancestors.size() == 1;
  const bool in_transaction =
      std::any_of(ancestors.begin(), ancestors.end(), [](const IatiElement* a) { return a->name == "transaction"; });
  const std::string_view name = e.name;
  if (name == "narrative") return;  // read with its parent
  if (name == "iati-identifier" && top) {
    identifier_ = std::string(trim(e.text));
  } else if (name == "reporting-org" && top) {
    close_org(e, true);
  } else if (name == "participating-org" && top) {
    close_org(e, false);
  } else if (name == "title" && top) {
    for (auto& t : texts_of(e)) titles_.push_back(std::move(t));
  } else if (name == "description" && top) {
    for (auto& t : texts_of(e)) descriptions_.push_back(std::move(t));
  } else if (name == "activity-status" && top) {
    status_ = iati_status(e.attribute("code").empty() ? std::string_view(e.text) : e.attribute("code"));
  } else if (name == "activity-date" && top) {
    std::string_view date = e.attribute("iso-date");
    if (trim(date).empty()) date = e.text;
    const auto year = year_of(date);
    const std::string type = date_type(e.attribute("type"));
    if (type == "1") start_planned_ = year;
    if (type == "2") start_actual_ = year;
    if (type == "3") end_planned_ = year;
    if (type == "4") end_actual_ = year;
  } else if (name == "recipient-country" && (top || in_transaction)) {
    std::string code(trim(e.attribute("code")));
    for (char& c : code) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    }
    if (auto known = countries().code(code); known && is_country_code(*known)) {
      add_unique(top ? countries_ : transaction_countries_, *known);
    } else if (!code.empty() && top) {
      warnings_.push_back(Message{"read.iati_country", {code}});
    }
  } else if (name == "recipient-region" && top) {
    const std::string vocabulary(trim(e.attribute("vocabulary")));
    const auto& names = region_names();
    const auto found = names.find(trim(e.attribute("code")));
    if ((vocabulary.empty() || vocabulary == "1") && found != names.end()) {
      if (region_.empty()) region_ = found->second;
    } else {
      for (auto& t : texts_of(e)) other_texts_.push_back(std::move(t));
    }
  } else if (name == "sector" && (top || in_transaction)) {
    close_sector(e, in_transaction);
  } else if (name == "related-activity" && top) {
    static constexpr std::string_view kRelations[] = {"parent", "child", "sibling", "cofunded", "thirdparty"};
    const std::string ref(trim(e.attribute("ref")));
    const std::string_view type = trim(e.attribute("type"));
    if (!ref.empty() && type.size() == 1 && type[0] >= '1' && type[0] <= '5') {
      add_unique(related_, std::string(kRelations[type[0] - '1']) + ":" + ref);
    }
  } else if (parent == "budget" && ancestors.size() == 2) {
    if (name == "period-start") budget_.start = std::string(trim(e.attribute("iso-date")).substr(0, 10));
    if (name == "period-end") budget_.end = std::string(trim(e.attribute("iso-date")).substr(0, 10));
    if (name == "value") {
      budget_.value = number(e.text);
      budget_.currency = std::string(trim(e.attribute("currency")));
      if (budget_.currency.empty()) budget_.currency = default_currency_;
    }
  } else if (name == "budget" && top) {
    const std::string type = lower(trim(e.attribute("type")));
    budget_.revised = type == "2" || type == "revised";
    if (budget_.currency.empty()) budget_.currency = default_currency_;
    budgets_.push_back(std::move(budget_));
    budget_ = IatiBudget{};
  } else if (!skipped_part(name) && std::none_of(ancestors.begin(), ancestors.end(), [](const IatiElement* a) {
               return skipped_part(a->name) || a->name == "reporting-org" || a->name == "participating-org";
             })) {
    // Results, indicators, locations, document titles, conditions…: searchable.
    for (auto& t : texts_of(e)) other_texts_.push_back(std::move(t));
  }
}

Document IatiActivity::build(const std::string& file) const {
  Document doc;
  doc.id = doc.project_id = identifier_;
  doc.source = file + "#" + identifier_;
  doc.layout = "iati";
  doc.format = "iati";
  // The title: the French title if any, else the first; the others go first
  // in the narrative, then the descriptions, other texts and names, the
  // French ones before the others.
  const auto fr = std::find_if(titles_.begin(), titles_.end(), is_french);
  const auto title = fr != titles_.end() ? fr : titles_.begin();
  Texts body;
  for (auto it = titles_.begin(); it != titles_.end(); ++it) {
    if (it != title && it->text != title->text) body.push_back(*it);
  }
  if (title != titles_.end()) {
    // One line: a title's line breaks are the file's layout.
    for (const char c : title->text) {
      const bool space = c == ' ' || c == '\n' || c == '\r' || c == '\t';
      if (!space) {
        doc.title += c;
      } else if (!doc.title.empty() && doc.title.back() != ' ') {
        doc.title += ' ';
      }
    }
  }
  for (const Texts* part : {&descriptions_, &other_texts_, &org_texts_})
    body.insert(body.end(), part->begin(), part->end());
  std::stable_partition(body.begin(), body.end(), is_french);
  std::vector<std::string_view> seen;
  for (const auto& t : body) {
    if (std::find(seen.begin(), seen.end(), t.text) != seen.end()) continue;  // names said twice
    seen.push_back(t.text);
    if (!doc.body.empty()) doc.body += "\n\n";
    doc.body += t.text;
  }
  doc.publisher = publisher_;
  doc.publisher_name = publisher_name_;
  auto join = [](const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : "; ") + n;
    return out;
  };
  doc.implementer = join(implementers_);
  doc.client = join(clients_);
  doc.countries = countries_.empty() ? transaction_countries_ : countries_;
  doc.sectors = sectors_.empty() ? transaction_sectors_ : sectors_;
  doc.sector_category = categories_;  // finish() adds the sectors' own
  doc.region = region_.empty() ? std::string() : normalize_keyword(FieldId::kRegion, region_);
  doc.status = status_;
  doc.start_year = start_actual_ ? start_actual_ : start_planned_;
  doc.end_year = end_actual_ ? end_actual_ : end_planned_;
  if (auto total = iati_budget_total(budgets_)) {
    doc.budget = total->first;
    doc.currency = total->second;
  }
  doc.related = related_;
  doc.warnings = warnings_;
  finish(doc);
  return doc;
}

}  // namespace fouille::corpus::detail
