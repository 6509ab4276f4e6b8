#include <filesystem>
#include <fstream>

#include <gtest/gtest.h>

#include "fouille/base/error.h"
#include "fouille/corpus/document_json.h"
#include "fouille/corpus/reader.h"

namespace fouille::corpus {
namespace {

// What each seed document holds, field by field (absent: not stated).
struct SeedCase {
  const char* file;
  const char* layout;
  const char* title_start;
  const char* project_id;
  const char* prima_id;
  const char* status;
  const char* project_type;
  std::optional<double> budget_usd;
  const char* coverage;
  std::optional<int> start_year, end_year, funding_year;
  const char* region;
  std::vector<std::string> countries;
  const char* implementer;
  const char* client;
  const char* body_start;
};

const SeedCase kSeeds[] = {
    {"000_e52cd48991c2ab76.txt",
     "bullet",
     "Renforcement du cadre juridique régissant",
     "PX.0432",
     "TM10P0524",
     "Actif",
     "Protection et assistance aux migrants vulnérables",
     100000,
     "National",
     2023,
     2025,
     2023,
     "Asie et Océanie",
     {"TM"},
     "",
     "",
     "Au Turkménistan, la lutte contre la traite"},
    {"001_b065a9ee49ed9750.txt",
     "bare",
     "Renforcement des capacités et du dialogue",
     "CT.1172",
     "TJ10P0004",
     "Actif",
     "Lutte contre la traite",
     200000,
     "National",
     std::nullopt,
     std::nullopt,
     std::nullopt,
     "Asie et Océanie",
     {"TJ"},
     "",
     "",
     "Des travaux de recherche menés par l’OIM en 2017"},
    {"002_d2c25a830d855ffd.txt",
     "bullet",
     "Appui au renforcement des capacités nationales",
     "CT.1093",
     "AZ10P0003",
     "Achevé",
     "Lutte contre la traite",
     180000,
     "National",
     std::nullopt,
     2024,
     std::nullopt,
     "Europe",
     {"AZ"},
     "",
     "",
     "Le projet a pour principal objectif"},
    {"003_d8b98c01183e9bc2.txt",
     "bullet",
     "Mise en œuvre de l’initiative COMMIT au Cambodge",
     "PX.0347",
     "KH10P0533",
     "Actif",
     "Protection et assistance aux migrants vulnérables",
     100000,
     "National",
     2022,
     2024,
     2022,
     "Asie et Océanie",
     {"KH"},
     "",
     "",
     "Le rapport des États-Unis sur la traite"},
    {"004_70013cf7f7adbd4d.txt",
     "web",
     "Nations d’Asie du Sud-Est",
     "",
     "",
     "Actif",
     "",
     std::nullopt,
     "",
     2018,
     2023,
     std::nullopt,
     "",
     {"PH", "MY", "TH", "MM", "KH", "ID", "LA", "VN"},
     "DT Global Asie-Pacifique",
     "DFAT",
     "Lutte contre la traite ASEAN-Australie"},
};

TEST(Seeds, ParseToTheFieldsTheyHold) {
  for (const auto& c : kSeeds) {
    SCOPED_TRACE(c.file);
    FileResult r = read_file(std::string(FOUILLE_SAMPLES) + "/" + c.file, ReadOptions{});
    ASSERT_EQ(r.documents.size(), 1u);
    const Document& d = r.documents.front();
    EXPECT_EQ(d.layout, c.layout);
    EXPECT_EQ(d.title.rfind(c.title_start, 0), 0u) << d.title;
    EXPECT_EQ(d.project_id, c.project_id);
    EXPECT_EQ(d.prima_id, c.prima_id);
    EXPECT_EQ(d.status, c.status);
    EXPECT_EQ(d.project_type, c.project_type);
    EXPECT_EQ(d.budget_usd, c.budget_usd);
    EXPECT_EQ(d.coverage, c.coverage);
    EXPECT_EQ(d.start_year, c.start_year);
    EXPECT_EQ(d.end_year, c.end_year);
    EXPECT_EQ(d.funding_year, c.funding_year);
    EXPECT_EQ(d.region, c.region);
    EXPECT_EQ(d.countries, c.countries);
    EXPECT_EQ(d.implementer, c.implementer);
    EXPECT_EQ(d.client, c.client);
    EXPECT_EQ(d.body.rfind(c.body_start, 0), 0u) << d.body.substr(0, 80);
    EXPECT_EQ(d.continent, std::vector<std::string>{"Asie"});
    EXPECT_EQ(d.id, *c.project_id ? c.project_id : d.id);
  }
}

TEST(Seeds, WebPageLosesItsChrome) {
  FileResult r = read_file(std::string(FOUILLE_SAMPLES) + "/004_70013cf7f7adbd4d.txt", ReadOptions{});
  const Document& d = r.documents.front();
  for (const char* chrome : {"Contactez-nous", "Menu", "Partager", "Voir les projets connexes", "Rejoignez",
                             "Travaillez avec nous", "Domaines techniques", "Emplacement", "Statut"}) {
    EXPECT_EQ(d.body.find(chrome), std::string::npos) << chrome;
  }
  EXPECT_NE(d.body.find("Partenariats"), std::string::npos);  // section titles stay narrative
  EXPECT_EQ(d.body.find("Malaisie"), std::string::npos);      // the country list is a field
}

Document parse(const std::string& text) { return parse_text(text, "/test/doc.txt"); }

TEST(Variants, ReorderedFieldsAndEnglishLabels) {
  Document d = parse(
      "Border management in Central Asia\n\n"
      "  • Project ID\n    CT.2001\n"
      "  • Eligible Member State(s)\n    Tajikistan, Kyrgyzstan\n"
      "  • Project Status\n    Completed\n"
      "  • Year\n    2021\n"
      "  • Project Type\n    Immigration and Border Management\n"
      "  • Coverage\n    Regional\n"
      "  • IDF Region\n    Asia\n"
      "Le projet renforce la gestion des frontières.\n");
  EXPECT_EQ(d.title, "Border management in Central Asia");
  EXPECT_EQ(d.project_id, "CT.2001");
  EXPECT_EQ(d.countries, (std::vector<std::string>{"TJ", "KG"}));
  EXPECT_EQ(d.status, "Achevé");
  EXPECT_EQ(d.funding_year, 2021);
  EXPECT_FALSE(d.start_year.has_value());  // the year of funding is no start year
  EXPECT_EQ(d.project_type, "Gestion de l'immigration et des frontières");
  EXPECT_EQ(d.coverage, "Régional");
  EXPECT_EQ(d.region, "Asie et Océanie");
  EXPECT_EQ(d.body, "Le projet renforce la gestion des frontières.");
}

TEST(Variants, LabelAndValueOnOneLineWithOrWithoutColon) {
  Document d = parse(
      "Un projet pour les migrants au Maroc\n"
      "Statut : En cours\n"
      "Budget: 2 750 000 €\n"
      "Date de début 2019\n"
      "Date de fin: 2022\n"
      "Pays : Maroc\n"
      "Client: Union européenne\n\n"
      "Le texte du projet commence ici et continue longuement.\n");
  EXPECT_EQ(d.status, "Actif");
  EXPECT_EQ(d.budget, 2750000);
  EXPECT_EQ(d.currency, "EUR");
  EXPECT_FALSE(d.budget_usd.has_value());
  EXPECT_EQ(d.start_year, 2019);
  EXPECT_EQ(d.end_year, 2022);
  EXPECT_EQ(d.countries, std::vector<std::string>{"MA"});
  EXPECT_EQ(d.client, "Union européenne");
  EXPECT_EQ(d.body, "Le texte du projet commence ici et continue longuement.");
}

TEST(Variants, DashMarkersLabelsWithoutValueAndSpaceSeparatedCountries) {
  Document d = parse(
      "Accueil\n-\nNos projets\n-\nÀ propos\n\n"
      "Appui aux victimes de la traite en Afrique australe\n\n"
      "-\nStatut\nActif\n-\nType de projet\n-\nCouverture\nRégional\n"
      "Emplacement\nAfrique du Sud République de Moldova Burkina Faso\n\n"
      "Le projet aide les victimes.\n");
  EXPECT_EQ(d.title, "Appui aux victimes de la traite en Afrique australe");
  EXPECT_EQ(d.status, "Actif");
  EXPECT_EQ(d.project_type, "");  // a label with no value
  EXPECT_EQ(d.coverage, "Régional");
  EXPECT_EQ(d.countries, (std::vector<std::string>{"ZA", "MD", "BF"}));
  EXPECT_EQ(d.body, "Le projet aide les victimes.");
  EXPECT_EQ(d.body.find("Accueil"), std::string::npos);
}

TEST(Variants, CountriesInTheNarrativeAreNotBeneficiaries) {
  Document d = parse("Un projet régional d'échanges\n\nLe Tadjikistan et le Maroc échangent leurs pratiques.\nMaroc\n");
  EXPECT_TRUE(d.countries.empty());
  EXPECT_EQ(d.layout, "prose");
}

TEST(Variants, ProseOnlyAndMissingTitle) {
  Document prose = parse("Une page sans étiquettes\n\nDu texte, encore du texte.\n");
  EXPECT_EQ(prose.title, "Une page sans étiquettes");
  EXPECT_EQ(prose.body, "Du texte, encore du texte.");
  EXPECT_TRUE(prose.status.empty());

  Document untitled = parse("  • Statut du projet\n    Actif\n  • Projet ID\n    PX.0001\nLe texte.\n");
  EXPECT_EQ(untitled.title, "");
  EXPECT_EQ(untitled.status, "Actif");
  EXPECT_EQ(untitled.id, "PX.0001");
  EXPECT_EQ(untitled.body, "Le texte.");
}

TEST(Variants, ChromeOnlyPageHasNoText) {
  Document d = parse("Menu\nAccueil\nContactez-nous\nPartager\n");
  EXPECT_EQ(d.title, "");
  EXPECT_EQ(d.body, "");
}

// Site navigation told by its shape, in pages whose menu the phrase table
// does not know: each row is a page, its title, what the narrative keeps and
// what it must not hold.
struct PageCase {
  const char* name;
  std::string text;
  const char* title;
  const char* kept;                  // in the narrative
  std::vector<const char*> dropped;  // nowhere in the narrative
};

const char kParagraph[] =
    "Le projet forme les agents des postes frontaliers et les travailleurs sociaux des deux pays à "
    "repérer les victimes et à les orienter vers les services adaptés.";

TEST(WebPages, MenusHeadingsAndFootersByShape) {
  const std::string p = kParagraph;
  const PageCase cases[] = {
      {"doubled entries, a copy glued to the next sentence, - items, a lone -",
       "Le Fonds\nLe FondsDepuis vingt ans, le Fonds soutient les États.\n- Notre histoire\n- Gouvernance\n-\n"
       "Agir\nAgir\nSoutenir le Fonds\nSoutenir le Fonds\n"
       "Des agents mieux formés aux frontières du Bénin\n\nStatut : Actif\n\n" +
           p + "\n",
       "Des agents mieux formés aux frontières du Bénin",
       "repérer les victimes",
       {"Le Fonds", "Depuis vingt ans", "Notre histoire", "Agir", "Soutenir"}},
      {"a short sub-heading between the title and the fields",
       "Nos actions\nNos projets\nPresse\nUn réseau fluvial contre la traite des enfants\nEn bref\n"
       "Statut : Terminée\nPays : la République centrafricaine et la République démocratique du Congo\n" +
           p + "\n",
       "Un réseau fluvial contre la traite des enfants",
       "repérer les victimes",
       {"Nos actions", "Presse"}},
      {"a label as a menu entry, written twice",
       "Home\nCountries\nCountries\n- Asia\n- Africa\nTopics\nSafe Labour Migration from South Asia\n"
       "Status: Completed\nCountries: Bangladesh, Nepal\n" +
           p + "\n",
       "Safe Labour Migration from South Asia",
       "repérer les victimes",
       {"Asia\n", "Topics"}},
      {"countries in the menu are no beneficiaries",
       "Accueil\nOù nous intervenons\n- Djibouti\n- Éthiopie\n- Somalie\nNos projets\n"
       "Une route migratoire plus sûre entre Djibouti et le Yémen\n  • Pays bénéficiaires\n    Djibouti et le Yémen\n"
       "\n" +
           p + "\n",
       "Une route migratoire plus sûre entre Djibouti et le Yémen",
       "repérer les victimes",
       {"Somalie"}},
      {"prose with a byline and a footer the phrase table lacks",
       "Kindia : accompagner les jeunes après leur retour\nPublié le 14 mars 2024\n" + p + "\n" + p +
           "\nRestons en contact\nVotre e-mail\nJe m'inscris\nMentions légales · Cookies\n",
       "Kindia : accompagner les jeunes après leur retour",
       "Publié le 14 mars 2024",
       {"Restons en contact", "Votre e-mail", "Mentions légales"}},
      {"a long title right before the fields, after a menu",
       "Accueil\nLe réseau\nLe réseau\nThèmes\nPréparer la réinstallation des villages côtiers menacés par la montée "
       "des eaux à Fidji, au Vanuatu et aux Îles Salomon\nStatut\nActif\n" +
           p + "\n",
       "Préparer la réinstallation des villages côtiers menacés par la montée des eaux à Fidji, au Vanuatu et aux "
       "Îles Salomon",
       "repérer les victimes",
       {"Le réseau", "Thèmes"}},
      {"a short heading right after the menu, before the fields",
       "Home\nAbout us\nProjects\nNews\nBorder Data Togo\nStatus: Active\n" + p + "\n",
       "Border Data Togo",
       "repérer les victimes",
       {"About us", "News"}},
      {"a short heading right after the menu, before the first paragraph",
       "Home\nAbout us\nProjects\nNews\nBorder Data Togo\n\n" + p + "\n",
       "Border Data Togo",
       "repérer les victimes",
       {"About us", "News"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    Document d = parse(c.text);
    EXPECT_EQ(d.title, c.title);
    EXPECT_NE(d.body.find(c.kept), std::string::npos) << d.body;
    for (const char* menu : c.dropped) EXPECT_EQ(d.body.find(menu), std::string::npos) << menu << " in " << d.body;
  }
}

TEST(WebPages, FieldsOfTheseShapes) {
  Document rivers = parse(
      "Un réseau fluvial contre la traite\nEn bref\nStatut : Terminée\n"
      "Pays : la République centrafricaine et la République démocratique du Congo\n" +
      std::string(kParagraph) + "\n");
  EXPECT_EQ(rivers.countries, (std::vector<std::string>{"CF", "CD"}));
  Document provinces = parse(
      "Cross-Border Health Surveillance in Guatemala and Honduras\nProject Status Active\n"
      "Beneficiary Countries Guatemala and Honduras\nGuatemala: Huehuetenango, San Marcos\n"
      "Honduras: Copán, Ocotepeque\nStatus of the project: Active\n" +
      std::string(kParagraph) + "\n");
  EXPECT_EQ(provinces.countries, (std::vector<std::string>{"GT", "HN"}));
  EXPECT_EQ(provinces.status, "Actif");
  EXPECT_EQ(provinces.body.find("Huehuetenango"), std::string::npos);
  Document menu_countries = parse(
      "Accueil\nOù nous intervenons\n- Djibouti\n- Éthiopie\n- Somalie\nNos projets\n"
      "Une route plus sûre\n  • Pays bénéficiaires\n    Djibouti et le Yémen\n");
  EXPECT_EQ(menu_countries.countries, (std::vector<std::string>{"DJ", "YE"}));
}

TEST(ReadFile, SkipsEmptyBinaryAndOversizedFilesWithTheirName) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "fouille-read-test";
  fs::create_directories(dir);
  auto write = [&](const char* name, const std::string& bytes) {
    std::ofstream(dir / name, std::ios::binary) << bytes;
    return dir / name;
  };
  auto message = [&](const fs::path& p, ReadOptions o = {}) {
    try {
      read_file(p, o);
    } catch (const CorpusError& e) {
      return describe(e, Lang::kEn);
    }
    return std::string("no error");
  };
  EXPECT_NE(message(write("empty.txt", "")).find("empty.txt: skipped: empty file"), std::string::npos);
  EXPECT_NE(message(write("image.png", std::string("\x89PNG\r\n\x1a\n\0\0", 10))).find("image.png: skipped: binary"),
            std::string::npos);
  ReadOptions small;
  small.max_bytes = 10;
  EXPECT_NE(message(write("big.txt", std::string(100, 'a')), small).find("over the limit"), std::string::npos);
  EXPECT_NE(message(dir / "missing.txt").find("missing.txt"), std::string::npos);

  // Windows-1252 with CRLF and a BOM-less legacy encoding.
  FileResult r = read_file(write("legacy.txt",
                                 "Projet pour l\x92"
                                 "\xE9galit\xE9 des femmes\r\n\r\nStatut\r\nAchev\xE9\r\n\r\nLe texte.\r\n"),
                           {});
  EXPECT_EQ(r.documents.front().title, "Projet pour l’égalité des femmes");
  EXPECT_EQ(r.documents.front().status, "Achevé");
  fs::remove_all(dir);
}

TEST(JsonLines, ReadsCanonicalKeysAndReportsBadLines) {
  FileResult r = parse_jsonl(
      R"({"id":"A1","title":"Titre","status":"Completed","countries":["Tajikistan","KG"],"budget_usd":150000,"start_year":2020})"
      "\nnot json\n"
      R"({"id":"A2","title":7})"
      "\n\n"
      R"({"title":"Sans id","budget":"2 750 000 €"})"
      "\n",
      "/x/records.jsonl");
  ASSERT_EQ(r.documents.size(), 3u);
  const Document& a = r.documents[0];
  EXPECT_EQ(a.source, "/x/records.jsonl#A1");
  EXPECT_EQ(a.status, "Achevé");
  EXPECT_EQ(a.countries, (std::vector<std::string>{"TJ", "KG"}));
  EXPECT_EQ(a.budget_usd, 150000);
  EXPECT_EQ(a.start_year, 2020);
  EXPECT_EQ(r.documents[1].title, "7");
  EXPECT_EQ(r.documents[2].currency, "EUR");
  EXPECT_EQ(r.documents[2].source, "/x/records.jsonl#line-5");
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(render(r.warnings[0], Lang::kEn).find("records.jsonl:2: bad JSON"), std::string::npos);
}

TEST(JsonLines, RoundTripsThroughToJson) {
  FileResult r = read_file(std::string(FOUILLE_SAMPLES) + "/000_e52cd48991c2ab76.txt", {});
  const Document& d = r.documents.front();
  Document back = from_json(to_json(d), "/x");
  EXPECT_EQ(back.title, d.title);
  EXPECT_EQ(back.countries, d.countries);
  EXPECT_EQ(back.budget_usd, d.budget_usd);
  EXPECT_EQ(back.start_year, d.start_year);
  EXPECT_EQ(back.status, d.status);
}

}  // namespace
}  // namespace fouille::corpus
