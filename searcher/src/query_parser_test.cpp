// The query language end to end without a database of documents: each row
// is a query as a user types it and the Xapian query it compiles to, as
// Xapian's get_description() prints it (the way xapian-core's
// tests/api_queryparser.cc checks its parser). A change of the parser or of
// the compiler shows as a changed row; read the new description before
// accepting it. Rows use the shipped synonym groups (stemming/data), so an
// edit there that touches « traite », « victimes » or « femmes » shows here too
// (FOUILLE_PRINT_QUERIES=1 prints the rows as they compile now).
#include "query_parser.h"

#include <cstdlib>
#include <functional>
#include <iostream>
#include <string>

#include <gtest/gtest.h>
#include <xapian.h>

#include "fouille/base/error.h"

#include "query/xapian_form.h"
#include "query_compiler.h"

namespace fouille::searcher {
namespace {

// The chain a Searcher uses, on a small in-memory database holding the
// words the wildcards expand to.
class QueryParserTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    analyzer_ = new stemming::Analyzer();
    synonyms_ = new stemming::Synonyms(stemming::shipped_synonyms(), *analyzer_);
    db_ = new Xapian::WritableDatabase(std::string(), Xapian::DB_BACKEND_INMEMORY);
    Xapian::Document doc;
    for (const char* term :
         {"trafic", "trafiqu", "trafiquant", "traite", "migrant", "Y2021", "Y2022", "Y2023", "Y2025"}) {
      doc.add_term(term);
    }
    db_->add_document(doc);
  }
  static void TearDownTestSuite() {
    delete db_;
    delete synonyms_;
    delete analyzer_;
  }

  // The description of `query` compiled with `op` joining its words.
  static std::string compiled(const std::string& query, Plan::Op op = Plan::Op::kAnd) {
    ParsedQuery parsed = parse_query(query);
    const Plan plan = QueryCompiler(*analyzer_, *synonyms_, nullptr, *db_).compile(parsed.root, op, query).query;
    return to_xapian(plan, *db_).get_description();
  }

  static stemming::Analyzer* analyzer_;
  static stemming::Synonyms* synonyms_;
  static Xapian::WritableDatabase* db_;
};

stemming::Analyzer* QueryParserTest::analyzer_ = nullptr;
stemming::Synonyms* QueryParserTest::synonyms_ = nullptr;
Xapian::WritableDatabase* QueryParserTest::db_ = nullptr;

Xapian::Query range(unsigned slot, std::optional<double> low, std::optional<double> high) {
  return to_xapian(Plan::range({slot, low, high}), Xapian::Database());
}

struct Case {
  const char* query;
  const char* expected;  // Xapian::Query::get_description()
};

// FOUILLE_PRINT_QUERIES=1 prints each row as it compiles now.
void check(const Case* begin, const Case* end, const std::function<std::string(const std::string&)>& compile) {
  const bool print = std::getenv("FOUILLE_PRINT_QUERIES") != nullptr;
  for (const Case* c = begin; c != end; ++c) {
    SCOPED_TRACE(c->query);
    const std::string got = compile(c->query);
    if (print) std::cout << "      {R\"(" << c->query << ")\", R\"(" << got << ")\"},\n";
    EXPECT_EQ(got, c->expected);
  }
}

// What a search relaxes to is assembled from the clauses compiled once: for
// a query of plain clauses, the same as compiling it with OR.
TEST_F(QueryParserTest, AnyWordIsTheSameClausesJoinedByOr) {
  for (const char* query : {"traite migrants", "+traite migrants trafic", "traite migrants -trafic",
                            "traite \"êtres humains\" pays:Mali", "traite des migrants"}) {
    SCOPED_TRACE(query);
    ParsedQuery parsed = parse_query(query);
    CompiledQuery every =
        QueryCompiler(*analyzer_, *synonyms_, nullptr, *db_).compile(parsed.root, Plan::Op::kAnd, query);
    EXPECT_EQ(to_xapian(every.any_word, *db_).get_description(), compiled(query, Plan::Op::kOr));
    EXPECT_NE(every.any_word.key(), every.query.key());
  }
}

