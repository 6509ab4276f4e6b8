// fouille-search: ranked, faceted French search over a fouille database, and
// --analyze to see what the French analysis chain makes of text. Exit codes:
// 0 done (also when nothing matched), 2 usage or query syntax, 4 database.
#include <iostream>
#include <unistd.h>

#include "fouille/base/error.h"
#include "fouille/base/numbers.h"
#include "fouille/cli/tool.h"
#include "fouille/searcher/request_options.h"
#include "fouille/searcher/result_json.h"
#include "fouille/searcher/searcher.h"

#include "analyze_output.h"
#include "text_output.h"

namespace po = boost::program_options;
using namespace fouille;

namespace {

const char* kUsage = R"(Usage: fouille-search --db DIR [options] [QUERY...]
       fouille-search --analyze TEXT     (or --analyze - to read lines from stdin)

Searches the fouille database DIR. Words match through the French analysis
chain (accents, case, elisions, inflections); every word must match, and when
that finds fewer than 10 documents any word may, after them (the output says so).

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

}  // namespace

int main(int argc, char** argv) {
  cli::Tool tool("fouille-search", kUsage);
  tool.version_names_xapian();
  tool.words_may_start_with_dash();
  tool.json_errors();
  std::string db, analyze, facet_size = "8";
  searcher::RequestText text;
  tool.add_options()("db,d", po::value(&db), "database folder made by fouille-index (e.g. --db projets.db)")(
      "filter,f", po::value(&text.filters)->composing(),
      "FIELD=VALUE, repeatable; one field's values are OR-ed, fields AND-ed; values as in documents, "
      "French or English (e.g. --filter pays=Comores --filter region=Asia --filter budget=100k..200k)")(
      "facets", po::value(&text.facets),
      "facets to count, comma-separated (default: region,project_type,status,"
      "countries,continent,coverage,year,budget_range; e.g. --facets countries,year)")(
      "no-facets", "count no facets: the fastest answer (e.g. --no-facets)")(
      "facet-size", po::value(&facet_size),
      "values shown per facet, default 8; the year facet shows the newest "
      "years (e.g. --facet-size 20)")("sort", po::value(&text.sort),
                                      "relevance (default), budget, -budget, year, -year (e.g. --sort -budget)")(
      "collapse",
      "one hit per project ID, the best one, with how many it hides (e.g. --collapse, when a project has a French and "
      "an English page)")("limit,n", po::value(&text.limit), "hits to show, default 10 (e.g. --limit 20)")(
      "offset", po::value(&text.offset), "hits to skip, for the next page, default 0 (e.g. --offset 10)")(
      "operator", po::value(&text.op),
      "and | or: join words this way, no relaxing (default: and, then or after the documents holding every word when "
      "they are fewer than 10)")(
      "exact", "search the words as typed: no correction of unknown words, a suggestion only (e.g. --exact)")(
      "like", po::value(&text.like),
      "documents most like the one with this ID; a query, if any, restricts them (e.g. --like PX.0432)")(
      "json", "print one JSON object, its shape in the README (e.g. --json | jq .hits[0])")(
      "analyze", po::value(&analyze),
      "print the terms the French chain makes of TEXT; '-' reads standard input "
      "and prints one line of search terms per input line");
  tool.language_option(&text.lang);
  tool.color_option();
  tool.positional("query", &text.words);
  if (auto done = tool.parse(argc, argv)) return *done;
  tool.set_query(searcher::join_words(text.words));

  return tool.run([&] {
    if (tool.has("analyze")) return analyze == "-" ? analyze_lines(std::cin) : analyze_text(analyze);
    if (db.empty()) throw UsageError(Message{"option.db_required", {}});
    TextOptions output;
    output.facet_size = base::parse_count("--facet-size", facet_size, 1, 10000);
    output.color = tool.color(STDOUT_FILENO);
    text.no_facets = tool.has("no-facets");
    text.collapse = tool.has("collapse");
    text.exact = tool.has("exact");
    const searcher::Request request = searcher::parse_request(text);
    searcher::Searcher searcher(db);
    const searcher::Result result = searcher.search(request);
    if (tool.json()) {
      std::cout << searcher::to_json(result).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
      print_text(result, output);
    }
    return 0;
  });
}
