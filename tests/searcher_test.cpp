// Query semantics over the samples and a generated corpus: every operator,
// field, range, filter and facet count is checked against counts computed
// here, from the parsed documents, without Xapian.
#include "fouille/searcher/searcher.h"

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include <gtest/gtest.h>
#include <xapian.h>

#include "fouille/base/error.h"
#include "fouille/corpus/areas.h"
#include "fouille/corpus/code_labels.h"
#include "fouille/corpus/countries.h"
#include "fouille/corpus/reader.h"
#include "fouille/corpus/schema.h"
#include "fouille/indexer/indexer.h"
#include "fouille/searcher/result_json.h"
#include "fouille/stemming/analyzer.h"
#include "fouille/store/analysis_check.h"
#include "fouille/store/terms.h"
#include "fouille/testsupport/generator.h"

#include "test_support.h"

namespace fouille::searcher {
namespace {

namespace fs = std::filesystem;

// A parsed document and the terms the chain makes of its text.
struct Parsed {
  corpus::Document doc;
  std::vector<std::string> body_terms;  // in order
  std::vector<std::string> title_seq;   // the title's terms, in order
  std::set<std::string> terms;
  std::set<std::string> title_terms;
  std::vector<std::vector<std::string>> field_seqs;  // each metadata value's and area name's terms
};

class SearcherTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new test::ScratchDir("searcher");
    testsupport::GeneratorOptions g;
    g.documents = 1500;
    testsupport::generate(g, *dir_ / "in" / "generated");
    fs::copy(FOUILLE_SAMPLES, *dir_ / "in" / "samples");
    indexer::Options o;
    o.db = *dir_ / "db";
    o.inputs = {*dir_ / "in"};
    indexer::index(o, {}, {}, nullptr);
    stemming::Analyzer analyzer;
    docs_ = new std::vector<Parsed>;
    for (const auto& e : fs::recursive_directory_iterator(*dir_ / "in")) {
      if (!e.is_regular_file()) continue;
      for (auto& d : corpus::read_file(e.path(), {}).documents) {
        Parsed p;
        std::vector<stemming::Token> tokens;
        analyzer.analyze(d.title, tokens);
        for (const auto& t : tokens) {
          p.title_terms.insert(t.term);
          p.title_seq.push_back(t.term);
        }
        tokens.clear();
        analyzer.analyze(d.body, tokens);
        for (const auto& t : tokens) {
          p.body_terms.push_back(t.term);
          p.terms.insert(t.term);
        }
        // Field text and area names the indexer makes searchable unprefixed,
        // too, each value with positions of its own.
        std::vector<std::string> fields = {d.project_type, d.region, d.implementer, d.client, d.publisher_name};
        // IATI sectors: the code, its names and its category's, in both languages.
        for (const auto& code : d.sectors) {
          fields.push_back(code);
          for (const char* lang : {"fr", "en"}) {
            fields.push_back(corpus::code_label(corpus::FieldId::kSectors, code, lang).value_or(""));
          }
        }
        for (const auto& code : d.sector_category) {
          for (const char* lang : {"fr", "en"}) {
            fields.push_back(corpus::code_label(corpus::FieldId::kSectorCategory, code, lang).value_or(""));
          }
        }
        for (const auto& c : d.countries) {
          if (c.size() != 2) {
            fields.push_back(c);
            continue;
          }
          fields.push_back(corpus::countries().french_name(c));
          fields.push_back(corpus::countries().english_name(c));
        }
        for (std::string_view name : corpus::areas().names(d)) fields.emplace_back(name);
        for (const auto& t : p.title_seq) p.terms.insert(t);
        for (const auto& f : fields) {
          tokens.clear();
          analyzer.analyze(f, tokens);
          p.field_seqs.emplace_back();
          for (const auto& t : tokens) {
            p.terms.insert(t.term);
            p.field_seqs.back().push_back(t.term);
          }
        }
        p.doc = std::move(d);
        docs_->push_back(std::move(p));
      }
    }
    searcher_ = new Searcher((*dir_ / "db").string());
  }
  static void TearDownTestSuite() {
    delete searcher_;
    delete docs_;
    delete dir_;
  }

