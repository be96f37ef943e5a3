#include "../../../framework/src/measure/standard_measures.hpp"
#include "hopfield/config/registry.hpp"
#include "hopfield/core/error.hpp"
#include "hopfield/measure/modules.hpp"
#include "hopfield/measure/overlap.hpp"
#include "hopfield/measure/record.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

using namespace hopfield;

namespace {

PatternSet two_patterns(Representation r) {
  PatternSet set;
  set.representation = r;
  set.xi.resize(2, 4);
  set.xi << 1, 1, -1, -1,  //
      1, -1, 1, -1;
  set.xi = to_representation(set.xi.cast<float>(), r);
  return set;
}

/// Runs one measure on a final state and returns its values.
std::vector<double> measure(const Measure& m, const PatternSet& patterns, Eigen::Index target,
                            const DynamicsResult& result, double success_overlap = 0.95) {
  Network net;
  net.couplings = make_dense_couplings(
      Eigen::MatrixXd::Zero(patterns.neurons(), patterns.neurons()), 1.0, true, Precision::float64);
  net.representation = patterns.representation;
  net.threshold = Eigen::VectorXd::Zero(patterns.neurons());
  net.input = Eigen::VectorXd::Zero(patterns.neurons());
  const State cue = result.state;
  const ProbeOutcome outcome{net, patterns, target, cue, result, success_overlap};
  std::vector<double> out(m.metrics().size(), -99.0);
  m.compute(outcome, out);
  return out;
}

DynamicsResult ended_at(const State& s) {
  DynamicsResult r;
  r.state = s;
  r.sweeps = 3;
  r.converged = true;
  r.cycle = false;
  r.energy = -2.5;
  return r;
}

}  // namespace

TEST_CASE("overlap of a pattern with itself is 1 and with its negation -1 in both representations",
          "[measure][overlap]") {
  for (const auto r : {Representation::bipolar, Representation::binary}) {
    const PatternSet set = two_patterns(r);
    for (Eigen::Index mu = 0; mu < 2; ++mu) {
      const State xi = set.pattern(mu);
      State negated = xi;
      for (Eigen::Index i = 0; i < xi.size(); ++i) negated(i) = flipped(xi(i), r);
      CHECK(overlap(set, mu, xi) == 1.0);
      CHECK(overlap(set, mu, negated) == -1.0);
    }
    // The two patterns are orthogonal.
    CHECK(overlap(set, 0, set.pattern(1)) == 0.0);
    const Eigen::VectorXd m = overlaps(set, set.pattern(1));
    CHECK(m(0) == 0.0);
    CHECK(m(1) == 1.0);
  }
}

TEST_CASE("overlap counts an unknown 0 in a bipolar state as no information",
          "[measure][overlap]") {
  const PatternSet set = two_patterns(Representation::bipolar);
  State s = set.pattern(0);
  s(0) = 0.0F;
  CHECK(overlap(set, 0, s) == 0.75);
  CHECK(hamming(s, set.pattern(0), Representation::bipolar) == 1);
}

TEST_CASE("hamming counts differing neurons and agrees with N(1 - m)/2", "[measure][overlap]") {
  for (const auto r : {Representation::bipolar, Representation::binary}) {
    const PatternSet set = two_patterns(r);
    const State a = set.pattern(0);
    const State b = set.pattern(1);
    CHECK(hamming(a, a, r) == 0);
    CHECK(hamming(a, b, r) == 2);
    CHECK(static_cast<double>(hamming(a, b, r)) == 4.0 * (1.0 - overlap(set, 0, b)) / 2.0);
  }
  CHECK_THROWS_AS(overlap(two_patterns(Representation::bipolar), 0, State::Ones(3)), InputError);
}

