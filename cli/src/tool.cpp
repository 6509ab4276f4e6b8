#include "fouille/cli/tool.h"

#include <iostream>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "fouille/base/error.h"
#include "fouille/corpus/printable.h"
#include "fouille/version.h"

namespace fouille::cli {

Failure classify(const std::exception& e) {
  // One map for the tools and the HTTP API (fouille::report).
  const ErrorReport r = report(e, Lang::kFr);
  return {r.kind, r.exit_code};
}

namespace {

// What went wrong on the command line, as the catalogue says it: Boost's own
// messages are English only.
Message option_error(const po::error& e) {
  const auto* named = dynamic_cast<const po::error_with_option_name*>(&e);
  const std::string option = named ? named->get_option_name() : "";
  if (option.empty()) return {"option.usage", {}};
  if (dynamic_cast<const po::unknown_option*>(&e)) return {"option.unknown", {option}};
  if (dynamic_cast<const po::ambiguous_option*>(&e)) return {"option.ambiguous", {option}};
  if (dynamic_cast<const po::multiple_occurrences*>(&e)) return {"option.repeated", {option}};
  if (const auto* syntax = dynamic_cast<const po::invalid_command_line_syntax*>(&e)) {
    if (syntax->kind() == po::invalid_syntax::missing_parameter) return {"option.missing_value", {option}};
    return {"option.bad_syntax", {option}};
  }
  if (dynamic_cast<const po::validation_error*>(&e)) return {"option.invalid_value", {option}};
  return {"option.bad_syntax", {option}};
}

// The value of `--name VALUE` or `--name=VALUE` before "--", if given: the
// language must be known before the command line is parsed, for its errors.
std::optional<std::string> peek_option(int argc, const char* const* argv, std::string_view name) {
  std::optional<std::string> value;
  const std::string flag = "--" + std::string(name);
  for (int i = 1; i < argc && std::string_view(argv[i]) != "--"; ++i) {
    const std::string_view arg = argv[i];
    if (arg == flag && i + 1 < argc) value = argv[++i];
    if (arg.starts_with(flag + "=")) value = std::string(arg.substr(flag.size() + 1));
  }
  return value;
}

}  // namespace

std::vector<std::string> arrange_arguments(int argc, const char* const* argv, const po::options_description& options) {
  std::vector<std::string> opts, words;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--") {
      for (++i; i < argc; ++i) words.emplace_back(argv[i]);
      break;
    }
    const bool is_long = arg.size() > 2 && arg.starts_with("--");
    const bool is_short =
        arg.size() == 2 && arg[0] == '-' && arg[1] != '-' && options.find_nothrow(arg, false) != nullptr;
    if (!is_long && !is_short) {
      words.push_back(arg);
      continue;
    }
    const std::string name = is_long ? arg.substr(2, arg.find('=') - 2) : arg;
    const po::option_description* d = options.find_nothrow(name, false);
    const bool takes_value = d && d->semantic()->max_tokens() > 0 && arg.find('=') == std::string::npos;
    if (takes_value && i + 1 < argc) {
      opts.push_back((is_long ? arg : "--" + d->long_name()) + "=" + argv[++i]);
    } else {
      opts.push_back(arg);
    }
  }
  opts.emplace_back("--");
  opts.insert(opts.end(), words.begin(), words.end());
  return opts;
}

Tool::Tool(std::string name, std::string usage_id) : name_(std::move(name)), usage_id_(std::move(usage_id)) {
  add_options()("help,h", "help.tool.help")("version", "help.tool.version");
}

Tool::OptionAdder& Tool::OptionAdder::operator()(const char* name, const char* help_id) {
  tool_.declared_.push_back({name, nullptr, help_id});
  return *this;
}

Tool::OptionAdder& Tool::OptionAdder::operator()(const char* name, const po::value_semantic* value,
                                                 const char* help_id) {
  tool_.declared_.push_back({name, std::unique_ptr<const po::value_semantic>(value), help_id});
  return *this;
}

void Tool::language_option(std::string* code) {
  lang_code_ = code;
  *code = lang_code(lang_);
  add_options()("lang", po::value(code), "help.tool.lang");
}