TEST_F(QueryParserTest, Words) {
  const Case cases[] = {
      {R"()", R"(Query(<alldocuments>))"},
      {R"(traite)",
       R"(Query(((trafic PHRASE 3 etre PHRASE 3 humain) SYNONYM trait SYNONYM trafficking SYNONYM trafiqu SYNONYM trafficker)))"},
      {R"(Traitée)",
       R"(Query(((trafic PHRASE 3 etre PHRASE 3 humain) SYNONYM trait SYNONYM trafficking SYNONYM trafiqu SYNONYM trafficker)))"},
      {R"(traite migrants)",
       R"(Query((((trafic PHRASE 3 etre PHRASE 3 humain) SYNONYM trait SYNONYM trafficking SYNONYM trafiqu SYNONYM trafficker) AND migr)))"},
      {R"(l'été)", R"(Query(ete))"},
      {R"(L’OIM)",
       R"(Query((oim SYNONYM iom SYNONYM (organis PHRASE 5 international PHRASE 5 pour PHRASE 5 le PHRASE 5 migrat) SYNONYM (international PHRASE 4 organiz PHRASE 4 for PHRASE 4 migrat))))"},
      {R"(la traite des migrants)",
       R"(Query((((trafic PHRASE 3 etre PHRASE 3 humain) SYNONYM trait SYNONYM trafficking SYNONYM trafiqu SYNONYM trafficker) AND migr)))"},
      {R"(+oim -europe)",
       R"(Query(((oim SYNONYM iom SYNONYM (organis PHRASE 5 international PHRASE 5 pour PHRASE 5 le PHRASE 5 migrat) SYNONYM (international PHRASE 4 organiz PHRASE 4 for PHRASE 4 migrat)) AND_NOT europ)))"},
      {R"(-traite)",
       R"(Query((<alldocuments> AND_NOT ((trafic PHRASE 3 etre PHRASE 3 humain) SYNONYM trait SYNONYM trafficking SYNONYM trafiqu SYNONYM trafficker))))"},
      {R"(traite -europe)",
       R"(Query((((trafic PHRASE 3 etre PHRASE 3 humain) SYNONYM trait SYNONYM trafficking SYNONYM trafiqu SYNONYM trafficker) AND_NOT europ)))"},
      {R"(œuvre)", R"(Query((oeuvr AND_MAYBE 0.10000000000000000555 * XAœuvr)))"},
      {R"(PX.0432)", R"(Query((px.0432 OR XIDpx.0432)))"},
      {R"(agences UN)", R"(Query((agenc AND (onu SYNONYM (nation PHRASE 2 uni) SYNONYM (united PHRASE 2 nation)))))"},
      {R"(un projet)", R"(Query((un AND projet)))"},  // the article
      {R"(UN PROJET)", R"(Query((un AND projet)))"},  // all capitals: capitals tell nothing
      // A synonym's words as typed match anywhere, a spelling side by side
      // ranking a little higher; an area's name stays one phrase.
      {R"(enfants non accompagnés)",
       R"(Query((((enfant AND non AND accompagn) SYNONYM (unaccompanied PHRASE 2 children) SYNONYM (mineur PHRASE 3 non PHRASE 3 accompagn) SYNONYM (unaccompanied PHRASE 2 minor)) AND_MAYBE 0.5 * ((enfant PHRASE 3 non PHRASE 3 accompagn) SYNONYM (unaccompanied PHRASE 2 children) SYNONYM (mineur PHRASE 3 non PHRASE 3 accompagn) SYNONYM (unaccompanied PHRASE 2 minor)))))"},
      {R"(Corne de l'Afrique)",
       R"(Query(((corn PHRASE 3 de PHRASE 3 afriqu) SYNONYM (horn PHRASE 3 of PHRASE 3 afric))))"},
  };
  check(std::begin(cases), std::end(cases), [](const std::string& q) { return compiled(q); });
}

TEST_F(QueryParserTest, Phrases) {
  const Case cases[] = {
      {R"("traite des êtres humains")", R"(Query((trait PHRASE 4 de PHRASE 4 etre PHRASE 4 humain)))"},
      {R"("lutte contre la traite)", R"(Query((lutt PHRASE 4 contr PHRASE 4 la PHRASE 4 trait)))"},
      {R"("traite")", R"(Query(trait))"},
      {R"(traite "êtres humains" -europe)",
       R"(Query(((((trafic PHRASE 3 etre PHRASE 3 humain) SYNONYM trait SYNONYM trafficking SYNONYM trafiqu SYNONYM trafficker) AND (etre PHRASE 2 humain)) AND_NOT europ)))"},
  };
  check(std::begin(cases), std::end(cases), [](const std::string& q) { return compiled(q); });
}

