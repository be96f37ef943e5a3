// Shared by the experiment unit tests (tests/unit/<module>/): run a config given as YAML text in
// process — written to a scratch folder of this process first, since configs are files (their
// errors name file:line:col) — and look up a dataset that must exist.
#pragma once

#include "hopfield/experiments/runner.hpp"

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace hopfield::test {

inline const config::Registry& registry() {
  static const auto r = make_registry();
  return *r;
}

/// The prepared config (its models) and the record of the run.
struct YamlRun {
  Prepared prepared;
  Record record;
};

inline YamlRun run_yaml(const std::string& yaml, int threads = 1) {
  static int counter = 0;
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / fmt::format("hopfield_unit_test_{}", ::getpid());
  std::filesystem::create_directories(dir);
  const std::filesystem::path path = dir / fmt::format("config_{}.yaml", counter++);
  std::ofstream(path) << yaml;
  YamlRun r{prepare(path.string(), {}, std::nullopt, registry()), {}};
  RunOptions options;
  options.threads = threads;
  options.quiet = true;
  r.record = execute(r.prepared, options).record;
  return r;
}

inline Record run_yaml_record(const std::string& yaml, int threads = 1) {
  return run_yaml(yaml, threads).record;
}

inline const Dataset& get(const Record& r, const std::string& path) {
  const Dataset* d = r.find(path);
  REQUIRE(d != nullptr);
  return *d;
}

}  // namespace hopfield::test
