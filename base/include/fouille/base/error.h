// The one exception tree of fouille. Libraries throw these with a message that
// names what failed (file, line, field, query, value); the command-line tools
// catch them once in main and turn each kind into a message and an exit code
// (fouille/cli/cli.h). The tree sits in namespace fouille: every part uses it.
#pragma once

#include <stdexcept>
#include <string>

namespace fouille {

/// Base of every error fouille throws on purpose.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Bad command-line usage or configuration (exit code 2).
class UsageError : public Error {
 public:
  using Error::Error;
};

/// A query that cannot be read (exit code 2).
class QueryError : public Error {
 public:
  using Error::Error;
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

}  // namespace fouille
