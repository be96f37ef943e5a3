// network.storage: what `auto` chooses, that explicit choices are honoured, that a network
// which cannot fit is refused before anything is allocated, and that a recall run gives the
// same datasets in every storage, with 1 or 2 threads, batched or not.
#include "hopfield/config/registry.hpp"
#include "hopfield/core/error.hpp"
#include "hopfield/experiments/experiment.hpp"
#include "hopfield/experiments/runner.hpp"
#include "hopfield/io/yaml_loader.hpp"
#include "hopfield/model/model.hpp"

#include <catch2/catch.hpp>

#include <sys/resource.h>
#include <unistd.h>

#include <cstdlib>

#include <filesystem>
#include <fstream>
#include <string>

using namespace hopfield;

namespace {

Model validated(const std::string& yaml) {
  static const auto registry = make_registry();
  config::Node root = io::load_yaml_text(yaml, "storage.yaml");
  return validate_config(root, *registry);
}

std::string chosen(const std::string& yaml) {
  return std::string(to_string(validated(yaml).network.resolved_storage));
}

std::filesystem::path write_config(const std::string& name, const std::string& text) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("hopfield_storage_tests_" + std::to_string(getpid()));
  std::filesystem::create_directories(dir);
  const auto path = dir / name;
  std::ofstream(path) << text;
  return path;
}

long max_rss_kib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

}  // namespace

TEST_CASE("auto storage follows the rule, the size and the weight noise", "[model][storage]") {
  const std::string patterns = "patterns: {type: random, count: 20}\n";
  CHECK(chosen("network: {neurons: 500}\n" + patterns) == "integer");
  CHECK(chosen("network: {neurons: 20000}\n" + patterns) == "integer");
  CHECK(chosen("network: {neurons: 20001}\n" + patterns) == "matrix_free");
  CHECK(chosen("network: {neurons: 500}\n" + patterns + "learning: storkey\n") == "dense");
  CHECK(chosen("network: {neurons: 500}\n" + patterns + "learning: covariance\n") == "dense");
  CHECK(chosen("network: {neurons: 500}\n" + patterns + "noise: [{type: clip}]\n") == "dense");
  CHECK(chosen("network: {neurons: 500}\n" + patterns + "noise: [{type: flip, fraction: 0.1}]\n") ==
        "integer");  // probe noise only
  CHECK(chosen("network: {neurons: 3000}\n" + patterns +
               "noise: [{type: dilution, inputs: 10}]\n") == "sparse");
  // The estimate it was checked with: int16 matrix, the bit-packed patterns twice (the Hebbian
  // factor: 200 bits padded to 512 per neuron, by neuron and by pattern), patterns, per-neuron
  // vectors and the process.
  const Model m = validated("network: {neurons: 1000}\npatterns: {type: random, count: 200}\n");
  CHECK(m.network.storage_bytes ==
        Approx(1000.0 * 1024 * 2 + 2 * 1000.0 * 64 + 1000.0 * 200 + 1000.0 * 64 + 16.0 * 1048576));
}

TEST_CASE("auto storage falls back to matrix-free when the matrix does not fit the budget",
          "[model][storage]") {
  const std::string cfg = "network: {neurons: 5000}\npatterns: {type: random, count: 50}\n";
  CHECK(chosen(cfg) == "integer");
  // int8 matrix ≈ 41 MB with the process, bit-packed patterns ≈ 17 MB.
  setenv("HOPFIELD_MEMORY_LIMIT", "30M", 1);
  const Model m = validated(cfg);
  CHECK(to_string(m.network.resolved_storage) == "matrix_free");
  CHECK_THAT(m.network.storage_reason, Catch::Contains("does not fit"));
  setenv("HOPFIELD_MEMORY_LIMIT", "10M", 1);
  CHECK_THROWS_WITH(validated(cfg), Catch::Contains("a matrix_free network of 5000 neurons") &&
                                        Catch::Contains("HOPFIELD_MEMORY_LIMIT"));
  unsetenv("HOPFIELD_MEMORY_LIMIT");
}

