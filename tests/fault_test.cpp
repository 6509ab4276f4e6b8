// Faults and hostile input through the command-line tools, as users meet
// them: bad option values, errors under --json, terminal escapes in
// documents, links out of the tree and link loops, special files, files that
// become empty, colliding sources, a read-only or full disk. Each case checks
// the one-line message, the documented exit code, and that the next run
// completes.
#include <fstream>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "test_support.h"

namespace fouille {
namespace {

namespace fs = std::filesystem;
using test::lines;
using test::quote;
using test::run;

// These tests read fouille-index's English; cli_conventions_test checks both languages.
const std::string kIndex = std::string(FOUILLE_INDEX_BIN) + " --lang en";
const std::string kSearch = FOUILLE_SEARCH_BIN;

bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::string project(const std::string& title, const std::string& words) {
  return "Titre du projet\n" + title + "\nStatut\nActif\n\n" + words + "\n";
}

test::CommandResult index(const fs::path& db, const std::string& args) {
  return run(kIndex + " --db " + quote(db.string()) + " " + args);
}
test::CommandResult search(const fs::path& db, const std::string& args) {
  return run(kSearch + " --db " + quote(db.string()) + " " + args);
}
std::size_t hits(const fs::path& db, const std::string& query) {
  auto r = search(db, "--json --limit 0 " + quote(query));
  if (r.status != 0) return SIZE_MAX;
  return nlohmann::json::parse(r.output)["total"]["value"].get<std::size_t>();
}

TEST(Faults, OptionValuesAreCheckedAndNamed) {
  test::ScratchDir dir("options");
  struct Case {
    std::string command, option;
  } const cases[] = {
      {kIndex + " --db " + (dir / "db").string() + " --jobs -1 " + FOUILLE_SAMPLES, "--jobs -1"},
      {kIndex + " --db " + (dir / "db").string() + " --batch -5 " + FOUILLE_SAMPLES, "--batch -5"},
      {kIndex + " --db " + (dir / "db").string() + " --batch 0 " + FOUILLE_SAMPLES, "--batch 0"},
      {kIndex + " --db " + (dir / "db").string() + " --max-size -1 " + FOUILLE_SAMPLES, "--max-size -1"},
      {kSearch + " --db " + (dir / "db").string() + " --limit -5 traite", "--limit -5"},
      {kSearch + " --db " + (dir / "db").string() + " --offset 99999999999999999999 traite", "--offset 9999"},
      {kSearch + " --db " + (dir / "db").string() + " --limit=abc traite", "--limit abc"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.command);
    auto r = run(c.command);
    EXPECT_EQ(r.status, 2);
    EXPECT_EQ(lines(r.errors), 1u) << r.errors;
    EXPECT_TRUE(has(r.errors, c.option)) << r.errors;
  }
  EXPECT_FALSE(fs::exists(dir / "db"));  // refused before anything was written
}

TEST(Faults, PagingBeyond32BitsAndDashWords) {
  test::ScratchDir dir("paging");
  ASSERT_EQ(index(dir / "db", FOUILLE_SAMPLES).status, 0);
  auto far = search(dir / "db", "--json --offset 4294967301 --limit 5000000000 \"\"");
  ASSERT_EQ(far.status, 0) << far.errors;
  auto j = nlohmann::json::parse(far.output);
  EXPECT_EQ(j["offset"].get<std::uint64_t>(), 4294967301u);
  EXPECT_EQ(j["limit"].get<std::uint64_t>(), 5000000000u);
  EXPECT_TRUE(j["hits"].empty());  // not wrapped to offset 5
  // "-europe" is an excluded word, as the README shows, with or without "--".
  auto dash = search(dir / "db", "--json -europe");
  ASSERT_EQ(dash.status, 0) << dash.errors;
  auto after = search(dir / "db", "--json -- -europe");
  ASSERT_EQ(after.status, 0) << after.errors;
  EXPECT_EQ(nlohmann::json::parse(dash.output)["total"], nlohmann::json::parse(after.output)["total"]);
  EXPECT_EQ(search(dir / "db", "--bogus traite").status, 2);
}

TEST(Faults, JsonErrorsOnStdoutKeepTheExitCode) {
  test::ScratchDir dir("json-errors");
  ASSERT_EQ(index(dir / "db", FOUILLE_SAMPLES).status, 0);
  struct Case {
    std::string args;
    int code;
    std::string kind;
  } const cases[] = {
      {"--json " + quote("année:2025..2020"), 2, "query"},
      {"--json --limit -1 traite", 2, "usage"},
      {"--json --bogus traite", 2, "usage"},
      {"--json --filter couleur=bleu traite", 2, "usage"},
      {"--json $'\\xff\\xfe'", 2, "query"},
      {"--json " + quote(std::string(5000, '(') + "a"), 2, "query"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.args);
    auto r = run("bash -c " + quote(kSearch + " --db " + (dir / "db").string() + " " + c.args));
    EXPECT_EQ(r.status, c.code) << r.errors;
    EXPECT_EQ(lines(r.errors), 1u) << r.errors;
    auto j = nlohmann::json::parse(r.output);
    EXPECT_EQ(j["error"]["kind"], c.kind);
    EXPECT_EQ(j["error"]["exit_code"], c.code);
    EXPECT_FALSE(j["error"]["message"].get<std::string>().empty());
  }
  auto missing = run(kSearch + " --json --db " + (dir / "none").string() + " traite");
  EXPECT_EQ(missing.status, 4);
  EXPECT_EQ(nlohmann::json::parse(missing.output)["error"]["kind"], "database");
}

// A title holding "\e]0;…\a" retitled the terminal, "\e[2J" cleared it.
TEST(Faults, TerminalEscapesNeverReachTheOutput) {
  test::ScratchDir dir("escapes");
  test::write_file(
      dir / "in" / "esc\x1b[2J.txt",
      project("Titre\x1b]0;pirate\a piégé", "Une bombe \x1b[2J dans le récit de la traite, Pays inconnu."));
  auto indexed = index(dir / "db", (dir / "in").string());
  ASSERT_EQ(indexed.status, 0) << indexed.errors;
  auto text = search(dir / "db", "traite");
  ASSERT_EQ(text.status, 0);
  EXPECT_TRUE(has(text.output, "piégé")) << text.output;
  EXPECT_FALSE(has(text.output, "\x1b")) << text.output;
  EXPECT_FALSE(has(text.output, "\a"));
  auto json = search(dir / "db", "--json traite");
  EXPECT_FALSE(has(json.output, "\x1b"));
  EXPECT_TRUE(has(json.output, "\\u001b")) << json.output;  // escaped, kept
  // Warnings name files: a file name's escapes are not printed either.
  test::write_file(dir / "bad" / "x\x1b]0;t\a.txt", "");
  auto warned = index(dir / "db2", (dir / "bad").string());
  EXPECT_EQ(warned.status, 3);
  EXPECT_TRUE(has(warned.errors, "skipped")) << warned.errors;
  EXPECT_FALSE(has(warned.errors, "\x1b"));
}

TEST(Faults, LinksOutOfTheTreeAndLoopsAreSkippedWithALine) {
  test::ScratchDir dir("links");
  test::write_file(dir / "outside" / "secret.txt", project("Secret", "motdepasse confidentiel zygomatique"));
  test::write_file(dir / "in" / "projet.txt", project("Projet", "Appui aux migrants de retour."));
  test::write_file(dir / "in" / "sub" / "inside.txt", project("Interne", "Un lien interne vers ce fichier."));
  fs::create_symlink(dir / "outside" / "secret.txt", dir / "in" / "lien.txt");
  fs::create_symlink(dir / "in" / "sub" / "inside.txt", dir / "in" / "interne.txt");
  fs::create_symlink(dir / "in" / "b.txt", dir / "in" / "a.txt");  // a -> b -> a
  fs::create_symlink(dir / "in" / "a.txt", dir / "in" / "b.txt");
  fs::create_directory_symlink(dir / "in", dir / "in" / "sub" / "haut");  // a folder loop
  ASSERT_EQ(::mkfifo((dir / "in" / "tube").c_str(), 0600), 0);

  auto r = index(dir / "db", (dir / "in").string());
  ASSERT_EQ(r.status, 0) << r.errors;
  EXPECT_TRUE(has(r.errors, "lien.txt: skipped: symbolic link to")) << r.errors;
  EXPECT_TRUE(has(r.errors, "--follow-links")) << r.errors;
  EXPECT_TRUE(has(r.errors, "a.txt: skipped: symbolic link loop")) << r.errors;
  EXPECT_TRUE(has(r.errors, "tube: skipped: a FIFO")) << r.errors;
  EXPECT_EQ(hits(dir / "db", "zygomatique"), 0u);
  EXPECT_EQ(hits(dir / "db", "interne"), 1u);  // a link inside the tree is one document
  EXPECT_EQ(hits(dir / "db", "migrants"), 1u);

  auto dumped = run(kIndex + " --dump " + quote((dir / "in").string()));
  EXPECT_EQ(dumped.status, 0) << dumped.errors;
  EXPECT_FALSE(has(dumped.output, "zygomatique"));
  EXPECT_TRUE(has(dumped.errors, "lien.txt: skipped: symbolic link to")) << dumped.errors;

  auto followed = index(dir / "db", "--follow-links " + (dir / "in").string());
  ASSERT_EQ(followed.status, 0) << followed.errors;
  EXPECT_EQ(hits(dir / "db", "zygomatique"), 1u);
}

// Folder permissions do not stop root, so as root the indexer runs as the
// unprivileged `nobody` (setpriv, util-linux) over a tree it owns.
TEST(Faults, UnreadableFolderIsOneLineAndTheRestIsIndexed) {
  test::ScratchDir dir("unreadable");
  test::write_file(dir / "in" / "ok.txt", project("Lisible", "Appui aux migrants."));
  test::write_file(dir / "in" / "ferme" / "cache.txt", project("Caché", "Un texte inaccessible."));
  std::string as_user;  // the command prefix that drops root
  if (::geteuid() == 0) {
    constexpr uid_t kNobody = 65534;
    for (const auto& entry : fs::recursive_directory_iterator(dir.path())) {
      ASSERT_EQ(::chown(entry.path().c_str(), kNobody, kNobody), 0) << entry.path();
    }
    ASSERT_EQ(::chown(dir.path().c_str(), kNobody, kNobody), 0);
    as_user = "setpriv --reuid=65534 --regid=65534 --clear-groups ";
  }
  fs::permissions(dir / "in" / "ferme", fs::perms::none);
  auto r = run(as_user + kIndex + " --db " + quote((dir / "db").string()) + " " + quote((dir / "in").string()));
  fs::permissions(dir / "in" / "ferme", fs::perms::owner_all);
  EXPECT_EQ(r.status, 0) << r.errors;
  EXPECT_TRUE(has(r.errors, "ferme: skipped: cannot list the folder")) << r.errors;
  EXPECT_EQ(hits(dir / "db", "migrants"), 1u);
  // Readable again: the next run completes.
  EXPECT_EQ(run(as_user + kIndex + " --db " + quote((dir / "db").string()) + " " + quote((dir / "in").string())).status,
            0);
  EXPECT_EQ(hits(dir / "db", "inaccessible"), 1u);
}

// A file rewritten over and over while the indexer reads it: the run ends
// normally, and the next run indexes what the file finally holds.
TEST(Faults, FileChangingWhileReadAndTheNextRunCatchesUp) {
  test::ScratchDir dir("changing");
  for (int i = 0; i < 300; ++i) {
    test::write_file(dir / "in" / ("p" + std::to_string(i) + ".txt"),
                     project("Projet", "Appui numéro " + std::to_string(i)));
  }
  const std::string target = (dir / "in" / "mobile.txt").string();
  const std::string writer =
      "for i in $(seq 1 400); do printf 'Titre du projet\\nMobile\\n\\n%0*d tatou\\n' $((i % 50 * 100)) 0 > " +
      quote(target) + "; done";
  auto r = run("(" + writer + ") & " + kIndex + " --db " + quote((dir / "db").string()) + " --jobs 2 " +
               quote((dir / "in").string()) + "; status=$?; wait; exit $status");
  EXPECT_EQ(r.status, 0) << r.errors;
  test::write_file(target, project("Mobile", "Un pangolin, enfin immobile."));
  fs::last_write_time(target, fs::file_time_type::clock::now() + std::chrono::seconds(5));
  auto again = index(dir / "db", (dir / "in").string());
  EXPECT_EQ(again.status, 0) << again.errors;
  EXPECT_EQ(hits(dir / "db", "pangolin"), 1u);
  EXPECT_EQ(hits(dir / "db", "tatou"), 0u);
  EXPECT_EQ(hits(dir / "db", "numéro"), 300u);
}

// Two indexers started at once on a new folder: the second used to find the
// first's half-made database and call the folder "not a fouille database".
TEST(Faults, TwoIndexersOnANewFolderDoNotMisreadEachOther) {
  test::ScratchDir dir("race");
  for (int round = 0; round < 5; ++round) {
    SCOPED_TRACE(round);
    const std::string db = quote((dir / ("db" + std::to_string(round))).string());
    auto r = run("(" + kIndex + " -q --db " + db + " " + FOUILLE_SAMPLES + " 2>&1; echo \"exit $?\") & " + kIndex +
                 " -q --db " + db + " " + FOUILLE_SAMPLES + " 2>&1; echo \"exit $?\"; wait");
    EXPECT_FALSE(has(r.output, "holds no fouille database")) << r.output;
    EXPECT_TRUE(has(r.output, "exit 0")) << r.output;
    std::size_t ended = 0;
    for (std::size_t at = r.output.find("exit "); at != std::string::npos; at = r.output.find("exit ", at + 1)) ++ended;
    EXPECT_EQ(ended, 2u) << r.output;  // both ran to an end
    if (has(r.output, "exit 4")) {
      EXPECT_TRUE(has(r.output, "being indexed by another process")) << r.output;
    }
  }
}

TEST(Faults, FileThatBecomesEmptyOrBinaryLosesItsDocuments) {
  test::ScratchDir dir("stale");
  test::write_file(dir / "in" / "vide.txt", project("Vide", "Appui kangourou aux migrants."));
  test::write_file(dir / "in" / "binaire.txt", project("Binaire", "Appui ornithorynque aux migrants."));
  test::write_file(dir / "in" / "reste.txt", project("Reste", "Appui aux migrants de retour."));
  ASSERT_EQ(index(dir / "db", (dir / "in").string()).status, 0);
  ASSERT_EQ(hits(dir / "db", "kangourou"), 1u);
  ASSERT_EQ(hits(dir / "db", "ornithorynque"), 1u);
  test::write_file(dir / "in" / "vide.txt", "");
  test::write_file(dir / "in" / "binaire.txt", std::string("PK\x03\x04\0\0\0\x08", 8));
  auto r = index(dir / "db", "--prune " + (dir / "in").string());
  EXPECT_EQ(r.status, 0) << r.errors;
  EXPECT_TRUE(has(r.output, "2 removed")) << r.output;
  EXPECT_EQ(hits(dir / "db", "kangourou"), 0u);
  EXPECT_EQ(hits(dir / "db", "ornithorynque"), 0u);
  EXPECT_EQ(hits(dir / "db", "migrants"), 1u);
}

// A text file named "a.jsonl#x" and record x of "a.jsonl" shared one source
// term: indexing one silently deleted the other.
TEST(Faults, FileNamedLikeARecordIsItsOwnDocument) {
  test::ScratchDir dir("collision");
  test::write_file(dir / "in" / "a.jsonl",
                   "{\"id\": \"x\", \"title\": \"Enregistrement\", \"body\": \"capybara\"}\n"
                   "{\"id\": \"y\", \"title\": \"Autre\", \"body\": \"capybara\"}\n");
  test::write_file(dir / "in" / "a.jsonl#x", project("Fichier", "Un capybara dans un fichier texte."));
  ASSERT_EQ(index(dir / "db", (dir / "in").string()).status, 0);
  EXPECT_EQ(hits(dir / "db", "capybara"), 3u);
  fs::last_write_time(dir / "in" / "a.jsonl", fs::file_time_type::clock::now() + std::chrono::seconds(5));
  ASSERT_EQ(index(dir / "db", (dir / "in").string()).status, 0);  // the records again
  EXPECT_EQ(hits(dir / "db", "capybara"), 3u);
}

// A Latin-1 file name was skipped with a raw JSON library error, on every run.
TEST(Faults, FileNameThatIsNotUtf8IsIndexed) {
  test::ScratchDir dir("latin1-name");
  test::write_file(dir / "in" / "r\xE9sum\xE9.txt", project("Résumé", "Un wombat dans un fichier mal nommé."));
  auto r = index(dir / "db", (dir / "in").string());
  EXPECT_EQ(r.status, 0) << r.errors;
  EXPECT_EQ(hits(dir / "db", "wombat"), 1u);
  auto text = search(dir / "db", "wombat");
  EXPECT_EQ(text.status, 0);
  EXPECT_TRUE(has(text.output, "Résumé"));
  // Unchanged on the next run: its raw bytes still name it.
  EXPECT_TRUE(has(index(dir / "db", (dir / "in").string()).output, "1 unchanged"));
}

TEST(Faults, StrayByteKeepsUtf8AndIsCounted) {
  test::ScratchDir dir("stray");
  test::write_file(dir / "p.txt", project("Réintégration économique", "Les bénéficiaires \xE9 reçoivent une aide."));
  auto r = run(kIndex + " --dump " + (dir / "p.txt").string());
  ASSERT_EQ(r.status, 0) << r.errors;
  EXPECT_TRUE(has(r.output, "Réintégration économique")) << r.output;
  EXPECT_TRUE(has(r.errors, "1 invalid UTF-8 byte sequence replaced")) << r.errors;
}

// A folder on a small tmpfs, for the full and read-only disk cases; skipped
// where mounting is not permitted.
class SmallDisk {
 public:
  SmallDisk(const fs::path& dir, const std::string& size) : dir_(dir) {
    fs::create_directories(dir_);
    mounted_ = ::mount("tmpfs", dir_.c_str(), "tmpfs", 0, ("size=" + size).c_str()) == 0;
  }
  ~SmallDisk() {
    if (mounted_) ::umount2(dir_.c_str(), MNT_DETACH);
  }
  bool mounted() const { return mounted_; }
  bool read_only(bool on) {
    return ::mount("tmpfs", dir_.c_str(), "tmpfs", MS_REMOUNT | (on ? MS_RDONLY : 0), nullptr) == 0;
  }

