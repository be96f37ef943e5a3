// Where a file named in a config is looked for: as given (relative to the working directory),
// else relative to the directory of the config file that named it, so a config refers to its
// data the same way from wherever it is run.
#pragma once

#include "hopfield/core/error.hpp"

#include <string>

namespace hopfield::io {

/// `path` if it exists as given or is absolute; else the path next to `where.file` if that
/// exists; else `path` unchanged (the caller reports it missing).
std::string resolve_input_path(const std::string& path, const Location& where);

}  // namespace hopfield::io