TEST_F(QueryParserTest, OperatorsFrenchAndEnglish) {
  const Case cases[] = {
      {R"(traite OU trafic)",
       R"(Query((((trafic PHRASE 3 etre PHRASE 3 humain) SYNONYM trait SYNONYM trafficking SYNONYM trafiqu SYNONYM trafficker) OR trafic)))"},
      {R"(traite OR trafic)",
       R"(Query((((trafic PHRASE 3 etre PHRASE 3 humain) SYNONYM trait SYNONYM trafficking SYNONYM trafiqu SYNONYM trafficker) OR trafic)))"},
      {R"(traite ET victimes)",
       R"(Query((((trafic PHRASE 3 etre PHRASE 3 humain) SYNONYM trait SYNONYM trafficking SYNONYM trafiqu SYNONYM trafficker) AND (victim SYNONYM surviv SYNONYM survivor))))"},
      {R"(traite AND victimes)",
       R"(Query((((trafic PHRASE 3 etre PHRASE 3 humain) SYNONYM trait SYNONYM trafficking SYNONYM trafiqu SYNONYM trafficker) AND (victim SYNONYM surviv SYNONYM survivor))))"},
      {R"(traite SAUF interne)",
       R"(Query((((trafic PHRASE 3 etre PHRASE 3 humain) SYNONYM trait SYNONYM trafficking SYNONYM trafiqu SYNONYM trafficker) AND_NOT intern)))"},
      {R"(traite NOT interne)",
       R"(Query((((trafic PHRASE 3 etre PHRASE 3 humain) SYNONYM trait SYNONYM trafficking SYNONYM trafiqu SYNONYM trafficker) AND_NOT intern)))"},
      {R"(traite PRES femmes)", R"(Query((trait NEAR 10 femm)))"},
      {R"(traite NEAR femmes)", R"(Query((trait NEAR 10 femm)))"},
      {R"(traite NEAR/3 femmes)", R"(Query((trait NEAR 3 femm)))"},
      {R"(traite PRES/5 femmes)", R"(Query((trait NEAR 5 femm)))"},
      {R"(traite NEAR/1 femmes)", R"(Query((trait NEAR 2 femm)))"},  // never narrower than its words
      {R"(traite ou trafic)",
       R"(Query((((trafic PHRASE 3 etre PHRASE 3 humain) SYNONYM trait SYNONYM trafficking SYNONYM trafiqu SYNONYM trafficker) AND trafic)))"},
      {R"((traite OU trafic) ET femmes)",
       R"(Query(((((trafic PHRASE 3 etre PHRASE 3 humain) SYNONYM trait SYNONYM trafficking SYNONYM trafiqu SYNONYM trafficker) OR trafic) AND (femm SYNONYM women SYNONYM fill SYNONYM girl))))"},
      {R"(traite OU trafic OU migrants)",
       R"(Query((((trafic PHRASE 3 etre PHRASE 3 humain) SYNONYM trait SYNONYM trafficking SYNONYM trafiqu SYNONYM trafficker) OR trafic OR migr)))"},
      {R"(SAUF europe)", R"(Query((<alldocuments> AND_NOT europ)))"},
      {R"(traite (OU)",
       R"(Query((((trafic PHRASE 3 etre PHRASE 3 humain) SYNONYM trait SYNONYM trafficking SYNONYM trafiqu SYNONYM trafficker) AND ou)))"},
      {R"(traite ))",
       R"(Query(((trafic PHRASE 3 etre PHRASE 3 humain) SYNONYM trait SYNONYM trafficking SYNONYM trafiqu SYNONYM trafficker)))"},
  };
  check(std::begin(cases), std::end(cases), [](const std::string& q) { return compiled(q); });
}

// What the parser read differently from what was typed is said in a note;
// what it read as typed is not.
TEST_F(QueryParserTest, NotesSayHowAQueryWasRead) {
  struct NoteCase {
    const char* query;
    const char* fr;  // a part of the one note expected, or "" for none
    const char* en;  // the same in English
  } cases[] = {
      {R"(foo:bar)", "« foo: » n'est pas un champ", "“foo:” is not a field"},
      {R"(traite couleur:bleu)", "« couleur: » n'est pas un champ", "“couleur:” is not a field"},
      {R"(traite NEAR/500 femmes)", "NEAR/500 : fenêtre de 100 mots", "NEAR/500: a window of 100 words"},
      {R"("lutte contre)", "guillemet ouvert en position 1", "quote opened at position 1 is never closed"},
      {R"((lutte contre)", "parenthèse ouverte en position 1", "parenthesis opened at position 1"},
      {R"(lutte) contre)", "parenthèse fermante en trop en position 6", "closing parenthesis at position 6"},
      {R"(réunion 10:30)", "", ""},
      {R"(http://example.org)", "", ""},
      {R"(pays:Mali)", "", ""},
      {R"(traite NEAR/3 femmes)", "", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.query);
    const ParsedQuery parsed = parse_query(c.query);
    if (*c.fr == '\0') {
      EXPECT_TRUE(parsed.notes.empty()) << render(parsed.notes.front(), Lang::kFr);
    } else {
      ASSERT_EQ(parsed.notes.size(), 1u);
      const std::string fr = render(parsed.notes.front(), Lang::kFr), en = render(parsed.notes.front(), Lang::kEn);
      EXPECT_NE(fr.find(c.fr), std::string::npos) << fr;
      EXPECT_NE(en.find(c.en), std::string::npos) << en;
    }
  }
}

