// Zero-temperature async and sync dynamics: the energy never increases (Hopfield 1982), the
// result is an exact fixed point when it says so, sync finds 2-cycles, tie rules and stop
// rules behave as documented, and sequential order matches a from-scratch textbook loop.
#include "hopfield/dynamics/discrete/discrete_dynamics.hpp"
#include "hopfield/core/couplings.hpp"
#include "hopfield/core/error.hpp"
#include "hopfield/core/network.hpp"
#include "hopfield/core/rng.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

using namespace hopfield;

namespace {

/// Random symmetric couplings with zero diagonal, thresholds and inputs of size O(1).
Network random_network(RandomStream& rng, Eigen::Index n, Representation r,
                       Precision precision = Precision::float64) {
  Eigen::MatrixXd m(n, n);
  for (Eigen::Index i = 0; i < n; ++i) {
    m(i, i) = 0.0;
    for (Eigen::Index j = 0; j < i; ++j) m(i, j) = m(j, i) = rng.normal();
  }
  Network net;
  net.couplings =
      make_dense_couplings(m, 1.0 / std::sqrt(static_cast<double>(n)), false, precision);
  net.representation = r;
  net.threshold = Eigen::VectorXd(n);
  net.input = Eigen::VectorXd(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    net.threshold[i] = 0.5 * rng.normal();
    net.input[i] = 0.3 * rng.normal();
  }
  return net;
}

/// A network from integer couplings (exact fields), zero input.
Network integer_network(const Eigen::MatrixXd& m, const Eigen::VectorXd& theta,
                        Representation r = Representation::bipolar) {
  Network net;
  net.couplings = make_dense_couplings(m, 1.0, true, Precision::float64);
  net.representation = r;
  net.threshold = theta;
  net.input = Eigen::VectorXd::Zero(m.rows());
  return net;
}

/// Four all-to-all excitatory neurons (w = 1, θ = 0) started at (1, 1, 1, −1): neurons 0–2
/// have h = 1 and are stable, neuron 3 has h = 3 and is the only one that wants to change.
Network ferromagnet4() {
  Eigen::MatrixXd m = Eigen::MatrixXd::Ones(4, 4);
  m.diagonal().setZero();
  return integer_network(m, Eigen::VectorXd::Zero(4));
}

State ferromagnet4_start() {
  State s(4);
  s << 1, 1, 1, -1;
  return s;
}

State random_state(RandomStream& rng, Eigen::Index n, Representation r) {
  State s(n);
  for (Eigen::Index i = 0; i < n; ++i) s[i] = rng.bernoulli(0.5) ? on_value(r) : off_value(r);
  return s;
}

/// Every neuron agrees with the sign of its freshly computed field (ties within tol allowed).
bool is_fixed_point(const Network& net, const State& s, double tol) {
  const Eigen::VectorXd h = local_fields(net, s);
  for (Eigen::Index i = 0; i < s.size(); ++i) {
    if (h[i] > tol && s[i] != on_value(net.representation)) return false;
    if (h[i] < -tol && s[i] != off_value(net.representation)) return false;
  }
  return true;
}

const std::vector<UpdateOrder> all_orders = {
    UpdateOrder::sequential, UpdateOrder::random_permutation, UpdateOrder::random_with_replacement};

}  // namespace

TEST_CASE("async energy never increases, sweep by sweep, for symmetric zero-diagonal W",
          "[dynamics][async]") {
  RandomStream setup(10, Purpose::learning, 0, 0, 0);
  int runs = 0;
  for (const auto r : {Representation::bipolar, Representation::binary}) {
    for (const auto order : all_orders) {
      for (std::uint64_t seed = 0; seed < 25; ++seed) {
        const Eigen::Index n = 10 + static_cast<Eigen::Index>(setup.below(60));
        const Network net = random_network(setup, n, r);
        const State start = random_state(setup, n, r);
        DiscreteOptions options;
        options.max_sweeps = 200;
        RandomStream rng(seed, Purpose::dynamics, 0, 0, 0);
        const auto result = AsyncDynamics(options, order).run(net, start, rng);
        REQUIRE(result.energy_trace.size() == static_cast<std::size_t>(result.sweeps) + 1);
        CHECK(result.energy_trace.front() == Approx(energy(net, start)).margin(1e-9));
        for (std::size_t t = 1; t < result.energy_trace.size(); ++t)
          CHECK(result.energy_trace[t] <= result.energy_trace[t - 1] + 1e-9);
        // The maintained fields have not drifted from the true energy.
        CHECK(result.energy == Approx(energy(net, result.state)).margin(1e-9));
        CHECK(result.converged);
        ++runs;
      }
    }
  }
  CHECK(runs == 150);
}

