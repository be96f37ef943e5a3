// Helpers of the command-line contract tests (config_errors.cpp, fault_injection.cpp): run the
// `hopfield` binary through the shell, per-process scratch folders, results comparison.
#pragma once

#include "hopfield/io/results_writer.hpp"

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;

namespace cli {

struct CommandResult {
  int code = -1;
  std::string output;
};

inline CommandResult run_command(const std::string& command) {
  CommandResult r;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  REQUIRE(pipe != nullptr);
  std::array<char, 4096> buffer{};
  while (fgets(buffer.data(), buffer.size(), pipe) != nullptr) r.output += buffer.data();
  const int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

inline std::string binary() {
  return std::string(HOPFIELD_BINARY);
}

inline fs::path scratch(const std::string& name) {
  // Per process: test runs from several checkouts at once must not share scratch files.
  const fs::path dir = fs::temp_directory_path() /
                       ("hopfield_config_tests_" + std::to_string(getpid()) + "_" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

inline std::string expected_fragment(const fs::path& file) {
  std::ifstream in(file);
  std::string first;
  std::getline(in, first);
  const std::string tag = "# expect: ";
  REQUIRE(first.rfind(tag, 0) == 0);
  return first.substr(tag.size());
}

inline void write_file(const fs::path& path, const std::string& text) {
  std::ofstream out(path);
  out << text;
}

/// A sweep of 16 tasks of a few tenths of a second each: long enough to interrupt, short enough
/// to run many times.
inline const char* resumable_config =
    "network: {neurons: 1200}\n"
    "patterns: {type: random, alpha: 0.1}\n"
    "noise: [{type: flip, fraction: 0.2}]\n"
    "measure: [overlap, max_overlap, hamming, energy, energy_trace, sweeps, converged]\n"
    "sweep: {trials: 8, grid: {patterns.alpha: [0.08, 0.14]}}\n";

/// Starts a run, waits until its journal exists (so the signal cannot arrive during start-up,
/// whatever the machine's load), lets it work a little, then sends SIGINT.
inline CommandResult interrupt_after_journal(const std::string& command, const fs::path& journal,
                                             const std::string& signal = "INT") {
  const fs::path script = journal.parent_path() / "interrupt.sh";
  write_file(script, command + " &\npid=$!\nfor i in $(seq 1 600); do [ -s '" + journal.string() +
                         "' ] && break; sleep 0.05; done\nsleep 0.3\nkill -" + signal +
                         " $pid\nwait $pid\n");
  return run_command("bash " + script.string());
}

inline void require_same_results(const fs::path& a_path, const fs::path& b_path) {
  const auto a = hopfield::io::read_results(a_path.string());
  const auto b = hopfield::io::read_results(b_path.string());
  REQUIRE(a.datasets.size() == b.datasets.size());
  for (const auto& x : a.datasets) {
    const auto* y = b.find(x.path);
    INFO(x.path);
    REQUIRE(y != nullptr);
    CHECK(x.shape == y->shape);
    CHECK(x.i64 == y->i64);
    CHECK(x.i8 == y->i8);
    CHECK(x.u64 == y->u64);
    CHECK(x.text == y->text);
    REQUIRE(x.f64.size() == y->f64.size());
    CHECK((x.f64.empty() ||
           std::memcmp(x.f64.data(), y->f64.data(), x.f64.size() * sizeof(double)) == 0));
  }
  for (const auto& [name, value] : a.text_attributes) {
    // config holds output.path, config_file the config's path
    if (name == "created" || name == "config" || name == "config_file") continue;
    const auto* other = b.text_attribute(name);
    INFO(name);
    REQUIRE(other != nullptr);
    CHECK(*other == value);
  }
}

}  // namespace cli