TEST_F(QueryParserTest, Fields) {
  const Case cases[] = {
      {R"(titre:retour)", R"(Query(Sretour))"},
      {R"(title:retour)", R"(Query(Sretour))"},
      {R"(pays:Tadjikistan)", R"(Query(XPTJ))"},
      {R"(country:Mali)", R"(Query(XPML))"},
      {R"(région:Asia)", R"(Query(XGasie et oceanie))"},
      {R"(statut:actif)", R"(Query(XSactif))"},
      {R"(type:"politique migratoire")", R"(Query((XYgouvernance des migrations OR (XTpolit PHRASE 2 XTmigratoir))))"},
      {R"(type:politique)", R"(Query(XTpolit))"},
      {R"(id:PX.0432)", R"(Query(XIDpx.0432))"},
      {R"(titre:"traite des personnes")", R"(Query((Strait PHRASE 3 Sde PHRASE 3 Sperson)))"},
      {R"(pays:Tadjikistan traite)",
       R"(Query((XPTJ AND ((trafic PHRASE 3 etre PHRASE 3 humain) SYNONYM trait SYNONYM trafficking SYNONYM trafiqu SYNONYM trafficker))))"},
  };
  check(std::begin(cases), std::end(cases), [](const std::string& q) { return compiled(q); });
}

TEST_F(QueryParserTest, FieldGroups) {
  const Case cases[] = {
      {R"(pays:(Mali OU Niger))", R"(Query((XPML OR XPNE)))"},
      {R"(titre:(retour "êtres humains"))", R"(Query((Sretour AND (Setre PHRASE 2 Shumain))))"},
      {R"(titre:(retour -europe))", R"(Query((Sretour AND (<alldocuments> AND_NOT Seurop))))"},
  };
  check(std::begin(cases), std::end(cases), [](const std::string& q) { return compiled(q); });
}

TEST_F(QueryParserTest, Ranges) {
  const Case cases[] = {
      {R"(budget:100000..200000)", R"(Query({9 1e+05..2e+05}))"},
      {R"(budget:..150000)", R"(Query({9 ..150000}))"},
      {R"(budget:150k..)", R"(Query({9 150000..}))"},
      {R"(budget:100 000..200 000)", R"(Query({9 1e+05..2e+05}))"},
      {R"(budget:1 250 000..)", R"(Query({9 1250000..}))"},
      {R"(budget:..150 000 traite)",
       R"(Query(({9 ..150000} AND ((trafic PHRASE 3 etre PHRASE 3 humain) SYNONYM trait SYNONYM trafficking SYNONYM trafiqu SYNONYM trafficker))))"},
      {R"(année:2022 2023)", R"(Query((Y2022 AND 2023)))"},  // four digits: a word, not a thousands group
      {R"(année:2022..2024)", R"(Query((Y2022 OR Y2023)))"},
      {R"(year:2022..2024)", R"(Query((Y2022 OR Y2023)))"},
      {R"(année:2022)", R"(Query(Y2022))"},
      {R"(année:2024..)", R"(Query(Y2025))"},
      {R"(année:1900)", R"(Query(Y))"},  // no year in the range: a term no document has
  };
  // Value ranges' bounds are serialised numbers: shown as {slot low..high}.
  const std::pair<const char*, Xapian::Query> ranges[] = {
      {"{9 1e+05..2e+05}", range(9, 1e5, 2e5)},
      {"{9 ..150000}", range(9, std::nullopt, 150000)},
      {"{9 150000..}", range(9, 150000, std::nullopt)},
      {"{9 1250000..}", range(9, 1250000, std::nullopt)},
  };
  check(std::begin(cases), std::end(cases), [&](const std::string& q) {
    std::string description = compiled(q);
    for (const auto& [shown, query] : ranges) {
      const std::string inner = query.get_description().substr(6, query.get_description().size() - 7);
      for (auto at = description.find(inner); at != std::string::npos; at = description.find(inner))
        description.replace(at, inner.size(), shown);
    }
    return description;
  });
}

