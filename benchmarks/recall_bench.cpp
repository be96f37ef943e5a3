// Recall benchmarks: asynchronous recall of one 10 %-noisy probe (Hebbian couplings, α = 0.1)
// in each storage — dense float32, integer int16 and matrix-free — and the batched fields of
// 256 probes that synchronous dynamics compute per step (int16 VNNI product, float32 GEMM,
// matrix-free overlaps), next to two machine references measured in the same program: the
// streaming read bandwidth and Eigen's float32 GEMM throughput.
//
// Counters: GB/s for asynchronous recall counts the bytes of the coupling storage read once
// plus one column per flip (what a dense simulator must read); GFLOP/s for products counts the
// 2·N²·B flops of the equivalent dense float GEMM.
#include <benchmark/benchmark.h>

#include "hopfield/config/registry.hpp"
#include "hopfield/core/integer_couplings.hpp"
#include "hopfield/core/kernels.hpp"
#include "hopfield/dynamics/discrete/discrete_dynamics.hpp"
#include "hopfield/experiments/experiment.hpp"
#include "hopfield/io/yaml_loader.hpp"
#include "hopfield/learning/learning_rule.hpp"
#include "hopfield/patterns/pattern_set.hpp"

#include <Eigen/Core>

#include <map>
#include <memory>
#include <random>
#include <string>
#include <tuple>

