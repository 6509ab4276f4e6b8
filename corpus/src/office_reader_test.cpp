// The DOCX and ODT reader through read_file: the project sheets of
// tests/corpus/formats against their golden fields, archives built here
// (small documents, hostile zips) in a temporary folder.
#include <algorithm>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>
#include <zip.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "fouille/base/error.h"
#include "fouille/corpus/reader.h"

namespace fouille::corpus {
namespace {

namespace fs = std::filesystem;

constexpr const char* kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

std::string docx_body(const std::string& paragraphs) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"") + kWordNs + "\"><w:body>" +
         paragraphs + "</w:body></w:document>";
}

std::string wp(const std::string& text) { return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>"; }

std::string odt_content(const std::string& paragraphs) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
         "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
         "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"><office:body><office:text>" +
         paragraphs + "</office:text></office:body></office:document-content>";
}

std::string core_xml(const std::string& title, const std::string& created) {
  return "<?xml version=\"1.0\"?><cp:coreProperties "
         "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\"><dc:title>" +
         title + "</dc:title><dcterms:created>" + created + "</dcterms:created></cp:coreProperties>";
}

const std::string kSheet = wp("Appui aux communaut\xC3\xA9s frontali\xC3\xA8res du Sahel") + "<w:tbl><w:tr><w:tc>" +
                           wp("Statut") + "</w:tc><w:tc>" + wp("Actif") + "</w:tc></w:tr><w:tr><w:tc>" +
                           wp("Pays b\xC3\xA9n\xC3\xA9"
                              "ficiaires") +
                           "</w:tc><w:tc>" + wp("Mali") + wp("Niger") + "</w:tc></w:tr><w:tr><w:tc>" +
                           wp("Date de d\xC3\xA9"
                              "but") +
                           "</w:tc><w:tc>" + wp("2022") + "</w:tc></w:tr></w:tbl>" +
                           wp("Le projet renforce les comit\xC3\xA9s locaux de protection et l\xE2\x80\x99"
                              "accueil des personnes "
                              "d\xC3\xA9plac\xC3\xA9"
                              "es le long des routes migratoires du Sahel central.");

struct Entry {
  std::string name;
  std::string data;
  bool store = false;
  const char* password = nullptr;  // AES-256 encryption
};

// Yields `size` bytes: `prefix`, then spaces (valid XML between elements,
// compressing like zeros). A source for libzip, so that no 300 MiB buffer exists.
struct Filler {
  std::string prefix;
  zip_uint64_t size = 0;
  zip_uint32_t level = 1;  // deflate level: 1 is fastest, 9 compresses a run of spaces about 1000:1
  zip_uint64_t at = 0;

  static zip_int64_t callback(void* user, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
    auto* f = static_cast<Filler*>(user);
    switch (cmd) {
      case ZIP_SOURCE_OPEN:
        f->at = 0;
        return 0;
      case ZIP_SOURCE_READ: {
        const zip_uint64_t n = std::min(len, f->size - f->at);
        auto* out = static_cast<char*>(data);
        for (zip_uint64_t i = 0; i < n; ++i) {
          const zip_uint64_t k = f->at + i;
          out[i] = k < f->prefix.size() ? f->prefix[k] : ' ';
        }
        f->at += n;
        return static_cast<zip_int64_t>(n);
      }
      case ZIP_SOURCE_CLOSE:
        return 0;
      case ZIP_SOURCE_STAT: {
        auto* st = static_cast<zip_stat_t*>(data);
        zip_stat_init(st);
        st->size = f->size;
        st->valid |= ZIP_STAT_SIZE;
        return sizeof(zip_stat_t);
      }
      case ZIP_SOURCE_ERROR:
        return 2 * sizeof(int);
      case ZIP_SOURCE_FREE:
        return 0;
      case ZIP_SOURCE_SUPPORTS:
        return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE, ZIP_SOURCE_STAT,
                                              ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
      default:
        return -1;
    }
  }
};