TEST_CASE("async result is an exact fixed point when it reports convergence", "[dynamics][async]") {
  RandomStream setup(12, Purpose::learning, 0, 0, 0);
  for (const auto r : {Representation::bipolar, Representation::binary}) {
    for (const auto order : all_orders) {
      for (std::uint64_t seed = 0; seed < 10; ++seed) {
        const Network net = random_network(setup, 50, r, Precision::float32);
        const State start = random_state(setup, 50, r);
        RandomStream rng(seed, Purpose::dynamics, 0, 0, 0);
        const auto result = AsyncDynamics(DiscreteOptions{}, order).run(net, start, rng);
        REQUIRE(result.converged);
        CHECK(result.reason == StopReason::fixed_point);
        CHECK(is_fixed_point(net, result.state, 1e-6));
      }
    }
  }
}

TEST_CASE("async with replacement never reports convergence at a non-fixed point",
          "[dynamics][async]") {
  // Only neuron 3 is unstable and a sweep of four draws misses it with probability
  // (3/4)⁴ ≈ 0.32, so quiet sweeps at a non-fixed point are common; convergence must be exact.
  const Network net = ferromagnet4();
  const State start = ferromagnet4_start();
  for (std::uint64_t seed = 0; seed < 200; ++seed) {
    RandomStream rng(seed, Purpose::dynamics, 0, 0, 0);
    DiscreteOptions options;
    options.max_sweeps = 1000;
    const auto result =
        AsyncDynamics(options, UpdateOrder::random_with_replacement).run(net, start, rng);
    REQUIRE(result.converged);
    CHECK(is_fixed_point(net, result.state, 0.0));
    CHECK(result.state == State::Ones(4));
  }
}

TEST_CASE("stop: energy_unchanged can stop before a fixed point with random_with_replacement",
          "[dynamics][async]") {
  // The tutorial rule stops after a sweep that happened not to change anything. A first sweep
  // misses the one unstable neuron with probability ≈ 0.32, so among 100 seeds some runs stop at
  // the (non-fixed) start, and converged must then be false. P(no early stop) ≈ 10⁻¹⁷.
  const Network net = ferromagnet4();
  const State start = ferromagnet4_start();
  DiscreteOptions options;
  options.stop = StopRule::energy_unchanged;
  int early = 0;
  for (std::uint64_t seed = 0; seed < 100; ++seed) {
    RandomStream rng(seed, Purpose::dynamics, 0, 0, 0);
    const auto result =
        AsyncDynamics(options, UpdateOrder::random_with_replacement).run(net, start, rng);
    CHECK(result.reason == StopReason::energy_unchanged);
    CHECK(result.converged == is_fixed_point(net, result.state, 0.0));
    early += result.converged ? 0 : 1;
  }
  CHECK(early > 0);
}

TEST_CASE("sequential async equals a textbook loop that recomputes every field",
          "[dynamics][async]") {
  RandomStream setup(13, Purpose::learning, 0, 0, 0);
  for (const auto r : {Representation::bipolar, Representation::binary}) {
    for (int rep = 0; rep < 10; ++rep) {
      const Eigen::Index n = 30;
      const Network net = random_network(setup, n, r);
      const State start = random_state(setup, n, r);
      const Eigen::MatrixXd w = net.couplings->dense();

      // Reference: h_i = Σ_j w_ij s_j − θ_i + I_i from scratch at every update.
      State s = start;
      int sweeps = 0;
      std::int64_t flips = 0;
      for (bool changed = true; changed && sweeps < 100; ++sweeps) {
        changed = false;
        for (Eigen::Index i = 0; i < n; ++i) {
          double h = -net.threshold[i] + net.input[i];
          for (Eigen::Index j = 0; j < n; ++j) h += w(i, j) * s[j];
          const float v = h > 1e-6 ? 1.0F : h < -1e-6 ? off_value(r) : s[i];
          if (v != s[i]) {
            s[i] = v;
            changed = true;
            ++flips;
          }
        }
      }

      RandomStream rng(0, Purpose::dynamics, 0, 0, 0);
      const auto result =
          AsyncDynamics(DiscreteOptions{}, UpdateOrder::sequential).run(net, start, rng);
      CHECK(result.state == s);
      CHECK(result.sweeps == sweeps);
      CHECK(result.flips == flips);
    }
  }
}

TEST_CASE("async runs are reproducible from the stream and differ between streams",
          "[dynamics][async]") {
  RandomStream setup(14, Purpose::learning, 0, 0, 0);
  const Network net = random_network(setup, 200, Representation::bipolar);
  const State start = random_state(setup, 200, Representation::bipolar);
  const AsyncDynamics dynamics(DiscreteOptions{}, UpdateOrder::random_permutation);
  RandomStream a(1, Purpose::dynamics, 0, 0, 0);
  RandomStream b(1, Purpose::dynamics, 0, 0, 0);
  const auto ra = dynamics.run(net, start, a);
  const auto rb = dynamics.run(net, start, b);
  CHECK(ra.state == rb.state);
  CHECK(ra.energy_trace == rb.energy_trace);
  // Different orders usually reach different local minima of a spin glass; at least one of
  // several streams must differ from the first.
  bool any_differs = false;
  for (std::uint64_t item = 1; item < 10; ++item) {
    RandomStream c(1, Purpose::dynamics, 0, 0, item);
    any_differs = any_differs || dynamics.run(net, start, c).state != ra.state;
  }
  CHECK(any_differs);
}

