// PDF extraction with poppler, in this process or isolated in a child
// (pdf_extract.h says the contract).
#include "pdf_extract.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <csignal>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <memory>
#include <new>
#include <poll.h>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

#include "fouille/base/error.h"

#include "pdf_text.h"

namespace fouille::corpus::detail {
namespace {

constexpr std::size_t kMaxMetadataBytes = 4096;
// The child's exit codes other than 0.
constexpr int kExitNoMemory = 3;
constexpr int kExitError = 4;

void quiet(const std::string&, void*) {}

// Set in the child when an allocation failed, even if the failure was then
// caught inside poppler (a page would silently read as having no text).
volatile std::sig_atomic_t out_of_memory = 0;

void note_out_of_memory() {
  out_of_memory = 1;
  std::set_new_handler(nullptr);
  throw std::bad_alloc();
}

std::string utf8_of(const poppler::ustring& s) {
  const poppler::byte_array bytes = s.to_utf8();
  std::string out(bytes.begin(), bytes.end());
  while (!out.empty() && out.back() == '\0') out.pop_back();
  return out;
}

// Metadata as one line: glyphs normalised, white space collapsed, capped.
std::string metadata_line(const poppler::ustring& s) {
  std::string raw = normalize_glyphs(utf8_of(s));
  std::string out;
  for (char c : raw) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.size() > kMaxMetadataBytes) out.resize(kMaxMetadataBytes);
  return out;
}

// The page's words. Words set at an angle to most of the page (a stamp or
// a reference running up the margin) are left out: read as rows they would
// cut across the lines of the text.
std::vector<PdfWord> words_of(const poppler::page& page) {
  std::vector<PdfWord> words;
  std::vector<poppler::text_box> boxes = page.text_list(poppler::page::text_list_include_font);
  int counts[4] = {0, 0, 0, 0};
  for (const poppler::text_box& box : boxes) ++counts[box.rotation() & 3];
  const int usual = static_cast<int>(std::max_element(counts, counts + 4) - counts);
  for (const poppler::text_box& box : boxes) {
    if ((box.rotation() & 3) != usual) continue;
    const poppler::rectf r = box.bbox();
    PdfWord w;
    w.text = utf8_of(box.text());
    w.x0 = r.left();
    w.y0 = r.top();
    w.x1 = r.right();
    w.y1 = r.bottom();
    w.font_size = box.has_font_info() ? box.get_font_size() : 0;
    w.space_after = box.has_space_after();
    words.push_back(std::move(w));
  }
  return words;
}

// Cuts `text` to at most `max` bytes, at a character boundary.
void cut_utf8(std::string& text, std::size_t max) {
  if (text.size() <= max) return;
  std::size_t at = max;
  while (at > 0 && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) --at;
  text.resize(at);
}

// --- the message from the child: a status byte, then fields ---

void put_string(std::string& out, const std::string& s) {
  const std::uint64_t n = s.size();
  out.append(reinterpret_cast<const char*>(&n), sizeof n);
  out += s;
}

std::string encode(const PdfExtraction& x) {
  std::string out(1, static_cast<char>(x.status));
  out += x.cut ? '1' : '0';
  const std::int32_t pages = x.pages;
  out.append(reinterpret_cast<const char*>(&pages), sizeof pages);
  for (const std::string* s : {&x.text, &x.title, &x.author, &x.version, &x.failure.id}) put_string(out, *s);
  put_string(out, std::to_string(x.failure.args.size()));
  for (const MessageArg& arg : x.failure.args) put_string(out, arg.en);
  return out;
}

bool get_string(std::string_view& in, std::string& s) {
  std::uint64_t n = 0;
  if (in.size() < sizeof n) return false;
  std::memcpy(&n, in.data(), sizeof n);
  in.remove_prefix(sizeof n);
  if (n > in.size()) return false;
  s.assign(in.substr(0, n));
  in.remove_prefix(n);
  return true;
}

bool decode(std::string_view in, PdfExtraction& x) {
  std::int32_t pages = 0;
  if (in.size() < 2 + sizeof pages) return false;
  const auto status = static_cast<unsigned char>(in[0]);
  if (status > static_cast<unsigned char>(PdfExtraction::Status::kFailed)) return false;
  x.status = static_cast<PdfExtraction::Status>(status);
  x.cut = in[1] == '1';
  std::memcpy(&pages, in.data() + 2, sizeof pages);
  x.pages = pages;
  in.remove_prefix(2 + sizeof pages);
  for (std::string* s : {&x.text, &x.title, &x.author, &x.version, &x.failure.id}) {
    if (!get_string(in, *s)) return false;
  }
  std::string count;
  if (!get_string(in, count) || count.size() != 1 || count[0] < '0' || count[0] > '9') return false;
  for (int i = 0; i < count[0] - '0'; ++i) {
    std::string arg;
    if (!get_string(in, arg)) return false;
    x.failure.args.emplace_back(std::move(arg));
  }
  return in.empty();
}

bool write_all(int fd, std::string_view data) {
  while (!data.empty()) {
    const ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

// The address space the process has now, in bytes (0 if unknown).
std::uint64_t address_space() {
  const int fd = ::open("/proc/self/statm", O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  char buf[64] = {};
  const ssize_t n = ::read(fd, buf, sizeof buf - 1);
  ::close(fd);
  if (n <= 0) return 0;
  std::uint64_t pages = 0;
  for (ssize_t i = 0; i < n && buf[i] >= '0' && buf[i] <= '9'; ++i) pages = pages * 10 + (buf[i] - '0');
  return pages * static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
}

// Is there still room under the memory limit? Poppler handles some failed
// allocations itself (a font or a page then reads as empty), so a child that
// ends near its limit says so rather than pass on a partial result.
bool memory_left() {
  constexpr std::size_t kProbe = 16u << 20;
  void* p = ::mmap(nullptr, kProbe, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) return false;
  ::munmap(p, kProbe);
  return true;
}

// The child: limits, extraction, one message, _exit. Never returns.
[[noreturn]] void run_child(int out_fd, std::string_view bytes, const PdfLimits& limits) {
  // Only the pipe stays open (as fd 3), and stdio goes nowhere.
  if (::dup2(out_fd, 3) < 0) ::_exit(kExitError);
  const int null_fd = ::open("/dev/null", O_RDWR);
  if (null_fd >= 0) {
    for (int fd = 0; fd < 3; ++fd) ::dup2(null_fd, fd);
  }
  ::close_range(4, ~0u, 0);
  sigset_t all;
  ::sigemptyset(&all);
  ::sigprocmask(SIG_SETMASK, &all, nullptr);
  for (int sig : {SIGALRM, SIGXCPU, SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGPIPE}) ::signal(sig, SIG_DFL);
  const rlimit no_core{0, 0};
  ::setrlimit(RLIMIT_CORE, &no_core);
  const rlimit cpu{limits.cpu_seconds, limits.cpu_seconds + 1};
  ::setrlimit(RLIMIT_CPU, &cpu);
  if (const std::uint64_t now = address_space()) {
    const rlimit as{now + limits.memory_bytes, now + limits.memory_bytes};
    ::setrlimit(RLIMIT_AS, &as);
  }
  ::alarm(limits.wall_seconds);
  std::set_new_handler(&note_out_of_memory);
  try {
    const PdfExtraction x = extract_pdf(bytes, limits);
    if (out_of_memory || !memory_left()) ::_exit(kExitNoMemory);
    ::_exit(write_all(3, encode(x)) ? 0 : kExitError);
  } catch (const std::bad_alloc&) {
    ::_exit(kExitNoMemory);
  } catch (...) {
    ::_exit(kExitError);
  }
}

std::string signal_name(int sig) {
  const char* abbrev = ::sigabbrev_np(sig);
  return std::to_string(sig) + (abbrev ? std::string(" (SIG") + abbrev + ")" : "");
}

PdfExtraction failed(Message why) {
  PdfExtraction x;
  x.status = PdfExtraction::Status::kFailed;
  x.failure = std::move(why);
  return x;
}

// Reads the child's message from `fd` until EOF, `cap` bytes or the deadline.
enum class ReadEnd { kEof, kTooLong, kTimeOut, kError };

ReadEnd read_message(int fd, std::size_t cap, std::chrono::steady_clock::time_point deadline, std::string& out) {
  char buf[1 << 16];
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return ReadEnd::kTimeOut;
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), INT_MAX)));
    if (ready < 0 && errno == EINTR) continue;
    if (ready < 0) return ReadEnd::kError;
    if (ready == 0) return ReadEnd::kTimeOut;
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return ReadEnd::kError;
    if (n == 0) return ReadEnd::kEof;
    if (out.size() + static_cast<std::size_t>(n) > cap) return ReadEnd::kTooLong;
    out.append(buf, static_cast<std::size_t>(n));
  }
}

}  // namespace

