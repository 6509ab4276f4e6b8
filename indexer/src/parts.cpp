#include "parts.h"

#include "fouille/base/error.h"
#include "fouille/corpus/countries.h"
#include "fouille/store/terms.h"

#include "timing.h"

namespace fouille::indexer {
namespace {

// Text a part holds before it is handed on; documents in memory take about
// ten times their text (positions, terms, the stored copy).
constexpr std::size_t kPartBytes = 256 << 10;

// Builds the documents read_file hands over into parts.
class PartBuilder : public corpus::ReadSink {
 public:
  struct EmitFailed {};  // not a std::exception: no reader catches it
  std::exception_ptr emit_failure;

  PartBuilder(const InputFile& file, std::size_t index, DocumentBuilder& builder, PhaseTimes& times,
              const std::function<void(Parsed)>& emit, const std::function<bool()>& halted)
      : file_(file), builder_(builder), times_(times), emit_(emit), halted_(halted) {
    part_.file = index;
  }
  void document(corpus::Document doc) override {
    const auto started = Clock::now();
    const double analysed = builder_.analyse_seconds();
    part_.docs.push_back(builder_.build(doc, file_.path, file_.stamp));
    part_.source_terms.push_back(store::source_key(file_.path, doc.source).term);
    for (const auto& c : doc.countries) {
      if (!corpus::is_country_code(c)) part_.unknown_countries.push_back(c);
    }
    part_.bytes += doc.title.size() + doc.body.size() + 256;
    const double analyse = builder_.analyse_seconds() - analysed;
    times_.analyse += analyse;
    times_.build += seconds_since(started) - analyse;
    if (part_.bytes >= kPartBytes) hand_on(false);
  }
  void warning(Message message) override {
    part_.bytes += 256;  // a line or two once rendered
    part_.warnings.push_back(std::move(message));
    if (part_.bytes >= kPartBytes) hand_on(false);
  }
  // The file's last part, `skipped` if reading stopped on an error.
  void finish(std::optional<Message> skipped, bool no_content) {
    if (skipped) {
      part_.skipped = std::move(skipped);
      part_.no_content = no_content && part_.first;
      part_.docs.clear();
      part_.source_terms.clear();
    }
    hand_on(true);
  }

 private:
  void hand_on(bool last) {
    part_.last = last;
    const std::size_t file = part_.file;
    if (last) {
      emit_(std::move(part_));
    } else {
      if (halted_()) throw EmitFailed{};  // Ctrl-C in a large file: stop reading it
      // A write failing here (a full disk) is the run's, not the file's:
      // it stops the reading and goes on up from parse_file.
      try {
        emit_(std::move(part_));
      } catch (...) {
        emit_failure = std::current_exception();
        throw EmitFailed{};
      }
    }
    part_ = Parsed{};
    part_.file = file;
    part_.first = false;
  }

  const InputFile& file_;
  DocumentBuilder& builder_;
  PhaseTimes& times_;
  const std::function<void(Parsed)>& emit_;
  const std::function<bool()>& halted_;
  Parsed part_;
};

}  // namespace

void parse_file(const InputFile& file, std::size_t index, DocumentBuilder& builder, const corpus::ReadOptions& read,
                PhaseTimes& times, const std::function<void(Parsed)>& emit, const std::function<bool()>& halted) {
  corpus::ReadTimes read_times;
  PartBuilder parts(file, index, builder, times, emit, halted);
  std::optional<Message> skipped;
  bool no_content = false;
  try {
    corpus::read_file(file.path, read, parts, &read_times);
  } catch (const PartBuilder::EmitFailed&) {
    times.read += read_times.read;
    times.parse += read_times.parse;
    if (parts.emit_failure) std::rethrow_exception(parts.emit_failure);
    return;  // halted: the file stays listed as partial, and is read again next run
  } catch (const NoContentError& e) {
    skipped = e.message() ? *e.message() : Message{"read.skipped", {file.path, e.what()}};
    no_content = true;
  } catch (const Error& e) {
    skipped = e.message() ? *e.message() : Message{"read.skipped", {file.path, e.what()}};
  } catch (const std::exception& e) {
    skipped = Message{"read.skipped", {file.path, e.what()}};
  }
  times.read += read_times.read;
  times.parse += read_times.parse;
  parts.finish(std::move(skipped), no_content);
}

}  // namespace fouille::indexer