  static std::size_t count(const std::function<bool(const Parsed&)>& pred) {
    return static_cast<std::size_t>(std::count_if(docs_->begin(), docs_->end(), pred));
  }
  static Result search(const std::string& q, std::vector<std::pair<std::string, std::string>> filters = {},
                       std::size_t limit = 10) {
    Request r;
    r.query = q;
    r.filters = std::move(filters);
    r.limit = limit;
    return searcher_->search(r);
  }
  static bool near(const Parsed& p, const std::string& a, const std::string& b, std::size_t window) {
    std::vector<std::size_t> pa, pb;
    for (std::size_t i = 0; i < p.body_terms.size(); ++i) {
      if (p.body_terms[i] == a) pa.push_back(i);
      if (p.body_terms[i] == b) pb.push_back(i);
    }
    for (auto x : pa) {
      for (auto y : pb) {
        if ((x > y ? x - y : y - x) < window) return true;
      }
    }
    return false;
  }
  // Do `a`, `b` and `c` occur at three positions spanning fewer than `window`,
  // in the title or in the body (Xapian's NEAR)?
  static bool near3(const Parsed& p, const std::string& a, const std::string& b, const std::string& c,
                    std::size_t window) {
    for (const auto* seq : {&p.title_seq, &p.body_terms}) {
      std::vector<std::size_t> pa, pb, pc;
      for (std::size_t i = 0; i < seq->size(); ++i) {
        if ((*seq)[i] == a) pa.push_back(i);
        if ((*seq)[i] == b) pb.push_back(i);
        if ((*seq)[i] == c) pc.push_back(i);
      }
      for (auto x : pa) {
        for (auto y : pb) {
          for (auto z : pc) {
            if (x == y || y == z || x == z) continue;
            if (std::max({x, y, z}) - std::min({x, y, z}) < window) return true;
          }
        }
      }
    }
    return false;
  }
  // Is `a` followed by `b` at most `distance` positions on, in the title or the body?
  static bool followed(const Parsed& p, const std::string& a, const std::string& b, std::size_t distance) {
    std::vector<const std::vector<std::string>*> seqs = {&p.title_seq, &p.body_terms};
    for (const auto& f : p.field_seqs) seqs.push_back(&f);
    for (const auto* seq : seqs) {
      for (std::size_t i = 0; i < seq->size(); ++i) {
        if ((*seq)[i] != a) continue;
        for (std::size_t d = 1; d <= distance && i + d < seq->size(); ++d) {
          if ((*seq)[i + d] == b) return true;
        }
      }
    }
    return false;
  }
  static bool phrase_in(const Parsed& p, const std::vector<std::string>& phrase) {
    std::vector<const std::vector<std::string>*> seqs = {&p.title_seq, &p.body_terms};
    for (const auto& f : p.field_seqs) seqs.push_back(&f);
    for (const auto* seq : seqs) {
      if (std::search(seq->begin(), seq->end(), phrase.begin(), phrase.end()) != seq->end()) return true;
    }
    return false;
  }
  static bool runs_in(const corpus::Document& d, int lo, int hi) {
    for (int y : d.running_years()) {
      if (y >= lo && y <= hi) return true;
    }
    return false;
  }

  static test::ScratchDir* dir_;
  static std::vector<Parsed>* docs_;
  static Searcher* searcher_;
};

test::ScratchDir* SearcherTest::dir_ = nullptr;
std::vector<Parsed>* SearcherTest::docs_ = nullptr;
Searcher* SearcherTest::searcher_ = nullptr;

// The term of a word, as the chain makes it (the tests spell words, not stems).
std::string T(const char* word) {
  static stemming::Analyzer analyzer;
  return analyzer.term(word);
}

struct CountCase {
  const char* query;
  std::vector<std::pair<std::string, std::string>> filters;
  std::function<bool(const Parsed&)> expected;
};

