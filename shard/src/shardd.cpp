#include "fouille/shard/shardd.h"

#include <cerrno>
#include <unistd.h>

#include <xapian.h>

#include "fouille/base/error.h"
#include "fouille/base/system_reason.h"
#include "fouille/store/analysis_check.h"
#include "fouille/store/database.h"
#include "fouille/store/shard.h"

namespace fouille::shard {

Served check_database(const std::filesystem::path& dir) {
  Xapian::Database db = store::open_for_reading(dir);
  try {
    const std::string analysis = db.get_metadata(store::kAnalysisKey);
    if (analysis.empty()) throw IndexError(Message{"shard.not_fouille", {dir.string()}});
    if (!store::is_current_analysis(analysis)) throw IndexError(Message{"shard.stale", {dir.string()}});
    return Served{db.get_metadata(store::kShardKey), db.get_doccount()};
  } catch (const Xapian::Error& e) {
    throw IndexError(Message{"index.cannot_open", {dir.string(), e.get_msg()}});
  }
}

Message serving(const Served& served, const std::string& interface, unsigned port) {
  const Message what = served.spec.empty() ? Message{"shard.whole", {}} : Message{"shard.spec", {served.spec}};
  return Message{"shard.serving", {what, served.documents, interface, std::size_t{port}}};
}

std::vector<std::string> tcpsrv_command(const std::filesystem::path& dir, unsigned port, const std::string& interface) {
  return {"xapian-tcpsrv", "--port", std::to_string(port), "--interface", interface, dir.string()};
}

void exec(const std::vector<std::string>& command) {
  std::vector<char*> argv;
  for (const auto& word : command) argv.push_back(const_cast<char*>(word.c_str()));
  argv.push_back(nullptr);
  ::execvp(argv[0], argv.data());
  throw IndexError(Message{"shard.no_tcpsrv", {system_reason(errno)}});
}

}  // namespace fouille::shard
