// fouille-search: ranked, faceted French search over a fouille database, and
// --analyze to see what the French analysis chain makes of text. Exit codes:
// 0 done (also when nothing matched), 2 usage or query syntax, 4 database.
#include <iostream>
#include <unistd.h>

#include "fouille/base/error.h"
#include "fouille/base/numbers.h"
#include "fouille/cli/tool.h"
#include "fouille/searcher/index.h"
#include "fouille/searcher/request_options.h"
#include "fouille/searcher/result_json.h"
#include "fouille/searcher/session.h"

#include "analyze_output.h"
#include "text_output.h"

namespace po = boost::program_options;
using namespace fouille;

int main(int argc, char** argv) {
  cli::Tool tool("fouille-search", "help.search.usage");
  tool.version_names_xapian();
  tool.words_may_start_with_dash();
  tool.json_errors();
  std::string db, analyze, facet_size = "8";
  searcher::RequestText text;
  tool.add_options()("db,d", po::value(&db), "help.search.db")("filter,f", po::value(&text.filters)->composing(),
                                                               "help.search.filter")(
      "facets", po::value(&text.facets), "help.search.facets")("no-facets", "help.search.no_facets")(
      "facet-size", po::value(&facet_size), "help.search.facet_size")(
      "sort", po::value(&text.sort), "help.search.sort")("collapse", "help.search.collapse")(
      "limit,n", po::value(&text.limit), "help.search.limit")("offset", po::value(&text.offset), "help.search.offset")(
      "operator", po::value(&text.op), "help.search.operator")("exact", "help.search.exact")(
      "like", po::value(&text.like), "help.search.like")("json", "help.search.json")("analyze", po::value(&analyze),
                                                                                     "help.search.analyze");
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
    searcher::Session session(std::make_shared<searcher::Index>(db));
    const searcher::Result result = session.search(request);
    if (tool.json()) {
      std::cout << searcher::to_json(result).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
      print_text(result, output);
    }
    return 0;
  });
}
