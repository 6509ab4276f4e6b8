// Private: the web page's files, compiled into the binary from server/web/
// (cmake/EmbedText.cmake). They are the only files the server ever sends.
#pragma once

#include <string>
#include <string_view>

namespace fouille::server {

struct Asset {
  std::string_view bytes;
  const char* content_type = nullptr;
};

/// The embedded file served at `path` ("/" is the page itself), or an Asset
/// with no content_type when there is none.
Asset find_asset(const std::string& path);

}  // namespace fouille::server
