// Learning benchmarks: Hebbian couplings M = ΞᵀΞ (Hopfield 1982, Eq. 2) as one GEMM.
#include <benchmark/benchmark.h>

#include "hopfield/learning/learning_rule.hpp"

#include <Eigen/Core>

#include <random>

namespace {

Eigen::MatrixXf random_bipolar(Eigen::Index p, Eigen::Index n, unsigned seed) {
  std::mt19937_64 engine(seed);
  Eigen::MatrixXf xi(p, n);
  for (Eigen::Index j = 0; j < n; ++j) {
    for (Eigen::Index i = 0; i < p; ++i) {
      xi(i, j) = (engine() & 1U) != 0U ? 1.0F : -1.0F;
    }
  }
  return xi;
}

// Reference point: the raw float32 GEMM ΞᵀΞ that the Hebbian rule performs.
void BM_hebbian_gemm_float32(benchmark::State& state) {
  const auto n = static_cast<Eigen::Index>(state.range(0));
  const auto p = static_cast<Eigen::Index>(state.range(1));
  const Eigen::MatrixXf xi = random_bipolar(p, n, 1);
  Eigen::MatrixXf m(n, n);
  for (auto _ : state) {
    m.noalias() = xi.transpose() * xi;
    benchmark::DoNotOptimize(m.data());
  }
  state.counters["GFLOP/s"] = benchmark::Counter(2.0 * double(n) * double(n) * double(p),
                                                 benchmark::Counter::kIsIterationInvariantRate,
                                                 benchmark::Counter::kIs1000);
}
BENCHMARK(BM_hebbian_gemm_float32)->Args({8192, 800})->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
