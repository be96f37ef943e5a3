// The thermal experiment: at T = 0 from a stored pattern the time-averaged overlap is exactly 1;
// the overlap and energy it observes sweep by sweep belong to the same state (for one Hebbian
// pattern E = −(N m² − 1)/2 exactly); `start: cue` starts from the probe-stage noisy copy; and
// at T = 0.5 the overlap is the Curie–Weiss value within a few of its batch-means errors.
#include "hopfield/experiments/experiment.hpp"
#include "hopfield/io/yaml_loader.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>

using namespace hopfield;

namespace {

struct Setup {
  std::unique_ptr<config::Registry> registry = make_registry();
  config::Node root;
  Model model;
  std::unique_ptr<Experiment> experiment;
};

std::unique_ptr<Setup> setup(const std::string& yaml) {
  auto s = std::make_unique<Setup>();
  s->root = io::load_yaml_text(yaml, "thermal_test.yaml");
  s->model = validate_config(s->root, *s->registry);
  s->experiment = s->registry->family<Experiment>("experiment").make(s->root.at("experiment"));
  return s;
}

/// The value of column `path` in a task result.
const Slice& slice(const std::vector<Column>& columns, const TaskResult& r,
                   const std::string& path) {
  for (std::size_t k = 0; k < columns.size(); ++k)
    if (columns[k].path == path) return r.slices[k];
  FAIL("no column " << path);
  throw std::logic_error("unreachable");
}

constexpr const char* one_pattern =
    "experiment: {type: thermal}\n"
    "seed: 3\n"
    "network: {neurons: 400}\n"
    "patterns: {type: random, count: 1}\n"
    "measure: [overlap, energy]\n";

}  // namespace

TEST_CASE("thermal at T = 0 from the stored pattern averages an overlap of exactly 1",
          "[experiments][thermal]") {
  const auto s = setup(std::string(one_pattern) +
                       "dynamics: {type: glauber, temperature: 0, burn_in: 3, "
                       "measure_sweeps: 10}\n");
  const TaskContext context;
  const auto columns = s->experiment->columns(s->model, context);
  const TaskResult r = s->experiment->run_task(s->model, 0, 0, context);
  CHECK(slice(columns, r, "/results/mean_overlap").data == std::vector<double>{1.0});
  CHECK(slice(columns, r, "/results/mean_overlap_error").data == std::vector<double>{0.0});
  CHECK(slice(columns, r, "/results/mean_abs_overlap").data == std::vector<double>{1.0});
  CHECK(slice(columns, r, "/results/measured_sweeps").data == std::vector<double>{10.0});
  CHECK(slice(columns, r, "/results/overlap").data == std::vector<double>{1.0});
  // E = −(N m² − 1)/2 at m = 1.
  CHECK(slice(columns, r, "/results/mean_energy").data[0] == Approx(-(400.0 - 1.0) / 2.0));
}

TEST_CASE("thermal trajectories pair each sweep's overlap with that sweep's energy",
          "[experiments][thermal]") {
  const auto s = setup(std::string(one_pattern) +
                       "dynamics: {type: glauber, temperature: 0.9, burn_in: 5, "
                       "measure_sweeps: 20}\n");
  TaskContext context;
  context.save = {"trajectories"};
  const auto columns = s->experiment->columns(s->model, context);
  const TaskResult r = s->experiment->run_task(s->model, 0, 1, context);
  const Slice& m = slice(columns, r, "/trajectories/overlap");
  const Slice& e = slice(columns, r, "/trajectories/energy");
  REQUIRE(m.shape == std::vector<std::size_t>{1, 26});
  REQUIRE(e.shape == m.shape);
  CHECK(m.data[0] == 1.0);
  double sum = 0.0;
  for (std::size_t t = 0; t < 26; ++t) {
    CHECK(e.data[t] == Approx(-(400.0 * m.data[t] * m.data[t] - 1.0) / 2.0).margin(1e-6));
    if (t > 5) sum += m.data[t];
  }
  CHECK(slice(columns, r, "/results/mean_overlap").data[0] == Approx(sum / 20.0));
}

TEST_CASE("thermal start: cue starts from the probe-stage noisy copy of the pattern",
          "[experiments][thermal]") {
  const auto s = setup(
      "experiment: {type: thermal, start: cue, probes: 2}\n"
      "seed: 5\n"
      "network: {neurons: 200}\n"
      "patterns: {type: random, count: 3}\n"
      "noise: [{type: flip, fraction: 0.1}]\n"
      "dynamics: {type: glauber, temperature: 0.2, burn_in: 0, measure_sweeps: 5}\n"
      "measure: [overlap]\n");
  TaskContext context;
  context.save = {"probes", "trajectories"};
  const auto columns = s->experiment->columns(s->model, context);
  const TaskResult r = s->experiment->run_task(s->model, 0, 0, context);
  CHECK(slice(columns, r, "/results/count").data == std::vector<double>{2.0});
  const Slice& m = slice(columns, r, "/trajectories/overlap");
  REQUIRE(m.shape[0] == 2);
  // 20 of 200 bits flipped: m = 1 − 2·20/200 at sweep 0, then recalled.
  CHECK(m.data[0] == Approx(0.8));
  CHECK(m.data[m.shape[1]] == Approx(0.8));
  CHECK(slice(columns, r, "/results/mean_overlap").data[0] > 0.95);
}

TEST_CASE("thermal overlap at T = 0.5 is the Curie-Weiss value m = tanh(m/T)",
          "[experiments][thermal]") {
  const auto s = setup(
      "experiment: {type: thermal}\n"
      "seed: 11\n"
      "network: {neurons: 1000}\n"
      "patterns: {type: random, count: 1}\n"
      "dynamics: {type: glauber, temperature: 0.5, burn_in: 100, measure_sweeps: 200}\n"
      "measure: [overlap]\n");
  const TaskContext context;
  const auto columns = s->experiment->columns(s->model, context);
  const TaskResult r = s->experiment->run_task(s->model, 0, 0, context);
  double m = 1.0;
  for (int k = 0; k < 1000; ++k) m = std::tanh(m / 0.5);
  const double got = slice(columns, r, "/results/mean_overlap").data[0];
  const double error = slice(columns, r, "/results/mean_overlap_error").data[0];
  INFO("m = " << got << " ± " << error << ", Curie-Weiss " << m);
  CHECK(error > 0.0);
  CHECK(error < 0.003);
  CHECK(std::abs(got - m) < 0.005);
}
