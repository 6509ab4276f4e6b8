// The floor fouille-index is measured against: what Xapian alone costs to
// index the same files, with none of fouille's work. Xapian's TermGenerator
// with its built-in French stemmer, first line as title (weighted) plus the
// rest as text, positions kept, one thread, one commit at the end.
//
//   bench-minimal-indexer DB PATH...
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>

#include <xapian.h>

int main(int argc, char** argv) {
  const char* usage = "usage: bench-minimal-indexer DB PATH...\n";
  if (argc == 2 && (std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h")) {
    std::fputs(usage, stdout);
    return 0;
  }
  if (argc < 3) {
    std::fputs(usage, stderr);
    return 2;
  }
  auto t0 = std::chrono::steady_clock::now();
  try {
    Xapian::WritableDatabase db(argv[1], Xapian::DB_CREATE_OR_OVERWRITE);
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("french"));
    std::size_t docs = 0, bytes = 0;
    for (int a = 2; a < argc; ++a) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(argv[a])) {
        if (!entry.is_regular_file()) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream buffer;
        buffer << in.rdbuf();
        std::string text = buffer.str();
        bytes += text.size();
        std::size_t eol = text.find('\n');
        Xapian::Document doc;
        generator.set_document(doc);
        generator.index_text(text.substr(0, eol), 3);
        generator.increase_termpos();
        if (eol != std::string::npos) generator.index_text(text.substr(eol + 1));
        doc.set_data(text.substr(0, eol));
        doc.add_boolean_term("Q" + entry.path().string());
        db.add_document(doc);
        ++docs;
      }
    }
    db.commit();
    double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("minimal-xapian: %zu documents, %.1f MB in %.2f s (%.0f docs/s)\n", docs,
                static_cast<double>(bytes) / 1e6, secs, static_cast<double>(docs) / secs);
  } catch (const Xapian::Error& e) {
    std::fprintf(stderr, "bench-minimal-indexer: %s\n", e.get_description().c_str());
    return 4;
  }
  return 0;
}
