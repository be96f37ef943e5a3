// Locations and messages of the error hierarchy (DESIGN.md §8).
#include "hopfield/core/error.hpp"

namespace hopfield {

std::string Location::str() const {
  std::string out = file.empty() ? std::string("<command line>") : file;
  if (line > 0) {
    out += ":" + std::to_string(line) + ":" + std::to_string(column);
  }
  return out;
}

ConfigError::ConfigError(const Location& where, const std::string& message)
    : Error(where.str() + ": " + message), where_(where), message_(message) {}

}  // namespace hopfield
