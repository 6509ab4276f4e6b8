// Helpers shared by the integration tests: scratch folders and running the
// real command-line tools.
#pragma once

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

#include "fouille/testsupport/scratch_dir.h"

namespace fouille::test {

/// The tools speak the user's language (LC_ALL, LC_MESSAGES, then LANG): the
/// tests run them in French whatever the machine's locale, unless a command
/// sets its own (LANG=en_GB.UTF-8 fouille-search …) or passes --lang.
inline const bool kToolsInFrench = [] {
  ::unsetenv("LC_ALL");
  ::unsetenv("LC_MESSAGES");
  ::setenv("LANG", "C.UTF-8", 1);
  return true;
}();

struct CommandResult {
  int status = -1;     ///< exit code
  std::string output;  ///< standard output
  std::string errors;  ///< standard error
};

/// Runs a shell command line, capturing stdout and stderr.
inline CommandResult run(const std::string& command) {
  static int counter = 0;
  std::string err_file = std::filesystem::temp_directory_path() /
                         ("fouille-stderr-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  CommandResult r;
  FILE* pipe = ::popen((command + " 2>" + err_file).c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buf;
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.output.append(buf.data(), n);
  int status = ::pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(err_file);
  r.errors.assign(std::istreambuf_iterator<char>(in), {});
  std::filesystem::remove(err_file);
  return r;
}

/// The lines of a tool's output (its newlines).
inline std::size_t lines(const std::string& s) {
  return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n'));
}

/// Single-quotes a string for the shell.
inline std::string quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

}  // namespace fouille::test
