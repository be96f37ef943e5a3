// The discrete dynamics allocate nothing inside a sweep: every buffer is sized when the run
// starts. Global operator new is replaced in this test program to count allocations on the
// calling thread; an observer (called once per sweep) reads the count between sweeps. Not in
// the ThreadSanitizer build, whose runtime owns operator new (the other builds run it).
#include "hopfield/dynamics/discrete/discrete_dynamics.hpp"
#include "hopfield/dynamics/discrete/stochastic_dynamics.hpp"
#include "hopfield/learning/learning_rule.hpp"
#include "hopfield/patterns/pattern_set.hpp"

#include "../../../framework/src/learning/hebbian.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <new>
#include <string>
#include <vector>

#if !defined(HOPFIELD_TEST_TSAN)
namespace {
thread_local long allocations = 0;
}  // namespace

void* operator new(std::size_t size) {
  ++allocations;
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) {
  return operator new(size);
}
void* operator new(std::size_t size, std::align_val_t align) {
  ++allocations;
  const auto a = static_cast<std::size_t>(align);
  if (void* p = std::aligned_alloc(a, (size + a - 1) / a * a)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size, std::align_val_t align) {
  return operator new(size, align);
}
// The nothrow forms too, so that every allocation goes through malloc here (AddressSanitizer
// reports an allocation made by its own operator new and released by our free as a mismatch).
void* operator new(std::size_t size, const std::nothrow_t& /*tag*/) noexcept {
  ++allocations;
  return std::malloc(size == 0 ? 1 : size);
}
void* operator new[](std::size_t size, const std::nothrow_t& /*tag*/) noexcept {
  ++allocations;
  return std::malloc(size == 0 ? 1 : size);
}
void operator delete(void* p, const std::nothrow_t& /*tag*/) noexcept {
  std::free(p);
}
void operator delete[](void* p, const std::nothrow_t& /*tag*/) noexcept {
  std::free(p);
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete[](void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t /*size*/) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t /*size*/) noexcept {
  std::free(p);
}
void operator delete(void* p, std::align_val_t /*align*/) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::align_val_t /*align*/) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t /*size*/, std::align_val_t /*align*/) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t /*size*/, std::align_val_t /*align*/) noexcept {
  std::free(p);
}

using namespace hopfield;

TEST_CASE("discrete dynamics allocate nothing between sweeps, in every storage",
          "[dynamics][allocation]") {
  const Eigen::Index n = 256;
  const Eigen::Index p = 40;  // α ≈ 0.16: several sweeps before a fixed point
  RandomStream rng(2, Purpose::patterns, 0, 0, 0);
  PatternSet set;
  set.xi.resize(p, n);
  for (Eigen::Index mu = 0; mu < p; ++mu)
    for (Eigen::Index i = 0; i < n; ++i) set.xi(mu, i) = rng.bernoulli(0.5) ? 1 : -1;
  State cue = set.pattern(0);
  for (Eigen::Index i = 0; i < n; i += 3) cue[i] = -cue[i];

  DiscreteOptions options;
  const AsyncDynamics async(options, UpdateOrder::random_permutation);
  const SyncDynamics sync(options);
  StochasticOptions hot;
  hot.temperature = 0.2;
  hot.burn_in = 4;
  hot.measure_sweeps = 4;
  const StochasticDynamics glauber(hot, Acceptance::heat_bath);
  for (const StorageKind storage :
       {StorageKind::dense, StorageKind::integer, StorageKind::matrix_free}) {
    LearningContext context;
    context.storage = storage;
    RandomStream learning(1, Purpose::learning, 0, 0, 0);
    Network net;
    net.couplings = HebbianRule().learn(set, context, learning).couplings;
    net.representation = Representation::bipolar;
    net.threshold = Eigen::VectorXd::Zero(n);
    net.input = Eigen::VectorXd::Zero(n);
    for (const Dynamics* d : std::vector<const Dynamics*>{&async, &sync, &glauber}) {
      INFO(to_string(storage));
      std::vector<long> counts;
      counts.reserve(1000);
      RandomStream stream(3, Purpose::dynamics, 0, 0, 0);
      const DynamicsResult r =
          d->run_observed(net, cue, stream,
                          [&counts](const SweepView& /*view*/) { counts.push_back(allocations); });
      REQUIRE(counts.size() >= 3);
      for (std::size_t k = 1; k < counts.size(); ++k) CHECK(counts[k] == counts[0]);
      CHECK(r.sweeps + 1 == static_cast<int>(counts.size()));
    }
  }
}
#endif  // !HOPFIELD_TEST_TSAN
