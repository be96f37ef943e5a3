// The sweep engine: expansion order, value generators, error locations, and common random
// numbers across points (DESIGN.md §5).
#include "hopfield/sweep/sweep.hpp"
#include "hopfield/experiments/runner.hpp"
#include "hopfield/io/yaml_loader.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>
#include <filesystem>
#include <fstream>

using hopfield::config::Node;
namespace fs = std::filesystem;

namespace {

hopfield::sweep::SweepPlan plan_of(const std::string& yaml) {
  const Node root = hopfield::io::load_yaml_text(yaml, "test.yaml");
  return hopfield::sweep::expand(root.find("sweep"));
}

std::vector<std::string> texts(const hopfield::sweep::SweepPlan& plan, std::size_t k) {
  std::vector<std::string> out;
  for (const auto& p : plan.points) out.push_back(p.assignments[k].value.text());
  return out;
}

fs::path write_config(const std::string& name, const std::string& text) {
  const fs::path dir =
      fs::temp_directory_path() / ("hopfield_sweep_tests_" + std::to_string(getpid()));
  fs::create_directories(dir);
  const fs::path path = dir / name;
  std::ofstream(path) << text;
  return path;
}

}  // namespace

TEST_CASE("a run without a grid has exactly one point with no assignments", "[sweep]") {
  const auto plan = plan_of("sweep: {trials: 3}\n");
  REQUIRE(plan.points.size() == 1);
  CHECK(plan.points[0].assignments.empty());
  CHECK(plan_of("network: {neurons: 3}\n").points.size() == 1);
}

TEST_CASE("grid is a Cartesian product with the first key varying slowest", "[sweep]") {
  const auto plan = plan_of("sweep:\n  grid:\n    a.x: [1, 2]\n    b: [p, q, r]\n");
  REQUIRE(plan.paths == std::vector<std::string>{"a.x", "b"});
  REQUIRE(plan.points.size() == 6);
  CHECK(texts(plan, 0) == std::vector<std::string>{"1", "1", "1", "2", "2", "2"});
  CHECK(texts(plan, 1) == std::vector<std::string>{"p", "q", "r", "p", "q", "r"});
}

TEST_CASE("zip pairs values position by position and is the outermost grid axis", "[sweep]") {
  const auto plan =
      plan_of("sweep:\n  zip:\n    n: [10, 20]\n    m: [1, 2]\n  grid:\n    k: [a, b]\n");
  REQUIRE(plan.points.size() == 4);
  CHECK(texts(plan, 0) == std::vector<std::string>{"10", "10", "20", "20"});
  CHECK(texts(plan, 1) == std::vector<std::string>{"1", "1", "2", "2"});
  CHECK(texts(plan, 2) == std::vector<std::string>{"a", "b", "a", "b"});
}

TEST_CASE("linspace, logspace and range generate the documented numbers", "[sweep]") {
  auto values = [](const std::string& spec) {
    const Node n = hopfield::io::load_yaml_text(spec, "v.yaml");
    std::vector<double> out;
    for (const auto& v : hopfield::sweep::expand_values(n)) out.push_back(v.as_real());
    return out;
  };
  const auto lin = values("{linspace: [0.02, 0.2, 10]}");
  REQUIRE(lin.size() == 10);
  CHECK(lin.front() == 0.02);
  CHECK(lin.back() == 0.2);
  CHECK(lin[1] == Approx(0.04));
  const auto log = values("{logspace: [-1, 1, 3]}");
  REQUIRE(log.size() == 3);
  CHECK(log[0] == Approx(0.1));
  CHECK(log[1] == Approx(1.0));
  CHECK(log[2] == Approx(10.0));
  const auto range = values("{range: [0, 1, 0.25]}");
  CHECK(range == std::vector<double>{0.0, 0.25, 0.5, 0.75});
  CHECK(values("{range: [5, 1, -2]}") == std::vector<double>{5.0, 3.0});
  CHECK(values("{linspace: [3, 3, 1]}") == std::vector<double>{3.0});
}

