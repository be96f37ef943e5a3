// Glauber and Metropolis dynamics: T = 0 is the asynchronous rule exactly (same order, same
// draws, same ties), the heat-bath probabilities have the documented bipolar and binary forms,
// the energy reported every sweep is the energy of the state, observers see every sweep with
// the burn-in marked, and a run depends only on its stream.
#include "hopfield/dynamics/discrete/stochastic_dynamics.hpp"
#include "hopfield/core/couplings.hpp"
#include "hopfield/core/error.hpp"
#include "hopfield/core/network.hpp"
#include "hopfield/core/rng.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

using namespace hopfield;

namespace {

/// Random symmetric real couplings (zero diagonal unless diagonal is set), with thresholds and
/// inputs of size O(1).
Network real_network(RandomStream& rng, Eigen::Index n, Representation r, bool diagonal = false) {
  Eigen::MatrixXd m(n, n);
  for (Eigen::Index i = 0; i < n; ++i) {
    m(i, i) = diagonal ? rng.normal() : 0.0;
    for (Eigen::Index j = 0; j < i; ++j) m(i, j) = m(j, i) = rng.normal();
  }
  Network net;
  net.couplings =
      make_dense_couplings(m, 1.0 / std::sqrt(static_cast<double>(n)), false, Precision::float64);
  net.representation = r;
  net.threshold = Eigen::VectorXd(n);
  net.input = Eigen::VectorXd(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    net.threshold[i] = 0.3 * rng.normal();
    net.input[i] = 0.2 * rng.normal();
  }
  return net;
}

/// Hebbian couplings of two random patterns: integer fields with many exact ties.
Network hebbian_two_patterns(RandomStream& rng, Eigen::Index n) {
  Eigen::MatrixXd xi(n, 2);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index mu = 0; mu < 2; ++mu) xi(i, mu) = rng.bernoulli(0.5) ? 1.0 : -1.0;
  Eigen::MatrixXd m = xi * xi.transpose();
  m.diagonal().setZero();
  Network net;
  net.couplings = make_dense_couplings(m, 1.0 / static_cast<double>(n), true, Precision::float32);
  net.representation = Representation::bipolar;
  net.threshold = Eigen::VectorXd::Zero(n);
  net.input = Eigen::VectorXd::Zero(n);
  return net;
}

State random_state(RandomStream& rng, Eigen::Index n, Representation r) {
  State s(n);
  for (Eigen::Index i = 0; i < n; ++i) s[i] = rng.bernoulli(0.5) ? on_value(r) : off_value(r);
  return s;
}

StochasticOptions options_at(double temperature, int burn_in, int measure_sweeps,
                             UpdateOrder order) {
  StochasticOptions o;
  o.temperature = temperature;
  o.burn_in = burn_in;
  o.measure_sweeps = measure_sweeps;
  o.order = order;
  return o;
}

}  // namespace

TEST_CASE("glauber and metropolis at T = 0 equal async with stop: sweeps, draw for draw",
          "[dynamics][glauber][metropolis]") {
  RandomStream setup(3, Purpose::learning, 0, 0, 0);
  const Network hebb = hebbian_two_patterns(setup, 60);
  const Network real = real_network(setup, 40, Representation::binary);
  for (const Network* net : {&hebb, &real}) {
    for (const auto order : {UpdateOrder::sequential, UpdateOrder::random_permutation,
                             UpdateOrder::random_with_replacement}) {
      for (const auto tie : {TieRule::keep, TieRule::plus, TieRule::minus}) {
        for (const auto acceptance : {Acceptance::heat_bath, Acceptance::metropolis}) {
          const State start = random_state(setup, net->size(), net->representation);
          DiscreteOptions d;
          d.stop = StopRule::sweeps;
          d.max_sweeps = 7;
          d.tie = tie;
          StochasticOptions o = options_at(0.0, 3, 4, order);
          o.tie = tie;
          RandomStream a(11, Purpose::dynamics, 0, 0, 5);
          RandomStream b(11, Purpose::dynamics, 0, 0, 5);
          const auto expected = AsyncDynamics(d, order).run(*net, start, a);
          const auto got = StochasticDynamics(o, acceptance).run(*net, start, b);
          CHECK(got.state == expected.state);
          CHECK(got.flips == expected.flips);
          CHECK(got.sweeps == 7);
          CHECK(got.reason == StopReason::sweeps);
          CHECK(got.converged == expected.converged);
          CHECK(got.energy_trace == expected.energy_trace);
          // Both streams are in the same place afterwards: no hidden draws at T = 0.
          CHECK(a.next_u64() == b.next_u64());
        }
      }
    }
  }
}

