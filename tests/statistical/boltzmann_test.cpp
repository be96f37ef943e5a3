// Glauber and Metropolis dynamics sample the Boltzmann distribution P(s) ∝ exp(−E(s)/T) (detailed
// balance). A 3-neuron network has 8 states; 20 000 independent runs (one stream each, 40
// sweeps of equilibration) give 20 000 independent samples, compared with the exact
// distribution by a χ² test with 7 degrees of freedom at a false-failure rate of 0.1 % per check
// (critical value 24.32; 10 checks, so about 1 % for the file). The seeds are fixed, so the
// outcome is deterministic; the rate says how unlikely a failure of a correct implementation is
// for an arbitrary seed (with 2·10⁶ samples the statistics stay at χ² ≈ 5–11). The same samples
// are also checked to be far from the Boltzmann distribution at the wrong temperature (2T),
// which shows the test has the power to detect, e.g., a missing factor 2 in the bipolar rule.
#include "hopfield/core/couplings.hpp"
#include "hopfield/core/network.hpp"
#include "hopfield/core/rng.hpp"
#include "hopfield/dynamics/discrete/stochastic_dynamics.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cmath>

using namespace hopfield;

namespace {

constexpr int samples = 20000;
constexpr double chi2_critical_7dof_p001 = 24.32;

Network three_neurons(Representation r, bool diagonal) {
  Eigen::MatrixXd m(3, 3);
  m << 0.0, 0.8, -0.5,  //
      0.8, 0.0, 0.3,    //
      -0.5, 0.3, 0.0;
  if (diagonal) m.diagonal() << 0.4, -0.3, 0.2;
  Network net;
  net.couplings = make_dense_couplings(m, 1.0, false, Precision::float64);
  net.representation = r;
  net.threshold = Eigen::Vector3d(0.2, -0.1, 0.0);
  net.input = Eigen::Vector3d(0.0, 0.1, 0.0);
  return net;
}

State state_of(int code, Representation r) {
  State s(3);
  for (int i = 0; i < 3; ++i) s[i] = (code >> i) & 1 ? on_value(r) : off_value(r);
  return s;
}

int code_of(const State& s) {
  int code = 0;
  for (int i = 0; i < 3; ++i)
    if (s[i] == 1.0F) code |= 1 << i;
  return code;
}

std::array<double, 8> boltzmann(const Network& net, double temperature) {
  std::array<double, 8> p{};
  double z = 0.0;
  for (int c = 0; c < 8; ++c) {
    p[c] = std::exp(-energy(net, state_of(c, net.representation)) / temperature);
    z += p[c];
  }
  for (double& x : p) x /= z;
  return p;
}

std::array<int, 8> sample_states(const Network& net, double temperature, Acceptance acceptance,
                                 UpdateOrder order) {
  StochasticOptions o;
  o.temperature = temperature;
  o.burn_in = 39;
  o.measure_sweeps = 1;
  o.order = order;
  o.record_energy = false;
  const StochasticDynamics dyn(o, acceptance);
  const State start = state_of(0, net.representation);
  std::array<int, 8> counts{};
  for (int k = 0; k < samples; ++k) {
    RandomStream rng(2024, Purpose::thermal, 0, 0, static_cast<std::uint64_t>(k));
    ++counts[static_cast<std::size_t>(code_of(dyn.run(net, start, rng).state))];
  }
  return counts;
}

double chi2(const std::array<int, 8>& counts, const std::array<double, 8>& p) {
  double x = 0.0;
  for (std::size_t c = 0; c < 8; ++c) {
    const double expected = p[c] * samples;
    x += (counts[c] - expected) * (counts[c] - expected) / expected;
  }
  return x;
}

void check_boltzmann(Representation r, bool diagonal, Acceptance acceptance, UpdateOrder order) {
  const Network net = three_neurons(r, diagonal);
  const double temperature = 0.7;
  const auto counts = sample_states(net, temperature, acceptance, order);
  const double at_t = chi2(counts, boltzmann(net, temperature));
  const double at_2t = chi2(counts, boltzmann(net, 2.0 * temperature));
  INFO("representation " << to_string(r) << ", diagonal " << diagonal << ", chi2 at T " << at_t
                         << ", at 2T " << at_2t);
  CHECK(at_t < chi2_critical_7dof_p001);
  CHECK(at_2t > 10.0 * chi2_critical_7dof_p001);
}

}  // namespace

TEST_CASE(
    "glauber samples the Boltzmann distribution of a 3-neuron network (chi2, 0.1% false "
    "failures)",
    "[statistical][glauber]") {
  for (const auto r : {Representation::bipolar, Representation::binary}) {
    for (const bool diagonal : {false, true}) {
      check_boltzmann(r, diagonal, Acceptance::heat_bath, UpdateOrder::random_permutation);
    }
  }
  check_boltzmann(Representation::bipolar, false, Acceptance::heat_bath,
                  UpdateOrder::random_with_replacement);
}

TEST_CASE(
    "metropolis samples the Boltzmann distribution of a 3-neuron network (chi2, 0.1% "
    "false failures)",
    "[statistical][metropolis]") {
  for (const auto r : {Representation::bipolar, Representation::binary}) {
    for (const bool diagonal : {false, true}) {
      check_boltzmann(r, diagonal, Acceptance::metropolis, UpdateOrder::random_permutation);
    }
  }
  check_boltzmann(Representation::binary, false, Acceptance::metropolis,
                  UpdateOrder::random_with_replacement);
}
