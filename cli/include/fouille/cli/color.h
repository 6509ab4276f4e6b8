// When a tool colours its output or draws a progress line: --color
// auto|always|never, NO_COLOR (set and not empty: no colour) and TERM=dumb
// (a terminal that cannot move the cursor or change colours).
//
//   fouille::cli::ColorMode mode = fouille::cli::parse_color(text);   // "auto", "always", "never"
//   bool bold = fouille::cli::use_color(mode, STDOUT_FILENO);
#pragma once

#include <string_view>

namespace fouille::cli {

enum class ColorMode { kAuto, kAlways, kNever };

/// "auto", "always" or "never"; throws UsageError naming --color otherwise.
ColorMode parse_color(std::string_view text);

/// Colour with `mode`: always yes, never no; auto only on a terminal
/// (`terminal`) when NO_COLOR is unset or empty and TERM is not "dumb".
/// `no_color` and `term` are the variables' values, nullptr when unset.
bool use_color(ColorMode mode, bool terminal, const char* no_color, const char* term);

/// use_color for file descriptor `fd`, from the environment.
bool use_color(ColorMode mode, int fd);

/// A progress line (redrawn with '\r' and an erase code): never with
/// --color never, else only on a terminal whose TERM is not "dumb".
bool use_progress(ColorMode mode, bool terminal, const char* term);

/// use_progress for file descriptor `fd`, from the environment.
bool use_progress(ColorMode mode, int fd);

}  // namespace fouille::cli
