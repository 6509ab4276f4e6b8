// The PDF reader end to end: the formats test set (tests/corpus/formats,
// compared with its expected.jsonl), hand-made PDFs (encrypted, scanned,
// damaged), and the child process's limits.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <random>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "fouille/base/error.h"
#include "fouille/corpus/reader.h"

#include "pdf_extract.h"
#include "readers.h"

namespace fouille::corpus {
namespace {

namespace fs = std::filesystem;
using detail::PdfExtraction;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

// A file in a fresh temporary folder, removed with the test.
class TempFile {
 public:
  TempFile(const std::string& name, const std::string& bytes)
      : dir_(fs::temp_directory_path() / ("fouille-pdf-" + std::to_string(::getpid()) + "-" + name)) {
    fs::create_directories(dir_);
    std::ofstream(path(), std::ios::binary) << bytes;
  }
  ~TempFile() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  fs::path path() const { return dir_ / "file.pdf"; }

 private:
  fs::path dir_;
};

// A PDF of one page from its objects (1: catalog … as written), with a
// correct cross-reference table. `trailer` is added to the trailer dictionary.
std::string make_pdf(const std::vector<std::string>& objects, const std::string& trailer = "") {
  std::string pdf = "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n";
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (std::size_t off : offsets) {
    char line[32];
    std::snprintf(line, sizeof line, "%010zu 00000 n \n", off);
    pdf += line;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R " + trailer + " >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

std::string stream(const std::string& content) {
  return "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream";
}

// Pages drawing `contents` each (PDF text operators), Helvetica as /F1.
std::string pdf_of_pages(const std::vector<std::string>& contents, const std::string& trailer = "",
                         const std::vector<std::string>& extra = {}) {
  const std::size_t n = contents.size();
  std::vector<std::string> objects;
  std::string kids;
  for (std::size_t i = 0; i < n; ++i) kids += std::to_string(4 + 2 * i) + " 0 R ";
  objects.push_back("<< /Type /Catalog /Pages 2 0 R >>");
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n) + " >>");
  objects.push_back("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  for (std::size_t i = 0; i < n; ++i) {
    objects.push_back("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents " + std::to_string(5 + 2 * i) +
                      " 0 R /Resources << /Font << /F1 3 0 R >> >> >>");
    objects.push_back(stream(contents[i]));
  }
  for (const auto& e : extra) objects.push_back(e);
  return make_pdf(objects, trailer);
}

// Text lines at 11 pt, from the top of an A4 page down, 14 pt apart.
std::string text_lines(const std::vector<std::string>& lines, double top = 780) {
  std::string s = "BT /F1 11 Tf 14 TL 72 " + std::to_string(top) + " Td\n";
  for (const auto& l : lines) s += "(" + l + ") Tj T*\n";
  return s + "ET";
}

// --- The formats test set ---

TEST(PdfReader, FormatsTestSetMatchesExpected) {
  std::ifstream expected(fs::path(FOUILLE_FORMATS) / "expected.jsonl");
  ASSERT_TRUE(expected) << "no expected.jsonl";
  std::string line;
  std::size_t sheets = 0;
  while (std::getline(expected, line)) {
    if (line.empty()) continue;
    const auto want = nlohmann::json::parse(line);
    const fs::path pdf = fs::path(FOUILLE_FORMATS) / (want["sheet"].get<std::string>() + ".pdf");
    SCOPED_TRACE(pdf.string());
    ++sheets;
    const FileResult r = read_file(pdf, {});
    ASSERT_EQ(r.documents.size(), 1u);
    const Document& d = r.documents[0];
    EXPECT_EQ(d.format, "pdf");
    EXPECT_EQ(r.encoding.substr(0, 4), "PDF ");
    EXPECT_EQ(d.title, want["title"]);
    EXPECT_EQ(d.status, want["status"]);
    EXPECT_EQ(d.project_type, want["project_type"]);
    EXPECT_EQ(d.budget_usd, want["budget_usd"].get<double>());
    EXPECT_EQ(d.countries, want["countries"].get<std::vector<std::string>>());
    EXPECT_EQ(d.region, want["region"]);
    EXPECT_EQ(d.start_year, want["start_year"].get<int>());
    EXPECT_EQ(d.end_year, want["end_year"].get<int>());
    EXPECT_EQ(d.project_id, want["project_id"]);
    EXPECT_EQ(d.implementer, want["implementer"]);
    for (const auto& phrase : want["phrases"]) {
      EXPECT_NE(d.body.find(phrase.get<std::string>()), std::string::npos) << phrase << "\nbody:\n" << d.body;
    }
    for (const auto& text : want["absent"]) {
      EXPECT_EQ(d.body.find(text.get<std::string>()), std::string::npos) << text << "\nbody:\n" << d.body;
      EXPECT_EQ(d.title.find(text.get<std::string>()), std::string::npos) << text;
    }
    EXPECT_TRUE(r.warnings.empty()) << render(r.warnings.front(), Lang::kEn);
  }
  EXPECT_EQ(sheets, 3u);
}

TEST(PdfReader, DemoSampleIsRead) {
  const FileResult r = read_file(fs::path(FOUILLE_SAMPLES) / "005_fiche-projet.pdf", {});
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].project_id, "MH.0941");
  EXPECT_EQ(r.documents[0].countries, (std::vector<std::string>{"CO", "EC"}));
  EXPECT_NE(r.documents[0].body.find("carnet de santé partagé"), std::string::npos);
}

