// Private: reading the tab-separated data tables of corpus/data/.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

namespace fouille::corpus::detail {

/// Splits `s` on `sep` (empty parts kept).
std::vector<std::string_view> split(std::string_view s, char sep);

/// `s` without leading and trailing ASCII spaces, tabs, CR and NBSP.
std::string_view trim(std::string_view s);

/// Calls fn(line_number, columns) for each row that is not blank or a # comment.
void for_each_row(std::string_view tsv, const std::function<void(int, const std::vector<std::string_view>&)>& fn);

}  // namespace fouille::corpus::detail
