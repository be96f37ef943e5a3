// Glauber dynamics of a Hebbian network storing one pattern is the Curie–Weiss ferromagnet in
// the gauge of the pattern (Amit, Gutfreund & Sompolinsky 1985, Sec. 3): the equilibrium
// overlap solves m = tanh(m/T) for T < 1 and vanishes above T = 1. N = 2000 neurons started at
// the pattern, 200 sweeps of burn-in, then the overlap averaged over 400 sweeps. Tolerances
// (issue 4) widen towards T_c = 1, where finite-size fluctuations grow; the statistical error
// of each average (batch means) is an order of magnitude below them at this N.
#include "hopfield/core/couplings.hpp"
#include "hopfield/core/network.hpp"
#include "hopfield/core/rng.hpp"
#include "hopfield/dynamics/discrete/stochastic_dynamics.hpp"
#include "hopfield/measure/time_average.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace hopfield;

namespace {

constexpr Eigen::Index neurons = 2000;

/// The largest root of m = tanh(m/T) by fixed-point iteration from m = 1 (0 for T ≥ 1).
double curie_weiss(double temperature) {
  double m = 1.0;
  for (int k = 0; k < 100000; ++k) {
    const double next = std::tanh(m / temperature);
    if (std::abs(next - m) < 1e-14) return next;
    m = next;
  }
  return m;
}

struct OnePattern {
  Network net;
  State xi;
};

OnePattern one_pattern() {
  RandomStream rng(7, Purpose::patterns, 0, 0, 0);
  OnePattern p;
  p.xi.resize(neurons);
  for (Eigen::Index i = 0; i < neurons; ++i) p.xi[i] = rng.bernoulli(0.5) ? 1.0F : -1.0F;
  const Eigen::VectorXd x = p.xi.cast<double>();
  Eigen::MatrixXd m = x * x.transpose();
  m.diagonal().setZero();
  p.net.couplings =
      make_dense_couplings(m, 1.0 / static_cast<double>(neurons), true, Precision::float32);
  p.net.representation = Representation::bipolar;
  p.net.threshold = Eigen::VectorXd::Zero(neurons);
  p.net.input = Eigen::VectorXd::Zero(neurons);
  return p;
}

struct Measured {
  double mean;
  double error;
};

Measured time_averaged_overlap(const OnePattern& p, double temperature) {
  StochasticOptions o;
  o.temperature = temperature;
  o.burn_in = 200;
  o.measure_sweeps = 400;
  o.record_energy = false;
  const StochasticDynamics glauber(o, Acceptance::heat_bath);
  RandomStream rng(7, Purpose::thermal, 0, 0, static_cast<std::uint64_t>(temperature * 1000));
  TimeAverage m;
  const double n = static_cast<double>(neurons);
  (void)glauber.run_observed(p.net, p.xi, rng, [&](const SweepView& v) {
    if (v.measuring) m.add(static_cast<double>(p.xi.dot(v.state)) / n);
  });
  return {m.mean(), m.error(20)};
}

}  // namespace

TEST_CASE("glauber overlap with one stored pattern follows the Curie-Weiss curve m = tanh(m/T)",
          "[statistical][glauber]") {
  const OnePattern p = one_pattern();
  struct Case {
    double temperature;
    double tolerance;
  };
  for (const Case c : {Case{0.5, 0.005}, Case{0.8, 0.015}, Case{0.9, 0.03}}) {
    const double expected = curie_weiss(c.temperature);
    const Measured got = time_averaged_overlap(p, c.temperature);
    INFO("T = " << c.temperature << ": m = " << got.mean << " ± " << got.error
                << " (batch means), Curie-Weiss " << expected);
    CHECK(std::abs(got.mean - expected) < c.tolerance);
    CHECK(got.error < c.tolerance / 3.0);
  }
}

TEST_CASE("glauber overlap with one stored pattern vanishes above T = 1",
          "[statistical][glauber]") {
  const OnePattern p = one_pattern();
  CHECK(curie_weiss(1.2) < 1e-6);
  const Measured got = time_averaged_overlap(p, 1.2);
  INFO("T = 1.2: m = " << got.mean << " ± " << got.error);
  CHECK(std::abs(got.mean) < 0.1);
}
