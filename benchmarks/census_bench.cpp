// Timings of the exhaustive attractor census (issue targets on 2 cores: N = 24 under 10 s,
// N = 28 under 3 minutes): every one of the 2^N states of a Hebbian network (P = 3 random
// patterns, integer couplings) run to its fixed point with sequential asynchronous updates,
// enumerated in Gray-code order with incremental fields, ranges of 2^16 states over threads.
// Arguments: N, threads. Counter: states per second (wall time: the census runs its own
// threads). Run on an idle machine; N = 28 is left to `hopfield run` (about 2^4 × 1.4 times
// N = 24), see docs/attractors.md.
#include "hopfield/experiments/attractor_census.hpp"

#include <benchmark/benchmark.h>

namespace hopfield {
namespace {

Network hebbian_network(Eigen::Index n, Eigen::Index p) {
  RandomStream rng(7, Purpose::patterns, 0, 0, 0);
  Eigen::MatrixXd xi(n, p);
  for (Eigen::Index k = 0; k < xi.size(); ++k) xi.data()[k] = rng.bernoulli(0.5) ? 1.0 : -1.0;
  Eigen::MatrixXd m = xi * xi.transpose();
  m.diagonal().setZero();
  Network net;
  net.couplings = make_dense_couplings(m, 1.0 / static_cast<double>(n), true, Precision::float32);
  net.representation = Representation::bipolar;
  net.threshold = Eigen::VectorXd::Zero(n);
  net.input = Eigen::VectorXd::Zero(n);
  return net;
}

void census(benchmark::State& state) {
  const auto n = static_cast<Eigen::Index>(state.range(0));
  const Network net = hebbian_network(n, 3);
  const AsyncDynamics dynamics(DiscreteOptions{}, UpdateOrder::sequential);
  CensusRequest request;
  request.network = &net;
  request.dynamics = &dynamics;
  request.threads = static_cast<int>(state.range(1));
  std::size_t attractors = 0;
  for (auto _ : state) {
    const CensusResult result = exhaustive_census(request);
    attractors = result.attractors.size();
    benchmark::DoNotOptimize(attractors);
  }
  state.counters["states_per_s"] = benchmark::Counter(
      static_cast<double>(std::int64_t{1} << n) * static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
  state.counters["attractors"] = static_cast<double>(attractors);
}

BENCHMARK(census)
    ->ArgNames({"N", "threads"})
    ->Args({20, 1})
    ->Args({20, 2})
    ->Args({24, 1})
    ->Args({24, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace hopfield

BENCHMARK_MAIN();
