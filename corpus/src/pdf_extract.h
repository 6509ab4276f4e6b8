// Private: a PDF's text and metadata, extracted with poppler, in this process
// or in a child process that may crash, loop or run out of memory without
// taking the caller with it.
//
//   PdfExtraction x = extract_pdf_isolated(bytes, {.max_text_bytes = 20 << 20});
//   if (x.status == PdfExtraction::Status::kText) use(x.text);
//
// The isolation contract (extract_pdf_isolated):
//  - The caller forks one child per PDF; the child starts from the calling
//    thread alone. It never takes a lock another thread of the caller may
//    hold, but the allocator's (glibc and jemalloc reset theirs at fork):
//    poppler is used in no other place of the caller, so its global state
//    is created afresh in each child; the child writes no stdio stream (its
//    0, 1, 2 are /dev/null) and leaves with _exit, running no atexit handler.
//  - The child's limits: RLIMIT_CPU (cpu_seconds), RLIMIT_AS (what it has at
//    fork plus memory_bytes: the caller's own address space may be large),
//    no core file, alarm(wall_seconds) for a child blocked rather than busy.
//    Poppler absorbs some failed allocations (a page then reads as empty):
//    a child that saw operator new fail, or ends with under 16 MiB left,
//    reports "over the memory limit" instead of a partial result.
//    The parent also gives up after wall_seconds + 5 s and kills it.
//  - The child writes one message to a pipe and exits; the parent reads it,
//    at most max_text_bytes plus 1 MiB, and reaps the child with waitpid on
//    its pid only. Any other end (a signal, a bad exit code, a short or
//    oversized message) is Status::kFailed with a one-line reason.
//  - Thread-safe: calls from several threads fork several children. Each
//    child closes every descriptor but its pipe's, so no child holds another
//    call's pipe open.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fouille/base/message.h"

namespace fouille::corpus::detail {

struct PdfLimits {
  std::size_t max_text_bytes = 20u << 20;   ///< text kept, at most (the rest is cut)
  std::uint64_t memory_bytes = 1ull << 30;  ///< address space the child may add to what it has at fork
  unsigned cpu_seconds = 30;                ///< CPU time of the child
  unsigned wall_seconds = 60;               ///< wall-clock time of the child
  int max_pages = 5000;                     ///< pages read, at most (the rest is cut)
};

struct PdfExtraction {
  enum class Status {
    kText,       ///< text extracted (it may still be blank)
    kEncrypted,  ///< a password is needed
    kNoText,     ///< pages without a text layer (scanned)
    kBroken,     ///< not a PDF poppler can open (truncated, damaged)
    kFailed,     ///< the child crashed, was killed or hit a limit: `failure` says which
  };
  Status status = Status::kFailed;
  std::string text;     ///< pages_to_text of the pages (pdf_text.h)
  std::string title;    ///< the document information's Title, normalised
  std::string author;   ///< its Author
  std::string version;  ///< "PDF 1.7"
  int pages = 0;
  bool cut = false;  ///< text or pages over the limits were left out
  /// kFailed, kBroken: why; kText: what was cut, if not the text's size; an
  /// empty id when there is nothing to say. Its arguments are plain texts.
  Message failure;
};

/// Extracts in this process: for the child, tests and the fuzz target.
/// Poppler's messages are silenced. Throws std::bad_alloc only.
PdfExtraction extract_pdf(std::string_view bytes, const PdfLimits& limits);

/// Extracts in a child process (the contract above). Throws CorpusError
/// ("cannot read: …") only when no child can be started.
PdfExtraction extract_pdf_isolated(std::string_view bytes, const PdfLimits& limits);

}  // namespace fouille::corpus::detail
