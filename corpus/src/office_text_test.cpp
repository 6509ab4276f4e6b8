#include "office_text.h"

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "fouille/base/error.h"

namespace fouille::corpus::detail {
namespace {

constexpr std::size_t kLots = 1u << 20;

std::string docx(std::string_view body) {
  return std::string(
             "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
             "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
             "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>") +
         std::string(body) + "<w:sectPr><w:pgSz w:w=\"11906\"/></w:sectPr></w:body></w:document>";
}

// One paragraph of one run.
std::string wp(std::string_view text) { return "<w:p><w:r><w:t>" + std::string(text) + "</w:t></w:r></w:p>"; }

std::string odt(std::string_view body) {
  return std::string(
             "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
             "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
             "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
             "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
             "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "
             "xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\">"
             "<office:automatic-styles/><office:body><office:text>") +
         std::string(body) + "</office:text></office:body></office:document-content>";
}

struct Case {
  const char* name;
  Part part;
  std::string xml;
  std::string expected;
};

TEST(OfficeText, BodyToLines) {
  const Case cases[] = {
      {"paragraphs, a blank line between", Part::kDocxBody, docx(wp("Premier.") + wp("Second.") + "<w:p/>"),
       "Premier.\n\nSecond."},
      {"runs, tab, break, preserved spaces", Part::kDocxBody,
       docx("<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>"
            "<w:r><w:rPr><w:b/></w:rPr><w:t>Mise en </w:t></w:r><w:r><w:t xml:space=\"preserve\">\xC5\x93uvre </w:t>"
            "<w:tab/><w:t>l\xE2\x80\x99\xC3\xA9t\xC3\xA9\xC2\xA0!</w:t><w:br/><w:t>suite</w:t></w:r></w:p>"),
       "Mise en \xC5\x93uvre \tl\xE2\x80\x99\xC3\xA9t\xC3\xA9\xC2\xA0!\nsuite"},
      {"deleted text, field codes, fallback drawings left out", Part::kDocxBody,
       docx("<w:p><w:del><w:r><w:delText>ancien</w:delText></w:r></w:del><w:ins><w:r><w:t>nouveau</w:t></w:r></w:ins>"
            "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>"
            "<w:r><w:t> 3</w:t></w:r></w:p>"
            "<w:p><w:r><mc:AlternateContent><mc:Choice><w:txbxContent>" +
            wp("Encadr\xC3\xA9") + "</w:txbxContent></mc:Choice><mc:Fallback><w:pict><w:txbxContent>" +
            wp("Encadr\xC3\xA9") + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"),
       "nouveau 3\n\nEncadr\xC3\xA9"},
      {"a label alone keeps its value on the next line", Part::kDocxBody,
       docx(wp("Date de d\xC3\xA9"
               "but") +
            wp("2023") + wp("Statut du projet :") + wp("Actif") + wp("Fin.")),
       "Date de d\xC3\xA9"
       "but\n2023\n\nStatut du projet :\nActif\n\nFin."},
      {"list items one a line", Part::kDocxBody,
       docx(wp("Intro.") +
            "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
            "<w:r><w:t>Statut : Actif</w:t></w:r></w:p>"
            "<w:p><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr><w:r><w:t>Pays : Mali</w:t></w:r></w:p>" +
            wp("Fin.")),
       "Intro.\n\n\xE2\x80\xA2 Statut : Actif\n\xE2\x80\xA2 Pays : Mali\n\nFin."},
      {"a numbered heading is no list item", Part::kDocxBody,
       docx("<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
            "<w:r><w:t>Contexte du projet</w:t></w:r></w:p>"
            "<w:p><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr><w:outlineLvl w:val=\"1\"/></w:pPr>"
            "<w:r><w:t>Objectifs</w:t></w:r></w:p>"),
       "Contexte du projet\n\nObjectifs"},
      {"two-column table: label : value", Part::kDocxBody,
       docx(wp("Avant.") + "<w:tbl><w:tblPr/><w:tr><w:tc>" +
            wp("Pays b\xC3\xA9n\xC3\xA9"
               "ficiaires") +
            "</w:tc><w:tc>" + wp("Mali") + wp("Niger") + "</w:tc></w:tr><w:tr><w:tc>" + wp("Budget :") +
            "</w:tc><w:tc>" + wp("100 000") + "</w:tc></w:tr><w:tr><w:tc/><w:tc>" + wp("seul") +
            "</w:tc></w:tr></w:tbl>" + wp("Apr\xC3\xA8s.")),
       "Avant.\n\nPays b\xC3\xA9n\xC3\xA9"
       "ficiaires : Mali, Niger\nBudget : 100 000\nseul\n\nApr\xC3\xA8s."},
      {"wider table: one line a row", Part::kDocxBody,
       docx("<w:tbl><w:tr><w:tc>" +
            wp("Ann\xC3\xA9"
               "e") +
            "</w:tc><w:tc>" + wp("Montant") + "</w:tc><w:tc>" + wp("Source") + "</w:tc></w:tr><w:tr><w:tc>" +
            wp("2021") + "</w:tc><w:tc/><w:tc>" + wp("UE") + "</w:tc></w:tr></w:tbl>"),
       "Ann\xC3\xA9"
       "e ; Montant ; Source\n2021 ; UE"},
      {"ODT: headings, spaces, tabs, breaks, collapsed white space, notes", Part::kOdtBody,
       odt("<text:h text:outline-level=\"1\">Projet pilote au Niger</text:h>\n  "
           "<text:p>Un<text:s/>mot<text:s text:c=\"3\"/>puis\n   un <text:span>autre</text:span><text:tab/>fin"
           "<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>Note.</text:p>"
           "</text:note-body></text:note><text:line-break/>ligne</text:p>"
           "<text:p>   </text:p><text:p>Suite.</text:p>"),
       "Projet pilote au Niger\n\nUn mot   puis un autre\tfin\nligne\n\nSuite."},
      {"ODT: lists, tables, covered cells, drawing titles", Part::kOdtBody,
       odt("<text:list><text:list-item><text:p>Statut : Actif</text:p></text:list-item>"
           "<text:list-item><text:p>Projet ID : CT.1172</text:p></text:list-item></text:list>"
           "<table:table><table:table-row><table:table-cell><text:p>Couverture</text:p></table:table-cell>"
           "<table:table-cell><text:p>R\xC3\xA9gional</text:p></table:table-cell></table:table-row>"
           "<table:table-row><table:table-cell table:number-columns-spanned=\"2\"><text:p>Large</text:p>"
           "</table:table-cell><table:covered-table-cell><text:p>cach\xC3\xA9</text:p></table:covered-table-cell>"
           "</table:table-row></table:table>"
           "<text:p><draw:frame><svg:title>Logo</svg:title><draw:image/></draw:frame>Texte.</text:p>"),
       "\xE2\x80\xA2 Statut : Actif\n\xE2\x80\xA2 Projet ID : CT.1172\n\nCouverture : "
       "R\xC3\xA9gional\nLarge\n\nTexte."},
      {"ODT: a table in a cell", Part::kOdtBody,
       odt("<table:table><table:table-row><table:table-cell><text:p>Partenaires</text:p></table:table-cell>"
           "<table:table-cell><table:table><table:table-row><table:table-cell><text:p>A</text:p></table:table-cell>"
           "<table:table-cell><text:p>B</text:p></table:table-cell></table:table-row></table:table>"
           "</table:table-cell></table:table-row></table:table>"),
       "Partenaires : A : B"},
      {"ODT: a text box paragraph inside a paragraph", Part::kOdtBody,
       odt("<text:p>Avant<draw:frame><draw:text-box><text:p>Dans la bo\xC3\xAEte.</text:p></draw:text-box>"
           "</draw:frame></text:p>"),
       "Avant\n\nDans la bo\xC3\xAEte."},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    EXPECT_EQ(parse_part(c.xml, c.part, kLots).text, c.expected);
    // Fed a byte at a time, the text is the same.
    PartParser parser(c.part, kLots);
    for (char ch : c.xml) parser.feed(std::string_view(&ch, 1));
    EXPECT_EQ(parser.finish().text, c.expected);
  }
}

TEST(OfficeText, Properties) {
  struct Props {
    const char* name;
    std::string xml;
    std::string title, created;
  };
  const Props cases[] = {
      {"DOCX core properties",
       "<?xml version=\"1.0\"?><cp:coreProperties "
       "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
       "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\">"
       "<dc:title> Appui aux \xC3\xA9lections </dc:title><dc:creator>X</dc:creator>"
       "<dcterms:created>2022-03-01T09:00:00Z</dcterms:created></cp:coreProperties>",
       "Appui aux \xC3\xA9lections", "2022-03-01T09:00:00Z"},
      {"ODT meta",
       "<office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
       "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
       "<office:meta><meta:creation-date>2019-11-05T10:00:00</meta:creation-date><dc:title>Fiche</dc:title>"
       "</office:meta></office:document-meta>",
       "Fiche", "2019-11-05T10:00:00"},
      {"none", "<office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>", "", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const PartText p = parse_part(c.xml, Part::kProperties, 0);
    EXPECT_EQ(p.title, c.title);
    EXPECT_EQ(p.created, c.created);
    EXPECT_TRUE(p.text.empty());
  }
}

TEST(OfficeText, RefusesBadXml) {
  const struct {
    const char* name;
    std::string xml;
    const char* reason;
  } cases[] = {
      {"truncated", docx(wp("Un texte")).substr(0, 300), "malformed XML (line"},
      {"not XML", std::string("PK\x03\x04\x00\x01 binary", 13), "malformed XML"},
      {"an undeclared entity", docx(wp("&oups;")), "malformed XML"},
      {"entity expansion (DOCTYPE)",
       "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
       "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
           wp("&b;&b;&b;") + "</w:body></w:document>",
       "DOCTYPE"},
      {"external entity (DOCTYPE)",
       "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
       "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
           wp("&x;") + "</w:body></w:document>",
       "DOCTYPE"},
      {"empty", "", "empty"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    try {
      (void)parse_part(c.xml, Part::kDocxBody, kLots);
      ADD_FAILURE() << "no error";
    } catch (const NoContentError& e) {
      EXPECT_NE(describe(e, Lang::kEn).find(c.reason), std::string::npos) << describe(e, Lang::kEn);
    }
  }
}

// A part may declare another encoding: read when valid; when not, refused
// without a word on stderr (libxml2 reports conversion errors there).
TEST(OfficeText, DeclaredEncodings) {
  const std::string latin1 =
      "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><w:document "
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
      wp("\xE9t\xE9") + "</w:body></w:document>";
  EXPECT_EQ(parse_part(latin1, Part::kDocxBody, kLots).text, "\xC3\xA9t\xC3\xA9");

  const std::string broken =
      "<?xml version=\"1.0\" encoding=\"ISO-2022-JP\"?><w:document "
      "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" +
      wp("\x1B$B\xA3\x9D\x93\x9A") + "</w:body></w:document>";
  testing::internal::CaptureStderr();
  try {
    (void)parse_part(broken, Part::kDocxBody, kLots);
    ADD_FAILURE() << "no error";
  } catch (const NoContentError& e) {
    EXPECT_NE(describe(e, Lang::kEn).find("malformed XML"), std::string::npos) << describe(e, Lang::kEn);
  }
  EXPECT_EQ(testing::internal::GetCapturedStderr(), "");
}

TEST(OfficeText, StopsAtTheTextLimit) {
  std::string body;
  for (int i = 0; i < 1000; ++i)
    body += wp("Une phrase de la description du projet num\xC3\xA9ro " + std::to_string(i) + ".");
  const std::string xml = docx(body);
  for (std::size_t limit : {0u, 1u, 50u, 1000u, 10000u}) {
    SCOPED_TRACE(limit);
    PartParser parser(Part::kDocxBody, limit);
    parser.feed(xml);
    EXPECT_TRUE(parser.done());
    const PartText t = parser.finish();
    EXPECT_TRUE(t.cut);
    EXPECT_LE(t.text.size(), limit);
  }
  // One paragraph larger than the limit is kept up to it, on a character boundary.
  const PartText one = parse_part(docx(wp(std::string(3000, 'x') + "\xC3\xA9\xC3\xA9\xC3\xA9")), Part::kDocxBody, 3002);
  EXPECT_TRUE(one.cut);
  EXPECT_EQ(one.text, std::string(3000, 'x') + "\xC3\xA9");
}

TEST(OfficeText, YearOf) {
  const std::pair<const char*, int> cases[] = {
      {"2023-04-01T10:00:00Z", 2023},
      {" 1999-12-31 ", 1999},
      {"2023", 2023},
      {"", 0},
      {"20230401", 0},
      {"0001-01-01", 0},
      {"abcd-01", 0},
      {"3000-01-01", 0},
  };
  for (const auto& [date, year] : cases) {
    SCOPED_TRACE(date);
    EXPECT_EQ(year_of(date), year);
  }
}

}  // namespace
}  // namespace fouille::corpus::detail
