// The checkpoint journal (DESIGN.md §6): an HDF5 file open for writing does not survive kill -9,
// so every finished task is appended to `<results>.journal` as a length-prefixed record with a
// CRC-32, and flushed. `hopfield run --resume` replays the journal (a torn or corrupt last
// record is detected and its task redone) and runs only the missing tasks; the assembled
// results are the same as an uninterrupted run's because tasks land in (point, trial) slots.
// The same encoding carries task results between MPI ranks.
#pragma once

#include "hopfield/experiments/experiment.hpp"

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace hopfield {

/// Binary encoding of a task result (native byte order: journals are not portable files).
std::string encode_task(const TaskResult& result);
/// Inverse of encode_task; throws Error on malformed input.
TaskResult decode_task(std::string_view bytes);

struct JournalContents {
  std::string header;               ///< the text the journal was created with
  std::vector<TaskResult> results;  ///< every intact task record
  bool torn_tail = false;           ///< a partial or corrupt record was found (and dropped)
};

/// Reads a journal; throws InputError when the file is not a journal.
JournalContents read_journal(const std::string& path);

class Journal {
 public:
  /// Starts a new journal (replacing any file at path) with a header record.
  static Journal create(const std::string& path, const std::string& header);
  /// Continues an existing journal (read_journal has already cut off a torn tail).
  static Journal append_to(const std::string& path);
  Journal(Journal&& other) noexcept;
  Journal& operator=(Journal&&) = delete;
  Journal(const Journal&) = delete;
  Journal& operator=(const Journal&) = delete;
  ~Journal();

  /// Appends one task and flushes it to the operating system (survives kill -9).
  void append(const TaskResult& result);
  [[nodiscard]] const std::string& path() const { return path_; }

 private:
  Journal(std::string path, std::FILE* file) : path_(std::move(path)), file_(file) {}
  void write_record(char kind, std::string_view payload);
  std::string path_;
  std::FILE* file_ = nullptr;
};

/// Dotted paths whose values differ between two YAML documents (for refusing a resume).
std::vector<std::string> differing_keys(const std::string& yaml_a, const std::string& yaml_b);

}  // namespace hopfield
