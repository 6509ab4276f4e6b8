// Private: how the analysis signature is made, for its test.
#pragma once

#include <string>
#include <string_view>

namespace fouille::stemming::detail {

/// The signature of the chain's code version and of `tables_digest`, the
/// digest of every table that changes terms (fouille_embed_digest).
std::string signature_of(std::string_view tables_digest);

}  // namespace fouille::stemming::detail
