// Private to the tests: a database of the samples plus one document whose
// title holds markup, built once per test program.
#pragma once

#include <filesystem>
#include <string>

#include "fouille/indexer/indexer.h"

#include "test_support.h"

namespace fouille::server::test {

inline const char* kMarkupTitle = "Sensibilisation <script>alert(1)</script> & « migration sûre » à Dakar";

inline void write_markup_document(const std::filesystem::path& file) {
  fouille::test::write_file(file, std::string(kMarkupTitle) + R"(

  • Statut du projet
    Actif
  • Type de projet
    Migration de main-d'œuvre
  • Budget Amount (USD)
    95000.00
  • Date de début
    2024
  • Date de fin
    2025
  • IDF Region
    Afrique
  • Projet ID
    CT.9901
  • Etat(s) membre(s) beneficiaires remplissant les conditions requises
    Sénégal
Des animateurs informent les jeunes de Dakar sur les voies légales de migration de travail et sur les risques
des recrutements frauduleux. Le projet soutient aussi les associations de retour.
)");
}

/// Indexes the samples and the markup document into `dir`/db.
inline std::filesystem::path make_database(const fouille::test::ScratchDir& dir) {
  std::filesystem::create_directories(dir / "in");
  std::filesystem::copy(FOUILLE_SAMPLES, dir / "in" / "samples");
  write_markup_document(dir / "in" / "markup.txt");
  indexer::Options o;
  o.db = dir / "db";
  o.inputs = {dir / "in"};
  indexer::index(o, {}, {}, nullptr);
  return o.db;
}

/// The database of one test program, made on first use and removed at exit.
/// (Made from SetUp, not SetUpTestSuite: there a failure would only skip.)
inline const std::string& shared_database(const std::string& name) {
  static fouille::test::ScratchDir dir(name);
  static const std::string db = make_database(dir).string();
  return db;
}

}  // namespace fouille::server::test