TEST_F(QueryParserTest, Wildcards) {
  const Case cases[] = {
      {R"(trafi*)", R"(Query((trafic SYNONYM trafiqu SYNONYM trafiquant)))"},
      {R"(migr*)", R"(Query(migrant))"},
      {R"(zzz*)", R"(Query(zzz))"},
      {R"(traite trafi*)",
       R"(Query((((trafic PHRASE 3 etre PHRASE 3 humain) SYNONYM trait SYNONYM trafficking SYNONYM trafiqu SYNONYM trafficker) AND (trafic SYNONYM trafiqu SYNONYM trafiquant))))"},
  };
  check(std::begin(cases), std::end(cases), [](const std::string& q) { return compiled(q); });
}

TEST_F(QueryParserTest, DefaultOperatorOr) {
  const Case cases[] = {
      {R"(traite migrants)",
       R"(Query((((trafic PHRASE 3 etre PHRASE 3 humain) SYNONYM trait SYNONYM trafficking SYNONYM trafiqu SYNONYM trafficker) OR migr)))"},
      {R"(+traite migrants -europe)",
       R"(Query(((((trafic PHRASE 3 etre PHRASE 3 humain) SYNONYM trait SYNONYM trafficking SYNONYM trafiqu SYNONYM trafficker) AND_MAYBE migr) AND_NOT europ)))"},
  };
  check(std::begin(cases), std::end(cases), [](const std::string& q) { return compiled(q, Plan::Op::kOr); });
}

// Errors name the position (1-based byte offset) of what cannot be read and
// the field as the query wrote it, in the language asked for.
TEST_F(QueryParserTest, ErrorsNameTheirPositionAndTheFieldAsWritten) {
  const struct {
    std::string query, fr, en;
  } cases[] = {
      {R"(budget:abc)", R"(position 1 : budget : « abc » n'est pas un montant (ex. 100000..200000, 150k..))",
       R"(position 1: budget: “abc” is not an amount (e.g. 100000..200000, 150k..))"},
      {R"(traite budget:200000..100000)", R"(position 8 : budget : intervalle à l'envers « 200000..100000 »)",
       R"(position 8: budget: range the wrong way round “200000..100000”)"},
      {R"(migrants année:deux)", R"(position 10 : année : « deux » n'est pas une année (ex. 2022..2024))",
       R"(position 10: année: “deux” is not a year (e.g. 2022..2024))"},
      {R"(year:deux)", R"(position 1 : year : « deux » n'est pas une année (ex. 2022..2024))",
       R"(position 1: year: “deux” is not a year (e.g. 2022..2024))"},
      {R"(budget:..)", R"(position 1 : budget : intervalle vide « .. » (ex. 100000..200000))",
       R"(position 1: budget: empty range “..” (e.g. 100000..200000))"},
      {R"(traite pays:(Mali OU budget:1))", R"(position 22 : pays:(…) ne contient pas d'autre champ)",
       R"(position 22: pays:(…) cannot hold another field)"},
      {R"(traite country:(trait*))", R"(position 17 : country:(…) prend des mots et des "phrases", pas de joker)",
       R"(position 17: country:(…) takes words and "phrases", no wildcard)"},
      {"trait\xff", R"(octet 6 : la requête n'est pas de l'UTF-8 valide)", R"(byte 6: the query is not valid UTF-8)"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.query);
    try {
      ADD_FAILURE() << "no error: " << compiled(c.query);
    } catch (const QueryError& e) {
      EXPECT_EQ(describe(e, Lang::kFr), c.fr);
      EXPECT_EQ(describe(e, Lang::kEn), c.en);
      EXPECT_EQ(std::string(e.what()), c.fr);
    }
  }
}

TEST_F(QueryParserTest, RefusesTooLongAndTooDeepQueries) {
  EXPECT_THROW(compiled(std::string(kMaxQueryBytes + 1, 'a')), QueryError);
  EXPECT_NO_THROW(compiled(std::string(kMaxQueryDepth, '(') + "traite"));
  EXPECT_THROW(compiled(std::string(kMaxQueryDepth + 1, '(') + "traite"), QueryError);
}

}  // namespace
}  // namespace fouille::searcher
