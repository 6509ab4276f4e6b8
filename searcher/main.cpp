// fouille-search: ranked, faceted French search over a fouille database, and
// --analyze to see what the French analysis chain makes of text. Exit codes:
// 0 done (also when nothing matched), 2 usage or query syntax, 4 database.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <iostream>

#include <boost/program_options.hpp>
#include <xapian.h>

#include "fouille/corpus/numbers.h"
#include "fouille/corpus/printable.h"
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

// Splits the command line into options and query words, so that a query
// word starting with '-' (-europe, -déplacés) is a word, not an unknown
// option: options are --name, --name=value or one registered letter (-n),
// and an option taking a value takes the next argument whatever it holds
// (--limit -5 then fails as a negative limit). After "--" all are words.
std::vector<std::string> arrange_arguments(int argc, char** argv, const po::options_description& options) {
  std::vector<std::string> opts, words;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--") {
      for (++i; i < argc; ++i) words.emplace_back(argv[i]);
      break;
    }
    const bool is_long = arg.size() > 2 && arg.starts_with("--");
    const bool is_short = arg.size() == 2 && arg[0] == '-' && arg[1] != '-' &&
                          options.find_nothrow(arg, false) != nullptr;
    if (!is_long && !is_short) {
      words.push_back(arg);
      continue;
    }
    const std::string name = is_long ? arg.substr(2, arg.find('=') - 2) : arg;
    const po::option_description* d = options.find_nothrow(name, false);
    const bool takes_value = d && d->semantic()->max_tokens() > 0 && arg.find('=') == std::string::npos;
    if (takes_value && i + 1 < argc) {
      opts.push_back((is_long ? arg : "--" + d->long_name()) + "=" + argv[++i]);
    } else {
      opts.push_back(arg);
    }
  }
  opts.emplace_back("--");
  opts.insert(opts.end(), words.begin(), words.end());
  return opts;
}

// Every error: one line on stderr, and with --json a JSON object on stdout,
// with the exit code it returns.
int fail(bool json, const char* kind, const std::string& message, int code) {
  std::cerr << "fouille-search: " << corpus::printable(message) << "\n";
  if (json) {
    nlohmann::json j;
    j["error"] = {{"kind", kind}, {"message", message}, {"exit_code", code}};
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  po::options_description visible(kUsage);
  std::string db, analyze, like, sort = "relevance", op = "auto", facets, lang = "fr";
  std::vector<std::string> filters;
  std::string limit = "10", offset = "0";
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
    ("lang", po::value(&lang), "language of the facet labels, fr (default) or en (e.g. --lang en)")
    ("sort", po::value(&sort), "relevance (default), budget, -budget, year, -year (e.g. --sort -budget)")
    ("collapse", "one hit per project ID, the best one, with how many it hides (e.g. --collapse, when a project has a French and an English page)")
    ("limit,n", po::value(&limit), "hits to show, default 10 (e.g. --limit 20)")
    ("offset", po::value(&offset), "hits to skip, for the next page, default 0 (e.g. --offset 10)")
    ("operator", po::value(&op), "and | or: join words this way, no relaxing (default: and, then or after the documents holding every word when they are fewer than 3)")
    ("exact", "search the words as typed: no correction of unknown words, a suggestion only (e.g. --exact)")
    ("like", po::value(&like), "documents most like the one with this ID; a query, if any, restricts them (e.g. --like PX.0432)")
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
  bool json = false;
  for (int i = 1; i < argc && std::string_view(argv[i]) != "--"; ++i) json = json || std::string_view(argv[i]) == "--json";
  try {
    po::store(po::command_line_parser(arrange_arguments(argc, argv, all)).options(all).positional(positional).run(), vm);
    po::notify(vm);
  } catch (const po::error& e) {
    return fail(json, "usage", std::string(e.what()) + " (see --help)", 2);
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
    request.lang = lang;
    request.sort = searcher::parse_sort(sort, "--sort");
    request.collapse = vm.count("collapse") > 0;
    request.exact = vm.count("exact") > 0;
    request.like = like;
    request.limit = corpus::parse_count("--limit", limit, 0, SIZE_MAX);
    request.offset = corpus::parse_count("--offset", offset, 0, SIZE_MAX);
    request.op = searcher::parse_operator(op, "--operator");
    searcher::Searcher searcher(db);
    searcher::Result result = searcher.search(request);
    if (json) {
      std::cout << searcher::to_json(result).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
      print_text(result, isatty(STDOUT_FILENO));
    }
    return 0;
  } catch (const UsageError& e) {
    return fail(json, "usage", e.what(), 2);
  } catch (const QueryError& e) {
    std::string query;
    for (const auto& w : words) query += (query.empty() ? "" : " ") + w;
    if (query.size() > 60) query = query.substr(0, 60) + "…";
    return fail(json, "query", "query « " + query + " »: " + e.what(), 2);
  } catch (const IndexError& e) {
    return fail(json, "database", e.what(), 4);
  } catch (const std::exception& e) {
    return fail(json, "database", e.what(), 4);
  }
}
