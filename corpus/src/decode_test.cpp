#include <gtest/gtest.h>

#include "fouille/corpus/reader.h"
#include "fouille/stemming/error.h"

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
      {"\xEF\xBB\xBF" "Année", "Année", "UTF-8 (BOM)"},
      {std::string("\xFF\xFE" "A\0n\0n\0\xE9\0" "e\0", 12), "Année", "UTF-16LE"},
      {std::string("\xFE\xFF\0A\0n\0n\0\xE9\0e", 12), "Année", "UTF-16BE"},
      {"Ann\xE9" "e \x92" "a l\x92\x9C" "uvre pour les b\xE9n\xE9" "ficiaires", "Année ’a l’œuvre pour les bénéficiaires", ""},
      {"ligne 1\r\nligne 2\rligne 3", "ligne 1\nligne 2\nligne 3", "UTF-8"},
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

TEST(Decode, RefusesEmptyAndBinaryContent) {
  EXPECT_THROW(decode(""), CorpusError);
  EXPECT_THROW(decode(" \n\t\n"), CorpusError);
  EXPECT_THROW(decode(std::string("PK\x03\x04\0\0\0\x08", 8)), CorpusError);
  std::string controls(200, '\x01');
  EXPECT_THROW(decode(controls), CorpusError);
}

}  // namespace
}  // namespace fouille::corpus