TEST_CASE("heat-bath probability is 1/(1+exp(-2h/T)) for bipolar and 1/(1+exp(-h/T)) for binary",
          "[dynamics][glauber]") {
  for (const double h : {-1.3, -0.2, 0.0, 0.4, 2.5}) {
    for (const double t : {0.1, 0.7, 3.0}) {
      CHECK(heat_bath_on_probability(h, t, Representation::bipolar) ==
            Approx(1.0 / (1.0 + std::exp(-2.0 * h / t))).epsilon(1e-12));
      CHECK(heat_bath_on_probability(h, t, Representation::binary) ==
            Approx(1.0 / (1.0 + std::exp(-h / t))).epsilon(1e-12));
    }
  }
  // Huge fields saturate without NaN.
  CHECK(heat_bath_on_probability(-1e6, 1e-3, Representation::bipolar) == 0.0);
  CHECK(heat_bath_on_probability(1e6, 1e-3, Representation::bipolar) == 1.0);
}

TEST_CASE("the energy reported after every sweep is the energy of the state, diagonal included",
          "[dynamics][glauber][metropolis][energy]") {
  RandomStream setup(5, Purpose::learning, 0, 0, 0);
  for (const auto r : {Representation::bipolar, Representation::binary}) {
    for (const bool diagonal : {false, true}) {
      const Network net = real_network(setup, 50, r, diagonal);
      for (const auto acceptance : {Acceptance::heat_bath, Acceptance::metropolis}) {
        const State start = random_state(setup, net.size(), r);
        const StochasticDynamics dyn(options_at(0.8, 5, 10, UpdateOrder::random_permutation),
                                     acceptance);
        RandomStream rng(9, Purpose::dynamics, 0, 1, 2);
        std::vector<double> seen;
        std::vector<double> recomputed;
        std::vector<bool> measuring;
        std::vector<int> sweeps;
        const auto result = dyn.run_observed(net, start, rng, [&](const SweepView& v) {
          seen.push_back(v.energy);
          recomputed.push_back(energy(net, v.state));
          measuring.push_back(v.measuring);
          sweeps.push_back(v.sweep);
        });
        REQUIRE(seen.size() == 16);
        for (std::size_t k = 0; k < seen.size(); ++k) {
          CHECK(seen[k] == Approx(recomputed[k]).margin(1e-9));
          CHECK(sweeps[k] == static_cast<int>(k));
          CHECK(measuring[k] == (k > 5));
        }
        CHECK(result.energy_trace == seen);
        CHECK(result.energy == Approx(energy(net, result.state)).margin(1e-9));
        CHECK(result.flips > 0);
      }
    }
  }
}

TEST_CASE("an observed run equals the plain run from the same stream",
          "[dynamics][glauber][async]") {
  RandomStream setup(6, Purpose::learning, 0, 0, 0);
  const Network net = real_network(setup, 30, Representation::bipolar);
  const State start = random_state(setup, 30, Representation::bipolar);
  const StochasticDynamics glauber(options_at(0.6, 4, 6, UpdateOrder::random_permutation),
                                   Acceptance::heat_bath);
  const AsyncDynamics async(DiscreteOptions{}, UpdateOrder::random_permutation);
  for (const Dynamics* dyn : std::vector<const Dynamics*>{&glauber, &async}) {
    RandomStream a(2, Purpose::dynamics, 0, 0, 0);
    RandomStream b(2, Purpose::dynamics, 0, 0, 0);
    const auto plain = dyn->run(net, start, a);
    int calls = 0;
    const auto observed = dyn->run_observed(net, start, b, [&](const SweepView&) { ++calls; });
    CHECK(plain.state == observed.state);
    CHECK(plain.sweeps == observed.sweeps);
    CHECK(calls == observed.sweeps + 1);
  }
}

TEST_CASE("stochastic runs depend only on their stream", "[dynamics][glauber][metropolis]") {
  RandomStream setup(8, Purpose::learning, 0, 0, 0);
  const Network net = real_network(setup, 40, Representation::bipolar);
  const State start = random_state(setup, 40, Representation::bipolar);
  for (const auto acceptance : {Acceptance::heat_bath, Acceptance::metropolis}) {
    const StochasticDynamics dyn(options_at(1.0, 2, 3, UpdateOrder::random_with_replacement),
                                 acceptance);
    RandomStream a(4, Purpose::dynamics, 0, 0, 1);
    RandomStream b(4, Purpose::dynamics, 0, 0, 1);
    RandomStream c(4, Purpose::dynamics, 0, 0, 2);
    const auto ra = dyn.run(net, start, a);
    const auto rb = dyn.run(net, start, b);
    const auto rc = dyn.run(net, start, c);
    CHECK(ra.state == rb.state);
    CHECK(ra.energy_trace == rb.energy_trace);
    CHECK(ra.state != rc.state);
  }
}

TEST_CASE("stochastic dynamics reject states that do not fit the network", "[dynamics][glauber]") {
  RandomStream setup(1, Purpose::learning, 0, 0, 0);
  const Network net = real_network(setup, 10, Representation::binary);
  const StochasticDynamics dyn(options_at(1.0, 1, 1, UpdateOrder::sequential),
                               Acceptance::heat_bath);
  RandomStream rng(1, Purpose::dynamics, 0, 0, 0);
  CHECK_THROWS_AS(dyn.run(net, State::Constant(10, -1.0F), rng), InputError);
  CHECK_THROWS_AS(dyn.run(net, State::Constant(9, 1.0F), rng), InputError);
}
