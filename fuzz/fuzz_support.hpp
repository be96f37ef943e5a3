// Shared pieces of the libFuzzer targets: a scratch file per process for readers that take a
// path, and the contract every target checks — an input is either accepted or refused with a
// ConfigError/InputError (exit status 2 in the CLI); any other exception escapes the target,
// and libFuzzer reports it (it would be exit status 1, "internal error", for the user).
#pragma once

#include "hopfield/core/error.hpp"

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace hopfield::fuzz {

/// A file of this process in /dev/shm (memory, no disk wear) or else the temporary directory,
/// removed when the process exits normally (libFuzzer exits when its time is up; after a crash
/// the file stays, beside the finding).
inline std::string scratch_file(const std::string& suffix) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path dir =
      fs::is_directory("/dev/shm", ec) ? fs::path("/dev/shm") : fs::temp_directory_path();
  // Constructed before the exit handler is registered, so destroyed after it has run.
  static std::vector<std::string> files;
  static const bool registered = std::atexit([] {
                                   for (const std::string& f : files) std::remove(f.c_str());
                                 }) == 0;
  (void)registered;
  files.push_back((dir / ("hopfield_fuzz_" + std::to_string(getpid()) + suffix)).string());
  return files.back();
}

inline void write_bytes(const std::string& path, const std::uint8_t* data, std::size_t size) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  if (!out) {
    std::fprintf(stderr, "fuzz harness: cannot write scratch file %s\n", path.c_str());
    std::abort();
  }
}

/// HOPFIELD_FUZZ_VERBOSE=1 prints each refusal (to see what the seeds exercise).
inline bool verbose() {
  static const bool on = std::getenv("HOPFIELD_FUZZ_VERBOSE") != nullptr;
  return on;
}

/// Runs body; a ConfigError or InputError is the expected refusal of bad input.
template <class Body>
bool accepted(Body&& body) {
  try {
    body();
    if (verbose()) std::fprintf(stderr, "  accepted\n");
    return true;
  } catch (const ConfigError& e) {
    if (verbose()) std::fprintf(stderr, "  refused: %s\n", e.what());
    return false;
  } catch (const InputError& e) {
    if (verbose()) std::fprintf(stderr, "  refused: %s\n", e.what());
    return false;
  }
}

/// A property of accepted input that does not hold: report and stop (a finding).
[[noreturn]] inline void violated(const std::string& what) {
  std::fprintf(stderr, "fuzz harness: property violated: %s\n", what.c_str());
  std::abort();
}

}  // namespace hopfield::fuzz
