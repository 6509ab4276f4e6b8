// fouille-shardd: serves one fouille database (a shard of a sharded index,
// or a whole one) over Xapian's remote protocol. It checks the database,
// prints one line saying what it serves, then becomes xapian-tcpsrv (Debian
// package xapian-tools), which serves it until stopped. Exit codes (before
// the hand-over): 2 usage, 4 the database cannot be served or xapian-tcpsrv
// cannot run; after it, xapian-tcpsrv's own.
#include <iostream>

#include "fouille/base/numbers.h"
#include "fouille/cli/tool.h"
#include "fouille/shard/shardd.h"

namespace po = boost::program_options;
using namespace fouille;

int main(int argc, char** argv) {
  cli::Tool tool("fouille-shardd", "shard.help.shardd_usage");
  tool.version_names_xapian();
  std::string db, port, interface = "127.0.0.1";
  tool.add_options()("db,d", po::value(&db), "shard.help.db")("port,p", po::value(&port), "shard.help.port")(
      "interface", po::value(&interface), "shard.help.interface");
  std::string lang;
  tool.language_option(&lang);
  if (auto done = tool.parse(argc, argv)) return *done;

  return tool.run([&]() -> int {
    if (db.empty() || port.empty()) throw UsageError(Message{"option.both_required", {"--db", "--port"}});
    const auto number = static_cast<unsigned>(base::parse_count("--port", port, 1, 65535));
    const shard::Served served = shard::check_database(db);
    std::cout << "fouille-shardd: " << render(shard::serving(served, interface, number), tool.lang()) << std::endl;
    shard::exec(shard::tcpsrv_command(db, number, interface));
  });
}
