// The coupling storages are interchangeable for integer-valued (Hebbian) couplings: dense
// float32/float64, integer int16/int8 and matrix-free couplings learned from the same patterns
// give bitwise the same fields, the same entries, and the same asynchronous, synchronous,
// batched-synchronous and stochastic dynamics, with the portable and the AVX-512 kernels.
#include "hopfield/core/integer_couplings.hpp"
#include "hopfield/core/kernels.hpp"
#include "hopfield/core/matrix_free_couplings.hpp"
#include "hopfield/dynamics/discrete/discrete_dynamics.hpp"
#include "hopfield/dynamics/discrete/stochastic_dynamics.hpp"
#include "hopfield/learning/learning_rule.hpp"
#include "hopfield/patterns/pattern_set.hpp"

#include "../../../framework/src/learning/hebbian.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace hopfield;

namespace {

PatternSet random_patterns(Eigen::Index p, Eigen::Index n, Representation r, std::uint64_t seed) {
  RandomStream rng(seed, Purpose::patterns, 0, 0, 0);
  PatternSet set;
  set.representation = r;
  set.xi.resize(p, n);
  for (Eigen::Index mu = 0; mu < p; ++mu)
    for (Eigen::Index i = 0; i < n; ++i)
      set.xi(mu, i) = static_cast<std::int8_t>(rng.bernoulli(0.5) ? on_value(r) : off_value(r));
  return set;
}

struct Stored {
  std::string name;
  Network net;
};

/// The same Hebbian couplings in every storage.
std::vector<Stored> all_storages(const PatternSet& set, bool self_coupling, double threshold) {
  std::vector<Stored> out;
  const HebbianRule rule;
  RandomStream rng(1, Purpose::learning, 0, 0, 0);
  auto add = [&](const std::string& name, StorageKind storage, Precision precision) {
    LearningContext context;
    context.precision = precision;
    context.self_coupling = self_coupling;
    context.storage = storage;
    context.threads = 2;
    Network net;
    net.couplings = rule.learn(set, context, rng).couplings;
    net.representation = set.representation;
    net.threshold = Eigen::VectorXd::Constant(set.neurons(), threshold);
    net.input = Eigen::VectorXd::Zero(set.neurons());
    out.push_back({name + "/" + net.couplings->element(), std::move(net)});
  };
  add("dense", StorageKind::dense, Precision::float32);
  add("dense", StorageKind::dense, Precision::float64);
  add("integer", StorageKind::integer, Precision::float32);
  add("matrix_free", StorageKind::matrix_free, Precision::float32);
  // Integer storage without the factor the Hebbian rule attaches: fields from M itself.
  {
    Network net = out.front().net;
    const Couplings& dense = *out.front().net.couplings;
    Eigen::MatrixXd m(dense.size(), dense.size());
    for (Eigen::Index j = 0; j < m.cols(); ++j)
      for (Eigen::Index i = 0; i < m.rows(); ++i) m(i, j) = dense.raw(i, j);
    net.couplings = make_integer_couplings(m, dense.scale());
    const bool integer =
        dynamic_cast<const IntegerCouplings<std::int8_t>*>(net.couplings.get()) != nullptr ||
        dynamic_cast<const IntegerCouplings<std::int16_t>*>(net.couplings.get()) != nullptr;
    REQUIRE(integer);
    out.push_back({"integer_unfactored/" + net.couplings->element(), std::move(net)});
  }
  return out;
}

State random_state(Eigen::Index n, Representation r, std::uint64_t seed) {
  RandomStream rng(seed, Purpose::cue_noise, 0, 0, 0);
  State s(n);
  for (Eigen::Index i = 0; i < n; ++i) s[i] = rng.bernoulli(0.5) ? on_value(r) : off_value(r);
  return s;
}

State noisy(const PatternSet& set, Eigen::Index mu, double fraction, std::uint64_t seed) {
  RandomStream rng(seed, Purpose::cue_noise, 0, 0, 1);
  State s = set.pattern(mu);
  for (Eigen::Index i = 0; i < s.size(); ++i)
    if (rng.bernoulli(fraction)) s[i] = flipped(s[i], set.representation);
  return s;
}

void require_same(const DynamicsResult& a, const DynamicsResult& b) {
  REQUIRE(a.state == b.state);
  REQUIRE(a.sweeps == b.sweeps);
  REQUIRE(a.flips == b.flips);
  REQUIRE(a.converged == b.converged);
  REQUIRE(a.cycle == b.cycle);
  REQUIRE(a.reason == b.reason);
  REQUIRE(a.energy == b.energy);  // bitwise: exact fields, the same formula
  REQUIRE(a.energy_trace == b.energy_trace);
}

template <class Body>
void for_each_isa(Body&& body) {
  kernels::force_portable(true);
  body("portable");
  kernels::force_portable(false);
  if (kernels::avx512_available()) body("avx512");
}

}  // namespace