namespace {

using namespace hopfield;

StorageKind storage_of(std::int64_t code) {
  return code == 0   ? StorageKind::dense
         : code == 1 ? StorageKind::integer
                     : StorageKind::matrix_free;
}

struct Case {
  PatternSet patterns;
  Network net;
  std::vector<State> cues;
};

/// Hebbian network of N neurons, P = N/10 patterns, in the given storage, and 16 cues with 10 %
/// of the neurons flipped; built once per (N, storage) and kept for the whole program.
const Case& make_case(Eigen::Index n, StorageKind storage) {
  static std::map<std::pair<Eigen::Index, StorageKind>, std::unique_ptr<Case>> cache;
  auto& slot = cache[{n, storage}];
  if (slot) return *slot;
  cache.clear();  // one network in memory at a time
  auto c = std::make_unique<Case>();
  const Eigen::Index p = n / 10;
  std::mt19937_64 engine(11);
  c->patterns.xi.resize(p, n);
  for (Eigen::Index mu = 0; mu < p; ++mu)
    for (Eigen::Index i = 0; i < n; ++i) c->patterns.xi(mu, i) = (engine() & 1U) != 0U ? 1 : -1;
  const auto registry = make_registry();
  config::Node node = io::load_yaml_text("hebbian", "bench.yaml");
  node.assign_paths("learning");
  registry->validate_module(node, "learning");
  const auto rule = registry->family<LearningRule>("learning").make(node);
  LearningContext context;
  context.storage = storage;
  context.threads = 2;
  RandomStream rng(1, Purpose::learning, 0, 0, 0);
  c->net.couplings = rule->learn(c->patterns, context, rng).couplings;
  c->net.representation = Representation::bipolar;
  c->net.threshold = Eigen::VectorXd::Zero(n);
  c->net.input = Eigen::VectorXd::Zero(n);
  std::bernoulli_distribution flip(0.1);
  for (Eigen::Index k = 0; k < 256; ++k) {
    State s = c->patterns.pattern(k % p);
    for (Eigen::Index i = 0; i < n; ++i)
      if (flip(engine)) s[i] = -s[i];
    c->cues.push_back(std::move(s));
  }
  slot = std::move(c);
  return *slot;
}

// One asynchronous recall (random permutation order, to a fixed point) per iteration; args N,
// storage (0 dense float32, 1 integer, 2 matrix-free).
void BM_async_recall(benchmark::State& state) {
  const auto n = static_cast<Eigen::Index>(state.range(0));
  const Case& c = make_case(n, storage_of(state.range(1)));
  DiscreteOptions options;
  options.record_energy = false;
  const AsyncDynamics dynamics(options, UpdateOrder::random_permutation);
  std::uint64_t k = 0;
  double flips = 0.0;
  double sweeps = 0.0;
  for (auto _ : state) {
    RandomStream rng(3, Purpose::dynamics, 0, 0, k);
    const DynamicsResult r = dynamics.run(c.net, c.cues[k % 16], rng);
    flips += static_cast<double>(r.flips);
    sweeps += r.sweeps;
    ++k;
    benchmark::DoNotOptimize(r.state.data());
  }
  const double iterations = static_cast<double>(state.iterations());
  const double per_entry =
      static_cast<double>(c.net.couplings->bytes()) / static_cast<double>(n * n);
  // A dense simulator reads W once for the initial fields and one column per flip.
  const double bytes =
      per_entry * static_cast<double>(n) * (static_cast<double>(n) + flips / iterations);
  state.counters["GB/s"] = benchmark::Counter(bytes, benchmark::Counter::kIsIterationInvariantRate,
                                              benchmark::Counter::kIs1000);
  state.counters["flips"] = flips / iterations;
  state.counters["sweeps"] = sweeps / iterations;
  state.counters["MiB"] = static_cast<double>(c.net.couplings->bytes()) / 1048576.0;
  state.SetLabel(c.net.couplings->storage() + "/" + c.net.couplings->element() + ", " +
                 std::string(kernels::active_isa()));
}
BENCHMARK(BM_async_recall)
    ->ArgNames({"N", "storage"})
    ->Args({8192, 0})
    ->Args({8192, 1})
    ->Args({8192, 2})
    ->Args({16384, 1})
    ->Args({16384, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The fields of 256 probes at once, as synchronous dynamics compute them per step; args N,
// storage, threads.
void BM_batch_fields(benchmark::State& state) {
  const auto n = static_cast<Eigen::Index>(state.range(0));
  const StorageKind storage = storage_of(state.range(1));
  const int threads = static_cast<int>(state.range(2));
  const Case& c = make_case(n, storage);
  const Eigen::Index batch = 256;
  Eigen::MatrixXf s(n, batch);
  for (Eigen::Index b = 0; b < batch; ++b) s.col(b) = c.cues[static_cast<std::size_t>(b)];
  if (const auto* c16 =
          dynamic_cast<const IntegerCouplings<std::int16_t>*>(c.net.couplings.get())) {
    kernels::PackedBatch packed;
    pack_batch(s, c16->ld(), packed);
    kernels::AlignedVector<std::int32_t> g(static_cast<std::size_t>(n * packed.cols));
    for (auto _ : state) {
      c16->fields_batch(packed, g.data(), threads);
      benchmark::DoNotOptimize(g.data());
    }
  } else if (const auto* f32 = dynamic_cast<const DenseCouplings<float>*>(c.net.couplings.get())) {
    Eigen::MatrixXf g(n, batch);
    for (auto _ : state) {
      // Fixed blocks of 64 probes, one GEMM each, over the threads (as run_batch does).
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
      for (Eigen::Index b0 = 0; b0 < batch; b0 += 64)
        g.middleCols(b0, 64).noalias() = f32->matrix() * s.middleCols(b0, 64);
      benchmark::DoNotOptimize(g.data());
    }
  } else {
    Eigen::MatrixXd g(n, batch);
    for (auto _ : state) {
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
      for (Eigen::Index b = 0; b < batch; ++b) {
        Eigen::VectorXd column;
        c.net.couplings->raw_fields(s.col(b), column);
        g.col(b) = column;
      }
      benchmark::DoNotOptimize(g.data());
    }
  }
  state.counters["GFLOP/s"] = benchmark::Counter(
      2.0 * static_cast<double>(n) * static_cast<double>(n) * static_cast<double>(batch),
      benchmark::Counter::kIsIterationInvariantRate, benchmark::Counter::kIs1000);
  state.SetLabel(c.net.couplings->storage() + "/" + c.net.couplings->element() + ", " +
                 std::string(kernels::active_isa()));
}
BENCHMARK(BM_batch_fields)
    ->ArgNames({"N", "storage", "threads"})
    ->Args({8192, 0, 1})
    ->Args({8192, 0, 2})
    ->Args({8192, 1, 1})
    ->Args({8192, 1, 2})
    ->Args({8192, 2, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// 256 probes recalled by synchronous dynamics to convergence, batched (one product per step).
void BM_sync_recall_batch(benchmark::State& state) {
  const auto n = static_cast<Eigen::Index>(state.range(0));
  const Case& c = make_case(n, storage_of(state.range(1)));
  DiscreteOptions options;
  options.record_energy = false;
  const SyncDynamics dynamics(options);
  for (auto _ : state) {
    const auto results = dynamics.run_batch(c.net, c.cues, static_cast<int>(state.range(2)));
    benchmark::DoNotOptimize(results.data());
  }
  state.counters["probes/s"] =
      benchmark::Counter(256.0, benchmark::Counter::kIsIterationInvariantRate);
  state.SetLabel(c.net.couplings->storage() + "/" + c.net.couplings->element());
}
BENCHMARK(BM_sync_recall_batch)
    ->ArgNames({"N", "storage", "threads"})
    ->Args({8192, 0, 2})
    ->Args({8192, 1, 2})
    ->Args({8192, 2, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// Machine references: streaming read of 1 GiB of floats (threads as the argument) and Eigen's
// float32 GEMM at the batch shape (8192 × 8192 × 256, one thread).
void BM_stream_read(benchmark::State& state) {
  const Eigen::Index count = Eigen::Index{1} << 28;
  static Eigen::VectorXf data = Eigen::VectorXf::Ones(count);
  const int threads = static_cast<int>(state.range(0));
  for (auto _ : state) {
    double total = 0.0;
#pragma omp parallel for reduction(+ : total) num_threads(threads)
    for (int part = 0; part < 16; ++part)
      total += data.segment(part * (count / 16), count / 16).sum();
    benchmark::DoNotOptimize(total);
  }
  state.counters["GB/s"] = benchmark::Counter(static_cast<double>(count) * 4.0,
                                              benchmark::Counter::kIsIterationInvariantRate,
                                              benchmark::Counter::kIs1000);
}
BENCHMARK(BM_stream_read)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_sgemm_reference(benchmark::State& state) {
  const Eigen::Index n = 8192;
  const Eigen::Index b = 256;
  const Eigen::MatrixXf a = Eigen::MatrixXf::Random(n, n);
  const Eigen::MatrixXf s = Eigen::MatrixXf::Random(n, b);
  Eigen::MatrixXf g(n, b);
  for (auto _ : state) {
    g.noalias() = a * s;
    benchmark::DoNotOptimize(g.data());
  }
  state.counters["GFLOP/s"] = benchmark::Counter(
      2.0 * static_cast<double>(n) * static_cast<double>(n) * static_cast<double>(b),
      benchmark::Counter::kIsIterationInvariantRate, benchmark::Counter::kIs1000);
}
BENCHMARK(BM_sgemm_reference)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
