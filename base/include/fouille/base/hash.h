// String hashing.
//
// ViewHash: a hash for unordered containers keyed by std::string that lets
// find() take a std::string_view, so looking up a word allocates nothing.
//
//   std::unordered_map<std::string, int, fouille::ViewHash, std::equal_to<>> counts;
//   counts.find(std::string_view(text).substr(0, 5));
//
// Fnv1a: a 64-bit hash stable across builds and platforms (unlike std::hash),
// for fingerprints written to disk such as the analysis signature.
//
//   fouille::base::Fnv1a h;
//   h.add_part("fouille-analysis-5");
//   std::string hex = h.hex();  // 16 lower-case hex digits
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace fouille {

struct ViewHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

namespace base {

/// FNV-1a, 64 bits. Parts are kept apart: adding "ab" then "c" differs from
/// "a" then "bc". Never throws but std::bad_alloc from hex().
class Fnv1a {
 public:
  /// Hashes the bytes of `part`, then an end-of-part marker.
  void add_part(std::string_view part) {
    for (unsigned char c : part) h_ = (h_ ^ c) * kPrime;
    h_ = (h_ ^ 0xff) * kPrime;
  }

  std::uint64_t value() const { return h_; }

  /// The value as 16 lower-case hexadecimal digits.
  std::string hex() const {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15, shift = 0; i >= 0; --i, shift += 4)
      out[static_cast<std::size_t>(i)] = kDigits[(h_ >> shift) & 0xf];
    return out;
  }

 private:
  static constexpr std::uint64_t kPrime = 1099511628211ull;
  std::uint64_t h_ = 14695981039346656037ull;
};

}  // namespace base
}  // namespace fouille
