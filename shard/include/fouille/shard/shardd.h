// What fouille-shardd does before it hands over to Xapian's own server:
// checks that a folder holds a fouille database it may serve, says what it
// serves, and runs stock xapian-tcpsrv (Debian package xapian-tools) in its
// place, so the process, its pid and its signals are the server's.
//
//   fouille::shard::Served s = fouille::shard::check_database("s1.db");
//   std::cout << render(fouille::shard::serving(s, "127.0.0.1", 7301), lang) << std::endl;
//   fouille::shard::exec(fouille::shard::tcpsrv_command("s1.db", 7301, "127.0.0.1"));  // returns only by throwing
//
// xapian-tcpsrv opens the folder anew for each connection, through its stub
// (fouille/store/database_layout.h): a new connection sees the latest commit
// and the latest generation; one open across a rebuild keeps the old one.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "fouille/base/message.h"

namespace fouille::shard {

/// A database fit to serve.
struct Served {
  std::string spec;           ///< the shard it was built as, "i/L"; "" for a whole index
  std::size_t documents = 0;  ///< its documents
};

/// Opens `dir` read-only and checks it is a fouille database indexed by this
/// build's analysis. Throws IndexError naming `dir`: it does not open
/// (index.cannot_open), it has no analysis signature (shard.not_fouille), or
/// another one (shard.stale).
Served check_database(const std::filesystem::path& dir);

/// "shard 1/2: 12 documents, serving on 127.0.0.1:7301" (or "the whole index: …").
Message serving(const Served& served, const std::string& interface, unsigned port);

/// The command line of xapian-tcpsrv serving `dir` on `interface`:`port`.
std::vector<std::string> tcpsrv_command(const std::filesystem::path& dir, unsigned port, const std::string& interface);

/// Replaces this process with `command` (execvp, found on the PATH). Returns
/// only by throwing IndexError (shard.no_tcpsrv) saying why it could not run.
[[noreturn]] void exec(const std::vector<std::string>& command);

}  // namespace fouille::shard