void Tool::color_option() { add_options()("color", po::value(&color_text_), "help.tool.color"); }

void Tool::positional(const std::string& name, std::vector<std::string>* words) {
  hidden_.add_options()(name.c_str(), po::value(words));
  positional_.add(name.c_str(), -1);
}

std::optional<int> Tool::parse(int argc, const char* const* argv) {
  if (json_errors_) {
    for (int i = 1; i < argc && std::string_view(argv[i]) != "--"; ++i)
      json_ = json_ || std::string_view(argv[i]) == "--json";
  }
  if (lang_code_) {
    if (auto code = peek_option(argc, argv, "lang"); code && parse_lang(*code)) lang_ = *parse_lang(*code);
  }
  // The language is known: --help can be written in it, the placeholder of
  // an option's value too (Boost's global default name, "arg").
  po::arg = text("help.tool.arg", lang_);
  visible_.emplace(text(usage_id_, lang_));
  for (Declared& d : declared_) {
    const std::string help = text(d.help_id, lang_);
    if (d.value) {
      visible_->add_options()(d.name.c_str(), d.value.release(), help.c_str());
    } else {
      visible_->add_options()(d.name.c_str(), help.c_str());
    }
  }
  declared_.clear();
  po::options_description all;
  all.add(*visible_).add(hidden_);
  try {
    if (dash_words_) {
      po::store(po::command_line_parser(arrange_arguments(argc, argv, all)).options(all).positional(positional_).run(),
                vm_);
    } else {
      po::store(po::command_line_parser(argc, argv).options(all).positional(positional_).run(), vm_);
    }
    po::notify(vm_);
  } catch (const po::error& e) {
    return fail(option_error(e));
  }
  if (has("help")) {
    std::cout << *visible_ << "\n";
    return kOk;
  }
  if (has("version")) {
    std::cout << name_ << " " << FOUILLE_VERSION;
    if (xapian_version_) std::cout << " (Xapian " << Xapian::version_string() << ")";
    std::cout << "\n";
    return kOk;
  }
  try {
    if (lang_code_) {
      const std::optional<Lang> lang = parse_lang(*lang_code_);
      if (!lang) throw UsageError(Message{"option.expected_lang", {"--lang", *lang_code_}});
      lang_ = *lang;
    }
    color_ = parse_color(color_text_);
  } catch (const UsageError& e) {
    return fail(report(e, lang_));
  }
  return std::nullopt;
}

int Tool::run(const std::function<int()>& body) const {
  try {
    return body();
  } catch (const std::exception& e) {
    ErrorReport r = report(e, lang_);
    if (query_ && dynamic_cast<const QueryError*>(&e)) {
      std::string query = *query_;
      if (query.size() > 60) query = query.substr(0, 60) + "…";
      r.message = render(Message{"out.query", {query, r.message}}, lang_);
    }
    return fail(r);
  }
}

int Tool::fail(const char* kind, const std::string& message, int code) const {
  const std::string_view k = kind;
  const char* api_code = k == "usage"   ? "bad_parameter"
                         : k == "query" ? "bad_query"
                         : k == "input" ? "bad_input"
                                        : "unavailable";
  return fail(ErrorReport{kind, api_code, code, k == "database" ? 503 : 400, message, "", std::nullopt});
}

int Tool::fail(const Message& message, int code) const {
  ErrorReport r = report(UsageError(message), lang_);
  r.exit_code = code;
  return fail(r);
}

int Tool::fail(const ErrorReport& r) const {
  warn(r.message);
  if (json_) {
    nlohmann::json j;
    j["error"] = {{"kind", r.kind},
                  {"code", r.code},
                  {"message", r.message},
                  {"id", r.id.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.id)},
                  {"position", r.position ? nlohmann::json(*r.position) : nlohmann::json(nullptr)},
                  {"exit_code", r.exit_code}};
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  return r.exit_code;
}

void Tool::warn(std::string_view message) const { std::cerr << name_ << ": " << corpus::printable(message) << "\n"; }

}  // namespace fouille::cli