TEST_CASE("tie rules keep, plus and minus decide an exact tie as documented",
          "[dynamics][async][sync]") {
  // N = 3, neuron 0 sees w_01 s_1 + w_02 s_2 = 1 − 1 = 0 = θ_0: an exact tie; neurons 1 and 2
  // have no input from 0 and strong self-consistent thresholds so they never change.
  Eigen::MatrixXd m(3, 3);
  m << 0, 1, 1, 0, 0, 0, 0, 0, 0;
  Eigen::VectorXd theta(3);
  theta << 0, -1, 1;  // neuron 1 on (h = 1), neuron 2 off (h = −1)
  for (const auto r : {Representation::bipolar, Representation::binary}) {
    Network net = integer_network(m, theta, r);
    if (r == Representation::binary) {
      // s_1 = 1, s_2 = 0: the field on neuron 0 is 1; θ_0 = 1 makes the tie.
      net.threshold[0] = 1;
    }
    State start(3);
    start << off_value(r), 1, off_value(r);
    State start_on = start;
    start_on[0] = 1;

    for (const bool sync : {false, true}) {
      auto run = [&](TieRule tie, const State& s0) {
        DiscreteOptions options;
        options.tie = tie;
        RandomStream rng(0, Purpose::dynamics, 0, 0, 0);
        if (sync) return SyncDynamics(options).run(net, s0, rng);
        return AsyncDynamics(options, UpdateOrder::sequential).run(net, s0, rng);
      };
      CHECK(run(TieRule::keep, start).state[0] == off_value(r));
      CHECK(run(TieRule::keep, start_on).state[0] == 1.0F);
      CHECK(run(TieRule::plus, start).state[0] == 1.0F);
      CHECK(run(TieRule::plus, start_on).state[0] == 1.0F);
      CHECK(run(TieRule::minus, start).state[0] == off_value(r));
      CHECK(run(TieRule::minus, start_on).state[0] == off_value(r));
      CHECK(run(TieRule::keep, start).converged);
      CHECK(run(TieRule::plus, start).flips == 1);
    }
  }
}

TEST_CASE("tie tolerance is exact for integer couplings and applies to real ones",
          "[dynamics][async]") {
  // Field on neuron 0 is 1e-9 above θ: exact comparison for integer-valued M flips it on; the
  // same couplings declared real-valued count it as a tie (default tolerance 1e-6) and keep.
  Eigen::MatrixXd m(2, 2);
  m << 0, 1, 1, 0;
  Eigen::VectorXd theta(2);
  theta << 1 - 1e-9, -5;
  State start(2);
  start << -1, 1;
  DiscreteOptions options;
  RandomStream rng(0, Purpose::dynamics, 0, 0, 0);
  const Network exact = integer_network(m, theta);
  CHECK(AsyncDynamics(options, UpdateOrder::sequential).run(exact, start, rng).state[0] == 1);
  Network real = exact;
  real.couplings = make_dense_couplings(m, 1.0, false, Precision::float64);
  CHECK(AsyncDynamics(options, UpdateOrder::sequential).run(real, start, rng).state[0] == -1);
}

TEST_CASE("stop: sweeps runs exactly max_sweeps sweeps", "[dynamics][async][sync]") {
  RandomStream setup(15, Purpose::learning, 0, 0, 0);
  const Network net = random_network(setup, 30, Representation::bipolar);
  const State start = random_state(setup, 30, Representation::bipolar);
  DiscreteOptions options;
  options.stop = StopRule::sweeps;
  for (const int sweeps : {1, 7, 50}) {
    options.max_sweeps = sweeps;
    for (const auto order : all_orders) {
      RandomStream rng(0, Purpose::dynamics, 0, 0, 0);
      const auto result = AsyncDynamics(options, order).run(net, start, rng);
      CHECK(result.sweeps == sweeps);
      CHECK(result.reason == StopReason::sweeps);
      CHECK(result.energy_trace.size() == static_cast<std::size_t>(sweeps) + 1);
      CHECK(result.converged == is_fixed_point(net, result.state, 1e-6));
    }
    RandomStream rng(0, Purpose::dynamics, 0, 0, 0);
    const auto result = SyncDynamics(options).run(net, start, rng);
    CHECK(result.sweeps == sweeps);
    CHECK(result.reason == StopReason::sweeps);
  }
}