TEST_F(SearcherTest, CountsMatchTheDocuments) {
  auto has = [](const char* w) { return [t = T(w)](const Parsed& p) { return p.terms.count(t) > 0; }; };
  const std::string cohesion = T("cohésion"), durable = T("durable"), sensib = T("sensibilisation"),
                    sociale = T("sociale");
  const CountCase cases[] = {
      {"cohésion", {}, has("cohésion")},
      {"COHESION", {}, has("cohésion")},
      {"cohésion durable", {}, [&](const Parsed& p) { return p.terms.count(cohesion) && p.terms.count(durable); }},
      {"cohésion ET durable", {}, [&](const Parsed& p) { return p.terms.count(cohesion) && p.terms.count(durable); }},
      {"cohésion OU sensibilisation",
       {},
       [&](const Parsed& p) { return p.terms.count(cohesion) || p.terms.count(sensib); }},
      {"cohésion OR sensibilisation",
       {},
       [&](const Parsed& p) { return p.terms.count(cohesion) || p.terms.count(sensib); }},
      {"cohésion SAUF durable",
       {},
       [&](const Parsed& p) { return p.terms.count(cohesion) && !p.terms.count(durable); }},
      {"cohésion -durable", {}, [&](const Parsed& p) { return p.terms.count(cohesion) && !p.terms.count(durable); }},
      {"SAUF cohésion", {}, [&](const Parsed& p) { return !p.terms.count(cohesion); }},
      {"-cohésion", {}, [&](const Parsed& p) { return !p.terms.count(cohesion); }},
      {"+cohésion", {}, has("cohésion")},
      {"(cohésion OU sensibilisation) ET durable",
       {},
       [&](const Parsed& p) { return (p.terms.count(cohesion) || p.terms.count(sensib)) && p.terms.count(durable); }},
      {"cohés*",
       {},
       [&](const Parsed& p) {
         return std::any_of(p.terms.begin(), p.terms.end(),
                            [](const std::string& t) { return t.rfind("cohes", 0) == 0; });
       }},
      {"cohésion PRES durable", {}, [&](const Parsed& p) { return near(p, cohesion, durable, 10); }},
      {"cohésion NEAR durable", {}, [&](const Parsed& p) { return near(p, cohesion, durable, 10); }},
      // A phrase in NEAR: its words near the other, the phrase itself required.
      {"\"cohésion sociale\" PRES durable",
       {},
       [&](const Parsed& p) { return followed(p, cohesion, sociale, 1) && near3(p, cohesion, sociale, durable, 10); }},
      {"\"cohésion durable\" PRES sociale",
       {},
       [&](const Parsed& p) { return followed(p, cohesion, durable, 1) && near3(p, cohesion, sociale, durable, 10); }},
      {"\"cohésion sociale\"",
       {},
       [&](const Parsed& p) {
         return phrase_in(p, {cohesion, sociale});
       }},
      // A phrase's stop words match only themselves: "renforcement des
      // capacités" is renforc, de, capac at consecutive positions, in the
      // title, the body or a field. Both phrases are indexed expressions,
      // matched by their own term.
      {"\"renforcement des capacités\"",
       {},
       [&](const Parsed& p) {
         return phrase_in(p, {T("renforcement"), T("des"), T("capacités")});
       }},
      {"\"société civile\"", {}, [&](const Parsed& p) { return followed(p, T("société"), T("civile"), 1); }},
      {"titre:traite", {}, [&](const Parsed& p) { return p.title_terms.count(T("traite")) > 0; }},
      {"title:Maroc", {}, [&](const Parsed& p) { return p.title_terms.count(T("Maroc")) > 0; }},
      {"pays:Maroc",
       {},
       [&](const Parsed& p) { return std::count(p.doc.countries.begin(), p.doc.countries.end(), "MA") > 0; }},
      {"country:Morocco",
       {},
       [&](const Parsed& p) { return std::count(p.doc.countries.begin(), p.doc.countries.end(), "MA") > 0; }},
      {"statut:actif", {}, [&](const Parsed& p) { return p.doc.status == "Actif"; }},
      {"status:completed", {}, [&](const Parsed& p) { return p.doc.status == "Achevé"; }},
      {"type:\"Counter Trafficking\"",
       {},
       [&](const Parsed& p) { return p.doc.project_type == "Lutte contre la traite"; }},
      {"couverture:regional", {}, [&](const Parsed& p) { return p.doc.coverage == "Régional"; }},
      {"région:\"asie et oceanie\"", {}, [&](const Parsed& p) { return p.doc.region == "Asie et Océanie"; }},
      {"continent:Africa",
       {},
       [&](const Parsed& p) { return std::count(p.doc.continent.begin(), p.doc.continent.end(), "Afrique") > 0; }},
      {"id:PX.0432", {}, [&](const Parsed& p) { return p.doc.project_id == "PX.0432" || p.doc.id == "PX.0432"; }},
      {"budget:100000..200000",
       {},
       [&](const Parsed& p) { return p.doc.budget_usd && *p.doc.budget_usd >= 1e5 && *p.doc.budget_usd <= 2e5; }},
      {"budget:..150000", {}, [&](const Parsed& p) { return p.doc.budget_usd && *p.doc.budget_usd <= 150000; }},
      {"budget:150k..", {}, [&](const Parsed& p) { return p.doc.budget_usd && *p.doc.budget_usd >= 150000; }},
      {"année:2015..2016", {}, [&](const Parsed& p) { return runs_in(p.doc, 2015, 2016); }},
      {"year:2022..2024", {}, [&](const Parsed& p) { return runs_in(p.doc, 2022, 2024); }},
      {"année:1900", {}, [](const Parsed&) { return false; }},  // no year term in the range
      {"", {{"year", "1900..1901"}}, [](const Parsed&) { return false; }},
      {"", {{"region", "Asia"}}, [&](const Parsed& p) { return p.doc.region == "Asie et Océanie"; }},
      {"",
       {{"statut", "Actif"}, {"statut", "Completed"}},
       [&](const Parsed& p) { return p.doc.status == "Actif" || p.doc.status == "Achevé"; }},
      {"",
       {{"statut", "Actif"}, {"pays", "Maroc"}},
       [&](const Parsed& p) {
         return p.doc.status == "Actif" && std::count(p.doc.countries.begin(), p.doc.countries.end(), "MA");
       }},
      {"",
       {{"country", "TJ"}},
       [&](const Parsed& p) { return std::count(p.doc.countries.begin(), p.doc.countries.end(), "TJ") > 0; }},
      {"",
       {{"budget", "100000..200000"}},
       [&](const Parsed& p) { return p.doc.budget_usd && *p.doc.budget_usd >= 1e5 && *p.doc.budget_usd <= 2e5; }},
      {"cohésion",
       {{"coverage", "National"}},
       [&](const Parsed& p) { return p.terms.count(cohesion) && p.doc.coverage == "National"; }},
      {"", {}, [](const Parsed&) { return true; }},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.query);
    Result r = search(c.query, c.filters);
    EXPECT_EQ(r.total, count(c.expected));
    EXPECT_TRUE(r.exact);
    EXPECT_FALSE(r.relaxed);
  }
}

