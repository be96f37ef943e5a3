// The right-hand sides called in the integrators' inner loop allocate nothing: the structured TSP
// form up to its largest size (200 cities, where a GEMM would take heap workspace) and the dense
// network form. Counted by interposing glibc's malloc in this program (skipped under
// the sanitizers, which own malloc).
#include "hopfield/core/couplings.hpp"
#include "hopfield/dynamics/continuous/continuous_dynamics.hpp"
#include "hopfield/optimisation/tsp.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <cstddef>

#if !defined(HOPFIELD_TEST_SANITIZED)
extern "C" void* __libc_malloc(std::size_t size);  // NOLINT(bugprone-reserved-identifier)

namespace {
std::atomic<bool> counting{false};
std::atomic<long> allocations{0};
}  // namespace

extern "C" void* malloc(std::size_t size) {  // NOLINT(cert-dcl58-cpp)
  if (counting.load(std::memory_order_relaxed)) allocations.fetch_add(1);
  return __libc_malloc(size);
}

namespace {

template <class F>
long allocations_in(F&& f) {
  allocations = 0;
  counting = true;
  f();
  counting = false;
  return allocations.load();
}

}  // namespace

using namespace hopfield;

TEST_CASE("the TSP and network right-hand sides do not allocate", "[optimisation][performance]") {
  // The counter sees allocations at all (else the test would pass vacuously).
  CHECK(allocations_in([] {
          Eigen::VectorXd x(1000);
          x.setZero();
        }) >= 1);
  for (const Eigen::Index n : {10, 30, 200}) {
    RandomStream rng(1, Purpose::patterns, 0, 0, 0);
    const TspData data = random_cities(n, rng);
    TspSystem system(data.distance, TspPenalties{}, ActivationKind::logistic, 1.0);
    Eigen::VectorXd u(n * n);
    for (Eigen::Index k = 0; k < u.size(); ++k) u(k) = 0.01 * rng.normal();
    Eigen::VectorXd dudt(n * n);
    INFO("cities: " << n);
    CHECK(allocations_in([&] {
            for (int k = 0; k < 5; ++k) system.rhs(u, dudt, 50.0);
          }) == 0);
  }
  const Eigen::Index n = 500;
  RandomStream rng(2, Purpose::patterns, 0, 0, 0);
  Eigen::MatrixXd w(n, n);
  for (Eigen::Index k = 0; k < w.size(); ++k) w.data()[k] = rng.normal();
  w = (0.5 * (w + w.transpose())).eval();
  w.diagonal().setZero();
  Network net;
  net.couplings = make_dense_couplings(w, 1.0, false, Precision::float64);
  net.threshold = Eigen::VectorXd::Zero(n);
  net.input = Eigen::VectorXd::Zero(n);
  NetworkSystem system(net, ContinuousOptions{});
  const Eigen::VectorXd u = Eigen::VectorXd::Constant(n, 0.1);
  Eigen::VectorXd dudt(n);
  CHECK(allocations_in([&] {
          for (int k = 0; k < 5; ++k) system.rhs(u, dudt, 4.0);
        }) == 0);
}
#endif