// Two text columns are read left column first, a paragraph running on from
// one column to the next in one piece.
TEST(PdfReader, TwoColumnsInReadingOrder) {
  const FileResult r = read_file(fs::path(FOUILLE_FORMATS) / "pdf-only" / "deux-colonnes.pdf", {});
  ASSERT_EQ(r.documents.size(), 1u);
  const Document& d = r.documents[0];
  EXPECT_EQ(d.title, "Mobilité de la main-d'œuvre saisonnière entre le Maroc et l'Espagne");
  EXPECT_EQ(d.project_id, "LM.0417");
  EXPECT_EQ(d.start_year, 2019);
  EXPECT_EQ(d.countries, std::vector<std::string>{"MA"});
  const std::vector<std::string> in_order = {
      "Chaque printemps, plusieurs milliers de travailleuses marocaines partent récolter les fruits rouges",
      "les exploitations agricoles de la province de Huelva",
      "Le projet a d'abord accompagné l'agence nationale de l'emploi",
      "Sur place, des médiatrices",
      "de la province. Elles ont orienté les travailleuses",
      "Au retour, les participantes",
      "Les enseignements du projet",
      "un guichet unique pour les réclamations."};
  std::size_t at = 0;
  for (const auto& phrase : in_order) {
    const std::size_t found = d.body.find(phrase, at);
    EXPECT_NE(found, std::string::npos) << phrase << "\nbody:\n" << d.body;
    if (found != std::string::npos) at = found;
  }
}

// --- Hand-made PDFs ---

