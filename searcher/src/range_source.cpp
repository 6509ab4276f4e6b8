#include "range_source.h"

#include <charconv>
#include <string_view>

#include "fouille/store/coding.h"

namespace fouille::searcher {
namespace {

constexpr std::string_view kName = "fouille.Range";

std::string number_text(const std::optional<double>& v) {
  if (!v) return "*";
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *v);  // shortest text that reads back exactly
  return std::string(buf, end);
}

class RangeSource : public Xapian::PostingSource {
 public:
  explicit RangeSource(NumberRange range)
      : range_(range),
        low_(range.low ? store::encode_number(*range.low) : std::string()),
        high_(range.high ? store::encode_number(*range.high) : std::string()) {}

  Xapian::doccount get_termfreq_min() const override { return 0; }
  Xapian::doccount get_termfreq_est() const override { return values_ / 2; }
  Xapian::doccount get_termfreq_max() const override { return values_; }

  void init(const Xapian::Database& db) override {
    db_ = db;
    values_ = db_.get_value_freq(range_.slot);
    started_ = false;
  }
  void next(double) override {
    if (!started_) {
      it_ = db_.valuestream_begin(range_.slot);
      started_ = true;
    } else {
      ++it_;
    }
    skip_outside();
  }
  void skip_to(Xapian::docid did, double) override {
    if (!started_) {
      it_ = db_.valuestream_begin(range_.slot);
      started_ = true;
    }
    if (it_ == db_.valuestream_end(range_.slot) || it_.get_docid() >= did) return;
    it_.skip_to(did);
    skip_outside();
  }
  bool at_end() const override { return started_ && it_ == db_.valuestream_end(range_.slot); }
  Xapian::docid get_docid() const override { return it_.get_docid(); }
  RangeSource* clone() const override { return new RangeSource(range_); }
  std::string name() const override { return std::string(kName); }
  // "fouille.Range <slot> <low> <high>", "*" when open: what a query description shows.
  std::string get_description() const override {
    return std::string(kName) + " " + std::to_string(range_.slot) + " " + number_text(range_.low) + " " +
           number_text(range_.high);
  }

 private:
  void skip_outside() {
    for (; it_ != db_.valuestream_end(range_.slot); ++it_) {
      const std::string value = *it_;
      if ((low_.empty() || value >= low_) && (high_.empty() || value <= high_)) return;
    }
  }

  NumberRange range_;
  std::string low_, high_;  // serialised bounds, empty when open
  Xapian::Database db_;
  Xapian::doccount values_ = 0;
  Xapian::ValueIterator it_;
  bool started_ = false;
};

}  // namespace

Xapian::Query range_query(const NumberRange& range) { return Xapian::Query((new RangeSource(range))->release()); }

}  // namespace fouille::searcher
