// Learning benchmarks: Hebbian couplings M = ΞᵀΞ (Hopfield 1982, Eq. 2) — as the raw float32
// GEMM a dense simulator performs, and as the framework learns them (bit-packed patterns,
// M_ij = P − 2·popcount(x_i ⊕ x_j), written row by row into float32 or int16
// storage); Storkey 1997 (N = 2000, P = 200); the pseudo-inverse rule (N = 4096, P = 1000)
// through a P × P factorisation. Counters: GFLOP/s counts the 2N²P flops of the float GEMM the
// same couplings cost a dense simulator, so the learned storages compare with the GEMM row.
#include <benchmark/benchmark.h>

#include "hopfield/config/registry.hpp"
#include "hopfield/core/kernels.hpp"
#include "hopfield/experiments/experiment.hpp"
#include "hopfield/io/yaml_loader.hpp"
#include "hopfield/learning/learning_rule.hpp"
#include "hopfield/patterns/pattern_set.hpp"

#include <Eigen/Core>

#include <random>
#include <string>

namespace {

using namespace hopfield;

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

PatternSet random_set(Eigen::Index p, Eigen::Index n, unsigned seed) {
  std::mt19937_64 engine(seed);
  PatternSet set;
  set.xi.resize(p, n);
  for (Eigen::Index mu = 0; mu < p; ++mu)
    for (Eigen::Index i = 0; i < n; ++i) set.xi(mu, i) = (engine() & 1U) != 0U ? 1 : -1;
  return set;
}

std::unique_ptr<LearningRule> make_rule(const std::string& yaml) {
  static const auto registry = make_registry();
  config::Node node = io::load_yaml_text(yaml, "bench.yaml");
  node.assign_paths("learning");
  registry->validate_module(node, "learning");
  return registry->family<LearningRule>("learning").make(node);
}

void set_flops(benchmark::State& state, double n, double p) {
  state.counters["GFLOP/s"] = benchmark::Counter(
      2.0 * n * n * p, benchmark::Counter::kIsIterationInvariantRate, benchmark::Counter::kIs1000);
}

// Reference point: the raw float32 GEMM ΞᵀΞ that a dense simulator performs (Eigen, 1 thread).
void BM_hebbian_gemm_float32(benchmark::State& state) {
  const auto n = static_cast<Eigen::Index>(state.range(0));
  const auto p = static_cast<Eigen::Index>(state.range(1));
  const Eigen::MatrixXf xi = random_bipolar(p, n, 1);
  Eigen::MatrixXf m(n, n);
  for (auto _ : state) {
    m.noalias() = xi.transpose() * xi;
    benchmark::DoNotOptimize(m.data());
  }
  set_flops(state, static_cast<double>(n), static_cast<double>(p));
}
BENCHMARK(BM_hebbian_gemm_float32)->Args({8192, 800})->Unit(benchmark::kMillisecond);

// The Hebbian rule as `hopfield` runs it: args N, P, storage (0 dense float32, 1 integer,
// 2 matrix-free), threads.
void BM_hebbian_learn(benchmark::State& state) {
  const auto n = static_cast<Eigen::Index>(state.range(0));
  const auto p = static_cast<Eigen::Index>(state.range(1));
  const StorageKind storage = state.range(2) == 0   ? StorageKind::dense
                              : state.range(2) == 1 ? StorageKind::integer
                                                    : StorageKind::matrix_free;
  const PatternSet set = random_set(p, n, 2);
  const auto rule = make_rule("hebbian");
  LearningContext context;
  context.storage = storage;
  context.threads = static_cast<int>(state.range(3));
  RandomStream rng(1, Purpose::learning, 0, 0, 0);
  for (auto _ : state) {
    LearningResult result = rule->learn(set, context, rng);
    benchmark::DoNotOptimize(result.couplings.get());
    state.counters["MiB"] = static_cast<double>(result.couplings->bytes()) / 1048576.0;
  }
  state.SetLabel(std::string(to_string(storage)) + ", " + std::string(kernels::active_isa()));
  set_flops(state, static_cast<double>(n), static_cast<double>(p));
}
BENCHMARK(BM_hebbian_learn)
    ->ArgNames({"N", "P", "storage", "threads"})
    ->Args({8192, 800, 0, 1})
    ->Args({8192, 800, 0, 2})
    ->Args({8192, 800, 1, 2})
    ->Args({16384, 1638, 1, 2})
    ->Args({16384, 1638, 2, 1})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// One rule learning P random patterns of N neurons (state.range(0) = N, range(1) = P).
void learn_rule(benchmark::State& state, const char* name, unsigned seed) {
  const auto n = static_cast<Eigen::Index>(state.range(0));
  const auto p = static_cast<Eigen::Index>(state.range(1));
  const PatternSet set = random_set(p, n, seed);
  const auto rule = make_rule(name);
  LearningContext context;
  RandomStream rng(1, Purpose::learning, 0, 0, 0);
  for (auto _ : state) {
    LearningResult result = rule->learn(set, context, rng);
    benchmark::DoNotOptimize(result.couplings.get());
  }
}

void BM_storkey(benchmark::State& state) {
  learn_rule(state, "storkey", 3);
}
BENCHMARK(BM_storkey)->Args({2000, 200})->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_pseudo_inverse(benchmark::State& state) {
  learn_rule(state, "pseudo_inverse", 4);
}
BENCHMARK(BM_pseudo_inverse)->Args({4096, 1000})->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
