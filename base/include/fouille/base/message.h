// Messages in the user's language. A library says what happened as a
// Message, an id from the catalogue (base/data/messages.tsv) and its
// arguments; a tool or the HTTP API renders it in the language of the
// request, so one run speaks one language, French or English.
//
//   fouille::Message m{"query.not_a_year", {fouille::field_label("year"), "20x2"}};
//   std::string fr = fouille::render(m, fouille::Lang::kFr);  // « Années » : « 20x2 » n'est pas une année…
//   std::string en = fouille::render(m, fouille::Lang::kEn);
//
// Texts hold {1}…{9} for the arguments, and {N|singular|plural} for a word
// that agrees with argument N, a whole number (French singular for 0 and 1,
// English for 1 only). Thread-safe; the catalogue is read once.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fouille {

/// The languages fouille speaks.
enum class Lang { kFr, kEn };

struct Message;

/// One argument of a Message: a text the same in every language (a value,
/// a number, what the user typed) or one text per language (a label, a
/// nested message).
struct MessageArg {
  MessageArg(std::string text) : fr(text), en(std::move(text)) {}
  MessageArg(std::string_view text) : MessageArg(std::string(text)) {}
  MessageArg(const char* text) : MessageArg(std::string(text)) {}
  MessageArg(std::size_t n) : MessageArg(std::to_string(n)) {}
  /// A nested message, rendered in both languages.
  MessageArg(const Message& message);
  /// A text per language.
  static MessageArg translated(std::string fr, std::string en);

  /// The text in `lang`.
  const std::string& in(Lang lang) const { return lang == Lang::kEn ? en : fr; }

  std::string fr, en;
  std::string id;  ///< a nested message's innermost_id(), else empty
};

/// An id of the catalogue and its arguments.
struct Message {
  std::string id;
  std::vector<MessageArg> args;
};

/// The id that says what went wrong: that of the last nested message among
/// the arguments, else `message`'s own ("query.at" around "query.empty_value"
/// gives the latter).
std::string innermost_id(const Message& message);

/// `message` in `lang`. An id missing from the catalogue renders as the id
/// and its arguments, so a message is never lost. Never throws but bad_alloc.
std::string render(const Message& message, Lang lang);

/// The text of catalogue entry `id` with no argument, in `lang`.
std::string text(std::string_view id, Lang lang);

/// True when the catalogue has `id`.
bool has_message(std::string_view id);

/// The label of a field or facet by its schema key ("project_type" → « Type
/// de projet » / "Project type"), the key itself for a field the catalogue
/// does not name (its rows are "field.KEY").
MessageArg field_label(std::string_view key);

/// "fr" → kFr, "en" → kEn, anything else nullopt.
std::optional<Lang> parse_lang(std::string_view code);

/// "fr" or "en".
const char* lang_code(Lang lang);

/// The language of a locale name as LANG holds it: "en", "en_GB.UTF-8" →
/// English; anything else (fr_FR, C, POSIX, empty) → French.
Lang lang_of_locale(std::string_view locale);

/// The user's language from the environment: the first of LC_ALL,
/// LC_MESSAGES and LANG that is set and not empty, as lang_of_locale reads it.
Lang lang_from_environment();

}  // namespace fouille