 private:
  fs::path dir_;
  bool mounted_ = false;
};

TEST(Faults, ReadOnlyDatabaseFolderIsNamedAsSuch) {
  test::ScratchDir dir("readonly");
  SmallDisk disk(dir / "disk", "16m");
  if (!disk.mounted()) GTEST_SKIP() << "mounting a tmpfs is not permitted here (needs root)";
  ASSERT_EQ(index(dir / "disk" / "db", FOUILLE_SAMPLES).status, 0);
  ASSERT_TRUE(disk.read_only(true));
  test::write_file(dir / "in" / "new.txt", project("Nouveau", "Appui aux migrants."));
  auto r = index(dir / "disk" / "db", (dir / "in").string());
  EXPECT_EQ(r.status, 4);
  EXPECT_EQ(lines(r.errors), 1u) << r.errors;
  EXPECT_TRUE(has(r.errors, "cannot write in the database folder")) << r.errors;
  EXPECT_FALSE(has(r.errors, "another process")) << r.errors;
  EXPECT_EQ(search(dir / "disk" / "db", "traite").status, 0);  // searching still works
  ASSERT_TRUE(disk.read_only(false));
  EXPECT_EQ(index(dir / "disk" / "db", (dir / "in").string()).status, 0);
}

// Full disk during a sharded build, an update and a prune: one line, exit 4,
// the database at its last commit, and the next run on a roomier disk
// completes.
TEST(Faults, FullDiskStopsWithOneLineAndTheNextRunCompletes) {
  test::ScratchDir dir("full");
  std::string words;
  for (int w = 0; w < 400; ++w) words += "mot" + std::to_string(w * 7919 % 100003) + " ";
  for (int i = 0; i < 400; ++i) {
    test::write_file(dir / "in" / ("p" + std::to_string(i) + ".txt"),
                     project("Projet " + std::to_string(i), words + " unique" + std::to_string(i)));
  }
  {
    SmallDisk disk(dir / "disk", "3m");
    if (!disk.mounted()) GTEST_SKIP() << "mounting a tmpfs is not permitted here (needs root)";
    const fs::path db = dir / "disk" / "db";
    ASSERT_EQ(index(dir / "disk" / "small", FOUILLE_SAMPLES).status, 0);  // an update of a database holding documents
    auto update = index(dir / "disk" / "small", "--batch 50 " + (dir / "in").string());
    EXPECT_EQ(update.status, 4) << update.output << update.errors;
    EXPECT_EQ(lines(update.errors), 1u) << update.errors;
    EXPECT_TRUE(has(update.errors, "disk full")) << update.errors;
    const std::size_t kept = hits(dir / "disk" / "small", "traite");  // the samples, as last committed
    EXPECT_GE(kept, 1u);
    EXPECT_NE(kept, SIZE_MAX);
    fs::remove_all(dir / "disk" / "small");
    for (const char* jobs : {"2", "1"}) {  // a sharded build, then an update from empty
      SCOPED_TRACE(jobs);
      auto full = index(db, std::string("--jobs ") + jobs + " --batch 50 " + (dir / "in").string());
      EXPECT_EQ(full.status, 4) << full.output << full.errors;
      EXPECT_EQ(lines(full.errors), 1u) << full.errors;
      EXPECT_TRUE(has(full.errors, "disk full")) << full.errors;
      EXPECT_FALSE(fs::exists(db / ".build"));    // no partial shards left taking the space
      EXPECT_EQ(search(db, "projet").status, 0);  // the last commit still reads
    }
  }
  // Room again: the next run completes with every file.
  SmallDisk roomy(dir / "disk2", "64m");
  auto ok = index(dir / "disk2" / "db", "--jobs 1 " + (dir / "in").string());
  EXPECT_EQ(ok.status, 0) << ok.errors;
  EXPECT_EQ(hits(dir / "disk2" / "db", "unique399"), 1u);
}

// Writes a file filling what room `dir`'s disk has left.
void fill(const fs::path& file) {
  std::ofstream out(file, std::ios::binary);
  const std::string block(64 * 1024, 'x');
  while (out.write(block.data(), block.size())) {
  }
  out.close();
  std::ofstream(file, std::ios::binary | std::ios::app) << 'x';  // the last bytes a block left
}

// Full disk during the merge of a sharded build alone. On 400 such files
// the shards take 4.8 MB and the merge up to 4 MB more (measured with du
// while a build ran on a roomy tmpfs): on 7.2 MB the shards are all written
// (du saw them whole and gen-2 at 2.2 MB when the run stopped) and the
// merge runs out of room.
TEST(Faults, FullDiskDuringTheMergeKeepsTheLastCommit) {
  test::ScratchDir dir("full-merge");
  std::string words;
  for (int w = 0; w < 400; ++w) words += "mot" + std::to_string(w * 7919 % 100003) + " ";
  for (int i = 0; i < 400; ++i) {
    test::write_file(dir / "in" / ("p" + std::to_string(i) + ".txt"),
                     project("Projet " + std::to_string(i), words + " unique" + std::to_string(i)));
  }
  SmallDisk disk(dir / "disk", "7200k");
  if (!disk.mounted()) GTEST_SKIP() << "mounting a tmpfs is not permitted here (needs root)";
  const fs::path db = dir / "disk" / "db";
  auto r = index(db, "--jobs 2 " + (dir / "in").string());
  EXPECT_EQ(r.status, 4) << r.output << r.errors;
  EXPECT_EQ(lines(r.errors), 1u) << r.errors;
  EXPECT_TRUE(has(r.errors, "disk full")) << r.errors;
  EXPECT_FALSE(fs::exists(db / ".build"));  // neither the shards nor the half-merged generation stay
  EXPECT_FALSE(fs::exists(db / "gen-2"));
  auto empty = search(db, "--json --limit 0 projet");
  EXPECT_EQ(empty.status, 0) << empty.errors;  // the database as last committed: empty, and readable
  EXPECT_EQ(hits(db, "projet"), 0u);
  // Room again: the next run completes with every file.
  SmallDisk roomy(dir / "disk2", "64m");
  fs::copy(db, dir / "disk2" / "db", fs::copy_options::recursive);
  auto ok = index(dir / "disk2" / "db", "--jobs 2 " + (dir / "in").string());
  EXPECT_EQ(ok.status, 0) << ok.errors;
  EXPECT_EQ(hits(dir / "disk2" / "db", "projet"), 400u);
}

// Full disk while pruning alone: the files are unchanged, only the removal
// of the documents of deleted files writes, and finds no room.
TEST(Faults, FullDiskDuringAPruneKeepsTheLastCommit) {
  test::ScratchDir dir("full-prune");
  for (int i = 0; i < 60; ++i) {
    test::write_file(
        dir / "in" / ("p" + std::to_string(i) + ".txt"),
        project("Projet " + std::to_string(i), "Appui aux migrants de retour, unique" + std::to_string(i)));
  }
  SmallDisk disk(dir / "disk", "8m");
  if (!disk.mounted()) GTEST_SKIP() << "mounting a tmpfs is not permitted here (needs root)";
  const fs::path db = dir / "disk" / "db";
  ASSERT_EQ(index(db, "--jobs 1 " + (dir / "in").string()).status, 0);
  for (int i = 0; i < 30; ++i) fs::remove(dir / "in" / ("p" + std::to_string(i) + ".txt"));
  fill(dir / "disk" / "filler");
  auto r = index(db, "--prune --jobs 1 " + (dir / "in").string());
  EXPECT_EQ(r.status, 4) << r.output << r.errors;
  EXPECT_EQ(lines(r.errors), 1u) << r.errors;
  EXPECT_TRUE(has(r.errors, "disk full")) << r.errors;
  EXPECT_EQ(hits(db, "projet"), 60u);  // nothing pruned: the last commit
  fs::remove(dir / "disk" / "filler");
  auto ok = index(db, "--prune --jobs 1 " + (dir / "in").string());
  EXPECT_EQ(ok.status, 0) << ok.errors;
  EXPECT_TRUE(has(ok.output, "30 removed")) << ok.output;
  EXPECT_EQ(hits(db, "projet"), 30u);
  EXPECT_EQ(hits(db, "unique3"), 0u);
  EXPECT_EQ(hits(db, "unique45"), 1u);
}

}  // namespace
}  // namespace fouille
