// fouille-search: ranked, faceted French search over a fouille database, and
// --analyze to see what the French analysis chain makes of text. Exit codes:
// 0 done (also when nothing matched), 2 usage or query syntax, 4 database.
#include <unistd.h>

#include <cstdio>
#include <iostream>

#include <boost/program_options.hpp>
#include <xapian.h>

#include "fouille/searcher/request_options.h"
#include "fouille/searcher/searcher.h"
#include "fouille/stemming/analyzer.h"
#include "fouille/stemming/error.h"
#include "fouille/version.h"
#include "text_output.h"

namespace po = boost::program_options;
using namespace fouille;

namespace {

const char* kUsage = R"(Usage: fouille-search --db DIR [options] [QUERY...]
       fouille-search --analyze TEXT     (or --analyze - to read lines from stdin)

Searches the fouille database DIR. Words match through the French analysis
chain (accents, case, elisions, inflections); every word must match, and when
that finds fewer than 3 documents any word may, after them (the output says so).

Query language:
  traite êtres humains        every word (then any word, if few have all)
  "lutte contre la traite"    exact phrase        trafi*   prefix
  +oim -europe                required / excluded words
  traite OU trafic, traite ET victimes, traite SAUF interne, traite PRES femmes
  (also OR, AND, NOT, NEAR; parentheses group)
  titre:/title:  pays:/country:  région:/region:  type:  statut:/status:
  couverture:/coverage:  continent:  id:          e.g.  pays:Tadjikistan
  budget:100000..200000  budget:..150000  budget:150k..
  année:2022..2024 / year:2022..2024  (projects running in those years)
An empty query lists every document that passes the filters.

Examples:
  fouille-search --db projets.db "traite des êtres humains"
  fouille-search --db projets.db --filter region=Asia --filter statut=actif ""
  fouille-search --db projets.db --json --limit 5 "migration de main-d'œuvre"
  fouille-search --analyze "L’OIM renforce la lutte contre la traite"

Options)";

// One line per input line: the stemmed search terms, stop words left out.
int analyze_lines(std::istream& in) {
  stemming::Analyzer analyzer;
  std::vector<stemming::Token> tokens;
  std::string line, out;
  while (std::getline(in, line)) {
    tokens.clear();
    analyzer.analyze(line, tokens);
    out.clear();
    for (const auto& t : tokens) {
      if (t.stopword) continue;
      if (!out.empty()) out += ' ';
      out += t.term;
    }
    out += '\n';
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  return 0;
}

// Every token, with its position, the word it came from and its flags.
int analyze_text(const std::string& text) {
  stemming::Analyzer analyzer;
  std::vector<stemming::Token> tokens;
  analyzer.analyze(text, tokens);
  for (const auto& t : tokens) {
    std::printf("%u\t%s\t%.*s%s%s\n", t.position, t.term.c_str(), static_cast<int>(t.end - t.begin),
                text.data() + t.begin, t.stopword ? "\tstop" : "", t.joined ? "\tjoined" : "");
  }
  if (analyzer.invalid_bytes()) std::fprintf(stderr, "fouille-search: %zu invalid UTF-8 bytes ignored\n", analyzer.invalid_bytes());
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  po::options_description visible(kUsage);
  std::string db, analyze, sort = "relevance", op = "auto", facets;
  std::vector<std::string> filters;
  std::size_t limit = 10, offset = 0;
  visible.add_options()
    ("help,h", "show this help")
    ("version", "print the version")
    ("db,d", po::value(&db), "database folder made by fouille-index (e.g. --db projets.db)")
    ("filter,f", po::value(&filters)->composing(),
     "FIELD=VALUE, repeatable; one field's values are OR-ed, fields AND-ed; values as in documents, "
     "French or English (e.g. --filter pays=Comores --filter region=Asia --filter budget=100k..200k)")
    ("facets", po::value(&facets), "facets to count, comma-separated (default: region,project_type,status,"
     "countries,continent,coverage,year,budget_range; e.g. --facets countries,year)")
    ("no-facets", "count no facets: the fastest answer (e.g. --no-facets)")
    ("sort", po::value(&sort), "relevance (default), budget, -budget, year, -year (e.g. --sort -budget)")
    ("collapse", "one hit per project ID, the best one, with how many it hides (e.g. --collapse, when a project has a French and an English page)")
    ("limit,n", po::value(&limit)->default_value(10), "hits to show (e.g. --limit 20)")
    ("offset", po::value(&offset)->default_value(0), "hits to skip, for the next page (e.g. --offset 10)")
    ("operator", po::value(&op), "and | or: join words this way, no relaxing (default: and, then or after the documents holding every word when they are fewer than 3)")
    ("json", "print one JSON object, its shape in the README (e.g. --json | jq .hits[0])")
    ("analyze", po::value(&analyze), "print the terms the French chain makes of TEXT; '-' reads standard input "
     "and prints one line of search terms per input line");
  po::options_description hidden;
  std::vector<std::string> words;
  hidden.add_options()("query", po::value(&words));
  po::options_description all;
  all.add(visible).add(hidden);
  po::positional_options_description positional;
  positional.add("query", -1);

  po::variables_map vm;
  try {
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    std::cerr << "fouille-search: " << e.what() << " (see --help)\n";
    return 2;
  }
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return 0;
  }
  if (vm.count("version")) {
    std::cout << "fouille-search " << FOUILLE_VERSION << " (Xapian " << Xapian::version_string() << ")\n";
    return 0;
  }
  try {
    if (vm.count("analyze")) return analyze == "-" ? analyze_lines(std::cin) : analyze_text(analyze);
    if (db.empty()) throw UsageError("--db DIR is required (see --help)");
    searcher::Request request;
    for (const auto& w : words) request.query += (request.query.empty() ? "" : " ") + w;
    for (const auto& f : filters) request.filters.push_back(searcher::parse_filter(f, "--filter"));
    request.facets = searcher::split_list(facets);
    request.no_facets = vm.count("no-facets") > 0;
    request.sort = searcher::parse_sort(sort, "--sort");
    request.collapse = vm.count("collapse") > 0;
    request.limit = limit;
    request.offset = offset;
    request.op = searcher::parse_operator(op, "--operator");
    searcher::Searcher searcher(db);
    searcher::Result result = searcher.search(request);
    if (vm.count("json")) {
      std::cout << searcher::to_json(result).dump(2) << "\n";
    } else {
      print_text(result, isatty(STDOUT_FILENO));
    }
    return 0;
  } catch (const UsageError& e) {
    std::cerr << "fouille-search: " << e.what() << "\n";
    return 2;
  } catch (const QueryError& e) {
    std::cerr << "fouille-search: query « " << (words.empty() ? "" : words.front()) << (words.size() > 1 ? " …" : "")
              << " »: " << e.what() << "\n";
    return 2;
  } catch (const IndexError& e) {
    std::cerr << "fouille-search: " << e.what() << "\n";
    return 4;
  } catch (const std::exception& e) {
    std::cerr << "fouille-search: " << e.what() << "\n";
    return 4;
  }
}