// A filter value no document holds is named, with the closest values of its
// field; a value some document holds adds no note, even when the query finds nothing.
TEST_F(SearcherTest, SaysWhichFilterValueNoDocumentHolds) {
  struct Case {
    const char* field;
    const char* value;
    const char* near;  // a value the note offers, or "" for no note
  } cases[] = {
      {"pays", "Atlantide", ""},
      {"pays", "Tadjikstan", "Tadjikistan"},
      {"statut", "Achevée", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.field) + "=" + c.value);
    const Result r = search("", {{c.field, c.value}});
    const bool none = r.total == 0;
    std::string notes;
    for (const auto& n : r.notes) notes += render(n, Lang::kFr) + "\n";
    EXPECT_EQ(notes.find("aucun document n'a cette valeur") != std::string::npos, none) << notes;
    if (*c.near) EXPECT_NE(notes.find(c.near), std::string::npos) << notes;
  }
  for (const auto& n : search("xyzzyq", {{"pays", "Mali"}}).notes) {
    EXPECT_EQ(n.id.find("empty_filter"), std::string::npos) << n.id;  // Mali is held: the words found nothing
  }
}

// The two ways to exclude are one: synonyms included, alone or after words.
TEST_F(SearcherTest, MinusExcludesWhatSaufExcludes) {
  for (const char* word : {"traite", "OIM", "migrants", "femmes", "trafic"}) {
    SCOPED_TRACE(word);
    const std::size_t minus = search(std::string("-") + word).total;
    EXPECT_EQ(minus, search(std::string("SAUF ") + word).total);
    EXPECT_LT(minus, search("").total);
    EXPECT_EQ(search(std::string("projet -") + word).total, search(std::string("projet SAUF ") + word).total);
  }
}