TEST_CASE("Record::allocate pads floats with NaN and integers with -1", "[measure][record]") {
  Record record;
  auto& f =
      record.add("/results/overlap", DType::f64, {2, 3, 4}, {"point", "trial", "probe"}, "overlap");
  CHECK(f.elements() == 24);
  REQUIRE(f.f64.size() == 24);
  for (const double v : f.f64) CHECK(std::isnan(v));
  CHECK(f.i64.empty());

  auto& i = record.add("/results/sweeps", DType::i64, {5}, {"point"}, "sweeps", "sweeps");
  REQUIRE(i.i64.size() == 5);
  for (const auto v : i.i64) CHECK(v == -1);
  CHECK(i.unit == "sweeps");

  auto& b = record.add("/results/converged", DType::i8, {2, 2}, {"point", "trial"}, "flag");
  REQUIRE(b.i8.size() == 4);
  for (const auto v : b.i8) CHECK(v == -1);

  auto& u = record.add("/results/seed", DType::u64, {}, {}, "scalar");
  CHECK(u.elements() == 1);
  REQUIRE(u.u64.size() == 1);
  CHECK(u.u64[0] == static_cast<std::uint64_t>(-1));
}

TEST_CASE("Record finds datasets, refuses duplicates and replaces attributes",
          "[measure][record]") {
  Record record;
  record.add("/results/a", DType::f64, {1}, {"point"}, "a");
  record.add("/results/b", DType::i64, {1}, {"point"}, "b");
  REQUIRE(record.find("/results/b") != nullptr);
  CHECK(record.find("/results/b")->dtype == DType::i64);
  CHECK(record.find("/results/c") == nullptr);
  CHECK_THROWS_AS(record.add("/results/a", DType::f64, {1}, {"point"}, "again"), Error);
  CHECK_THROWS_AS(record.add("/results/d", DType::f64, {1, 2}, {"point"}, "bad dims"), Error);

  record.set_attribute("experiment", "recall");
  record.set_attribute("experiment", "capacity");
  record.set_attribute("seed", std::int64_t{42});
  record.set_attribute("seed", std::int64_t{43});
  REQUIRE(record.text_attribute("experiment") != nullptr);
  CHECK(*record.text_attribute("experiment") == "capacity");
  CHECK(record.text_attributes.size() == 1);
  CHECK(record.integer_attributes.size() == 1);
  CHECK(record.integer_attributes[0].second == 43);
  CHECK(record.text_attribute("missing") == nullptr);
}

TEST_CASE("overlap, hamming and success measure the final state against the target",
          "[measure][standard]") {
  const PatternSet set = two_patterns(Representation::binary);
  State s = set.pattern(0);
  s(3) = flipped(s(3), set.representation);  // m = 0.5 with pattern 0, 0.5 with pattern 1
  const auto result = ended_at(s);

  CHECK(measure(OverlapMeasure(), set, 0, result)[0] == 0.5);
  CHECK(std::isnan(measure(OverlapMeasure(), set, -1, result)[0]));
  CHECK(measure(HammingMeasure(), set, 0, result)[0] == 1.0);
  CHECK(measure(HammingMeasure(), set, -1, result)[0] == -1.0);
  CHECK(measure(SuccessMeasure(), set, 0, result, 0.5)[0] == 1.0);
  CHECK(measure(SuccessMeasure(), set, 0, result, 0.95)[0] == 0.0);
  CHECK(measure(SuccessMeasure(), set, 0, ended_at(set.pattern(0)), 0.95)[0] == 1.0);
  CHECK(measure(SuccessMeasure(), set, -1, result)[0] == -1.0);
}

TEST_CASE("max_overlap gives the best pattern and its index", "[measure][standard]") {
  const PatternSet set = two_patterns(Representation::bipolar);
  const auto values = measure(MaxOverlapMeasure(), set, 0, ended_at(set.pattern(1)));
  REQUIRE(values.size() == 2);
  CHECK(values[0] == 1.0);
  CHECK(values[1] == 1.0);
  // The reversed pattern 0 has m_0 = −1 and m_1 = 0: the signed maximum is pattern 1.
  State reversed = -set.pattern(0);
  const auto rev = measure(MaxOverlapMeasure(), set, 0, ended_at(reversed));
  CHECK(rev[0] == 0.0);
  CHECK(rev[1] == 1.0);
}

