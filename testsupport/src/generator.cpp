#include "fouille/testsupport/generator.h"

#include <algorithm>
#include <fstream>
#include <vector>

#include <nlohmann/json.hpp>
#include <unicode/unistr.h>

#include "fouille/base/error.h"
#include "fouille/corpus/document_json.h"
#include "fouille/corpus/vocabulary.h"

#include "field_text.h"

namespace fouille::testsupport {
namespace {

using namespace fouille::corpus;  // the vocabularies and readers it draws on
using namespace fouille::testsupport::detail;

const std::vector<std::string> kTitleActions = {
    "Renforcement",  "Appui au renforcement", "Amélioration", "Promotion", "Soutien à la mise en œuvre",
    "Développement", "Consolidation",         "Évaluation",
};
const std::vector<std::string> kTitleTopics = {
    "des capacités nationales de lutte contre la traite",
    "de la protection des migrants vulnérables",
    "de la gestion des frontières",
    "de la migration de main-d’œuvre équitable",
    "de la santé des migrants",
    "de la résilience face au changement climatique",
    "du retour et de la réintégration des migrants",
    "du dialogue sur les politiques migratoires",
    "de la collecte de données migratoires",
    "de l’engagement de la diaspora",
};
const std::vector<std::string> kImplementers = {
    "OIM",
    "DT Global Asie-Pacifique",
    "Ministère de l’Intérieur",
    "Croix-Rouge nationale",
    "Caritas",
    "Organisation internationale du Travail",
    "Save the Children",
    "Université nationale",
};
const std::vector<std::string> kClients = {"DFAT", "Union européenne", "IDF", "USAID", "FCDO", "Sida"};
const std::vector<std::string> kChromeTop = {"Contactez-nous", "Menu", "Accueil", "-", "Nos projets", "À propos"};

std::string region_of(const std::string& continent, Rng& rng) {
  if (continent == "Afrique") return rng.chance(0.2) ? "Moyen-Orient et Afrique du Nord" : "Afrique";
  if (continent == "Asie") return rng.chance(0.15) ? "Moyen-Orient et Afrique du Nord" : "Asie et Océanie";
  if (continent == "Océanie") return "Asie et Océanie";
  if (continent == "Amériques") return "Amériques";
  return "Europe";
}

struct Project {
  std::string title, body, project_id, prima_id, status, type, coverage, region, implementer, client, currency;
  std::vector<const Country*> countries;
  double budget = 0;
  int start = 0, end = 0, funding = 0;
  bool dates = true;
};

class Writer {
 public:
  Writer(const GeneratorOptions& o)
      : o_(o), rng_(o.seed), countries_(country_table()), french_(o.wordlist, o.vocabulary, rng_) {
    for (const auto& label : vocabulary(FieldId::kProjectType)->labels()) types_.push_back(label);
  }

  Project project(std::size_t n) {
    Project p;
    std::string cov_roll;
    double r = rng_.uniform();
    p.coverage = r < 0.7 ? "National" : r < 0.9 ? "Régional" : r < 0.95 ? "Mondial" : "Multirégional";
    const Country* first = &rng_.pick(countries_);
    p.countries.push_back(first);
    if (p.coverage != "National") {
      int extra = rng_.between(1, 5);
      for (int k = 0; k < extra; ++k) {
        const Country* c = &rng_.pick(countries_);
        if ((p.coverage == "Régional" && c->continent != first->continent) ||
            std::find(p.countries.begin(), p.countries.end(), c) != p.countries.end()) {
          continue;
        }
        p.countries.push_back(c);
      }
    }
    p.region = p.coverage == "Mondial" ? "Mondial" : region_of(first->continent, rng_);
    p.type = rng_.chance(0.03) ? std::string(rng_.chance(0.5) ? "PX" : "CT") : rng_.pick(types_);
    double s = rng_.uniform();
    p.status = s < 0.4 ? "Actif" : s < 0.9 ? "Achevé" : s < 0.95 ? "En préparation" : "Suspendu";
    p.budget = 1000.0 * rng_.between(50, 300);
    p.currency = rng_.chance(0.03) ? "EUR" : "USD";
    p.start = rng_.between(2005, 2024);
    p.end = std::min(2026, p.start + rng_.between(0, 4));
    p.funding = p.start;
    p.dates = !rng_.chance(0.2);
    static const char* kCodes[] = {"PX", "CT", "LM", "BM", "MH", "CC", "RR", "PD"};
    char id[32];
    std::snprintf(id, sizeof id, "%s.%04zu", kCodes[rng_.below(8)], n % 10000);
    p.project_id = id;
    std::snprintf(id, sizeof id, "%s10P%04zu", first->code.c_str(), (n * 7) % 10000);
    p.prima_id = id;
    p.implementer = rng_.pick(kImplementers);
    p.client = rng_.pick(kClients);
    p.title = rng_.pick(kTitleActions) + " " + rng_.pick(kTitleTopics) + " – " + first->french;
    p.body = french_.narrative(rng_, 1024 + rng_.below(3072), first->french);
    return p;
  }

  std::string country_names(const Project& p, bool english, const char* sep) {
    std::string out;
    for (const Country* c : p.countries) {
      if (!out.empty()) out += sep;
      out += english ? c->english : c->french;
    }
    return out;
  }

  std::string budget_text(const Project& p) {
    char buf[64];
    if (p.currency == "EUR") {
      std::snprintf(buf, sizeof buf, "%.0f €", p.budget);
    } else {
      std::snprintf(buf, sizeof buf, "%.2f", p.budget);
    }
    return buf;
  }