TEST_F(SearcherTest, FacetCountsAreExactMultiValuedAndDisjunctive) {
  Request r;
  r.filters = {{"region", "Europe"}};
  r.limit = 0;
  Result result = searcher_->search(r);
  // Region counts ignore the region filter itself: what each region would give.
  std::map<std::string, std::size_t> regions, countries, years, statuses;
  for (const auto& p : *docs_) {
    if (!p.doc.region.empty()) ++regions[p.doc.region];
    if (p.doc.region != "Europe") continue;
    for (const auto& c : p.doc.countries) ++countries[c];
    for (int y : p.doc.running_years()) ++years[std::to_string(y)];
    if (!p.doc.status.empty()) ++statuses[p.doc.status];
  }
  auto as_map = [&](const std::string& key) {
    std::map<std::string, std::size_t> m;
    for (const auto& v : result.facets.at(key)) m[v.value] = v.count;
    return m;
  };
  EXPECT_EQ(as_map("region"), regions);
  EXPECT_EQ(as_map("countries"), countries);
  EXPECT_EQ(as_map("year"), years);
  EXPECT_EQ(as_map("status"), statuses);
  for (const auto& v : result.facets.at("countries")) {
    if (v.value == "FR") {
      EXPECT_EQ(v.label, "France");
    }
  }
  EXPECT_EQ(result.facets.count("budget_range"), 1u);
}

TEST_F(SearcherTest, HighlightsInflectionsAndNotElisions) {
  Result r = search("oim Tadjikistan");
  ASSERT_GE(r.hits.size(), 1u);
  const Hit& hit = r.hits.front();
  EXPECT_EQ(hit.id, "CT.1172");
  std::vector<std::string> marked;
  for (const auto& s : hit.snippet) {
    if (s.match) marked.push_back(s.text);
  }
  EXPECT_NE(std::find(marked.begin(), marked.end(), "OIM"), marked.end());
  EXPECT_EQ(std::find(marked.begin(), marked.end(), "l’OIM"), marked.end());
  EXPECT_NE(std::find(marked.begin(), marked.end(), "Tadjikistan"), marked.end());

  Result inflected = search("renforcer capacité");
  bool other_form = false;
  for (const auto& h : inflected.hits) {
    for (const auto& s : h.snippet)
      other_form = other_form || (s.match && (s.text == "capacités" || s.text == "renforcement"));
  }
  EXPECT_TRUE(other_form);
}

TEST_F(SearcherTest, RelaxesSuggestsAndUsesSynonyms) {
  Result relaxed = search("Tadjikistan zzzqqqxx");
  EXPECT_TRUE(relaxed.relaxed);
  EXPECT_GE(relaxed.total, 1u);

  Request exact;
  exact.query = "Tadjikstan";
  exact.exact = true;
  Result typo = searcher_->search(exact);
  EXPECT_EQ(typo.total, 0u);
  ASSERT_TRUE(typo.suggestion.has_value());
  EXPECT_EQ(*typo.suggestion, "tadjikistan");
  EXPECT_FALSE(typo.corrected.has_value());
  Result corrected = search("Tadjikstan");  // searched as corrected
  ASSERT_TRUE(corrected.corrected.has_value());
  EXPECT_EQ(*corrected.corrected, "tadjikistan");
  EXPECT_EQ(corrected.total, search("tadjikistan").total);
  EXPECT_FALSE(corrected.suggestion.has_value());

  Result english = search("human trafficking");
  EXPECT_GE(english.total, 5u);  // every sample is about "traite"
  Result iom = search("IOM");
  EXPECT_EQ(iom.total, search("OIM").total);
  // The expansions are reported: the words as typed, the spellings added.
  ASSERT_EQ(english.synonyms.size(), 1u);
  EXPECT_EQ(english.synonyms[0].words, "human trafficking");
  const auto& added = english.synonyms[0].alternatives;
  EXPECT_NE(std::find(added.begin(), added.end(), "traite"), added.end());
  EXPECT_EQ(std::find(added.begin(), added.end(), "human trafficking"), added.end());
  EXPECT_TRUE(search("cohésion").synonyms.empty());

  // A page past the last hit is empty, not a reason to relax the query.
  Request far;
  far.query = "traite victimes";
  far.offset = 100000;
  Result far_page = searcher_->search(far);
  EXPECT_FALSE(far_page.relaxed);
  EXPECT_TRUE(far_page.hits.empty());
  EXPECT_GT(far_page.total, 0u);

  Request forced;
  forced.query = "Tadjikistan zzzqqqxx";
  forced.op = Operator::kAnd;
  EXPECT_EQ(searcher_->search(forced).total, 0u);
}

