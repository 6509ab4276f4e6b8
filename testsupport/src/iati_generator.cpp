#include "fouille/testsupport/iati_generator.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <ostream>
#include <set>
#include <string_view>
#include <tuple>
#include <vector>

#include "fouille/base/error.h"

#include "field_text.h"
#include "iati_tables.h"

namespace fouille::testsupport {
namespace {

using namespace fouille::testsupport::detail;

// Invariants: every draw comes from the one Rng, in the order the bytes are
// written, so a seed fixes the file; nothing reads the clock. An activity is
// built in one string and written whole, then the string is reused: memory is
// that of one activity, plus the identifiers of its family.

// The year the statuses are drawn against: projects that end before it are
// closed, those that start after it are in the pipeline.
constexpr int kNow = 2026;

struct Date {
  int year, month, day;
};

void append_date(std::string& out, const Date& d) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  out += buf;
}

void append_escaped(std::string& out, std::string_view text) {
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
}

void append_money(std::string& out, double value, bool cents) {
  char buf[32];
  std::snprintf(buf, sizeof buf, cents ? "%.2f" : "%.0f", value);
  out += buf;
}

// Splits 100 into `n` whole shares, each at least 1.
std::vector<int> percentages(Rng& rng, std::size_t n) {
  std::vector<int> weights(n);
  int total = 0;
  for (auto& w : weights) total += (w = rng.between(1, 9));
  std::vector<int> out(n);
  int left = 100;
  for (std::size_t k = 0; k + 1 < n; ++k) left -= (out[k] = std::max(1, weights[k] * 100 / total));
  out[n - 1] = left;
  return out;
}

// What the activities of one family share: a parent and its children are
// the same publisher's, in the same places and sectors.
struct Family {
  const Publisher* publisher = nullptr;
  std::vector<const Country*> countries;
  std::vector<int> country_shares;
  const Region* region = nullptr;
  bool on_transactions = false;  // countries and sectors given on the transactions only
  std::vector<const Sector*> sectors;
  std::vector<int> sector_shares;
  std::string parent;
  std::vector<std::string> children;
};

class IatiWriter {
 public:
  explicit IatiWriter(const IatiOptions& o) : o_(o), rng_(o.seed), french_(o.wordlist, o.vocabulary, rng_) {
    std::vector<Country> all = country_table();
    for (const auto& code : kFocusCountries) {
      for (const auto& c : all) {
        if (c.code == code) focus_.push_back(c);
      }
    }
    // ICU also lists codes ISO 3166 only reserves (Diego Garcia, Ceuta and
    // Melilla…), which no IATI codelist holds.
    const std::set<std::string> reserved = {"AC", "CP", "CQ", "DG", "EA", "IC", "TA"};
    for (auto& c : all) {
      if (c.continent != "Europe" && !reserved.count(c.code)) others_.push_back(std::move(c));
    }
    double total = 0;
    for (const auto& p : kPublishers) publisher_cdf_.push_back(total += p.weight);
    a_.reserve(64 * 1024);
  }

