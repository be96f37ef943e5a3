// Resolution of input file paths relative to the config file.
#include "input_path.hpp"

#include <filesystem>

namespace hopfield::io {

std::string resolve_input_path(const std::string& path, const Location& where) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path given(path);
  if (path.empty() || given.is_absolute() || fs::exists(given, ec)) return path;
  // Only a real file location has a directory to look in (line 0: command line, --set).
  if (where.file.empty() || where.line <= 0) return path;
  const fs::path beside = fs::path(where.file).parent_path() / given;
  if (fs::exists(beside, ec)) return beside.string();
  return path;
}

}  // namespace hopfield::io