PdfExtraction extract_pdf(std::string_view bytes, const PdfLimits& limits) {
  PdfExtraction x;
  poppler::set_debug_error_function(&quiet, nullptr);
  if (bytes.size() > static_cast<std::size_t>(INT_MAX)) {
    x.status = PdfExtraction::Status::kBroken;
    x.failure = {"read.pdf_too_large", {}};
    return x;
  }
  std::unique_ptr<poppler::document> doc(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (!doc) {
    x.status = PdfExtraction::Status::kBroken;
    x.failure = {"read.pdf_damaged", {}};
    return x;
  }
  if (doc->is_locked()) {  // before anything else: a locked document has no catalog to ask
    x.status = PdfExtraction::Status::kEncrypted;
    return x;
  }
  int major = 0, minor = 0;
  doc->get_pdf_version(&major, &minor);
  x.version = "PDF " + std::to_string(major) + "." + std::to_string(minor);
  x.title = metadata_line(doc->get_title());
  x.author = metadata_line(doc->get_author());
  x.pages = doc->pages();
  if (x.pages <= 0) {
    x.status = PdfExtraction::Status::kBroken;
    x.failure = {"read.pdf_damaged", {}};
    return x;
  }
  std::vector<PdfPage> pages;
  std::size_t bytes_seen = 0;
  bool any_word = false;
  // Pages are read for two thirds of the CPU time at most, leaving the rest
  // for the layout: a long file gives its first pages rather than nothing.
  const std::clock_t started = std::clock();
  const double page_budget = 2.0 / 3.0 * limits.cpu_seconds * CLOCKS_PER_SEC;
  for (int i = 0; i < x.pages; ++i) {
    if (i >= limits.max_pages || bytes_seen > limits.max_text_bytes ||
        static_cast<double>(std::clock() - started) > page_budget) {
      x.cut = true;
      if (bytes_seen <= limits.max_text_bytes) {
        x.failure = {i >= limits.max_pages ? "read.pdf_pages_cut" : "read.pdf_pages_cut_time",
                     {std::to_string(i), std::to_string(x.pages)}};
      }
      break;
    }
    std::unique_ptr<poppler::page> page(doc->create_page(i));
    if (!page) continue;
    PdfPage p;
    p.height = page->page_rect().height();
    p.lines = lay_out_page(words_of(*page));
    for (const PdfLine& line : p.lines) bytes_seen += line.text.size() + 1;
    any_word = any_word || !p.lines.empty();
    pages.push_back(std::move(p));
  }
  if (!any_word) {
    x.status = PdfExtraction::Status::kNoText;
    return x;
  }
  drop_running_lines(pages);
  x.text = pages_to_text(pages);
  if (x.text.size() > limits.max_text_bytes) {
    cut_utf8(x.text, limits.max_text_bytes);
    x.cut = true;
  }
  x.status = PdfExtraction::Status::kText;
  return x;
}

PdfExtraction extract_pdf_isolated(std::string_view bytes, const PdfLimits& limits) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    throw CorpusError(Message{"read.cannot_read", {std::string("pipe: ") + std::strerror(errno)}});
  }
  const pid_t pid = ::fork();
  if (pid < 0) {
    const int e = errno;
    ::close(fds[0]);
    ::close(fds[1]);
    throw CorpusError(Message{"read.cannot_read", {std::string("fork: ") + std::strerror(e)}});
  }
  if (pid == 0) {
    ::close(fds[0]);
    run_child(fds[1], bytes, limits);
  }
  ::close(fds[1]);
  std::string message;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(limits.wall_seconds + 5);
  const ReadEnd end = read_message(fds[0], limits.max_text_bytes + (1u << 20), deadline, message);
  ::close(fds[0]);
  if (end != ReadEnd::kEof) ::kill(pid, SIGKILL);
  int status = 0;
  pid_t waited;
  do {
    waited = ::waitpid(pid, &status, 0);
  } while (waited < 0 && errno == EINTR);
  const Message limit{"read.pdf_time_limit", {std::to_string(limits.cpu_seconds), std::to_string(limits.wall_seconds)}};
  if (end == ReadEnd::kTimeOut) return failed(limit);
  if (end == ReadEnd::kTooLong) return failed({"read.pdf_output_too_long", {}});
  if (end == ReadEnd::kError) return failed({"read.pdf_output_unreadable", {}});
  if (waited == pid && WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    if (sig == SIGXCPU || sig == SIGALRM) return failed(limit);
    // Poppler aborts when an allocation fails: most often the memory limit.
    if (sig == SIGABRT) {
      return failed({"read.pdf_aborted", {std::to_string(limits.memory_bytes >> 20)}});
    }
    return failed({"read.pdf_killed", {signal_name(sig)}});
  }
  if (waited == pid && WIFEXITED(status) && WEXITSTATUS(status) != 0) {
    if (WEXITSTATUS(status) == kExitNoMemory) {
      return failed({"read.pdf_memory_limit", {std::to_string(limits.memory_bytes >> 20)}});
    }
    return failed({"read.pdf_exit_code", {std::to_string(WEXITSTATUS(status))}});
  }
  PdfExtraction x;
  if (!decode(message, x)) return failed({"read.pdf_output_cut", {}});
  return x;
}

}  // namespace fouille::corpus::detail