  IatiStats run(std::ostream& out) {
    IatiStats stats;
    std::string head =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<!-- Synthetic IATI activities (seed " +
        std::to_string(o_.seed) +
        "): the publishers' identifiers are real, the activities are not. -->\n"
        "<iati-activities version=\"2.03\" generated-datetime=\"2026-01-15T06:00:00Z\">\n";
    write(out, head, stats);
    const std::string tail = "</iati-activities>\n";
    auto more = [&] {
      return o_.target_bytes ? stats.bytes + tail.size() < o_.target_bytes : stats.activities < o_.activities;
    };
    std::size_t n = 0;
    while (more()) {
      Family f = family();
      std::size_t children = rng_.chance(0.08) ? static_cast<std::size_t>(rng_.between(1, 4)) : 0;
      if (!o_.target_bytes) children = std::min(children, o_.activities - stats.activities - 1);
      f.parent = identifier(f, n++);
      for (std::size_t k = 0; k < children; ++k) {
        char suffix[24];
        std::snprintf(suffix, sizeof suffix, "-%02zu", k + 1);
        f.children.push_back(f.parent + suffix);
      }
      activity(f, f.parent, children ? 1 : 0);
      write(out, a_, stats);
      for (const auto& child : f.children) {
        activity(f, child, 2);
        write(out, a_, stats);
      }
      stats.activities += 1 + children;
    }
    write(out, tail, stats);
    out.flush();
    if (!out) throw std::ios_base::failure("cannot write the IATI file");
    return stats;
  }

 private:
  void write(std::ostream& out, const std::string& s, IatiStats& stats) {
    out.write(s.data(), static_cast<std::streamsize>(s.size()));
    if (!out) throw std::ios_base::failure("cannot write the IATI file");
    stats.bytes += s.size();
  }

  Family family() {
    Family f;
    double pick = rng_.uniform() * publisher_cdf_.back();
    auto at = std::upper_bound(publisher_cdf_.begin(), publisher_cdf_.end(), pick) - publisher_cdf_.begin();
    f.publisher = &kPublishers[std::min(static_cast<std::size_t>(at), kPublishers.size() - 1)];
    double where = rng_.uniform();
    if (where < 0.12) {
      f.region = &kRegions[rng_.below(kRegions.size())];
    } else {
      std::size_t count = rng_.chance(0.78) ? 1 : static_cast<std::size_t>(rng_.between(2, 4));
      for (std::size_t k = 0; k < count; ++k) {
        const Country* c = rng_.chance(0.7) ? &rng_.pick(focus_) : &rng_.pick(others_);
        if (std::find(f.countries.begin(), f.countries.end(), c) == f.countries.end()) f.countries.push_back(c);
      }
      f.country_shares = percentages(rng_, f.countries.size());
      f.on_transactions = where > 0.93;
    }
    std::size_t sectors = rng_.chance(0.6) ? 1 : static_cast<std::size_t>(rng_.between(2, 3));
    for (std::size_t k = 0; k < sectors; ++k) {
      const Sector* s = &kSectors[rng_.below(kSectors.size())];
      if (std::find(f.sectors.begin(), f.sectors.end(), s) == f.sectors.end()) f.sectors.push_back(s);
    }
    f.sector_shares = percentages(rng_, f.sectors.size());
    return f;
  }

  std::string identifier(const Family& f, std::size_t n) {
    const Publisher& p = *f.publisher;
    char number[32];
    std::snprintf(number, sizeof number, "%0*zu", p.digits, n);
    std::string id = std::string(p.ref) + "-" + p.id_prefix;
    if (p.country_in_id) id += f.countries.empty() ? std::string("ZZ") : f.countries.front()->code;
    return id + number;
  }

  // The narrative's opening tag: xml:lang left out, now and then, when it is
  // the activity's own language, and written in the publisher's case.
  void open_narrative(const char* lang) {
    const std::string_view own = activity_lang_;
    const bool upper = !own.empty() && own[0] >= 'A' && own[0] <= 'Z';
    const bool same =
        (own == lang) || (own.size() == 2 && std::tolower(own[0]) == lang[0] && std::tolower(own[1]) == lang[1]);
    if (same && rng_.chance(0.7)) {
      a_ += "<narrative>";
      return;
    }
    a_ += "<narrative xml:lang=\"";
    if (upper) {
      a_ += static_cast<char>(std::toupper(lang[0]));
      a_ += static_cast<char>(std::toupper(lang[1]));
    } else {
      a_ += lang;
    }
    a_ += "\">";
  }

  void narrative(std::string_view text, const char* lang) {
    open_narrative(lang);
    append_escaped(a_, text);
    a_ += "</narrative>";
  }

  std::string english_text(const Sector& s, const std::string& place, std::size_t target) {
    std::string text = "This project supports " + std::string(s.english) + " in " + place + ".";
    std::size_t last = kSentencesEn.size();
    while (text.size() < target) {
      // Never the same sentence twice in a row.
      const bool first = last == kSentencesEn.size();
      std::size_t next = rng_.below(kSentencesEn.size() - (first ? 0 : 1));
      if (!first && next >= last) ++next;
      text += " " + kSentencesEn[next];
      last = next;
    }
    return text;
  }

  void attribute(const char* name, std::string_view value) {
    a_ += ' ';
    a_ += name;
    a_ += "=\"";
    a_ += value;
    a_ += '"';
  }

  // A title or description: the French narrative, and the English one when
  // given, in the activity's order.
  void bilingual(const char* element, const char* type, const std::string& french, const std::string* english,
                 bool french_first) {
    a_ += "  <";
    a_ += element;
    if (type) attribute("type", type);
    a_ += ">\n    ";
    if (english && !french_first) {
      narrative(*english, "en");
      a_ += "\n    ";
    }
    narrative(french, "fr");
    if (english && french_first) {
      a_ += "\n    ";
      narrative(*english, "en");
    }
    a_ += "\n  </";
    a_ += element;
    a_ += ">\n";
  }

  void org(const char* element, const char* ref, const char* type, const char* role, const std::string& name) {
    a_ += "  <";
    a_ += element;
    if (ref) attribute("ref", ref);
    if (type) attribute("type", type);
    if (role) attribute("role", role);
    a_ += ">\n    ";
    narrative(name, "fr");
    a_ += "\n  </";
    a_ += element;
    a_ += ">\n";
  }

  void date_element(const char* type, const Date& d) {
    a_ += "  <activity-date type=\"";
    a_ += type;
    a_ += "\" iso-date=\"";
    append_date(a_, d);
    a_ += "\"/>\n";
  }

  void period_value(const Date& from, const Date& to, double value, const char* currency, bool cents) {
    a_ += "    <period-start iso-date=\"";
    append_date(a_, from);
    a_ += "\"/>\n    <period-end iso-date=\"";
    append_date(a_, to);
    a_ += "\"/>\n    <value";
    if (currency) attribute("currency", currency);
    a_ += " value-date=\"";
    append_date(a_, from);
    a_ += "\">";
    append_money(a_, value, cents);
    a_ += "</value>\n";
  }

  void transaction(const Family& f, const std::string& id, const Org& implementer, const char* type, const Date& when,
                   double value, bool cents) {
    const Publisher& p = *f.publisher;
    a_ += "  <transaction>\n    <transaction-type code=\"";
    a_ += type;
    a_ += "\"/>\n    <transaction-date iso-date=\"";
    append_date(a_, when);
    a_ += "\"/>\n    <value";
    if (rng_.chance(0.6)) attribute("currency", p.currency);
    a_ += " value-date=\"";
    append_date(a_, when);
    a_ += "\">";
    append_money(a_, value, cents);
    a_ += "</value>\n";
    if (rng_.chance(0.5)) {
      a_ += "    <provider-org ref=\"" + std::string(p.ref) + "\" provider-activity-id=\"" + id + "\">";
      narrative(p.french, "fr");
      a_ += "</provider-org>\n    <receiver-org";
      if (*implementer.ref) a_ += " ref=\"" + std::string(implementer.ref) + "\"";
      a_ += " type=\"" + std::string(implementer.type) + "\">";
      narrative(implementer.name, "fr");
      a_ += "</receiver-org>\n";
    }
    if (f.on_transactions) {
      a_ += "    <sector vocabulary=\"1\" code=\"" + std::string(f.sectors[rng_.below(f.sectors.size())]->code) +
            "\"/>\n";
      a_ += "    <recipient-country code=\"" + f.countries[rng_.below(f.countries.size())]->code + "\"/>\n";
    }
    a_ += "  </transaction>\n";
  }

  // One activity into a_. `hierarchy`: 0 alone, 1 parent, 2 child.
  void activity(const Family& f, const std::string& id, int hierarchy) {
    const Publisher& p = *f.publisher;
    a_.clear();
    activity_lang_ = p.lang;
    const Sector& main = *f.sectors.front();
    const Org& implementer = kImplementers[rng_.below(kImplementers.size())];
    const Publisher& funder = rng_.chance(0.7) ? p : kPublishers[rng_.below(kPublishers.size())];
    const std::string place_fr = f.region ? f.region->french : f.countries.front()->french;
    const std::string place_en = f.region ? f.region->english : f.countries.front()->english;
    const bool english = p.english_name && rng_.chance(std::min(1.0, o_.english * p.english));
    const bool humanitarian = main.code[0] == '7';

    int start_year = rng_.between(2005, kNow + 1);
    int end_year = start_year + rng_.between(1, 6);
    Date start{start_year, rng_.between(1, 12), rng_.between(1, 28)};
    Date end{end_year, rng_.between(1, 12), rng_.between(1, 28)};
    int status = start_year > kNow ? 1 : end_year < kNow - 1 ? (rng_.chance(0.85) ? 4 : 3) : 2;
    if (start_year == kNow && rng_.chance(0.5)) status = 1;
    double odd = rng_.uniform();
    if (status != 1 && odd < 0.03) status = 5;
    if (status == 2 && odd > 0.98) status = 6;

    a_ += "<iati-activity last-updated-datetime=\"";
    append_date(a_, {rng_.between(2023, kNow), rng_.between(1, 12), rng_.between(1, 28)});
    a_ += "T12:00:00Z\" xml:lang=\"" + activity_lang_ + "\" default-currency=\"" + p.currency + "\"";
    if (humanitarian || rng_.chance(0.5)) a_ += humanitarian ? " humanitarian=\"1\"" : " humanitarian=\"0\"";
    if (hierarchy || rng_.chance(0.5)) a_ += hierarchy == 2 ? " hierarchy=\"2\"" : " hierarchy=\"1\"";
    a_ += ">\n  <iati-identifier>" + id + "</iati-identifier>\n";

    a_ += "  <reporting-org ref=\"" + std::string(p.ref) + "\" type=\"" + p.type + "\">\n    ";
    narrative(p.french, "fr");
    if (p.english_name && rng_.chance(0.5)) {
      a_ += "\n    ";
      narrative(p.english_name, "en");
    }
    a_ += "\n  </reporting-org>\n";

    // Titles and descriptions: French first when French is the activity's
    // language, English first otherwise.
    const bool french_first = activity_lang_[0] == 'f' || activity_lang_[0] == 'F';
    std::string title_fr = rng_.pick(kActionsFr) + main.french + " – " + place_fr;
    if (hierarchy == 2) title_fr += " (composante " + id.substr(id.size() - 2) + ")";
    std::string title_en = rng_.pick(kActionsEn) + main.english + " – " + place_en;
    bilingual("title", nullptr, title_fr, english ? &title_en : nullptr, french_first);

    std::vector<std::string> extra = {main.french, implementer.name, p.french};
    std::string text_fr = french_.narrative(rng_, 300 + rng_.below(2500), place_fr, &extra);
    if (!text_fr.empty() && text_fr.back() == ' ') text_fr.pop_back();
    std::string text_en = english ? english_text(main, place_en, text_fr.size() / 3) : std::string();
    bilingual("description", "1", text_fr, english ? &text_en : nullptr, french_first);
    if (rng_.chance(0.4)) {
      std::string objectives = french_.narrative(rng_, 150 + rng_.below(400), place_fr, &extra);
      if (!objectives.empty() && objectives.back() == ' ') objectives.pop_back();
      a_ += "  <description type=\"2\">\n    ";
      narrative(objectives, "fr");
      a_ += "\n  </description>\n";
    }

    org("participating-org", funder.ref, funder.type, "1", funder.french);
    if (rng_.chance(0.8)) org("participating-org", p.ref, p.type, "2", p.french);
    if (rng_.chance(0.5)) org("participating-org", p.ref, p.type, "3", p.french);
    org("participating-org", *implementer.ref ? implementer.ref : nullptr, implementer.type, "4", implementer.name);
    if (rng_.chance(0.25)) {
      const Org& second = kImplementers[rng_.below(kImplementers.size())];
      if (&second != &implementer)
        org("participating-org", *second.ref ? second.ref : nullptr, second.type, "4", second.name);
    }

    a_ += "  <activity-status code=\"" + std::to_string(status) + "\"/>\n";
    const bool planned_start = rng_.chance(0.9);
    if (planned_start) date_element("1", start);
    if (status != 1 && (!planned_start || rng_.chance(0.85))) date_element("2", start);
    if (rng_.chance(0.85)) date_element("3", end);
    if ((status == 3 || status == 4) && rng_.chance(0.8)) date_element("4", end);

    if (rng_.chance(0.15)) {
      a_ += "  <contact-info type=\"1\">\n    <organisation>";
      narrative(p.french, "fr");
      a_ += "</organisation>\n    <email>contact@example.org</email>\n  </contact-info>\n";
    }

    if (f.region) {
      a_ += "  <recipient-region code=\"" + std::string(f.region->code) + "\" vocabulary=\"1\" percentage=\"100\"/>\n";
    } else if (!f.on_transactions) {
      for (std::size_t k = 0; k < f.countries.size(); ++k) {
        a_ += "  <recipient-country code=\"" + f.countries[k]->code + "\"";
        if (f.countries.size() > 1 || rng_.chance(0.6))
          a_ += " percentage=\"" + std::to_string(f.country_shares[k]) + "\"";
        a_ += "/>\n";
      }
    }
    if (!f.on_transactions) {
      const bool vocabulary = rng_.chance(0.8);
      for (std::size_t k = 0; k < f.sectors.size(); ++k) {
        a_ += "  <sector";
        if (vocabulary) a_ += " vocabulary=\"1\"";
        a_ += " code=\"" + std::string(f.sectors[k]->code) + "\"";
        if (f.sectors.size() > 1 || rng_.chance(0.6))
          a_ += " percentage=\"" + std::to_string(f.sector_shares[k]) + "\"";
        if (rng_.chance(0.2)) {
          a_ += ">";
          narrative(f.sectors[k]->english, "en");
          a_ += "</sector>\n";
        } else {
          a_ += "/>\n";
        }
      }
      if (rng_.chance(0.08))
        a_ += "  <sector vocabulary=\"7\" code=\"" + std::to_string(rng_.between(1, 17)) + "\" percentage=\"100\"/>\n";
    }
    if (rng_.chance(0.3))
      a_ += "  <policy-marker vocabulary=\"1\" code=\"1\" significance=\"" + std::to_string(rng_.between(0, 2)) +
            "\"/>\n";
    if (rng_.chance(0.7)) {
      a_ += "  <collaboration-type code=\"" + std::string(p.type[0] == '4' ? "2" : "1") + "\"/>\n";
      a_ += "  <default-flow-type code=\"10\"/>\n  <default-finance-type code=\"" +
            std::string(rng_.chance(0.8) ? "110" : "421") + "\"/>\n";
      a_ += "  <default-aid-type code=\"" + std::string(rng_.chance(0.6) ? "C01" : "B03") + "\"/>\n";
      a_ += "  <default-tied-status code=\"5\"/>\n";
    }

    // Yearly budgets, some revised: a revised budget (type 2) follows the
    // original (type 1) of the same period.
    const double total = std::exp(std::log(5e4) + rng_.uniform() * (std::log(3e7) - std::log(5e4)));
    const int years = std::min(end_year, start_year + 5) - start_year + 1;
    const double yearly = total / years;
    const bool cents = rng_.chance(0.5);
    const char* budget_currency = rng_.chance(0.7) ? p.currency : nullptr;
    if (rng_.chance(0.9)) {
      const bool revisions = rng_.chance(0.25);
      const bool bare = rng_.chance(0.05);
      for (int y = start_year; y < start_year + years; ++y) {
        Date from = y == start_year ? start : Date{y, 1, 1};
        Date to = y == end_year ? end : Date{y, 12, 31};
        double value = yearly * (0.6 + 0.8 * rng_.uniform());
        a_ += bare               ? "  <budget>\n"
              : rng_.chance(0.7) ? "  <budget type=\"1\" status=\"2\">\n"
                                 : "  <budget type=\"1\" status=\"1\">\n";
        period_value(from, to, value, budget_currency, cents);
        a_ += "  </budget>\n";
        if (revisions && !bare && rng_.chance(0.5)) {
          a_ += "  <budget type=\"2\" status=\"2\">\n";
          period_value(from, to, value * (0.7 + 0.7 * rng_.uniform()), budget_currency, cents);
          a_ += "  </budget>\n";
        }
      }
    }

    // Transactions: one commitment, then yearly disbursements and, for some,
    // expenditures, up to the present. The countries-on-transactions
    // activities always have some, or their countries would be lost.
    if (f.on_transactions || rng_.chance(0.85)) {
      const bool ngo = p.type[0] == '2';
      transaction(f, id, implementer, ngo ? "11" : "2", start, total, cents);
      const bool expenditures = rng_.chance(0.3);
      for (int y = start_year; y < start_year + years && y <= kNow && status != 1; ++y) {
        Date when{y, rng_.between(1, 12), rng_.between(1, 28)};
        if (std::tie(when.year, when.month, when.day) < std::tie(start.year, start.month, start.day)) when = start;
        double value = yearly * (0.5 + 0.6 * rng_.uniform());
        transaction(f, id, implementer, ngo ? "1" : "3", when, value, cents);
        if (expenditures) transaction(f, id, implementer, "4", when, value * (0.7 + 0.3 * rng_.uniform()), cents);
      }
    }

    if (rng_.chance(0.1)) {
      a_ += "  <document-link format=\"application/pdf\" url=\"https://example.org/documents/" + id +
            ".pdf\">\n"
            "    <title>";
      narrative("Fiche de présentation du projet", "fr");
      a_ += "</title>\n    <category code=\"A02\"/>\n    <language code=\"fr\"/>\n  </document-link>\n";
    }

    if (hierarchy == 1) {
      for (const auto& child : f.children) a_ += "  <related-activity ref=\"" + child + "\" type=\"2\"/>\n";
    } else if (hierarchy == 2) {
      a_ += "  <related-activity ref=\"" + f.parent + "\" type=\"1\"/>\n";
      for (const auto& sibling : f.children) {
        if (sibling != id && rng_.chance(0.3)) a_ += "  <related-activity ref=\"" + sibling + "\" type=\"3\"/>\n";
      }
    }
    if (!previous_.empty() && rng_.chance(0.03)) a_ += "  <related-activity ref=\"" + previous_ + "\" type=\"4\"/>\n";
    if (rng_.chance(0.3)) a_ += "  <conditions attached=\"0\"/>\n";
    a_ += "</iati-activity>\n";
    previous_ = id;
  }

  const IatiOptions& o_;
  Rng rng_;
  FrenchText french_;  // after rng_: its shuffle draws from it
  std::vector<Country> focus_, others_;
  std::vector<double> publisher_cdf_;
  std::string a_;  // the activity being written
  std::string activity_lang_;
  std::string previous_;  // the identifier written last, for co-funded links
};

}  // namespace

IatiStats generate_iati(const IatiOptions& options, std::ostream& out) {
  IatiWriter writer(options);
  return writer.run(out);
}

IatiStats generate_iati(const IatiOptions& options, const std::filesystem::path& file) {
  IatiWriter writer(options);  // reads the word list first: a missing list leaves no empty file
  std::vector<char> buffer(1 << 20);
  std::ofstream out;
  out.rdbuf()->pubsetbuf(buffer.data(), static_cast<std::streamsize>(buffer.size()));
  out.open(file, std::ios::binary | std::ios::trunc);
  if (!out) throw CorpusError(file.string() + ": cannot create the IATI file");
  try {
    return writer.run(out);
  } catch (const std::ios_base::failure&) {
    throw CorpusError(file.string() + ": cannot write the IATI file (disk full?)");
  }
}

}  // namespace fouille::testsupport
