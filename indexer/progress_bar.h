// The terminal progress line of fouille-index: files done/total, docs/s, MB/s,
// ETA, in the run's language, redrawn at most ten times a second; nothing at
// all when disabled.
#pragma once

#include <chrono>
#include <cstdio>
#include <string>

#include "fouille/base/message.h"
#include "fouille/indexer/indexer.h"
#include "fouille/indexer/summary.h"

class ProgressBar {
 public:
  ProgressBar(bool enabled, fouille::Lang lang) : enabled_(enabled), lang_(lang) {}

  void update(const fouille::indexer::Progress& p) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (p.files_done != p.files_total && now - last_ < std::chrono::milliseconds(100)) return;
    last_ = now;
    double docs_s = p.seconds > 0 ? static_cast<double>(p.documents) / p.seconds : 0;
    double mb_s = p.seconds > 0 ? static_cast<double>(p.bytes) / 1e6 / p.seconds : 0;
    double eta = p.files_done
                     ? p.seconds * static_cast<double>(p.files_total - p.files_done) / static_cast<double>(p.files_done)
                     : 0;
    int width = 30;
    int filled = p.files_total ? static_cast<int>(width * p.files_done / p.files_total) : width;
    using fouille::indexer::decimal;
    const std::string line = fouille::render(fouille::Message{"index.progress",
                                                              {p.files_done, p.files_total, decimal(docs_s, 0, lang_),
                                                               decimal(mb_s, 1, lang_), decimal(eta, 0, lang_)}},
                                             lang_);
    std::fprintf(stderr, "\r[%-*.*s] %s ", width, filled, "##############################", line.c_str());
    std::fflush(stderr);
    drawn_ = true;
  }

  void clear() {
    if (!drawn_) return;
    std::fprintf(stderr, "\r\033[K");
    drawn_ = false;
  }

 private:
  bool enabled_;
  fouille::Lang lang_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point last_{};
};
