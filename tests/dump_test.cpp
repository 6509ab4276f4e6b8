// fouille-index --dump reads the files an index run reads, on the same walk:
// it once walked folders its own way and dumped a file under .git/ that the
// index never held (#13). JSON Lines records stream through it, a bad one
// named by file:line.
#include <algorithm>
#include <set>
#include <sstream>
#include <string>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace fouille {
namespace {

namespace fs = std::filesystem;

const char* const kProject =
    "Titre du projet\nAppui aux migrants de retour\nStatut\nActif\n\n"
    "Le projet renforce la réintégration des migrants de retour au Sénégal.\n";

std::string index_bin() { return test::quote(FOUILLE_INDEX_BIN) + " --lang en"; }

TEST(Dump, ReadsWhatAnIndexRunReads) {
  test::ScratchDir dir("dump-walk");
  const fs::path in = dir / "in";
  test::write_file(in / "a.txt", kProject);
  test::write_file(in / "sous" / "b.txt", kProject);
  test::write_file(in / ".git" / "x.txt", kProject);  // hidden folder: neither dumped nor indexed
  test::write_file(in / ".brouillon.txt", kProject);
  test::write_file(
      in / "projets.jsonl",
      "{\"id\": \"CT.1001\", \"title\": \"Un\"}\n{\"id\": \n\n{\"id\": \"CT.1002\", \"title\": \"Deux\"}\n");
  const auto dump = test::run(index_bin() + " --dump " + test::quote(in.string()));
  EXPECT_EQ(dump.status, 0) << dump.errors;
  std::set<std::string> sources;
  std::istringstream lines(dump.output);
  for (std::string line; std::getline(lines, line);) sources.insert(nlohmann::json::parse(line).at("source"));
  const std::set<std::string> expected = {(in / "a.txt").string(), (in / "sous" / "b.txt").string(),
                                          (in / "projets.jsonl").string() + "#CT.1001",
                                          (in / "projets.jsonl").string() + "#CT.1002"};
  EXPECT_EQ(sources, expected);
  EXPECT_NE(dump.errors.find("projets.jsonl:2: bad JSON"), std::string::npos) << dump.errors;

  const auto index =
      test::run(index_bin() + " -q --json --db " + test::quote((dir / "db").string()) + " " + test::quote(in.string()));
  ASSERT_EQ(index.status, 0) << index.errors;
  EXPECT_EQ(nlohmann::json::parse(index.output).at("db_documents"), expected.size()) << index.output;

  // A hidden folder given as an input is read by both.
  const auto git = test::run(index_bin() + " --dump " + test::quote((in / ".git").string()));
  EXPECT_EQ(std::count(git.output.begin(), git.output.end(), '\n'), 1) << git.output;
}

}  // namespace
}  // namespace fouille