  std::string bullet(const Project& p, bool english) {
    std::string t = p.title + "\n\n";
    auto field = [&](const char* fr, const char* en, const std::string& v) {
      if (!v.empty()) t += std::string("  • ") + (english ? en : fr) + "\n    " + v + "\n";
    };
    if (p.dates) field("Date de début", "Start Date", std::to_string(p.start));
    if (p.dates) field("Date de fin", "End Date", std::to_string(p.end));
    field("Statut du projet", "Project Status", p.status);
    field("Type de projet", "Project Type", p.type);
    field(p.currency == "EUR" ? "Montant" : "Budget Amount (USD)",
          p.currency == "EUR" ? "Amount" : "Budget Amount (USD)", budget_text(p));
    field("Couverture", "Coverage", p.coverage);
    field("Année", "Year", std::to_string(p.funding));
    field("IDF Region", "IDF Region", p.region);
    field("Prima ID", "Prima ID", p.prima_id);
    field("Projet ID", "Project ID", p.project_id);
    field("Etat(s) membre(s) beneficiaires remplissant les conditions requises", "Eligible Member State(s)",
          country_names(p, english, ", "));
    return t + p.body;
  }

  std::string bare(const Project& p) {
    std::string t = p.title + "\n\n" + p.title + "\n\n";
    char budget[32];
    std::snprintf(budget, sizeof budget, "%d,%03d", static_cast<int>(p.budget) / 1000,
                  static_cast<int>(p.budget) % 1000);
    t += p.region + "\n" + p.project_id + "\n" + p.prima_id + "\n" + budget + "\n" + country_names(p, false, ", ") +
         "\n" + p.type + "\n" + p.coverage + "\n" + p.status + "\n\n";
    return t + p.body;
  }

  std::string web(const Project& p) {
    std::string t;
    std::size_t chrome = rng_.below(kChromeTop.size());
    for (std::size_t k = 0; k <= chrome; ++k) t += kChromeTop[k] + "\n";
    t += "\n" + p.title + "\n\nDéfi\n\n" + p.body + "\n\nStatut\n" + p.status + "\n";
    if (p.dates) t += "Date\n" + std::to_string(p.start) + " - " + std::to_string(p.end) + "\n";
    t += "Implementé par\n" + p.implementer + "\nEmplacement\n" + country_names(p, false, "\n") + "\nClient\n" +
         p.client + "\nDomaines techniques\nPartager\nVoir les projets connexes\n\nRejoignez-nous\n";
    return t;
  }

  // A JSON Lines record: the Document's own JSON form, as --dump writes it.
  nlohmann::json record(const Project& p) {
    Document d;
    d.id = p.project_id + "-" + p.prima_id;
    d.title = p.title;
    d.body = p.body;
    d.project_id = p.project_id;
    d.prima_id = p.prima_id;
    d.status = p.status;
    d.project_type = p.type;
    d.coverage = p.coverage;
    d.region = p.region;
    d.implementer = p.implementer;
    d.client = p.client;
    d.funding_year = p.funding;
    if (p.currency == "USD") {
      d.budget_usd = p.budget;
    } else {
      d.budget = p.budget;
      d.currency = p.currency;
    }
    if (p.dates) {
      d.start_year = p.start;
      d.end_year = p.end;
    }
    for (const Country* c : p.countries) d.countries.push_back(c->code);
    return to_json(d);
  }

  GeneratorStats run(const std::filesystem::path& dir) {
    GeneratorStats stats;
    std::filesystem::create_directories(dir);
    std::ofstream jsonl;
    std::size_t jsonl_file = 0, in_jsonl = 0;
    for (std::size_t n = 0; n < o_.documents; ++n) {
      Project p = project(n);
      ++stats.documents;
      if (rng_.chance(o_.jsonl)) {
        if (!jsonl.is_open() || in_jsonl == 1000) {
          if (jsonl.is_open()) jsonl.close();
          char name[32];
          std::snprintf(name, sizeof name, "records-%03zu.jsonl", jsonl_file++);
          jsonl.open(dir / name, std::ios::binary | std::ios::trunc);
          in_jsonl = 0;
          ++stats.files;
        }
        std::string line = record(p).dump() + "\n";
        jsonl << line;
        stats.bytes += line.size();
        ++in_jsonl;
        continue;
      }
      double layout = rng_.uniform();
      std::string text = layout < 0.5    ? bullet(p, rng_.chance(o_.english_labels / 0.5))
                         : layout < 0.75 ? bare(p)
                                         : web(p);
      if (rng_.chance(o_.legacy_encoding)) {
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
        std::string legacy(static_cast<std::size_t>(u.length()) * 2 + 1, '\0');
        int32_t len = u.extract(0, u.length(), legacy.data(), static_cast<uint32_t>(legacy.size()), "windows-1252");
        legacy.resize(static_cast<std::size_t>(len));
        text = std::move(legacy);
      }
      char name[32];
      std::snprintf(name, sizeof name, "doc-%06zu.txt", n);
      std::ofstream out(dir / name, std::ios::binary | std::ios::trunc);
      out << text;
      stats.bytes += text.size();
      ++stats.files;
    }
    return stats;
  }

 private:
  const GeneratorOptions& o_;
  Rng rng_;
  std::vector<Country> countries_;
  FrenchText french_;  // after rng_: its shuffle draws from it
  std::vector<std::string> types_;
};

}  // namespace

GeneratorStats generate(const GeneratorOptions& options, const std::filesystem::path& dir) {
  Writer writer(options);
  return writer.run(dir);
}

}  // namespace fouille::testsupport