TEST_CASE("dense, integer and matrix-free Hebbian couplings give identical fields and entries",
          "[dynamics][storage]") {
  for (const auto r : {Representation::bipolar, Representation::binary}) {
    for (const bool self : {false, true}) {
      for (const Eigen::Index p : {Eigen::Index{13}, Eigen::Index{150}}) {
        const Eigen::Index n = 211;
        const PatternSet set = random_patterns(p, n, r, static_cast<std::uint64_t>(p));
        for_each_isa([&](const char* isa) {
          const auto stores = all_storages(set, self, 0.0);
          const Couplings& reference = *stores.front().net.couplings;
          const Eigen::MatrixXd w = reference.dense();
          Eigen::MatrixXf states(n, 5);
          for (Eigen::Index b = 0; b < 5; ++b)
            states.col(b) = random_state(n, r, static_cast<std::uint64_t>(b));
          states(3, 2) = 0.0F;  // an unknown neuron
          Eigen::VectorXd g_ref;
          reference.raw_fields(states.col(0), g_ref);
          Eigen::MatrixXd gb_ref;
          reference.raw_fields_batch(states, gb_ref);
          for (const auto& stored : stores) {
            INFO(isa << " " << stored.name << " P=" << p << " self=" << self
                     << " repr=" << to_string(r));
            const Couplings& c = *stored.net.couplings;
            CHECK(c.integer_valued());
            CHECK(c.symmetric());
            CHECK(c.zero_diagonal() == !self);
            CHECK(c.scale() == reference.scale());
            REQUIRE(c.dense() == w);
            for (Eigen::Index i = 0; i < n; i += 17)
              for (Eigen::Index j = 0; j < n; j += 13) REQUIRE(c.raw(i, j) == reference.raw(i, j));
            Eigen::VectorXd g;
            c.raw_fields(states.col(0), g);
            REQUIRE(g == g_ref);
            Eigen::MatrixXd gb;
            c.raw_fields_batch(states, gb);
            REQUIRE(gb == gb_ref);
            c.add_column(7, -2.0, g);
            for (Eigen::Index i = 0; i < n; ++i)
              REQUIRE(g[i] == g_ref[i] - 2.0 * reference.raw(i, 7));
          }
        });
      }
    }
  }
}

TEST_CASE("asynchronous, synchronous and stochastic dynamics are identical in every storage",
          "[dynamics][storage]") {
  for (const auto r : {Representation::bipolar, Representation::binary}) {
    const Eigen::Index n = 300;
    const Eigen::Index p = 24;
    const PatternSet set = random_patterns(p, n, r, 11);
    // A threshold that ties with a field now and then: the tie rule must see exact zeros.
    const double theta = r == Representation::binary ? 2.0 / static_cast<double>(n) : 0.0;
    for_each_isa([&](const char* isa) {
      const auto stores = all_storages(set, false, theta);
      DiscreteOptions options;
      options.tie = TieRule::plus;
      const AsyncDynamics async(options, UpdateOrder::random_permutation);
      const AsyncDynamics replace(options, UpdateOrder::random_with_replacement);
      const SyncDynamics sync(options);
      StochasticOptions hot;
      hot.temperature = 0.3;
      hot.burn_in = 3;
      hot.measure_sweeps = 3;
      const StochasticDynamics glauber(hot, Acceptance::heat_bath);
      std::vector<State> cues;
      for (Eigen::Index k = 0; k < 6; ++k)
        cues.push_back(noisy(set, k, 0.2, static_cast<std::uint64_t>(k)));
      cues.push_back(random_state(n, r, 99));
      auto run_all = [&](const Network& net) {
        std::vector<DynamicsResult> out;
        for (std::size_t k = 0; k < cues.size(); ++k) {
          for (const Dynamics* d :
               std::vector<const Dynamics*>{&async, &replace, &sync, &glauber}) {
            RandomStream rng(5, Purpose::dynamics, 0, 0, k);
            out.push_back(d->run(net, cues[k], rng));
          }
        }
        return out;
      };
      const auto reference = run_all(stores.front().net);
      for (const auto& stored : stores) {
        INFO(isa << " " << stored.name << " repr=" << to_string(r));
        const auto results = run_all(stored.net);
        for (std::size_t k = 0; k < results.size(); ++k) require_same(results[k], reference[k]);
        for (int threads : {1, 2}) {
          const auto batch = sync.run_batch(stored.net, cues, threads);
          for (std::size_t k = 0; k < cues.size(); ++k)
            require_same(batch[k], reference[4 * k + 2]);
        }
      }
    });
  }
}

TEST_CASE("batched synchronous dynamics stop every probe where the per-probe run stops",
          "[dynamics][storage]") {
  // Probes that converge after different numbers of steps, and a 2-cycle.
  const Eigen::Index n = 128;
  const PatternSet set = random_patterns(20, n, Representation::bipolar, 3);
  const auto stores = all_storages(set, false, 0.0);
  DiscreteOptions options;
  options.max_sweeps = 7;
  const SyncDynamics sync(options);
  std::vector<State> cues;
  for (Eigen::Index k = 0; k < 40; ++k)
    cues.push_back(
        noisy(set, k % 20, 0.05 * static_cast<double>(k % 8), static_cast<std::uint64_t>(k)));
  for (const auto& stored : stores) {
    INFO(stored.name);
    const auto batch = sync.run_batch(stored.net, cues, 2);
    std::vector<int> steps;
    for (std::size_t k = 0; k < cues.size(); ++k) {
      RandomStream rng(1, Purpose::dynamics, 0, 0, k);
      require_same(batch[k], sync.run(stored.net, cues[k], rng));
      steps.push_back(batch[k].sweeps);
    }
    CHECK(*std::max_element(steps.begin(), steps.end()) >
          *std::min_element(steps.begin(), steps.end()));
  }
}
