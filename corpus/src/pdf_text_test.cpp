// The PDF text steps on hand-made pages: glyphs, page numbers, running
// lines, layout into lines, paragraphs and hyphens.
#include "pdf_text.h"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace fouille::corpus::detail {
namespace {

// --- Hand-made geometry: 10 pt text, 5 pt a character, 3 pt a space. ---

constexpr double kChar = 5, kSpace = 3, kSize = 10, kHeight = 12;

// The words of `text` set from x, on the line whose top is y.
std::vector<PdfWord> words_at(const std::string& text, double x, double y, double size = kSize) {
  std::vector<PdfWord> words;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t j = std::min(text.find(' ', i), text.size());
    if (j > i) {
      const std::string w = text.substr(i, j - i);
      words.push_back({w, x, y, x + kChar * static_cast<double>(w.size()), y + kHeight * size / kSize, size, true});
      x += kChar * static_cast<double>(w.size()) + kSpace;
    }
    i = j + 1;
  }
  return words;
}

// A line of a 400 pt wide column starting at x = 50.
PdfLine line_at(const std::string& text, double y, double size = kSize, double x0 = 50) {
  PdfLine l;
  l.text = text;
  l.x0 = x0;
  l.y0 = y;
  l.y1 = y + kHeight * size / kSize;
  l.x1 = x0 + kChar * static_cast<double>(text.size());
  l.font_size = size;
  l.first_word_width = kChar * static_cast<double>(text.substr(0, text.find(' ')).size());
  l.column_x1 = 450;
  return l;
}

// A line that fills the column (its text is short, its box is not).
PdfLine full_line(const std::string& text, double y) {
  PdfLine l = line_at(text, y);
  l.x1 = 449;
  return l;
}

TEST(PdfText, NormalizeGlyphs) {
  struct Case {
    std::string in, out;
  };
  const std::vector<Case> cases = {
      {"\xEF\xAC\x81nancement", "financement"},  // ﬁ
      {"e\xEF\xAC\x80"
       "ectif",
       "effectif"},                                 // ﬀ
      {"a\xEF\xAC\x83rmer", "affirmer"},            // ﬃ
      {"Statut\xC2\xA0: Actif", "Statut : Actif"},  // NBSP
      {"450\xE2\x80\xAF"
       "000",
       "450 000"},                       // narrow NBSP
      {"mi\xC2\xADgrants", "migrants"},  // soft hyphen inside a word
      {"mi\xC2\xAD", "mi\xC2\xAD"},      // at the end: a hyphenation point
      {"Sud\xE2\x80\x91"
       "Est",
       "Sud-Est"},  // non-breaking hyphen
      {"trans\xE2\x80\x8B"
       "frontalier",
       "transfrontalier"},  // zero-width space
      {"a\x07"
       "b",
       "a b"},
      {"\x01", " "},  // never a kHyphenBreak from the PDF
      {"œuvre, été, Équateur", "œuvre, été, Équateur"},
      {"\xC3", "\xC3"},  // a stray byte stays itself
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(normalize_glyphs(c.in), c.out);
  }
}

TEST(PdfText, IsPageNumber) {
  struct Case {
    std::string line;
    int page;
    bool number;
  };
  const std::vector<Case> cases = {
      {"3", 3, true},
      {"3", 4, false},
      {"- 3 -", 3, true},
      {"\xE2\x80\x94 3 \xE2\x80\x94", 3, true},
      {"Page 3", 7, true},
      {"page 3 / 7", 3, true},
      {"Page 3 sur 7", 3, true},
      {"3/7", 3, true},
      {"8 / 7", 8, false},
      {"p. 12", 12, true},
      {"2024", 1, false},
      {"Page", 1, false},
      {"Page 3 de 7", 3, true},
      {"3 000", 3, false},
      {"Chapitre 3", 3, false},
      {"", 1, false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.line);
    EXPECT_EQ(is_page_number(c.line, c.page), c.number);
  }
}