// Too few documents hold every word: they come first, then those holding
// some of the words; the counts are checked against the parsed documents.
TEST_F(SearcherTest, RanksDocumentsWithEveryWordFirstWhenTheyAreFew) {
  const std::pair<const char*, const char*> candidates[] = {{"Tadjikistan", "Azerbaïdjan"}, {"Tadjikistan", "ASEAN"},
                                                            {"Azerbaïdjan", "ASEAN"},       {"Tadjikistan", "dialogue"},
                                                            {"Azerbaïdjan", "dialogue"},    {"ASEAN", "dialogue"}};
  for (auto [a, b] : candidates) {
    const std::string ta = T(a), tb = T(b);
    const std::size_t both = count([&](const Parsed& p) { return p.terms.count(ta) && p.terms.count(tb); });
    const std::size_t either = count([&](const Parsed& p) { return p.terms.count(ta) || p.terms.count(tb); });
    if (both == 0 || both >= 10 || either == both) continue;
    SCOPED_TRACE(std::string(a) + " " + b);
    Result r = search(std::string(a) + " " + b, {}, 50);
    EXPECT_TRUE(r.relaxed);
    EXPECT_EQ(r.all_words, both);
    EXPECT_EQ(r.total, either);
    ASSERT_GE(r.hits.size(), both + 1);
    std::set<std::string> with_both;
    for (const auto& p : *docs_) {
      if (p.terms.count(ta) && p.terms.count(tb)) with_both.insert(p.doc.id);
    }
    for (std::size_t i = 0; i < r.hits.size(); ++i) {
      EXPECT_EQ(with_both.count(r.hits[i].id) > 0, i < both) << r.hits[i].id;
    }
    // The second page runs on where the first stopped.
    Request next;
    next.query = r.query;
    next.offset = 1;
    next.limit = 1;
    Result page = searcher_->search(next);
    ASSERT_EQ(page.hits.size(), 1u);
    EXPECT_EQ(page.hits[0].id, r.hits[1].id);
    EXPECT_EQ(page.hits[0].rank, 2u);
    return;
  }
  FAIL() << "no candidate pair of words is held together by one or two documents";
}

TEST_F(SearcherTest, ReadsMalformedQueriesOrSaysWhere) {
  Result quote = search("\"lutte contre la traite");
  EXPECT_EQ(quote.notes.size(), 1u);
  EXPECT_GE(quote.total, 5u);
  Result paren = search("(traite OU trafic");
  EXPECT_EQ(paren.notes.size(), 1u);
  Result stray = search("traite)");
  EXPECT_EQ(stray.notes.size(), 1u);
  EXPECT_NO_THROW(search("OU ET SAUF"));
  EXPECT_NO_THROW(search("*"));
  EXPECT_NO_THROW(search("\"\""));
  for (const char* bad : {"budget:abc", "année:2025..2020", "budget:..", "year:20x1", "(traite OU trafic) PRES femmes",
                          "trafi* NEAR femmes", "pays:", "statut:", "id:"}) {
    SCOPED_TRACE(bad);
    EXPECT_THROW(search(bad), QueryError);
  }
  try {
    search("traite budget:beaucoup");
  } catch (const QueryError& e) {
    EXPECT_NE(std::string(e.what()).find("position 8"), std::string::npos) << e.what();
  }
  EXPECT_THROW(search("", {{"couleur", "bleu"}}), UsageError);
  EXPECT_THROW(search("", {{"statut", ""}}), UsageError);
  EXPECT_THROW(search("", {{"budget", "beaucoup"}}), UsageError);
}

