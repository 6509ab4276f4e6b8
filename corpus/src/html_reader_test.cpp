#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "fouille/base/error.h"
#include "fouille/corpus/document_json.h"
#include "fouille/corpus/reader.h"

#include "html_fields.h"
#include "readers.h"

namespace fouille::corpus::detail {
namespace {

class Collect : public ReadSink {
 public:
  void document(Document doc) override { docs.push_back(std::move(doc)); }
  void warning(Message message) override { warnings.push_back(render(message, Lang::kEn)); }
  std::vector<Document> docs;
  std::vector<std::string> warnings;
};

// Reads `html` as the HTML reader reads a file holding it.
Document read_html(const std::string& html) {
  std::istringstream in(html);
  Collect sink;
  html_reader().read(in, html.size(), "page.html", ReadOptions{}, sink);
  EXPECT_EQ(sink.docs.size(), 1u);
  return sink.docs.empty() ? Document{} : sink.docs.front();
}

TEST(HtmlReader, LooksLikeHtml) {
  struct Case {
    std::string head;
    bool expected;
  } cases[] = {
      {"<!DOCTYPE html><html>", true},
      {"\xEF\xBB\xBF  \n<html lang=\"fr\">", true},
      {"<?xml version=\"1.0\"?>\n<!-- saved -->\n<!doctype HTML>", true},
      {"<HEAD><title>x</title>", true},
      {"<body>", true},
      {"<header>", false},
      {"<htmlx>", false},
      {"<!-- never closed <html>", false},
      {"Titre du projet\n<html>", false},
      {"{\"id\": 1}", false},
      {"", false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.head);
    EXPECT_EQ(looks_like_html(c.head), c.expected);
  }
}

TEST(HtmlReader, ReaderBySniffing) {
  struct Case {
    std::string path, head, expected;
  } cases[] = {
      {"page.txt", "<!DOCTYPE html><html>", "html"},
      {"page", "<html><body>", "html"},
      {"page.htm", "Titre", "html"},
      {"notes.txt", "Titre : <b>gras</b>", "text"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.path);
    EXPECT_EQ(reader_name(c.path, c.head), c.expected);
  }
}

TEST(HtmlReader, Text) {
  struct Case {
    std::string html, title, body;
  } cases[] = {
      // Entities decoded, inline markup joined, a blank line between paragraphs.
      {"<h1>Puits &amp; pompes</h1><p>L&rsquo;eau du <b>village</b> est potable depuis l&#39;été dernier, enfin.</p>"
       "<p>Deuxième paragraphe du texte, assez long pour compter comme un vrai paragraphe.</p>",
       "Puits & pompes",
       "L’eau du village est potable depuis l'été dernier, enfin.\n\nDeuxième paragraphe du texte, assez long pour "
       "compter comme un vrai paragraphe."},
      // A stray NUL byte is dropped; the page is read.
      {std::string("<h1>Titre du projet</h1><p>Un texte") + '\0' + " avec un octet nul, qui reste lisible.</p>",
       "Titre du projet", "Un texte avec un octet nul, qui reste lisible."},
      // List items one a line; headings on their own line.
      {"<h1>Titre</h1><div><h2>Objectifs du projet</h2><ul><li>Former les enseignants des écoles</li>"
       "<li>Équiper les salles de classe</li></ul></div>",
       "Titre", "Objectifs du projet\n\nFormer les enseignants des écoles\nÉquiper les salles de classe"},
      // Scripts and styles end at their first closing tag, whatever they hold.
      {"<h1>Titre</h1><SCRIPT type=\"text/javascript\">var s = \"<p>Faux paragraphe écrit par le script.</p>\";"
       "</SCRIPT ><style>p::before { content: \"<b>\"; }</style><p>Le seul paragraphe de la page, en clair.</p>",
       "Titre", "Le seul paragraphe de la page, en clair."},
      // JSON-LD gives the headline when there is no h1; an escaped tag is text.
      {"<script type=\"application/ld+json\">{\"@type\": \"Article\", \"headline\": \"Le titre JSON-LD\"}</script>"
       "<p>Un paragraphe qui parle des balises &lt;scripts&gt; sans en contenir aucune.</p>",
       "Le titre JSON-LD", "Un paragraphe qui parle des balises <scripts> sans en contenir aucune."},
      // A heading over fields alone goes with them; the fields are not narrative.
      {"<h1>Titre</h1><h2>Informations clés</h2><dl><dt>Pays</dt><dd>Togo</dd><dt>Statut</dt><dd>Actif</dd></dl>"
       "<h2>Contexte</h2><p>Un paragraphe qui raconte le contexte du projet, en quelques mots.</p>",
       "Titre", "Contexte\n\nUn paragraphe qui raconte le contexte du projet, en quelques mots."},
      // No h1: og:title, not <title> with the site's name.
      {"<head><title>Projet | Site</title><meta property=\"og:title\" content=\"Le vrai titre\"></head>"
       "<p>Un paragraphe de texte qui raconte le projet en quelques mots.</p>",
       "Le vrai titre", "Un paragraphe de texte qui raconte le projet en quelques mots."},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.html);
    const Document doc = read_html(c.html);
    EXPECT_EQ(doc.title, c.title);
    EXPECT_EQ(doc.body, c.body);
    EXPECT_EQ(doc.layout, "html");
  }
}

TEST(HtmlReader, Fields) {
  const std::string text =
      "<p>Le projet forme des enseignants dans les écoles rurales, avec des sessions régulières et un suivi.</p>"
      "<p>Il équipe aussi les classes de manuels, de tableaux et de lampes solaires pour les cours du soir.</p>";
  struct Case {
    std::string name, html;
    nlohmann::json fields;
    std::string body_lacks;
  } cases[] = {
      {"linked values in the text, left out of the narrative",
       "<article><h1>Écoles du Plateau</h1>" + text +
           "<dl><dt>Pays</dt><dd><a href=/p/tg>Togo</a></dd><dt>Statut</dt><dd><a href=/s/1>En cours</a></dd></dl>"
           "</article>",
       {{"countries", {"TG"}}, {"status", "Actif"}},
       "Togo"},
      {"a record in a side box",
       "<main><h1>Écoles du Plateau</h1>" + text +
           "</main><aside class=sidebar><table>"
           "<tr><th>Pays bénéficiaire</th><td>Bénin</td></tr><tr><th>Date de "
           "fin</th><td>2026</td></tr></table></aside>",
       {{"countries", {"BJ"}}, {"end_year", 2026}},
       "Bénin"},
      {"label and value in a paragraph",
       "<div class=contenu><h1>Écoles du Plateau</h1><p><strong>Budget :</strong> 120 000 USD</p>" + text + "</div>",
       {{"budget_usd", 120000.0}},
       "Budget"},
      {"microdata",
       "<main itemscope><h1>Écoles du Plateau</h1>" + text +
           "<p>Du <time itemprop=startDate>2021</time> au "
           "<meta itemprop=endDate content=2023>printemps 2023.</p></main>",
       {{"start_year", 2021}, {"end_year", 2023}},
       "Date de"},
      {"no pairs from menus or footers",
       "<nav><ul><li>Pays : France</li></ul></nav><main><h1>Écoles du Plateau</h1>" + text +
           "</main><footer>Statut : Achevé</footer>",
       {{"title", "Écoles du Plateau"}},
       "France"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const Document doc = read_html(c.html);
    const nlohmann::json got = to_json(doc);
    for (const auto& [key, value] : c.fields.items()) EXPECT_EQ(got.value(key, nlohmann::json()), value) << key;
    EXPECT_EQ(doc.body.find(c.body_lacks), std::string::npos);
    EXPECT_NE(doc.body.find("lampes solaires"), std::string::npos);
  }
  const Document menus = read_html(cases[4].html);
  EXPECT_TRUE(menus.countries.empty());
  EXPECT_TRUE(menus.status.empty());
}

TEST(HtmlReader, TextBounded) {
  std::string html = "<h1>Titre</h1>";
  for (int i = 0; i < 50; ++i) html += "<p>Une phrase du récit, répétée pour faire une page longue, très longue.</p>";
  struct Case {
    std::size_t max;
    bool warned;
  } cases[] = {{100, true}, {1 << 20, false}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.max);
    std::istringstream in(html);
    Collect sink;
    ReadOptions options;
    options.max_text_bytes = c.max;
    html_reader().read(in, html.size(), "page.html", options, sink);
    ASSERT_EQ(sink.docs.size(), 1u);
    EXPECT_LE(sink.docs[0].body.size(), c.max);
    EXPECT_EQ(!sink.warnings.empty(), c.warned);
  }
}

TEST(HtmlReader, StripSiteName) {
  struct Case {
    std::string title, expected;
  } cases[] = {
      {"Eau potable à Kaolack | Fondation Horizons", "Eau potable à Kaolack"},
      {"Fondation Horizons - Eau potable dans les quartiers de Kaolack", "Eau potable dans les quartiers de Kaolack"},
      {"Projets :: Puits pastoraux du Ferlo – Réseau Sahel", "Puits pastoraux du Ferlo"},
      {"Coopérative laitière de Cajamarca", "Coopérative laitière de Cajamarca"},
      {"Saint-Louis-du-Sénégal", "Saint-Louis-du-Sénégal"},
      {"", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.title);
    EXPECT_EQ(strip_site_name(c.title), c.expected);
  }
}

TEST(HtmlReader, RefusesPagesWithoutText) {
  for (std::string html :
       {std::string("   \n"), std::string("<html><head><script>var a = 1;</script></head></html>")}) {
    SCOPED_TRACE(html);
    std::istringstream in(html);
    Collect sink;
    EXPECT_THROW(html_reader().read(in, html.size(), "page.html", ReadOptions{}, sink), CorpusError);
  }
}

// The saved pages of tests/corpus/html against expected.jsonl: title, fields,
// fields a page must not get (a menu entry read as a value), what the
// narrative holds and what it must not (menus, scripts, markup).
TEST(HtmlReader, SavedPages) {
  const std::filesystem::path dir = FOUILLE_HTML_CORPUS;
  std::ifstream expected(dir / "expected.jsonl");
  ASSERT_TRUE(expected) << dir;
  std::size_t pages = 0;
  for (std::string line; std::getline(expected, line);) {
    if (line.empty()) continue;
    const nlohmann::json want = nlohmann::json::parse(line);
    const std::string file = want.at("file");
    SCOPED_TRACE(file);
    ++pages;
    const FileResult result = read_file(dir / file, ReadOptions{});
    ASSERT_EQ(result.documents.size(), 1u);
    const Document& doc = result.documents.front();
    EXPECT_EQ(doc.format, "html");
    if (want.contains("encoding")) {
      EXPECT_EQ(result.encoding, want["encoding"]);
    }
    EXPECT_EQ(doc.title, want.at("title"));
    const nlohmann::json got = to_json(doc);
    for (const auto& [key, value] : want.at("fields").items()) {
      SCOPED_TRACE(key);
      ASSERT_TRUE(got.contains(key));
      EXPECT_EQ(got[key], value);
    }
    for (const std::string absent : want.value("fields_absent", nlohmann::json::array())) {
      EXPECT_FALSE(got.contains(absent)) << absent << ": " << got[absent];
    }
    for (const std::string has : want.at("body_has")) EXPECT_NE(doc.body.find(has), std::string::npos) << has;
    for (const std::string lacks : want.at("body_lacks")) EXPECT_EQ(doc.body.find(lacks), std::string::npos) << lacks;
    for (const std::string& text : {doc.title, doc.body}) {
      for (const char* markup : {"<", ">", "{", "function", "display:", "&amp;", "&nbsp;"}) {
        EXPECT_EQ(text.find(markup), std::string::npos) << markup;
      }
    }
  }
  EXPECT_GE(pages, 7u);
}

}  // namespace
}  // namespace fouille::corpus::detail
