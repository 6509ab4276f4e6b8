// The one exception tree of fouille. Libraries throw these with a message that
// names what failed (file, line, field, query, value); the command-line tools
// catch them once in main and turn each kind into a message and an exit code
// (fouille/cli/tool.h). The tree sits in namespace fouille: every part uses it.
//
// An error made from a Message (fouille/base/message.h) can be told in either
// language: what() is its French text, describe() the text in the language a
// tool or request asked for.
//
//   throw fouille::QueryError(fouille::Message{"query.too_long", {size, max}});
#pragma once

#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "fouille/base/message.h"

namespace fouille {

/// Base of every error fouille throws on purpose.
class Error : public std::runtime_error {
 public:
  /// An error told in one language whatever the user's.
  using std::runtime_error::runtime_error;
  /// An error told in the user's language; what() gives its French text.
  explicit Error(Message message)
      : std::runtime_error(render(message, Lang::kFr)), message_(std::make_shared<const Message>(std::move(message))) {}

  /// The message, or nullptr for an error made from a plain text.
  const Message* message() const { return message_.get(); }

 private:
  std::shared_ptr<const Message> message_;  // shared: copying an exception must not throw
};

/// Bad command-line usage or configuration (exit code 2).
class UsageError : public Error {
 public:
  using Error::Error;
};

/// A query that cannot be read (exit code 2), and where, when known.
class QueryError : public Error {
 public:
  using Error::Error;
  /// `what` happened at 1-based byte `position` of the query: told as
  /// « position N : … », and kept as a number for --json and the API.
  QueryError(std::size_t position, Message what)
      : Error(Message{"query.at", {position, std::move(what)}}), position_(position) {}

  std::optional<std::size_t> position() const { return position_; }

 private:
  std::optional<std::size_t> position_;
};

/// Unreadable or malformed input documents or data tables (exit code 3).
class CorpusError : public Error {
 public:
  using Error::Error;
};

/// A file read fine that holds nothing to index: empty, blank, binary or over
/// the size limit. Unlike an unreadable file, its old documents are removed.
class NoContentError : public CorpusError {
 public:
  using CorpusError::CorpusError;
};

/// The database cannot be opened, locked, written or read (exit code 4).
class IndexError : public Error {
 public:
  using Error::Error;
};

/// How `e` reads in `lang`: its message rendered there when it has one, else
/// its what().
std::string describe(const std::exception& e, Lang lang);

/// `e`'s message as an argument of another message (both languages).
MessageArg describe(const std::exception& e);

/// What a user or a program is told of a failure, the same from every tool's
/// --json and from the HTTP API (README, "Errors").
struct ErrorReport {
  const char* kind;                     ///< "usage", "query", "input", "database"
  const char* code;                     ///< the API's code: bad_parameter, bad_query, bad_input, unavailable
  int exit_code;                        ///< 2 usage or query, 3 input, 4 database
  int http_status;                      ///< 400 usage, query or input; 503 database
  std::string message;                  ///< in the language asked for
  std::string id;                       ///< the catalogue id, empty for an untranslated error
  std::optional<std::size_t> position;  ///< 1-based byte of the query where it went wrong
};

/// The report of `e` in `lang`. Errors that are not fouille's count as
/// database errors (what Xapian or the system threw). Never throws but bad_alloc.
ErrorReport report(const std::exception& e, Lang lang);

}  // namespace fouille