TEST_CASE("async gives up with reason max_sweeps when the limit is hit", "[dynamics][async]") {
  // A single sequential sweep cannot both flip and confirm: one sweep is never enough from a
  // state that is not a fixed point.
  Eigen::MatrixXd m(2, 2);
  m << 0, 1, 1, 0;
  const Network net = integer_network(m, Eigen::VectorXd::Zero(2));
  State start(2);
  start << 1, -1;
  DiscreteOptions options;
  options.max_sweeps = 1;
  RandomStream rng(0, Purpose::dynamics, 0, 0, 0);
  const auto result = AsyncDynamics(options, UpdateOrder::sequential).run(net, start, rng);
  CHECK(result.sweeps == 1);
  CHECK(result.reason == StopReason::max_sweeps);
  CHECK(result.flips == 1);
  CHECK(result.converged);  // the state reached is a fixed point, though not yet confirmed
}

TEST_CASE("sync detects the 2-cycle of two mutually inhibiting neurons", "[dynamics][sync]") {
  // W = [[0, −1], [−1, 0]] from s = (1, 1): both fields are −1, so (−1, −1), then (1, 1), …
  Eigen::MatrixXd m(2, 2);
  m << 0, -1, -1, 0;
  const Network net = integer_network(m, Eigen::VectorXd::Zero(2));
  State start(2);
  start << 1, 1;
  RandomStream rng(0, Purpose::dynamics, 0, 0, 0);
  const auto result = SyncDynamics(DiscreteOptions{}).run(net, start, rng);
  CHECK(result.cycle);
  CHECK_FALSE(result.converged);
  CHECK(result.reason == StopReason::cycle);
  CHECK(result.sweeps == 2);
  CHECK(result.state == start);
  CHECK(result.flips == 4);
  CHECK(to_string(result.reason) == "cycle");

  // Asynchronous dynamics on the same network settle into a fixed point instead.
  const auto async = AsyncDynamics(DiscreteOptions{}, UpdateOrder::sequential).run(net, start, rng);
  CHECK(async.converged);
  CHECK(async.state[0] == -async.state[1]);
}

TEST_CASE("sync reaches fixed points of symmetric networks and reports them exactly",
          "[dynamics][sync]") {
  RandomStream setup(16, Purpose::learning, 0, 0, 0);
  int fixed = 0;
  int cycles = 0;
  for (int rep = 0; rep < 40; ++rep) {
    const auto r = rep % 2 == 0 ? Representation::bipolar : Representation::binary;
    const Network net = random_network(setup, 40, r);
    const State start = random_state(setup, 40, r);
    RandomStream rng(0, Purpose::dynamics, 0, 0, 0);
    DiscreteOptions options;
    options.max_sweeps = 1000;
    const auto result = SyncDynamics(options).run(net, start, rng);
    // Goles-Chacc et al. (1985): symmetric W gives only fixed points and 2-cycles.
    REQUIRE(result.reason != StopReason::max_sweeps);
    CHECK(result.converged == is_fixed_point(net, result.state, 1e-6));
    CHECK(result.converged == (result.reason == StopReason::fixed_point));
    CHECK(result.energy == Approx(energy(net, result.state)).margin(1e-9));
    CHECK(result.energy_trace.size() == static_cast<std::size_t>(result.sweeps) + 1);
    fixed += result.converged ? 1 : 0;
    cycles += result.cycle ? 1 : 0;
  }
  CHECK(fixed + cycles == 40);
}

TEST_CASE("dynamics reject states that do not match the network", "[dynamics][async][sync]") {
  Eigen::MatrixXd m = Eigen::MatrixXd::Zero(2, 2);
  const Network net = integer_network(m, Eigen::VectorXd::Zero(2));
  RandomStream rng(0, Purpose::dynamics, 0, 0, 0);
  State wrong_size(3);
  wrong_size << 1, 1, 1;
  State wrong_value(2);
  wrong_value << 1, 0;  // 0 is not a bipolar value
  const AsyncDynamics async(DiscreteOptions{}, UpdateOrder::sequential);
  CHECK_THROWS_AS(async.run(net, wrong_size, rng), InputError);
  CHECK_THROWS_AS(async.run(net, wrong_value, rng), InputError);
  CHECK_THROWS_AS(SyncDynamics(DiscreteOptions{}).run(net, wrong_value, rng), InputError);
}

TEST_CASE("stop reasons have stable names", "[dynamics]") {
  CHECK(to_string(StopReason::fixed_point) == "fixed_point");
  CHECK(to_string(StopReason::cycle) == "cycle");
  CHECK(to_string(StopReason::energy_unchanged) == "energy_unchanged");
  CHECK(to_string(StopReason::sweeps) == "sweeps");
  CHECK(to_string(StopReason::max_sweeps) == "max_sweeps");
}
