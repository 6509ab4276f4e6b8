#include "fouille/cli/tool.h"

#include <iostream>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "fouille/base/error.h"
#include "fouille/corpus/printable.h"
#include "fouille/version.h"

namespace fouille::cli {

Failure classify(const std::exception& e) {
  if (dynamic_cast<const UsageError*>(&e)) return {"usage", kUsage};
  if (dynamic_cast<const QueryError*>(&e)) return {"query", kUsage};
  if (dynamic_cast<const CorpusError*>(&e)) return {"input", kInput};
  return {"database", kDatabase};  // IndexError, and what Xapian or the system threw
}

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

Tool::Tool(std::string name, const std::string& usage) : name_(std::move(name)), visible_(usage) {
  visible_.add_options()("help,h", "show this help")("version", "print the version");
}

void Tool::positional(const std::string& name, std::vector<std::string>* words) {
  hidden_.add_options()(name.c_str(), po::value(words));
  positional_.add(name.c_str(), -1);
}

std::optional<int> Tool::parse(int argc, const char* const* argv) {
  po::options_description all;
  all.add(visible_).add(hidden_);
  if (json_errors_) {
    for (int i = 1; i < argc && std::string_view(argv[i]) != "--"; ++i)
      json_ = json_ || std::string_view(argv[i]) == "--json";
  }
  try {
    if (dash_words_) {
      po::store(po::command_line_parser(arrange_arguments(argc, argv, all)).options(all).positional(positional_).run(),
                vm_);
    } else {
      po::store(po::command_line_parser(argc, argv).options(all).positional(positional_).run(), vm_);
    }
    po::notify(vm_);
  } catch (const po::error& e) {
    return fail("usage", std::string(e.what()) + " (see --help)", kUsage);
  }
  if (has("help")) {
    std::cout << visible_ << "\n";
    return kOk;
  }
  if (has("version")) {
    std::cout << name_ << " " << FOUILLE_VERSION;
    if (xapian_version_) std::cout << " (Xapian " << Xapian::version_string() << ")";
    std::cout << "\n";
    return kOk;
  }
  return std::nullopt;
}

int Tool::run(const std::function<int()>& body) const {
  try {
    return body();
  } catch (const std::exception& e) {
    const Failure f = classify(e);
    std::string message = e.what();
    if (query_ && dynamic_cast<const QueryError*>(&e)) {
      std::string query = *query_;
      if (query.size() > 60) query = query.substr(0, 60) + "…";
      message = "query « " + query + " »: " + message;
    }
    return fail(f.kind, message, f.code);
  }
}

int Tool::fail(const char* kind, const std::string& message, int code) const {
  warn(message);
  if (json_) {
    nlohmann::json j;
    j["error"] = {{"kind", kind}, {"message", message}, {"exit_code", code}};
    std::cout << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  return code;
}

void Tool::warn(std::string_view message) const { std::cerr << name_ << ": " << corpus::printable(message) << "\n"; }

}  // namespace fouille::cli