TEST_F(SearcherTest, SortsPagesAndCollapses) {
  Request r;
  r.sort = "-budget";
  r.limit = 20;
  Result sorted = searcher_->search(r);
  for (std::size_t i = 1; i < sorted.hits.size(); ++i) {
    double a = sorted.hits[i - 1].document.budget_usd.value_or(0.0),
           b = sorted.hits[i].document.budget_usd.value_or(0.0);
    EXPECT_GE(a, b);
  }
  r.offset = 10;
  r.limit = 10;
  Result page2 = searcher_->search(r);
  ASSERT_EQ(page2.hits.size(), 10u);
  EXPECT_EQ(page2.hits.front().id, sorted.hits[10].id);
  EXPECT_EQ(page2.hits.front().rank, 11u);
}

// Both directions: the values in order, then the documents without one.
TEST_F(SearcherTest, SortsDocumentsWithoutTheValueLast) {
  struct Case {
    const char* sort;
    bool descending;
    std::function<std::optional<double>(const corpus::Document&)> value;
  } cases[] = {
      {"budget", false, [](const corpus::Document& d) { return d.budget_usd; }},
      {"-budget", true, [](const corpus::Document& d) { return d.budget_usd; }},
      {"year", false,
       [](const corpus::Document& d) { return d.start_year ? std::optional<double>(*d.start_year) : std::nullopt; }},
      {"-year", true,
       [](const corpus::Document& d) { return d.start_year ? std::optional<double>(*d.start_year) : std::nullopt; }},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.sort);
    Request r;
    r.sort = c.sort;
    r.limit = 2000;
    r.no_facets = true;
    const Result sorted = searcher_->search(r);
    ASSERT_EQ(sorted.hits.size(), sorted.total);
    bool missing_seen = false;
    std::size_t missing = 0;
    std::optional<double> previous;
    for (const auto& h : sorted.hits) {
      const std::optional<double> v = c.value(h.document);
      if (!v) {
        missing_seen = true;
        ++missing;
        continue;
      }
      EXPECT_FALSE(missing_seen) << h.id << " has a value but comes after a document without one";
      if (previous) EXPECT_TRUE(c.descending ? *previous >= *v : *previous <= *v) << h.id;
      previous = v;
    }
    EXPECT_GT(missing, 0u);  // the corpus has documents without the value
  }
}

TEST_F(SearcherTest, JsonHasTheDocumentedShape) {
  Result r = search("traite <script>", {{"region", "Asia"}}, 2);
  nlohmann::json j = to_json(r);
  for (const char* key : {"query", "total", "offset", "limit", "suggestion", "hits", "facets", "elapsed_ms", "relaxed",
                          "notes", "synonyms"}) {
    EXPECT_TRUE(j.contains(key)) << key;
  }
  EXPECT_TRUE(j["total"]["value"].is_number());
  EXPECT_TRUE(j["total"]["exact"].is_boolean());
  ASSERT_FALSE(j["hits"].empty());
  for (const char* key : {"rank", "id", "score", "title", "snippet", "fields"}) {
    EXPECT_TRUE(j["hits"][0].contains(key)) << key;
  }
  EXPECT_FALSE(j["hits"][0]["fields"].contains("body"));
  bool marked = false;
  for (const auto& segment : j["hits"][0]["snippet"]) {
    EXPECT_TRUE(segment["text"].is_string());
    marked = marked || segment["match"].get<bool>();
  }
  EXPECT_TRUE(marked);
  EXPECT_TRUE(j["facets"]["region"][0].contains("label"));
  EXPECT_TRUE(j["facets"]["region"][0].contains("value"));
  EXPECT_TRUE(j["facets"]["region"][0].contains("count"));
}

