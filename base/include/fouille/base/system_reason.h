// Why a system call failed, in the user's language. The system's own texts
// (strerror, std::error_code::message) are English whatever the user reads;
// the usual reasons have catalogue rows ("sys.*", the English text being the
// system's), so a line of fouille-index stays in one language.
//
//   throw IndexError(Message{"store.cannot_lock", {dir, fouille::system_reason(errno)}});
#pragma once

#include <system_error>

#include "fouille/base/message.h"

namespace fouille {

/// The reason for errno value `error_number`: its catalogue row in both
/// languages when it has one, else the system's text. Thread-safe.
MessageArg system_reason(int error_number);

/// The same for an error code of the system or generic category; any other
/// category gives its own message.
MessageArg system_reason(const std::error_code& ec);

}  // namespace fouille
