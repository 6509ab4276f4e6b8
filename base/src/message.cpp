#include "fouille/base/message.h"

#include <cstdlib>
#include <string>
#include <unordered_map>

#include "fouille/base/lines.h"
#include "fouille/data/messages.h"

namespace fouille {
namespace {

struct Texts {
  std::string fr, en;
};

// A text of the catalogue with "\n" as a line break: a row is one line, the
// text of --help several.
std::string unescape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size() && text[i + 1] == 'n') {
      out += '\n';
      ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

// The catalogue, read once: rows "id<TAB>French<TAB>English".
const std::unordered_map<std::string, Texts>& catalogue() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string, Texts>;
    base::for_each_data_line(data::messages, [&](std::string_view row) {
      const std::size_t a = row.find('\t');
      const std::size_t b = a == std::string_view::npos ? a : row.find('\t', a + 1);
      if (b == std::string_view::npos) return;  // the catalogue test refuses such rows
      (*t)[std::string(row.substr(0, a))] = {unescape(row.substr(a + 1, b - a - 1)), unescape(row.substr(b + 1))};
    });
    return t;
  }();
  return *table;
}

bool singular(std::string_view number, Lang lang) {
  std::size_t n = 0;
  for (char c : number) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<std::size_t>(c - '0');
    if (n > 1) return false;
  }
  return lang == Lang::kFr ? !number.empty() && n <= 1 : n == 1 && !number.empty();
}

// Fills `pattern`'s {N} and {N|singular|plural} from `args`.
std::string fill(std::string_view pattern, const std::vector<MessageArg>& args, Lang lang) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const std::size_t close = pattern[i] == '{' ? pattern.find('}', i) : std::string_view::npos;
    const char digit = i + 1 < pattern.size() ? pattern[i + 1] : '\0';
    if (close == std::string_view::npos || digit < '1' || digit > '9') {
      out += pattern[i];
      continue;
    }
    const std::size_t n = static_cast<std::size_t>(digit - '1');
    const std::string_view arg = n < args.size() ? std::string_view(args[n].in(lang)) : std::string_view();
    const std::string_view inside = pattern.substr(i + 2, close - i - 2);
    if (inside.empty()) {
      out += arg;
    } else if (const std::size_t bar = inside.find('|', 1); inside[0] == '|' && bar != std::string_view::npos) {
      out += singular(arg, lang) ? inside.substr(1, bar - 1) : inside.substr(bar + 1);
    } else {
      out += pattern.substr(i, close - i + 1);
    }
    i = close;
  }
  return out;
}

}  // namespace

MessageArg::MessageArg(const Message& message)
    : fr(render(message, Lang::kFr)), en(render(message, Lang::kEn)), id(innermost_id(message)) {}

std::string innermost_id(const Message& message) {
  for (auto it = message.args.rbegin(); it != message.args.rend(); ++it) {
    if (!it->id.empty()) return it->id;
  }
  return message.id;
}

MessageArg MessageArg::translated(std::string fr, std::string en) {
  MessageArg arg(std::move(fr));
  arg.en = std::move(en);
  return arg;
}

std::string render(const Message& message, Lang lang) {
  const auto& table = catalogue();
  const auto it = table.find(message.id);
  if (it != table.end()) return fill(lang == Lang::kEn ? it->second.en : it->second.fr, message.args, lang);
  std::string out = message.id;
  for (const auto& arg : message.args) out += " " + arg.in(lang);
  return out;
}

std::string text(std::string_view id, Lang lang) { return render(Message{std::string(id), {}}, lang); }

bool has_message(std::string_view id) { return catalogue().count(std::string(id)) > 0; }

MessageArg field_label(std::string_view key) {
  const std::string id = "field." + std::string(key);
  if (!has_message(id)) return MessageArg(key);
  return MessageArg::translated(text(id, Lang::kFr), text(id, Lang::kEn));
}

std::optional<Lang> parse_lang(std::string_view code) {
  if (code == "fr") return Lang::kFr;
  if (code == "en") return Lang::kEn;
  return std::nullopt;
}

const char* lang_code(Lang lang) { return lang == Lang::kEn ? "en" : "fr"; }

Lang lang_of_locale(std::string_view locale) { return locale.starts_with("en") ? Lang::kEn : Lang::kFr; }

Lang lang_from_environment() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value && *value) return lang_of_locale(value);
  }
  return Lang::kFr;
}

}  // namespace fouille
