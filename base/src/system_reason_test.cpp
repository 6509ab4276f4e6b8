#include "fouille/base/system_reason.h"

#include <cerrno>
#include <cstring>
#include <future>

#include <gtest/gtest.h>

namespace fouille {
namespace {

TEST(SystemReason, TheUsualReasonsInBothLanguages) {
  struct Case {
    int error_number;
    const char* fr;
  };
  const Case cases[] = {
      {ENOENT, "fichier ou dossier introuvable"},
      {EACCES, "permission refusée"},
      {ENOSPC, "plus de place sur le disque"},
      {EROFS, "système de fichiers en lecture seule"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.error_number);
    const MessageArg reason = system_reason(c.error_number);
    EXPECT_EQ(reason.fr, c.fr);
    EXPECT_EQ(reason.en, std::strerror(c.error_number));  // English: the system's own words
    EXPECT_EQ(system_reason(std::make_error_code(static_cast<std::errc>(c.error_number))).fr, c.fr);
  }
}

TEST(SystemReason, AnyOtherIsTheSystemsText) {
  EXPECT_EQ(system_reason(EXDEV).fr, std::strerror(EXDEV));
  EXPECT_EQ(system_reason(std::make_error_code(std::future_errc::no_state)).en,
            std::make_error_code(std::future_errc::no_state).message());
}

}  // namespace
}  // namespace fouille
