// Private: the line classifier of the text reader. Each line of a text file is
// blank, site chrome (a known menu or footer phrase), a marker alone, a label
// (with or without its value), a bare value, or text; and, from the shape of
// the page around it, menu or not (see mark_menus).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "fouille/corpus/schema.h"

namespace fouille::corpus::layout {

/// A label and value sharing a line without a colon, or a value line, is at
/// most this many words; longer lines are narrative.
constexpr std::size_t kMaxValueWords = 12;
/// A line of at least this many words is narrative (a paragraph): menus,
/// headings, buttons and footers are shorter. Boilerplate removers measure
/// the same way: jusText calls a block under 70 characters (about ten words)
/// "short", decides it by its neighbours (boilerplate comes in clusters, as
/// our runs of short lines do), and drops a block holding « © ».
constexpr std::size_t kNarrativeWords = 15;

enum class Kind { kBlank, kChrome, kFooter, kMarker, kLabel, kBare, kText };

struct LabelHit {
  const Field* field = nullptr;
  std::string_view value;  ///< empty when the value is on the following lines
};

/// Labels are short: only a line's head can hold one, and only its head is folded.
constexpr std::size_t kLabelHead = 96;

struct Line {
  std::string_view text;  ///< trimmed, marker kept
  std::string_view bare;  ///< marker stripped
  /// `bare`'s first kLabelHead bytes (cut on a character boundary), folded:
  /// the one fold of the line that the classifier and the layout reader share.
  std::string folded;
  /// The fold of all of `bare`: `folded` when the head is the whole line.
  std::string fold_bare() const;
  bool marker = false;  ///< began with a bullet or dash
  Kind kind = Kind::kText;
  LabelHit label;
  const Field* bare_field = nullptr;
  std::size_t words = 0;
  /// Site navigation by its shape: a line written twice, a line glued to a
  /// repetition of the previous one, a link-like item, a run of short lines.
  bool menu = false;
  bool narrative() const { return kind == Kind::kText && !menu && words >= kNarrativeWords; }
};

std::size_t word_count(std::string_view s);

/// A paragraph: text of six words or more ending as a sentence ends (a title,
/// however long, does not).
bool paragraph(const Line& line);

/// Does `value` look like a value of `field`? Used where a label and a value
/// share a line without a colon, so that narrative is not taken for a field.
bool plausible(const Field& field, std::string_view value);

/// The lines of `text`, classified, with menus marked.
std::vector<Line> classify(std::string_view text);

}  // namespace fouille::corpus::layout