TEST(PdfReader, HandMadePdfsGiveTheirText) {
  struct Case {
    const char* name;
    std::string pdf;
    std::string title;    // expected Document::title
    std::string in_body;  // expected in the body
    std::string not_in_body;
  };
  const std::string body = "Le projet renforce les capacites des services sociaux.";
  const std::vector<Case> cases = {
      {"one line of text", pdf_of_pages({text_lines({"Appui aux migrants de retour au Senegal", "", body})}),
       "Appui aux migrants de retour au Senegal", "services sociaux", ""},
      {"title from the metadata when the body has none",
       pdf_of_pages({text_lines({body})}, "/Info 6 0 R", {"<< /Title (Fiche de projet sur la mobilite) >>"}),
       "Fiche de projet sur la mobilite", "capacites", ""},
      {"a file name as Title is not used: the text's own first line is",
       pdf_of_pages({text_lines({"Le projet forme les agents.", "", "", body})}, "/Info 6 0 R",
                    {"<< /Title (Microsoft Word - fiche.docx) >>"}),
       "Le projet forme les agents.", "capacites", "Microsoft"},
      {"running footer and page numbers dropped",
       pdf_of_pages({text_lines({"Gestion des frontieres au Sahel", "", body, "", "", "Rapport annuel 2024 - Page 1"}),
                     text_lines({"La deuxieme page parle de la formation des agents.", "", "", "",
                                 "Rapport annuel 2024 - Page 2"})}),
       "Gestion des frontieres au Sahel", "formation des agents", "Rapport annuel"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    TempFile file("case", c.pdf);
    const FileResult r = read_file(file.path(), {});
    ASSERT_EQ(r.documents.size(), 1u);
    EXPECT_EQ(r.documents[0].title, c.title);
    EXPECT_NE(r.documents[0].body.find(c.in_body), std::string::npos) << r.documents[0].body;
    if (!c.not_in_body.empty()) {
      EXPECT_EQ(r.documents[0].body.find(c.not_in_body), std::string::npos) << r.documents[0].body;
    }
  }
}

// Each is skipped with one line naming the file and the reason, and no crash.
TEST(PdfReader, UnreadablePdfsAreSkippedWithOneLine) {
  const std::string good = slurp(fs::path(FOUILLE_FORMATS) / "sahel-traite.pdf");
  ASSERT_GT(good.size(), 1000u);
  std::mt19937 rng(23);
  std::string random = "%PDF-1.7\n";
  for (int i = 0; i < 20000; ++i) random += static_cast<char>(rng() & 0xFF);
  // A Standard security handler whose user password is not empty.
  const std::string encrypt =
      "<< /Filter /Standard /V 1 /R 2 /P -44 "
      "/O <6A0C1F3B9E2D4C5B8A7F6E5D4C3B2A190817263544536271809F8E7D6C5B4A39> "
      "/U <1F2E3D4C5B6A79881F2E3D4C5B6A79881F2E3D4C5B6A79881F2E3D4C5B6A7988> >>";
  struct Case {
    const char* name;
    std::string bytes;
    const char* reason;
  };
  const std::vector<Case> cases = {
      {"encrypted",
       pdf_of_pages({text_lines({"Secret"})},
                    "/Encrypt 6 0 R /ID [<0123456789ABCDEF0123456789ABCDEF> "
                    "<0123456789ABCDEF0123456789ABCDEF>]",
                    {encrypt}),
       "encrypted PDF: "},
      {"scanned: a page with no text", pdf_of_pages({"0 0 1 rg 72 72 400 600 re f"}), "no text layer: scanned PDF?"},
      {"random bytes after %PDF-", random, "not a readable PDF"},
      {"only the header", "%PDF-1.7\n", "not a readable PDF"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    TempFile file("bad", c.bytes);
    try {
      (void)read_file(file.path(), {});
      ADD_FAILURE() << "read";
    } catch (const NoContentError& e) {
      const std::string what = describe(e, Lang::kEn);
      EXPECT_NE(what.find(c.reason), std::string::npos) << what;
      EXPECT_EQ(what.find('\n'), std::string::npos) << what;
      EXPECT_TRUE(what.starts_with(file.path().string() + ": skipped: ")) << what;
    }
  }
}

// A PDF cut anywhere gives a document or one line, never a crash.
TEST(PdfReader, TruncatedPdfNeverCrashes) {
  const std::string good = slurp(fs::path(FOUILLE_FORMATS) / "sahel-traite.pdf");
  for (std::size_t keep : {good.size() / 10, good.size() / 2, good.size() - 200, good.size() - 20}) {
    SCOPED_TRACE(keep);
    TempFile file("cut", good.substr(0, keep));
    try {
      const FileResult r = read_file(file.path(), {});
      EXPECT_EQ(r.documents.size(), 1u);
    } catch (const NoContentError& e) {
      EXPECT_EQ(describe(e, Lang::kEn).find('\n'), std::string::npos);
    }
  }
}

TEST(PdfReader, TextOverTheLimitIsCutWithAWarning) {
  ReadOptions options;
  options.max_text_bytes = 3000;
  const FileResult r = read_file(fs::path(FOUILLE_FORMATS) / "sahel-traite.pdf", options);
  ASSERT_EQ(r.documents.size(), 1u);
  EXPECT_EQ(r.documents[0].project_id, "CT.1731");
  EXPECT_LE(r.documents[0].body.size(), 3000u);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_NE(render(r.warnings[0], Lang::kEn).find("only the first"), std::string::npos)
      << render(r.warnings[0], Lang::kEn);
}

// --- The child process's limits ---

TEST(PdfExtract, LimitsEndTheChildNotTheCaller) {
  const std::string good = slurp(fs::path(FOUILLE_FORMATS) / "sahel-traite.pdf");
  struct Case {
    const char* name;
    detail::PdfLimits limits;
    PdfExtraction::Status status;
    const char* failure;  // in PdfExtraction::failure
  };
  detail::PdfLimits no_memory;
  no_memory.memory_bytes = 0;
  detail::PdfLimits no_cpu;
  no_cpu.cpu_seconds = 0;
  detail::PdfLimits small_text;
  small_text.max_text_bytes = 100;
  detail::PdfLimits two_pages;
  two_pages.max_pages = 2;
  const std::vector<Case> cases = {
      {"defaults", {}, PdfExtraction::Status::kText, ""},
      {"no memory to spare", no_memory, PdfExtraction::Status::kFailed, "over the memory limit"},
      {"no CPU time", no_cpu, PdfExtraction::Status::kFailed, "over the time limit"},
      {"text cut", small_text, PdfExtraction::Status::kText, ""},
      {"pages cut", two_pages, PdfExtraction::Status::kText, "only the first 2 of 3 pages read"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    const PdfExtraction x = detail::extract_pdf_isolated(good, c.limits);
    const std::string failure = render(x.failure, Lang::kEn);
    EXPECT_EQ(x.status, c.status) << failure;
    EXPECT_NE(failure.find(c.failure), std::string::npos) << failure;
    EXPECT_LE(x.text.size(), c.limits.max_text_bytes);
  }
}

// Several threads reading PDFs at once, as the indexer does: each read forks
// its own child; none waits on another's pipe or reaps another's child.
TEST(PdfReader, ConcurrentReadsFromThreads) {
  const fs::path sheet = fs::path(FOUILLE_FORMATS) / "sahel-traite.pdf";
  std::atomic<int> documents{0}, errors{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 8; ++i) {
        try {
          const FileResult r = read_file(sheet, {});
          if (r.documents.size() == 1 && r.documents[0].project_id == "CT.1731") ++documents;
        } catch (const CorpusError&) {
          ++errors;
        }
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(documents.load(), 32);
  EXPECT_EQ(errors.load(), 0);
}

TEST(PdfExtract, IsolatedEqualsInProcess) {
  const std::string good = slurp(fs::path(FOUILLE_FORMATS) / "sahel-traite.pdf");
  const PdfExtraction a = detail::extract_pdf(good, {});
  const PdfExtraction b = detail::extract_pdf_isolated(good, {});
  EXPECT_EQ(a.text, b.text);
  EXPECT_EQ(a.title, b.title);
  EXPECT_EQ(a.version, b.version);
  EXPECT_EQ(a.pages, 3);
  EXPECT_EQ(b.pages, 3);
}

TEST(PdfReader, LooksLikePdf) {
  struct Case {
    std::string head;
    bool pdf;
  };
  const std::vector<Case> cases = {
      {"%PDF-1.7\n", true},
      {"\xEF\xBB\xBF%PDF-1.4", true},
      {std::string(1000, ' ') + "%PDF-1.4", true},
      {std::string(1100, ' ') + "%PDF-1.4", false},
      {"%PDF", false},
      {"%PDF-", false},
      {"<html>%PDF-1.4</html>", true},  // a magic number is a magic number
      {"Le fichier commence par %PDF-, puis la version.", false},
      {"PK\x03\x04", false},
      {"", false},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.head.substr(0, 20));
    EXPECT_EQ(detail::looks_like_pdf(c.head), c.pdf);
  }
}

}  // namespace
}  // namespace fouille::corpus
