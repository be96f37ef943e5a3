// Error hierarchy of the framework (DESIGN.md §8). Library code throws; only the CLI prints.
// ConfigError carries the file:line:col of the offending YAML node.
#pragma once

#include <stdexcept>
#include <string>

namespace hopfield {

/// A position in a configuration source ("file:line:col"); line and column are 1-based,
/// 0 means unknown (e.g. a value given with --set).
struct Location {
  std::string file;
  int line = 0;
  int column = 0;
  [[nodiscard]] std::string str() const;
};

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Bad configuration: names the location and the dotted key.
class ConfigError : public Error {
 public:
  ConfigError(const Location& where, const std::string& message);
  [[nodiscard]] const Location& location() const noexcept { return where_; }
  [[nodiscard]] const std::string& message() const noexcept { return message_; }

 private:
  Location where_;
  std::string message_;
};

/// Bad input data: missing or malformed files, size mismatches, refused overwrite.
class InputError : public Error {
 public:
  using Error::Error;
};

/// NaN/overflow detected in a computation.
class NumericalError : public Error {
 public:
  using Error::Error;
};

/// Failure to read or write a file.
class IoError : public Error {
 public:
  using Error::Error;
};

}  // namespace hopfield

#ifndef NDEBUG
#define HOPFIELD_ASSERT(cond)                                                                      \
  do {                                                                                             \
    if (!(cond))                                                                                   \
      throw ::hopfield::Error(std::string("internal assertion failed: " #cond " at ") + __FILE__ + \
                              ":" + std::to_string(__LINE__));                                     \
  } while (false)
#else
#define HOPFIELD_ASSERT(cond) \
  do {                        \
  } while (false)
#endif