TEST(SearcherCollapse, OneHitPerProject) {
  test::ScratchDir dir("collapse");
  fs::copy(FOUILLE_SAMPLES, dir / "in");
  // The English page of project CT.1172, a second source of the same project.
  test::write_file(dir / "in" / "ct1172-en.txt",
                   "Capacity building on internal trafficking in Tajikistan\n\n"
                   "  • Project ID\n    CT.1172\n  • Project Status\n    Active\n"
                   "Internal trafficking in Tajikistan is widespread; IOM supports the State and civil society.\n");
  indexer::Options o;
  o.db = dir / "db";
  o.inputs = {dir / "in"};
  indexer::index(o, {}, {}, nullptr);
  Searcher s((dir / "db").string());
  Request r;
  r.query = "Tajikistan";
  EXPECT_EQ(s.search(r).total, 2u);
  r.collapse = true;
  Result collapsed = s.search(r);
  ASSERT_EQ(collapsed.hits.size(), 1u);
  EXPECT_EQ(collapsed.hits.front().collapsed, 1u);
  EXPECT_EQ(collapsed.total, 1u);  // projects, not pages
  EXPECT_TRUE(collapsed.exact);
}

// A database of the samples alone.
void index_samples(const fs::path& db) {
  indexer::Options o;
  o.db = db;
  o.inputs = {FOUILLE_SAMPLES};
  indexer::index(o, {}, {}, nullptr);
}

// No spelling advice on the parts of a compound found through its synonyms:
// over the samples alone, "main" is no indexed word, and "afin" was offered.
TEST(SearcherSamples, NoSpellingAdviceOnCompoundsFoundThroughSynonyms) {
  test::ScratchDir dir("compound");
  index_samples(dir / "db");
  Request r;
  r.query = "main-d'oeuvre";
  Result compound = Searcher((dir / "db").string()).search(r);
  ASSERT_EQ(compound.synonyms.size(), 1u);
  EXPECT_EQ(compound.synonyms[0].words, "main-d'oeuvre");
  EXPECT_FALSE(compound.suggestion.has_value());
}

// A database indexed by another analysis chain (here: one without expression
// terms) is searched by positions, which find what expression terms would, and
// the user is told to reindex.
TEST(SearcherStaleDatabase, FallsBackToPhrasesAndSaysSo) {
  test::ScratchDir dir("stale");
  index_samples(dir / "db");
  Request r;
  r.query = "ONG \"lutte contre la traite\"";
  Result current = Searcher((dir / "db").string()).search(r);
  EXPECT_TRUE(current.notes.empty());
  {
    // As an older chain would have left it: no expression terms at all.
    Xapian::WritableDatabase w((dir / "db").string(), Xapian::DB_OPEN);
    const std::string prefix = store::expression_term("");
    std::set<Xapian::docid> holding;
    for (auto t = w.allterms_begin(prefix); t != w.allterms_end(prefix); ++t) {
      for (auto d = w.postlist_begin(*t); d != w.postlist_end(*t); ++d) holding.insert(*d);
    }
    ASSERT_FALSE(holding.empty());
    for (Xapian::docid id : holding) {
      Xapian::Document doc = w.get_document(id);
      std::vector<std::string> terms;
      for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
        if ((*t).rfind(prefix, 0) == 0) terms.push_back(*t);
      }
      for (const auto& t : terms) doc.remove_term(t);
      w.replace_document(id, doc);
    }
    w.set_metadata(store::kAnalysisKey, "an-older-chain");
    w.commit();
  }
  Result stale = Searcher((dir / "db").string()).search(r);
  EXPECT_GE(current.total, 1u);
  EXPECT_EQ(stale.total, current.total);
  ASSERT_EQ(stale.notes.size(), 1u);
  EXPECT_NE(render(stale.notes[0], Lang::kFr).find("relancez fouille-index"), std::string::npos);
  EXPECT_NE(render(stale.notes[0], Lang::kEn).find("run fouille-index again"), std::string::npos);
}

// A database written in an older store format records the chain's signature
// alone: the user is told to reindex, as for another chain.
TEST(SearcherStaleDatabase, AnOlderStoreFormatSaysToReindex) {
  test::ScratchDir dir("old-format");
  index_samples(dir / "db");
  {
    Xapian::WritableDatabase w((dir / "db").string(), Xapian::DB_OPEN);
    w.set_metadata(store::kAnalysisKey, stemming::analysis_signature());
    w.commit();
  }
  Request r;
  r.query = "traite";
  Result old = Searcher((dir / "db").string()).search(r);
  ASSERT_EQ(old.notes.size(), 1u);
  EXPECT_NE(render(old.notes[0], Lang::kEn).find("run fouille-index again"), std::string::npos);
}

}  // namespace
}  // namespace fouille::searcher