TEST_CASE("the couplings of a trial have the storage chosen for it", "[model][storage]") {
  for (const auto& [storage, element] : {std::pair<std::string, std::string>{"dense", "float32"},
                                         {"integer", "int8"},
                                         {"matrix_free", "bits"}}) {
    const Model model = validated("network: {neurons: 300, storage: " + storage +
                                  "}\npatterns: {type: random, count: 30}\n");
    const Trial t = build_trial(model, 0, 2);
    CHECK(t.network.couplings->storage() == storage);
    CHECK(t.network.couplings->element() == element);
  }
  const Model wide = validated("network: {neurons: 300}\npatterns: {type: random, count: 200}\n");
  CHECK(build_trial(wide, 0).network.couplings->element() == "int16");
  const Model f64 = validated(
      "network: {neurons: 300, storage: dense, precision: float64}\n"
      "patterns: {type: random, count: 30}\n");
  CHECK(build_trial(f64, 0).network.couplings->element() == "float64");
}

TEST_CASE("a network that cannot fit is refused at validation, before any allocation",
          "[model][storage]") {
  const long before = max_rss_kib();
  // int8 (P ≤ 127): (4·10⁵)² bytes = 160 GB.
  CHECK_THROWS_WITH(validated("network: {neurons: 400000, storage: integer}\n"
                              "patterns: {type: random, count: 10}\n"),
                    Catch::Contains("an integer network of 400000 neurons storing 10 patterns "
                                    "needs about 149."));  // int8: P ≤ 127
  CHECK_THROWS_AS(validated("network: {neurons: 200000, storage: dense}\n"
                            "patterns: {type: random, count: 10}\n"),
                  ConfigError);
  // Matrix-free fits where the matrix would not.
  CHECK(chosen("network: {neurons: 400000}\npatterns: {type: random, count: 10}\n") ==
        "matrix_free");
  CHECK(max_rss_kib() - before < 64 * 1024);  // nothing N²-sized was touched
}

TEST_CASE("recall gives identical datasets in every storage, batched or per probe, 1 or 2 threads",
          "[model][storage][determinism]") {
  const auto registry = make_registry();
  for (const std::string dynamics : {"{type: async, order: random_permutation}", "sync"}) {
    const auto cfg = write_config(
        "recall.yaml",
        "seed: 3\nnetwork: {neurons: 400, representation: binary, threshold: 0.0}\n"
        "patterns: {type: random, count: 30}\nnoise: [{type: flip, fraction: 0.15}]\n"
        "dynamics: " +
            dynamics +
            "\n"
            "measure: [overlap, max_overlap, energy, sweeps, converged, cycle, energy_trace]\n"
            "sweep: {trials: 2}\n");
    auto run = [&](const std::string& storage, int threads, const std::string& probes) {
      const auto prepared = prepare(
          cfg.string(),
          {"network.storage=" + storage, "experiment={type: recall, probes: " + probes + "}"},
          std::nullopt, *registry);
      RunOptions options;
      options.threads = threads;
      options.quiet = true;
      return execute(prepared, options).record;
    };
    const Record reference = run("dense", 1, "all");
    for (const std::string storage : {"dense", "integer", "matrix_free"}) {
      for (int threads : {1, 2}) {
        INFO(dynamics << " " << storage << " threads=" << threads);
        const Record r = run(storage, threads, "all");
        const Dataset* kind = r.find("/network/storage");
        REQUIRE(kind != nullptr);
        CHECK(kind->text.front().rfind(storage, 0) == 0);
        for (const auto& ds : reference.datasets) {
          if (ds.path.rfind("/results/", 0) != 0 && ds.path.rfind("/trajectories/", 0) != 0)
            continue;
          INFO(ds.path);
          const Dataset* other = r.find(ds.path);
          REQUIRE(other != nullptr);
          CHECK(other->i64 == ds.i64);
          REQUIRE(other->f64.size() == ds.f64.size());
          for (std::size_t k = 0; k < ds.f64.size(); ++k) {
            const bool both_nan = std::isnan(ds.f64[k]) && std::isnan(other->f64[k]);
            REQUIRE((both_nan || other->f64[k] == ds.f64[k]));
          }
        }
      }
    }
    // One probe takes the per-probe path; it must match probe 0 of the (batched) run.
    const Record single = run("integer", 2, "1");
    for (const std::string metric : {"/results/energy", "/results/sweeps", "/results/overlap"}) {
      const Dataset* all = reference.find(metric);
      const Dataset* one = single.find(metric);
      REQUIRE(all != nullptr);
      REQUIRE(one != nullptr);
      const std::size_t probes = all->shape[2];
      for (std::size_t trial = 0; trial < 2; ++trial) {
        if (!all->f64.empty()) {
          CHECK(one->f64[trial] == all->f64[trial * probes]);
        } else {
          CHECK(one->i64[trial] == all->i64[trial * probes]);
        }
      }
    }
  }
}