TEST(PdfText, DropRunningLines) {
  using Pages = std::vector<std::vector<std::string>>;
  struct Case {
    const char* name;
    Pages in, out;
  };
  const std::vector<Case> cases = {
      {"header and page footer on every page",
       {{"Rapport 2024", "Titre", "Texte un", "Page 1 / 3"},
        {"Rapport 2024", "Texte deux", "Texte trois", "Page 2 / 3"},
        {"Rapport 2024", "Texte quatre", "Page 3 / 3"}},
       {{"Titre", "Texte un"}, {"Texte deux", "Texte trois"}, {"Texte quatre"}}},
      {"a title page without the header",
       {{"Titre", "Texte un", "Texte deux", "Texte trois"},
        {"Fiche CT.1731", "Texte quatre", "Texte cinq", "Texte six"},
        {"Fiche CT.1731", "Texte sept", "Texte huit", "Texte neuf"}},
       {{"Titre", "Texte un", "Texte deux", "Texte trois"},
        {"Texte quatre", "Texte cinq", "Texte six"},
        {"Texte sept", "Texte huit", "Texte neuf"}}},
      {"a bare page number on one page", {{"Titre", "Texte", "1"}}, {{"Titre", "Texte"}}},
      {"a year at the foot of one page stays", {{"Titre", "Date de fin", "2024"}}, {{"Titre", "Date de fin", "2024"}}},
      {"a line on one page of two stays",
       {{"Statut : Actif", "Texte un"}, {"Autre chose", "Texte deux"}},
       {{"Statut : Actif", "Texte un"}, {"Autre chose", "Texte deux"}}},
      {"a repeated line in the middle of pages stays",
       {{"a", "b", "c", "Voir l'annexe", "d", "e", "f"}, {"g", "h", "i", "Voir l'annexe", "j", "k", "l"}},
       {{"a", "b", "c", "Voir l'annexe", "d", "e", "f"}, {"g", "h", "i", "Voir l'annexe", "j", "k", "l"}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<PdfPage> pages;
    for (const auto& texts : c.in) {
      PdfPage p;
      double y = 50;
      for (const auto& t : texts) p.lines.push_back(line_at(t, y += 14));
      pages.push_back(p);
    }
    drop_running_lines(pages);
    Pages got;
    for (const auto& p : pages) {
      got.emplace_back();
      for (const auto& l : p.lines) got.back().push_back(l.text);
    }
    EXPECT_EQ(got, c.out);
  }
}

TEST(PdfText, ResolveHyphens) {
  struct Case {
    std::string in, out;
  };
  const std::string B(1, kHyphenBreak);
  const std::vector<Case> cases = {
      {"les mi-" + B + "grants arrivent", "les migrants arrivent"},
      {"les réseaux cri-" + B + "minels", "les réseaux criminels"},
      {"en Asie du Sud-" + B + "Est", "en Asie du Sud-Est"},
      {"vers l'"
       "Afrique du Nord-" +
           B + "Ouest",
       "vers l'Afrique du Nord-Ouest"},
      {"le plan 2014-" + B + "2018", "le plan 2014-2018"},
      {"l'évaluation à mi-" + B + "parcours ; le parcours", "l'évaluation à mi-parcours ; le parcours"},
      {"celle-" + B + "ci", "celle-ci"},
      {"peut-" + B + "être", "peut-être"},
      {"le contrô-" + B + "le des frontières", "le contrôle des frontières"},
      {"socio-" + B + "économique, socio-économique", "socio-économique, socio-économique"},
      {"socio-" + B + "économique, socioéconomique", "socioéconomique, socioéconomique"},
      {"les res-" + B + "sources et les sources", "les ressources et les sources"},
      {"une sous-" + B + "région de la région", "une sous-région de la région"},
      {"une sous-" + B + "traitance", "une soustraitance"},  // no evidence: the typesetter's hyphen
      {"sans marque", "sans marque"},
      {B + "marque en tête", "marque en tête"},  // stray marks are dropped
      {"sans" + B + "tiret", "sanstiret"},
      {"-" + B + "a", "-a"},
      {"la Guinée-" + B + "Bissau et la Guinée", "la Guinée-Bissau et la Guinée"},
      {"l'État-" + B + "Éducation", "l'État-Éducation"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.in);
    EXPECT_EQ(resolve_hyphens(c.in), c.out);
  }
}

TEST(PdfText, PagesToText) {
  struct Case {
    const char* name;
    std::vector<PdfPage> pages;
    std::string text;
  };
  PdfLine cell_a = line_at("Statut", 100), cell_b = line_at("Actif", 100, kSize, 200);
  cell_a.cell = cell_b.cell = true;
  PdfLine cell_c = line_at("Projet ID", 114), cell_d = line_at("CT.1731", 114, kSize, 200);
  cell_c.cell = cell_d.cell = true;
  const std::vector<Case> cases = {
      {"a paragraph's lines joined",
       {{{full_line("Le projet aide les", 100), line_at("services.", 114)}, 842}},
       "Le projet aide les services.\n"},
      {"a line ending short keeps its end",
       {{{line_at("Statut : Actif", 100), line_at("Type : Retour", 114)}, 842}},
       "Statut : Actif\nType : Retour\n"},
      {"a wider gap: a paragraph",
       {{{full_line("Un.", 100), line_at("Deux.", 114), full_line("Trois", 140), line_at("quatre.", 154)}, 842}},
       "Un. Deux.\n\nTrois quatre.\n"},
      {"another font size: a paragraph",
       {{{line_at("Contexte", 100, 14), full_line("Le texte", 118)}, 842}},
       "Contexte\n\nLe texte\n"},
      {"a word hyphenated at the line end",
       {{{full_line("les mi-", 100), line_at("grants arrivent.", 114)}, 842}},
       "les migrants arrivent.\n"},
      {"a soft hyphen at the line end",
       {{{full_line("les mi\xC2\xAD", 100), line_at("grants.", 114)}, 842}},
       "les migrants.\n"},
      {"a real hyphen at the line end",
       {{{full_line("en Asie du Sud-", 100), line_at("Est.", 114)}, 842}},
       "en Asie du Sud-Est.\n"},
      {"a paragraph going on over the page break",
       {{{full_line("les recruteurs qui pro-", 700)}, 842}, {{line_at("mettent un travail.", 60)}, 842}},
       "les recruteurs qui promettent un travail.\n"},
      {"a short line ending a page ends the paragraph",
       {{{line_at("Fin.", 700)}, 842}, {{line_at("Suite.", 60)}, 842}},
       "Fin.\n\nSuite.\n"},
      {"the next column: a paragraph running on",
       {{{full_line("la province.", 700), line_at("Elles ont.", 100, kSize, 300)}, 842}},
       "la province. Elles ont.\n"},
      {"the next column after a short line: a new paragraph",
       {{{line_at("Fin.", 700), line_at("Suite.", 100, kSize, 300)}, 842}},
       "Fin.\n\nSuite.\n"},
      {"bullets each on a line",
       {{{full_line("\xE2\x80\xA2 Statut : Actif", 100), full_line("\xE2\x80\xA2 Budget : 100", 114)}, 842}},
       "\xE2\x80\xA2 Statut : Actif\n\xE2\x80\xA2 Budget : 100\n"},
      {"table cells each on a line", {{{cell_a, cell_b, cell_c, cell_d}, 842}}, "Statut\nActif\nProjet ID\nCT.1731\n"},
      {"an indented first line starts a paragraph's line",
       {{{full_line("Fin du premier", 100), line_at("Nouveau paragraphe", 114, kSize, 70)}, 842}},
       "Fin du premier\nNouveau paragraphe\n"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(pages_to_text(c.pages), c.text);
  }
}

TEST(PdfText, LayOutPage) {
  struct Case {
    const char* name;
    std::vector<std::vector<PdfWord>> words;  // concatenated, in this order
    std::vector<std::string> lines;
    std::vector<bool> cells;
  };
  std::vector<std::vector<PdfWord>> columns;
  for (int r = 0; r < 5; ++r) {
    const double y = 100 + 14 * r;
    columns.push_back(words_at("gauche " + std::to_string(r) + " un deux trois quatre", 50, y));
    columns.push_back(words_at("droite " + std::to_string(r) + " un deux trois quatre", 300, y));
  }
  std::vector<std::string> column_lines;
  for (const char* side : {"gauche ", "droite "}) {
    for (int r = 0; r < 5; ++r) column_lines.push_back(side + std::to_string(r) + " un deux trois quatre");
  }
  std::vector<PdfWord> hyphen = words_at("qui pro", 50, 100);
  hyphen.push_back({"-", hyphen.back().x1 + 1, 100, hyphen.back().x1 + 4, 100 + kHeight, kSize, false});
  const std::vector<Case> cases = {
      {"rows by baseline, whatever the order",
       {words_at("deuxieme ligne", 50, 114), words_at("premiere ligne", 50, 100)},
       {"premiere ligne", "deuxieme ligne"},
       {false, false}},
      {"a table's cells",
       {words_at("Statut", 50, 100), words_at("Actif", 200, 100), words_at("Projet ID", 50, 114),
        words_at("CT.1731", 200, 114)},
       {"Statut", "Actif", "Projet ID", "CT.1731"},
       {true, true, true, true}},
      {"cells nearly touching, aligned over rows",
       {words_at("Statut", 50, 100), words_at("Actif", 125, 100), words_at("Pays concernes", 50, 114),
        words_at("Mali", 125, 114), words_at("Budget", 50, 128), words_at("100", 125, 128)},
       {"Statut", "Actif", "Pays concernes", "Mali", "Budget", "100"},
       {true, true, true, true, true, true}},
      {"two text columns: the left one first", columns, column_lines, std::vector<bool>(10, false)},
      {"a bullet and its item",
       {words_at("\xE2\x80\xA2", 50, 100), words_at("Statut : Actif", 80, 100)},
       {"\xE2\x80\xA2 Statut : Actif"},
       {false}},
      {"a hyphen set apart at the line end", {hyphen}, {"qui pro-"}, {false}},
      // A word box reaching past the next segment's start: still one row of two cells.
      {"overlapping segments",
       {{PdfWord{"Programme", 50, 100, 400, 110, 10}, PdfWord{"de", 100, 100, 110, 110, 10},
         PdfWord{"Mali", 300, 100, 310, 110, 10}}},
       {"Programme de", "Mali"},
       {true, true}},
      {"ligatures and spaces",
       {words_at("\xEF\xAC\x81"
                 "nancement",
                 50, 100)},
       {"financement"},
       {false}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    std::vector<PdfWord> words;
    for (const auto& w : c.words) words.insert(words.end(), w.begin(), w.end());
    const std::vector<PdfLine> lines = lay_out_page(words);
    std::vector<std::string> texts;
    std::vector<bool> cells;
    for (const auto& l : lines) {
      texts.push_back(l.text);
      cells.push_back(l.cell);
    }
    EXPECT_EQ(texts, c.lines);
    EXPECT_EQ(cells, c.cells);
  }
}

}  // namespace
}  // namespace fouille::corpus::detail
