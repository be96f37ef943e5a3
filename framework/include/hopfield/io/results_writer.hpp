// The results file (DESIGN.md §6): a Record written to HDF5 as `<path>.partial` and renamed on
// success, so a file under the final name is always complete; an existing result is never
// replaced without --overwrite. Also reads a results file back into a Record.
#pragma once

#include "hopfield/measure/record.hpp"

#include <cstdint>
#include <string>

namespace hopfield::io {

/// Version of the results layout, stored as the `format_version` root attribute.
inline constexpr std::int64_t results_format_version = 1;

/// Checks before a run that path can be written: an existing file without overwrite is an
/// InputError ("refusing to overwrite …"); a missing directory is created; a directory that
/// cannot be created or written is an IoError.
void check_output_path(const std::string& path, bool overwrite);

/// Writes the record: root attributes (text as variable-length UTF-8, integers as int64), each
/// dataset at its path with its dtype and logical shape (row-major; chunked and deflated above
/// 64 KiB) and `description`, `unit`, `dims` attributes. Adds the root attributes `format`,
/// `format_version`, `software_version`, `git_commit` and `created` where the record lacks them.
/// Everything goes to `<path>.partial`, which is renamed to path only once complete and closed;
/// on failure the partial file is removed.
void write_results(const hopfield::Record& record, const std::string& path, bool overwrite);

/// Reads every dataset (walking groups recursively, in creation order) and every text and
/// integer root attribute of a results file back into a Record.
hopfield::Record read_results(const std::string& path);

}  // namespace hopfield::io
