#include <gtest/gtest.h>

#include "fouille/base/error.h"
#include "fouille/corpus/reader.h"

namespace fouille::corpus {
namespace {

struct DecodeCase {
  std::string bytes;
  std::string text;
  std::string encoding;
};

TEST(Decode, ReadsEveryEncodingAsUtf8WithLf) {
  const DecodeCase cases[] = {
      {"Année\n", "Année\n", "UTF-8"},
      {"\xEF\xBB\xBF"
       "Année",
       "Année", "UTF-8 (BOM)"},
      {std::string("\xFF\xFE"
                   "A\0n\0n\0\xE9\0"
                   "e\0",
                   12),
       "Année", "UTF-16LE"},
      {std::string("\xFE\xFF\0A\0n\0n\0\xE9\0e", 12), "Année", "UTF-16BE"},
      {"Ann\xE9"
       "e \x92"
       "a l\x92\x9C"
       "uvre pour les b\xE9n\xE9"
       "ficiaires",
       "Année ’a l’œuvre pour les bénéficiaires", ""},
      {"ligne 1\r\nligne 2\rligne 3", "ligne 1\nligne 2\nligne 3", "UTF-8"},
      // Runs of blank lines shrink to two: 19 MB of them took 2.7 GB to read.
      {"Titre\n\n \n\t\n\r\n\n\nTexte\n\n", "Titre\n\n\nTexte\n\n", "UTF-8"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.text);
    std::string encoding;
    EXPECT_EQ(decode(c.bytes, &encoding), c.text);
    if (!c.encoding.empty()) {
      EXPECT_EQ(encoding, c.encoding);
    }
  }
}

// One stray byte in a UTF-8 file used to make the whole file Windows-1252.
TEST(Decode, MostlyValidUtf8StaysUtf8WithBadBytesReplacedAndCounted) {
  std::string encoding;
  std::size_t replaced = 0;
  EXPECT_EQ(decode("Année \xE9t\xE9 : bénéficiaires à Sévaré\n", &encoding, &replaced),
            "Année \xEF\xBF\xBDt\xEF\xBF\xBD : bénéficiaires à Sévaré\n");
  EXPECT_EQ(encoding, "UTF-8");
  EXPECT_EQ(replaced, 2u);
  // Legacy text has no valid sequence: still read as Windows-1252, nothing replaced.
  EXPECT_EQ(decode("Ann\xE9"
                   "e \xE0 S\xE9var\xE9",
                   &encoding, &replaced),
            "Année à Sévaré");
  EXPECT_EQ(replaced, 0u);
  EXPECT_EQ(decode("déjà", &encoding, &replaced), "déjà");
  EXPECT_EQ(replaced, 0u);
}

// UTF-16 without a byte order mark was called binary for its NUL bytes.
TEST(Decode, ReadsUtf16WithoutBom) {
  const std::string le(
      "A\0n\0n\0\xE9\0"
      "e\0 \0"
      "2\0"
      "0\0"
      "2\0"
      "4\0",
      20);
  std::string be;
  for (std::size_t i = 0; i < le.size(); i += 2) be += std::string{le[i + 1], le[i]};
  std::string encoding;
  EXPECT_EQ(decode(le, &encoding), "Année 2024");
  EXPECT_EQ(encoding, "UTF-16LE (no BOM)");
  EXPECT_EQ(decode(be, &encoding), "Année 2024");
  EXPECT_EQ(encoding, "UTF-16BE (no BOM)");
  EXPECT_THROW(decode(std::string("PK\x03\x04\0\0\0\x08\0\0\x14\0", 12)), CorpusError);
}

TEST(Decode, RefusesEmptyAndBinaryContent) {
  EXPECT_THROW(decode(""), CorpusError);
  EXPECT_THROW(decode(" \n\t\n"), CorpusError);
  EXPECT_THROW(decode(std::string("PK\x03\x04\0\0\0\x08", 8)), CorpusError);
  std::string controls(200, '\x01');
  EXPECT_THROW(decode(controls), CorpusError);
}

// Files are decoded a chunk at a time past their first MiB: a CRLF, a UTF-16
// code unit or a UTF-8 sequence cut by a chunk's end reads as if whole.
TEST(Decode, ChunkBoundariesAreInvisible) {
  // "Z" then 16-byte lines: a CR falls on the head's last byte (1 MiB - 1).
  std::string crlf = "Z", lf = "Z";
  for (int i = 0; i < 200000; ++i) {
    crlf += "abcdéfghijklm\r\n";
    lf += "abcdéfghijklm\n";
  }
  ASSERT_EQ(crlf.size() % 16, 1u);
  EXPECT_EQ(decode(crlf), lf);
  // UTF-16LE with BOM: "é" and a surrogate pair (U+1F30D) on both sides of every boundary.
  std::string utf16 = "\xFF\xFE", expected;
  for (int i = 0; i < 150000; ++i) {
    utf16 += std::string(
        "\xE9\0"
        "a\0"
        "\x3C\xD8\x0D\xDF"
        "\n\0",
        10);
    expected +=
        "\xC3\xA9"
        "a"
        "\xF0\x9F\x8C\x8D"
        "\n";
  }
  std::string encoding;
  EXPECT_EQ(decode(utf16, &encoding), expected);
  EXPECT_EQ(encoding, "UTF-16LE");
}

}  // namespace
}  // namespace fouille::corpus