TEST_CASE("bad sweep specifications are errors at their location", "[sweep]") {
  auto error_of = [](const std::string& yaml) {
    try {
      (void)plan_of(yaml);
    } catch (const hopfield::ConfigError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  CHECK_THAT(error_of("sweep:\n  zip:\n    a: [1, 2]\n    b: [1, 2, 3]\n"),
             Catch::Contains("test.yaml:4:8") && Catch::Contains("same length"));
  CHECK_THAT(error_of("sweep:\n  grid:\n    a: []\n"), Catch::Contains("empty list"));
  CHECK_THAT(error_of("sweep:\n  grid:\n    a: {linspace: [0, 1]}\n"),
             Catch::Contains("[start, stop, count]"));
  CHECK_THAT(error_of("sweep:\n  grid:\n    a: {range: [0, 1, -1]}\n"), Catch::Contains("step"));
  CHECK_THAT(error_of("sweep:\n  grid:\n    a: {linspace: [0, 1, 2.5]}\n"),
             Catch::Contains("whole number"));
  CHECK_THAT(error_of("sweep:\n  grid:\n    seed: [1, 2]\n"), Catch::Contains("not sweepable"));
  CHECK_THAT(error_of("sweep:\n  zip:\n    a: [1, 2]\n  grid:\n    a: [3]\n"),
             Catch::Contains("swept twice"));
  CHECK_THAT(error_of("sweep:\n  grid:\n    a: {linspace: [0, .nan, 3]}\n"),
             Catch::Contains("finite"));
}

TEST_CASE("a bad value at a late sweep point fails validation before anything runs", "[sweep]") {
  const auto registry = hopfield::make_registry();
  const auto cfg = write_config("late_bad.yaml",
                                "network: {neurons: 50}\npatterns: {type: random, count: 2}\n"
                                "noise: [{type: flip, fraction: 0.1}]\n"
                                "sweep:\n  grid:\n    noise[0].fraction: [0.1, 0.2, 0.3, 1.5]\n");
  try {
    (void)hopfield::prepare(cfg.string(), {}, std::nullopt, *registry);
    FAIL("no error");
  } catch (const hopfield::ConfigError& e) {
    CHECK_THAT(std::string(e.what()),
               Catch::Contains("late_bad.yaml:6:40") &&
                   Catch::Contains("'noise[0].fraction': value 1.5 is out of range"));
  }
}

TEST_CASE("every point of a rule comparison sees the same patterns and cues", "[sweep][crn]") {
  const auto registry = hopfield::make_registry();
  const auto cfg = write_config(
      "crn.yaml",
      "network: {neurons: 120}\npatterns: {type: random, count: 6}\n"
      "noise: [{type: flip, fraction: 0.2}]\n"
      "learning: hebbian\n"
      "output: {save: [patterns, probes]}\n"
      "sweep:\n  trials: 3\n  grid:\n    learning: [hebbian, {type: covariance, rho: global}]\n"
      "    dynamics.type: [async, sync]\n");
  const auto prepared = hopfield::prepare(cfg.string(), {}, std::nullopt, *registry);
  REQUIRE(prepared.models.size() == 4);
  hopfield::RunOptions options;
  options.threads = 2;
  options.quiet = true;
  const auto outcome = hopfield::execute(prepared, options);
  const auto* xi = outcome.record.find("/patterns/xi");
  const auto* cue = outcome.record.find("/probes/cue");
  REQUIRE(xi != nullptr);
  REQUIRE(cue != nullptr);
  const std::size_t per_point_xi = xi->i8.size() / 4;
  const std::size_t per_point_cue = cue->i8.size() / 4;
  for (std::size_t p = 1; p < 4; ++p) {
    CHECK(std::equal(xi->i8.begin(), xi->i8.begin() + static_cast<long>(per_point_xi),
                     xi->i8.begin() + static_cast<long>(p * per_point_xi)));
    CHECK(std::equal(cue->i8.begin(), cue->i8.begin() + static_cast<long>(per_point_cue),
                     cue->i8.begin() + static_cast<long>(p * per_point_cue)));
  }
  // Trials differ from each other.
  const std::size_t per_trial = per_point_xi / 3;
  CHECK_FALSE(std::equal(xi->i8.begin(), xi->i8.begin() + static_cast<long>(per_trial),
                         xi->i8.begin() + static_cast<long>(per_trial)));
}
