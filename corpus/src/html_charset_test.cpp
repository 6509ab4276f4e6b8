#include "html_charset.h"

#include <string>

#include <gtest/gtest.h>

#include "fouille/base/error.h"

namespace fouille::corpus::detail {
namespace {

TEST(HtmlCharset, DeclaredCharset) {
  struct Case {
    std::string head, expected;
  } cases[] = {
      {R"(<html><head><meta charset="ISO-8859-1"></head>)", "iso-8859-1"},
      {R"(<meta charset=windows-1252>)", "windows-1252"},
      {R"(<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=Windows-1252">)", "windows-1252"},
      {R"(<meta http-equiv="content-type" content="text/html;charset='utf-8'">)", "utf-8"},
      {R"(<meta name="description" content="charset de la page">)", ""},
      {R"(<p>charset=latin1</p>)", ""},
      {"", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.head);
    EXPECT_EQ(declared_charset(c.head), c.expected);
  }
}

TEST(HtmlCharset, Decodes) {
  struct Case {
    std::string bytes, text, charset;
  } cases[] = {
      // Declared Latin-1 is read as Windows-1252 (œ is 0x9C there).
      {"<meta charset=\"iso-8859-1\"><p>\xC9t\xE9 \x9C"
       "uvre</p>",
       "<meta charset=\"iso-8859-1\"><p>\xC3\x89t\xC3\xA9 \xC5\x93uvre</p>", "windows-1252"},
      // Saved again as UTF-8 by a browser, the old declaration kept: the bytes win.
      {"<meta charset=\"windows-1252\"><p>\xC3\xA9t\xC3\xA9</p>",
       "<meta charset=\"windows-1252\"><p>\xC3\xA9t\xC3\xA9</p>", "UTF-8"},
      // A byte order mark settles it.
      {"\xEF\xBB\xBF<p>\xC3\xA9</p>", "<p>\xC3\xA9</p>", "UTF-8"},
      {std::string("\xFF\xFE<\0p\0>\0\xE9\0", 10), "<p>\xC3\xA9", "UTF-16LE"},
      // A stray NUL byte is dropped, not a sign of a binary file.
      {std::string("<p>a\0b</p>", 10), "<p>ab</p>", "UTF-8"},
      // No declaration, legacy bytes: the detector decides.
      {"<p>Le projet soutient l'\xE9levage et la p\xEA"
       "che dans la r\xE9gion.</p>",
       "<p>Le projet soutient l'\xC3\xA9levage et la p\xC3\xAA"
       "che dans la r\xC3\xA9gion.</p>",
       "windows-1252"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.bytes);
    const HtmlText t = html_to_utf8(c.bytes);
    EXPECT_EQ(t.text, c.text);
    EXPECT_EQ(t.charset, c.charset);
  }
}

TEST(HtmlCharset, RefusesBlankAndBinary) {
  for (std::string bytes : {std::string(" \n\t "), std::string(200, '\x01')}) {
    SCOPED_TRACE(bytes.size());
    EXPECT_THROW(html_to_utf8(bytes), CorpusError);
  }
}

}  // namespace
}  // namespace fouille::corpus::detail