// Writes a zip of `entries` (and of `filler`, as `filler_name`, if given).
// Returns false when libzip cannot encrypt (built without crypto).
bool write_zip(const fs::path& path, const std::vector<Entry>& entries, Filler* filler = nullptr,
               const char* filler_name = nullptr) {
  int error = 0;
  zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (!z) throw std::runtime_error("zip_open: " + std::to_string(error));
  bool ok = true;
  for (const auto& e : entries) {
    zip_source_t* s = zip_source_buffer(z, e.data.data(), e.data.size(), 0);
    const zip_int64_t at = zip_file_add(z, e.name.c_str(), s, ZIP_FL_ENC_UTF_8);
    if (at < 0) throw std::runtime_error(std::string("zip_file_add: ") + zip_strerror(z));
    if (e.store) zip_set_file_compression(z, static_cast<zip_uint64_t>(at), ZIP_CM_STORE, 0);
    if (e.password && zip_file_set_encryption(z, static_cast<zip_uint64_t>(at), ZIP_EM_AES_256, e.password) != 0) {
      ok = false;
    }
  }
  if (filler) {
    zip_source_t* s = zip_source_function(z, &Filler::callback, filler);
    const zip_int64_t at = zip_file_add(z, filler_name, s, 0);
    if (at < 0) throw std::runtime_error(std::string("zip_file_add: ") + zip_strerror(z));
    zip_set_file_compression(z, static_cast<zip_uint64_t>(at), ZIP_CM_DEFLATE, filler->level);
  }
  if (zip_close(z) != 0) throw std::runtime_error(std::string("zip_close: ") + zip_strerror(z));
  return ok;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void spit(const fs::path& p, const std::string& bytes) {
  std::ofstream out(p, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

class OfficeReader : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("fouille-office-test-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  static void TearDownTestSuite() { fs::remove_all(dir_); }
  static fs::path path(const std::string& name) { return dir_ / name; }

  // The reason read_file gives for skipping `p`, or "" if it reads it.
  static std::string skipped(const fs::path& p, const ReadOptions& options = {}) {
    try {
      (void)read_file(p, options);
    } catch (const NoContentError& e) {
      return describe(e, Lang::kEn);
    } catch (const CorpusError& e) {
      return "not a NoContentError: " + describe(e, Lang::kEn);
    }
    return "";
  }

  static fs::path dir_;
};

fs::path OfficeReader::dir_;

TEST_F(OfficeReader, ReadsDocxAndOdtBuiltHere) {
  const fs::path docx = path("fiche.docx");
  write_zip(docx, {{"[Content_Types].xml", "<Types/>"},
                   {"word/document.xml", docx_body(kSheet)},
                   {"docProps/core.xml", core_xml("Titre des propri\xC3\xA9t\xC3\xA9s", "2021-05-04T08:00:00Z")}});
  const fs::path odt = path("fiche.odt");
  write_zip(odt,
            {{"mimetype", "application/vnd.oasis.opendocument.text", true},
             {"content.xml", odt_content("<text:h>Appui aux communaut\xC3\xA9s frontali\xC3\xA8res du Sahel</text:h>"
                                         "<text:list><text:list-item><text:p>Statut : Actif</text:p>"
                                         "</text:list-item><text:list-item><text:p>Pays b\xC3\xA9n\xC3\xA9"
                                         "ficiaires : Mali, Niger</text:p></text:list-item><text:list-item>"
                                         "<text:p>Date de d\xC3\xA9"
                                         "but : 2022</text:p></text:list-item>"
                                         "</text:list><text:p>Le projet renforce les comit\xC3\xA9s locaux."
                                         "</text:p>")},
             {"META-INF/manifest.xml", "<manifest/>"}});
  // The same DOCX under an extension no reader claims: told by its content.
  const fs::path zipped = path("fiche-word.zip");
  fs::copy_file(docx, zipped, fs::copy_options::overwrite_existing);
  for (const auto& [p, format] : {std::pair{docx, "docx"}, {odt, "odt"}, {zipped, "docx"}}) {
    SCOPED_TRACE(p.filename().string());
    EXPECT_EQ(reader_name(p, slurp(p).substr(0, 4)), "office");
    const FileResult r = read_file(p, {});
    ASSERT_EQ(r.documents.size(), 1u);
    const Document& d = r.documents[0];
    EXPECT_EQ(d.format, format);
    EXPECT_EQ(r.encoding, format == std::string("odt") ? "ODT" : "DOCX");
    EXPECT_EQ(d.title, "Appui aux communaut\xC3\xA9s frontali\xC3\xA8res du Sahel");
    EXPECT_EQ(d.status, "Actif");
    EXPECT_EQ(d.countries, (std::vector<std::string>{"ML", "NE"}));
    EXPECT_EQ(d.start_year, 2022);
    EXPECT_FALSE(d.funding_year);  // the body states a year: the creation date is not used
    EXPECT_NE(d.body.find("comit\xC3\xA9s locaux"), std::string::npos) << d.body;
    EXPECT_TRUE(r.warnings.empty()) << render(r.warnings[0], Lang::kEn);
  }
}

TEST_F(OfficeReader, PropertiesFillWhatTheBodyLacks) {
  const fs::path p = path("sans-titre.docx");
  write_zip(p, {{"word/document.xml",
                 docx_body(wp("Pays : Tchad") + wp("Le projet accompagne le retour volontaire des personnes "
                                                   "d\xC3\xA9plac\xC3\xA9"
                                                   "es dans leurs villages d\xE2\x80\x99origine."))},
                {"docProps/core.xml", core_xml("Retour volontaire au Tchad", "2019-02-01T10:00:00Z")}});
  const FileResult r = read_file(p, {});
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].title, "Retour volontaire au Tchad");
  EXPECT_EQ(r.documents[0].funding_year, 2019);
  EXPECT_EQ(r.documents[0].countries, (std::vector<std::string>{"TD"}));

  const fs::path odt = path("sans-titre.odt");
  write_zip(
      odt, {{"mimetype", "application/vnd.oasis.opendocument.text", true},
            {"content.xml", odt_content("<text:p>Pays : Tchad</text:p><text:p>Le projet accompagne le retour "
                                        "volontaire des personnes dans leurs villages d\xE2\x80\x99origine.</text:p>")},
            {"meta.xml",
             "<office:document-meta xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
             "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "
             "xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><office:meta><dc:title>Retour au Tchad"
             "</dc:title><meta:creation-date>2018-01-01T00:00:00</meta:creation-date></office:meta>"
             "</office:document-meta>"}});
  const FileResult o = read_file(odt, {});
  ASSERT_EQ(o.documents.size(), 1u);
  EXPECT_EQ(o.documents[0].title, "Retour au Tchad");
  EXPECT_EQ(o.documents[0].funding_year, 2018);

  // Broken properties lose the properties only, with a line.
  const fs::path broken = path("proprietes-cassees.docx");
  write_zip(broken, {{"word/document.xml", docx_body(kSheet)}, {"docProps/core.xml", "<cp:coreProperties"}});
  const FileResult b = read_file(broken, {});
  ASSERT_EQ(b.documents.size(), 1u);
  EXPECT_EQ(b.documents[0].status, "Actif");
  ASSERT_EQ(b.warnings.size(), 1u);
  EXPECT_NE(render(b.warnings[0], Lang::kEn).find("docProps/core.xml: malformed XML"), std::string::npos)
      << render(b.warnings[0], Lang::kEn);
}

TEST_F(OfficeReader, TextBeyondTheLimitIsCutWithALine) {
  const fs::path p = path("longue.docx");
  std::string body;
  for (int i = 0; i < 200; ++i)
    body += wp("Une phrase de la description du projet, num\xC3\xA9ro " + std::to_string(i) + ".");
  write_zip(p, {{"word/document.xml", docx_body(body)}});
  ReadOptions options;
  options.max_text_bytes = 1000;
  const FileResult r = read_file(p, options);
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_LE(r.documents[0].body.size() + r.documents[0].title.size(), 1000u);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(render(r.warnings[0], Lang::kEn).find("only the first"), std::string::npos)
      << render(r.warnings[0], Lang::kEn);
}

// Each hostile or foreign archive is skipped with one line saying why.
TEST_F(OfficeReader, RefusesWhatItCannotRead) {
  const std::string good = docx_body(kSheet);
  struct Case {
    const char* file;
    std::vector<Entry> entries;
    const char* reason;
  };
  const Case cases[] = {
      {"autre.zip", {{"notes.txt", "des notes"}}, "a zip archive that is neither DOCX nor ODT"},
      {"tableur.odt",
       {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet", true}, {"content.xml", odt_content("")}},
       "an OpenDocument file of another kind (application/vnd.oasis.opendocument.spreadsheet)"},
      {"sans-contenu.odt",
       {{"mimetype", "application/vnd.oasis.opendocument.text", true}},
       "an ODT document without content.xml"},
      {"tronque.docx",
       {{"word/document.xml", good.substr(0, good.size() / 2)}},
       "word/document.xml: malformed XML (line 1: "},
      {"pas-xml.docx",
       {{"word/document.xml", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16)}},
       "word/document.xml: malformed XML"},
      {"entites.docx",
       {{"word/document.xml",
         "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"aaaaaaaa\"><!ENTITY b "
         "\"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>"
         "<w:document xmlns:w=\"" +
             std::string(kWordNs) + "\"><w:body>" + wp("&c;&c;&c;") + "</w:body></w:document>"}},
       "word/document.xml: an XML part with a DOCTYPE: refused"},
      {"vide.docx",
       {{"word/document.xml", docx_body("<w:p/><w:p><w:r><w:t>   </w:t></w:r></w:p>")}},
       "a DOCX document with no text"},
      {"vide.odt",
       {{"mimetype", "application/vnd.oasis.opendocument.text", true}, {"content.xml", odt_content("<text:p/>")}},
       "an ODT document with no text"},
      {"chiffre.docx", {{"word/document.xml", good, false, "secret"}}, "word/document.xml: encrypted"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    if (!write_zip(path(c.file), c.entries)) {
      ADD_FAILURE() << "libzip cannot encrypt here";
      continue;
    }
    const std::string why = skipped(path(c.file));
    EXPECT_NE(why.find(path(c.file).string() + ": skipped: "), std::string::npos) << why;
    EXPECT_NE(why.find(c.reason), std::string::npos) << why;
  }
}

TEST_F(OfficeReader, RefusesDamagedArchives) {
  write_zip(path("entier.docx"), {{"word/document.xml", docx_body(kSheet)}});
  const std::string bytes = slurp(path("entier.docx"));
  spit(path("moitie.docx"), bytes.substr(0, bytes.size() / 2));
  EXPECT_NE(skipped(path("moitie.docx")).find("a damaged zip archive"), std::string::npos)
      << skipped(path("moitie.docx"));
  // A flipped byte in the compressed data: the entry's checksum fails.
  std::string flipped = bytes;
  const std::size_t data = flipped.find("word/document.xml") + std::strlen("word/document.xml") + 10;
  flipped[data] = static_cast<char>(flipped[data] ^ 0x55);
  spit(path("abime.docx"), flipped);
  const std::string why = skipped(path("abime.docx"));
  EXPECT_NE(why.find("word/document.xml: "), std::string::npos) << why;
}

// Little-endian integers of a zip header.
void put(std::string& out, std::uint64_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xFF);
}

// A zip of `count` empty stored entries, written by hand (libzip takes
// seconds for as many): zip64 end records, as more than 65535 entries need.
std::string many_entries(std::uint64_t count) {
  std::string local, central;
  for (std::uint64_t i = 0; i < count; ++i) {
    const std::string name = "m/" + std::to_string(i);
    const std::uint64_t offset = local.size();
    put(local, 0x04034b50, 4);
    put(local, 20, 2), put(local, 0, 2), put(local, 0, 2), put(local, 0, 2), put(local, 0x21, 2);
    put(local, 0, 4), put(local, 0, 4), put(local, 0, 4), put(local, name.size(), 2), put(local, 0, 2);
    local += name;
    put(central, 0x02014b50, 4);
    put(central, 20, 2), put(central, 20, 2), put(central, 0, 2), put(central, 0, 2), put(central, 0, 2);
    put(central, 0x21, 2), put(central, 0, 4), put(central, 0, 4), put(central, 0, 4);
    put(central, name.size(), 2), put(central, 0, 2), put(central, 0, 2), put(central, 0, 2), put(central, 0, 2);
    put(central, 0, 4), put(central, offset, 4);
    central += name;
  }
  std::string out = local + central;
  const std::uint64_t end64 = out.size();
  put(out, 0x06064b50, 4), put(out, 44, 8), put(out, 45, 2), put(out, 45, 2), put(out, 0, 4), put(out, 0, 4);
  put(out, count, 8), put(out, count, 8), put(out, central.size(), 8), put(out, local.size(), 8);
  put(out, 0x07064b50, 4), put(out, 0, 4), put(out, end64, 8), put(out, 1, 4);
  put(out, 0x06054b50, 4), put(out, 0, 2), put(out, 0, 2), put(out, 0xFFFF, 2), put(out, 0xFFFF, 2);
  put(out, central.size(), 4), put(out, local.size(), 4), put(out, 0, 2);
  return out;
}

TEST_F(OfficeReader, RefusesTooManyEntries) {
  spit(path("entrees.docx"), many_entries(100000));
  EXPECT_NE(skipped(path("entrees.docx")).find("a zip archive of 100000 entries, over the limit of 10000"),
            std::string::npos)
      << skipped(path("entrees.docx"));
  // Under the limit, the same archive is read (and holds no document).
  spit(path("quelques-entrees.docx"), many_entries(3));
  EXPECT_NE(skipped(path("quelques-entrees.docx")).find("neither DOCX nor ODT"), std::string::npos)
      << skipped(path("quelques-entrees.docx"));
}

// 300 MiB of white space in document.xml, compressed to about 300 KB: refused
// from its declared size, and, when the header lies, from what comes out.
TEST_F(OfficeReader, RefusesZipBombs) {
  Filler filler{"<?xml version=\"1.0\"?><w:document xmlns:w=\"" + std::string(kWordNs) + "\"><w:body>", 300u << 20};
  write_zip(path("bombe.docx"), {}, &filler, "word/document.xml");
  EXPECT_NE(skipped(path("bombe.docx")).find("word/document.xml: over 64 MB uncompressed"), std::string::npos)
      << skipped(path("bombe.docx"));

  // The same archive declaring 1000 bytes, in the local and the central header.
  std::string bytes = slurp(path("bombe.docx"));
  const auto patch = [&](std::string_view signature, std::size_t size_at) {
    for (std::size_t at = bytes.find(signature); at != std::string::npos; at = bytes.find(signature, at + 4)) {
      const unsigned char little[4] = {0xE8, 0x03, 0, 0};
      std::memcpy(&bytes[at + size_at], little, 4);
    }
  };
  patch(std::string_view("PK\x03\x04", 4), 22);
  patch(std::string_view("PK\x01\x02", 4), 24);
  spit(path("bombe-menteuse.docx"), bytes);
  // Refused from the bytes counted as they come out: over the ratio or the size.
  const std::string why = skipped(path("bombe-menteuse.docx"));
  EXPECT_TRUE(why.find("word/document.xml: compressed over 200 to 1, a zip bomb") != std::string::npos ||
              why.find("word/document.xml: over 64 MB uncompressed") != std::string::npos)
      << why;

  // Under the size limit, but compressed too well to be a document.
  Filler small{filler.prefix, 10u << 20, 9};
  write_zip(path("bombe-dense.docx"), {}, &small, "word/document.xml");
  EXPECT_NE(skipped(path("bombe-dense.docx")).find("word/document.xml: compressed over 200 to 1, a zip bomb"),
            std::string::npos)
      << skipped(path("bombe-dense.docx"));
}

// A sheet with what word processors add around the text, converted by
// LibreOffice from tests/corpus/formats/office/src: the running header and
// footer, the footnote, the comment and the deleted text are not indexed;
// a closing list and table are.
TEST_F(OfficeReader, WordProcessorExtrasAreLeftOut) {
  for (const char* file : {"guinee-sante-notes.docx", "guinee-sante-notes.odt"}) {
    SCOPED_TRACE(file);
    const FileResult r = read_file(fs::path(FOUILLE_FORMATS) / "office" / file, {});
    ASSERT_EQ(r.documents.size(), 1u);
    const Document& d = r.documents[0];
    EXPECT_EQ(d.title,
              "Sant\xC3\xA9 des travailleurs migrants saisonniers en Guin\xC3\xA9"
              "e foresti\xC3\xA8re");
    EXPECT_EQ(d.status, "Actif");
    EXPECT_EQ(d.start_year, 2023);
    EXPECT_EQ(d.countries, (std::vector<std::string>{"GN"}));
    EXPECT_EQ(d.budget_usd, 210000);
    EXPECT_EQ(d.project_id, "MH.0871");
    for (const char* kept : {"Chaque saison de r\xC3\xA9"
                             "colte",
                             "des pistes de collecte.", "d\xC3\xA9pistage du paludisme", "vaccination des enfants",
                             "Consultations mobiles ; 120 000 ; 57 %"}) {
      EXPECT_NE(d.body.find(kept), std::string::npos) << kept << "\nbody: " << d.body;
    }
    for (const char* left : {"Bulletin interne", "Feuillet", "Estimation des services", "V\xC3\xA9rifier le chiffre",
                             "une phrase retir\xC3\xA9"
                             "e",
                             "Guin\xC3\xA9"
                             "e foresti\xC3\xA8re\n",
                             "lecteur de documents"}) {
      EXPECT_EQ((d.body + "\n").find(left), std::string::npos) << left << "\nbody: " << d.body;
    }
    EXPECT_TRUE(r.warnings.empty());
  }
}

// The project sheets of tests/corpus/formats, converted from the same
// sources as their PDF, against expected.jsonl.
TEST_F(OfficeReader, ProjectSheetsGiveTheirGoldenFields) {
  const fs::path dir = FOUILLE_FORMATS;
  std::ifstream golden(dir / "expected.jsonl");
  ASSERT_TRUE(golden) << dir / "expected.jsonl";
  std::string line;
  int read = 0;
  while (std::getline(golden, line)) {
    if (line.empty()) continue;
    const auto want = nlohmann::json::parse(line);
    for (const char* ext : {".docx", ".odt"}) {
      const fs::path p = dir / (want.at("sheet").get<std::string>() + ext);
      if (!fs::exists(p)) continue;
      SCOPED_TRACE(p.filename().string());
      ++read;
      const FileResult r = read_file(p, {});
      ASSERT_EQ(r.documents.size(), 1u);
      const Document& d = r.documents[0];
      EXPECT_EQ(d.format, std::string(ext + 1));
      const auto text = [&](const char* key) { return want.value(key, std::string()); };
      EXPECT_EQ(d.title, text("title"));
      EXPECT_EQ(d.status, text("status"));
      EXPECT_EQ(d.project_type, text("project_type"));
      EXPECT_EQ(d.region, text("region"));
      EXPECT_EQ(d.project_id, text("project_id"));
      EXPECT_EQ(d.implementer, text("implementer"));
      if (want.contains("budget_usd")) {
        EXPECT_EQ(d.budget_usd, want["budget_usd"].get<double>());
      }
      if (want.contains("start_year")) {
        EXPECT_EQ(d.start_year, want["start_year"].get<int>());
      }
      if (want.contains("end_year")) {
        EXPECT_EQ(d.end_year, want["end_year"].get<int>());
      }
      if (want.contains("countries")) {
        EXPECT_EQ(d.countries, want["countries"].get<std::vector<std::string>>());
      }
      for (const auto& phrase : want.value("phrases", std::vector<std::string>{})) {
        EXPECT_NE(d.body.find(phrase), std::string::npos) << "missing: " << phrase << "\nbody: " << d.body;
      }
      for (const auto& phrase : want.value("absent", std::vector<std::string>{})) {
        EXPECT_EQ(d.body.find(phrase), std::string::npos) << "indexed: " << phrase;
        EXPECT_EQ(d.title.find(phrase), std::string::npos) << "in the title: " << phrase;
      }
      for (const auto& w : r.warnings) ADD_FAILURE() << render(w, Lang::kEn);
    }
  }
  EXPECT_GT(read, 0) << "no DOCX or ODT sheet in " << dir;
}

}  // namespace
}  // namespace fouille::corpus
