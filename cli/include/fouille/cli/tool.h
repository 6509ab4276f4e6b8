// The frame of every fouille command-line tool: --help and --version, option
// parsing with one message per mistake, and the map from fouille's errors to
// a one-line message and a documented exit code. A main declares its options,
// parses, and hands its body to run(). The texts of --help are catalogue ids
// (base/data/messages.tsv, "help.*"), shown in the run's language:
//
//   fouille::cli::Tool tool("fouille-index", "help.index.usage");
//   std::string db;
//   tool.add_options()("db,d", po::value(&db), "help.index.db");
//   std::vector<std::string> paths;
//   tool.positional("path", &paths);
//   if (auto done = tool.parse(argc, argv)) return *done;   // --help, --version, bad usage
//   return tool.run([&] { ...; return 0; });
//
// Exit codes (README, "Exit codes"): 0 done, 2 usage or query syntax
// (UsageError, QueryError), 3 bad input (CorpusError), 4 database
// (IndexError and any other exception).
//
// Messages are in the user's language: --lang when the tool declares it
// (language_option), else LC_ALL, LC_MESSAGES or LANG (en* English, anything
// else French); errors made from a Message are rendered in it.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <boost/program_options.hpp>

#include "fouille/base/error.h"
#include "fouille/base/message.h"
#include "fouille/cli/color.h"

namespace fouille::cli {

namespace po = boost::program_options;

/// Exit codes shared by the tools.
enum ExitCode : int {
  kOk = 0,
  kUsage = 2,     ///< bad command line or query syntax
  kInput = 3,     ///< unreadable input documents
  kDatabase = 4,  ///< the database cannot be opened, written or read
  kInterrupted = 130,
};

/// How an exception reads to a user: its kind ("usage", "query", "input",
/// "database") and exit code.
struct Failure {
  const char* kind;
  int code;
};

/// The kind and exit code of `e` (see the file comment). Never throws.
Failure classify(const std::exception& e);

/// Reorders a command line so that words starting with '-' (a query's
/// -europe) are words, not unknown options: options are --name, --name=value
/// or one registered letter (-n); an option taking a value takes the next
/// argument whatever it holds (--limit -5 then fails as a negative limit).
/// After "--" all are words. Returns the options, then "--", then the words.
std::vector<std::string> arrange_arguments(int argc, const char* const* argv, const po::options_description& options);

/// One tool's command line and error reporting. Not thread-safe; one per main.
class Tool {
 public:
  /// `name` prefixes every message ("fouille-index: …"); `usage_id` is the
  /// catalogue id of the text heading --help, which ends with the caption of
  /// the option list ("Options").
  Tool(std::string name, std::string usage_id);

  /// Declares options, as Boost's add_options() does, each with the catalogue
  /// id of its description; they are shown by --help after --help and
  /// --version, in the order declared.
  class OptionAdder {
   public:
    /// An option without a value (a flag).
    OptionAdder& operator()(const char* name, const char* help_id);
    /// An option with a value; the Tool takes ownership of `value`.
    OptionAdder& operator()(const char* name, const po::value_semantic* value, const char* help_id);

   private:
    friend class Tool;
    explicit OptionAdder(Tool& tool) : tool_(tool) {}
    Tool& tool_;
  };
  OptionAdder add_options() { return OptionAdder(*this); }

  /// Collects the words that are not options into `words`.
  void positional(const std::string& name, std::vector<std::string>* words);

  /// --version also names the Xapian library the tool runs on.
  void version_names_xapian() { xapian_version_ = true; }

  /// Words may start with '-' (see arrange_arguments); for query words.
  void words_may_start_with_dash() { dash_words_ = true; }

  /// With --json on the command line (before "--"), errors are also printed
  /// on stdout as {"error": {"kind", "code", "message", "id", "position",
  /// "exit_code"}}, the shape of the HTTP API's errors.
  void json_errors() { json_errors_ = true; }

  /// Declares --lang fr|en, read into `code` (which starts as the
  /// environment's language); the tool's messages follow it from parse() on.
  void language_option(std::string* code);

  /// Declares --color auto|always|never (see fouille/cli/color.h).
  void color_option();

  /// Parses the command line. Returns the exit code when the run ends here:
  /// 0 after --help or --version, 2 (message printed) on bad usage.
  std::optional<int> parse(int argc, const char* const* argv);

  /// True when the option was given (or has a default value).
  bool has(const std::string& option) const { return vm_.count(option) > 0; }

  /// True when errors are printed as JSON too (json_errors() and --json given).
  bool json() const { return json_; }

  /// The language of the run's messages.
  Lang lang() const { return lang_; }

  /// Whether to colour what goes to `fd` (--color, NO_COLOR, TERM, a terminal).
  bool color(int fd) const { return use_color(color_, fd); }

  /// Whether to draw a progress line on `fd`.
  bool progress(int fd) const { return use_progress(color_, fd); }

  /// QueryError messages then name the query ("query « … »: …", cut at 60
  /// bytes), even an empty one.
  void set_query(std::string_view query) { query_ = std::string(query); }

  /// Calls `body` and returns its exit code; an exception it throws becomes
  /// one message (fail) and the exit code classify() gives.
  int run(const std::function<int()>& body) const;

  /// Prints "NAME: message" on stderr (control characters made printable)
  /// and, in JSON mode, the error object on stdout. Returns `code`.
  int fail(const char* kind, const std::string& message, int code) const;

  /// fail() for an error the library made from a Message, in lang().
  int fail(const Message& message, int code = kUsage) const;

  /// Prints "NAME: message" on stderr (control characters made printable).
  void warn(std::string_view message) const;

  /// warn() for a Message, in lang().
  void warn(const Message& message) const { warn(render(message, lang_)); }

 private:
  // An option as declared; its description is rendered once the language is known.
  struct Declared {
    std::string name;
    std::unique_ptr<const po::value_semantic> value;  // null for a flag; handed to Boost by parse()
    std::string help_id;
  };

  std::string name_;
  std::string usage_id_;
  std::vector<Declared> declared_;
  std::optional<po::options_description> visible_;  // made by parse(), in the run's language
  po::options_description hidden_;
  po::positional_options_description positional_;
  po::variables_map vm_;
  bool xapian_version_ = false;
  bool dash_words_ = false;
  bool json_errors_ = false;
  bool json_ = false;
  std::optional<std::string> query_;
  Lang lang_ = lang_from_environment();
  std::string* lang_code_ = nullptr;  // --lang, when declared
  ColorMode color_ = ColorMode::kAuto;
  std::string color_text_ = "auto";  // --color, when declared

  int fail(const ErrorReport& report) const;
};

}  // namespace fouille::cli