TEST_CASE("energy, sweeps, converged and cycle report the dynamics result", "[measure][standard]") {
  const PatternSet set = two_patterns(Representation::bipolar);
  auto result = ended_at(set.pattern(0));
  CHECK(measure(EnergyMeasure(), set, 0, result)[0] == -2.5);
  CHECK(measure(SweepsMeasure(), set, 0, result)[0] == 3.0);
  CHECK(measure(ConvergedMeasure(), set, 0, result)[0] == 1.0);
  CHECK(measure(CycleMeasure(), set, 0, result)[0] == 0.0);
  result.converged = false;
  result.cycle = true;
  CHECK(measure(ConvergedMeasure(), set, 0, result)[0] == 0.0);
  CHECK(measure(CycleMeasure(), set, 0, result)[0] == 1.0);
  CHECK(EnergyTraceMeasure().metrics().empty());
  CHECK(EnergyTraceMeasure().needs_energy_trace());
  CHECK_FALSE(EnergyMeasure().needs_energy_trace());
}

TEST_CASE("every standard measure is registered and documents its metrics",
          "[measure][standard][config]") {
  config::Registry registry;
  registry.add_family<Measure>("measure", "measures");
  register_measure_modules(registry);
  const auto& family = registry.family<Measure>("measure");
  const std::vector<std::string> names{"overlap",   "max_overlap",  "hamming",
                                       "energy",    "energy_trace", "sweeps",
                                       "converged", "cycle",        "success"};
  for (const auto& name : names) {
    INFO(name);
    const config::ModuleDoc* doc = family.find(name);
    REQUIRE(doc != nullptr);
    CHECK(doc->params.empty());
    CHECK_FALSE(doc->help.empty());
    config::Node node = config::Node::make_map(Location{"test.yaml", 1, 1});
    node.set("type", config::Node::make_scalar(name, Location{"test.yaml", 1, 7}));
    registry.validate_module(node, "measure");
    const auto m = family.make(node);
    for (const auto& metric : m->metrics()) {
      CHECK_FALSE(metric.description.empty());
      CHECK((metric.unit.empty() || metric.unit == "sweeps"));
    }
  }
  const auto max = family.make([&] {
    config::Node node = config::Node::make_map(Location{});
    node.set("type", config::Node::make_scalar("max_overlap", Location{}));
    return node;
  }());
  const auto defs = max->metrics();
  REQUIRE(defs.size() == 2);
  CHECK(defs[0].name == "max_overlap");
  CHECK_FALSE(defs[0].integer);
  CHECK(defs[1].name == "max_overlap_index");
  CHECK(defs[1].integer);
  CHECK(SweepsMeasure().metrics()[0].unit == "sweeps");
  CHECK(SweepsMeasure().metrics()[0].integer);
  CHECK(HammingMeasure().metrics()[0].integer);
  CHECK(SuccessMeasure().metrics()[0].integer);
  CHECK_FALSE(OverlapMeasure().metrics()[0].integer);
  CHECK_FALSE(EnergyMeasure().metrics()[0].integer);
}

TEST_CASE("references returned by Record::add stay valid while more datasets are added",
          "[measure][record]") {
  Record record;
  Dataset& first = record.add("/results/first", DType::f64, {2}, {"point"}, "first");
  first.f64[0] = 1.5;
  for (int k = 0; k < 100; ++k) {
    record.add("/results/d" + std::to_string(k), DType::i64, {3}, {"point"}, "filler");
  }
  CHECK(&first == record.find("/results/first"));
  CHECK(first.f64[0] == 1.5);
}
