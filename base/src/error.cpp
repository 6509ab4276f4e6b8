#include "fouille/base/error.h"

namespace fouille {

std::string describe(const std::exception& e, Lang lang) {
  const auto* error = dynamic_cast<const Error*>(&e);
  if (error && error->message()) return render(*error->message(), lang);
  return e.what();
}

MessageArg describe(const std::exception& e) {
  const auto* error = dynamic_cast<const Error*>(&e);
  if (error && error->message()) return MessageArg(*error->message());
  return MessageArg(std::string(e.what()));
}

ErrorReport report(const std::exception& e, Lang lang) {
  ErrorReport r{"database", "unavailable", 4, 503, describe(e, lang), "", std::nullopt};
  if (dynamic_cast<const UsageError*>(&e)) r = {"usage", "bad_parameter", 2, 400, r.message, "", std::nullopt};
  if (dynamic_cast<const QueryError*>(&e)) r = {"query", "bad_query", 2, 400, r.message, "", std::nullopt};
  if (dynamic_cast<const CorpusError*>(&e)) r = {"input", "bad_input", 3, 400, r.message, "", std::nullopt};
  const auto* error = dynamic_cast<const Error*>(&e);
  if (const Message* m = error ? error->message() : nullptr) r.id = innermost_id(*m);
  if (const auto* query = dynamic_cast<const QueryError*>(&e)) r.position = query->position();
  return r;
}

}  // namespace fouille
