#include "html_extract.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "html_hints.h"
#include "html_text.h"

namespace fouille::corpus::detail {
namespace {

std::string content_text(const std::string& html) {
  const HtmlPage page = parse_page(html);
  const HtmlContent c = find_content(page);
  std::string out;
  for (auto part : c.parts) {
    for (const auto& b : render(page, part, c.skip)) (out += b.text) += '\n';
  }
  return out;
}

// Two paragraphs of narrative, long enough to vote.
const std::string kText =
    "<p>Le projet équipe les centres de santé ruraux de panneaux solaires, de réfrigérateurs pour les vaccins et "
    "d’éclairage pour les accouchements de nuit.</p>"
    "<p>Les agents de santé sont formés à l’entretien des installations, et un fonds villageois couvre le "
    "remplacement des batteries au bout de cinq ans.</p>";

TEST(HtmlExtract, Content) {
  struct Case {
    std::string name, html;
    std::vector<std::string> has, lacks;
  } cases[] = {
      {"furniture by tag",
       "<body><nav><a href=/>Accueil</a> <a href=/p>Nos projets</a></nav><main>" + kText +
           "</main><aside><p>Une colonne de côté avec un paragraphe assez long pour voter, mais hors du texte.</p>"
           "</aside><footer><p>Mentions légales du site, écrites en une phrase assez longue pour compter.</p>"
           "</footer></body>",
       {"panneaux solaires", "batteries"},
       {"Accueil", "colonne de côté", "Mentions légales"}},
      {"furniture by French class names",
       "<div class=menu-principal><a href=/>Accueil</a></div><div class=fil-d-ariane>Accueil › Projets</div>"
       "<div class=contenu>" +
           kText +
           "<div class=partage-reseaux>Partager sur les réseaux</div></div>"
           "<div class=pied-de-page><p>Association loi 1901, siège social à Lyon, tous droits réservés depuis 2004.</p>"
           "</div>",
       {"panneaux solaires"},
       {"Accueil", "Partager", "loi 1901"}},
      {"a list of links inside the text",
       "<article>" + kText +
           "<ul><li><a href=/a>Un autre projet au Mali</a></li><li><a href=/b>Un autre projet au Niger</a></li>"
           "<li><a href=/c>Un autre projet au Tchad</a></li></ul></article>",
       {"panneaux solaires"},
       {"autre projet"}},
      {"a list of words stays",
       "<article>" + kText + "<ul><li>Douze centres équipés</li><li>Quarante agents formés</li></ul></article>",
       {"Douze centres équipés", "Quarante agents formés"},
       {}},
      {"text split around an advertisement joins",
       "<div><div class=story>" + kText +
           "</div><div class=pub-banniere><a href=/pub>Publicité</a></div>"
           "<div class=story>" +
           kText +
           "<p>Une dernière phrase qui ne se trouve que dans la seconde partie du texte.</p>"
           "</div></div>",
       {"seconde partie"},
       {"Publicité"}},
      {"a box the site names as its text",
       "<div class=teasers><p><a href=/a>Un résumé d’un autre article, avec des virgules, des virgules, encore.</a>"
       "</p><p><a href=/b>Un autre résumé, avec des virgules, des virgules, des virgules, encore.</a></p></div>"
       "<div class=article-body>" +
           kText + "</div>",
       {"panneaux solaires"},
       {"résumé"}},
      {"a wrapper named for its sidebar holding the text",
       "<div class=content-with-sidebar><div class=entry-content>" + kText + "</div></div>",
       {"panneaux solaires"},
       {}},
      {"pictures and captions",
       "<article>" + kText +
           "<figure><img src=a.jpg><figcaption>Le centre de santé de Kayes, photo de l’équipe."
           "</figcaption></figure></article>",
       {"panneaux solaires"},
       {"photo de l’équipe"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const std::string text = content_text(c.html);
    for (const auto& has : c.has) EXPECT_NE(text.find(has), std::string::npos) << has << "\n" << text;
    for (const auto& lacks : c.lacks) EXPECT_EQ(text.find(lacks), std::string::npos) << lacks << "\n" << text;
  }
}

TEST(HtmlExtract, HintWeight) {
  struct Case {
    std::string hints;
    int expected;
  } cases[] = {
      {"menu-principal", -25}, {"pied-de-page", -25},  {"fil-d-ariane", -25},
      {"bloc-partage", -25},   {"cookie-banner", -25}, {"ad", -25},
      {"ad-slot", -25},        {"sidebar", -25},       {"contenu", 25},
      {"article-body", 25},    {"entry-content", 25},  {"main-menu", -25},
      {"header", -25},         {"shadow", 0},          {"", 0},
      {"article sidebar", 0},  {"entete-site", -25},   {"bas-de-page", -25},
      {"voir-aussi", -25},     {"texte-article", 25},  {"social-media-embed", 0},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.hints);
    EXPECT_EQ(hint_weight(c.hints), c.expected);
  }
}

TEST(HtmlText, Pairs) {
  struct Case {
    std::string html;
    std::vector<std::string> lines;
  } cases[] = {
      {"<dl><dt>Pays :</dt><dd>Togo</dd><dt>Statut</dt><dd>Actif</dd></dl>", {"Pays : Togo", "Statut : Actif"}},
      {"<dl><dt>Date de fin&nbsp;:</dt><dd>2024</dd><dt>Note</dt><dt>Pays</dt><dd>Mali</dd></dl>",
       {"Date de fin : 2024", "Note", "Pays : Mali"}},
      {"<table><tr><th>Budget</th><td>250 000 €</td></tr><tr><td>Date de fin</td><td>2024</td></tr></table>",
       {"Budget : 250 000 €", "Date de fin : 2024"}},
      // A row of three cells, or a first cell too long for a label: a line per cell.
      {"<table><tr><td>Nom</td><td>Pays</td><td>Année</td></tr></table>", {"Nom", "Pays", "Année"}},
      {"<table><tr><td>Une longue phrase qui ne peut pas être un libellé de champ.</td><td>x</td></tr></table>",
       {"Une longue phrase qui ne peut pas être un libellé de champ.", "x"}},
      {"<p>Ligne un<br>Ligne deux</p>", {"Ligne un", "Ligne deux"}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.html);
    const HtmlPage page = parse_page(c.html);
    std::vector<std::string> lines;
    for (const auto& b : render(page, 0, std::vector<bool>(page.nodes.size(), false))) lines.push_back(b.text);
    EXPECT_EQ(lines, c.lines);
  }
}

}  // namespace
}  // namespace fouille::corpus::detail
