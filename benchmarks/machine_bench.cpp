// The machine's limits that scripts/bench.sh divides our kernels by (the roofline):
//   BM_stream_read/T   streaming read bandwidth with T OpenMP threads: the sum of a 1 GiB float
//                      array (vectorised, 4 independent accumulators per thread), bytes/s.
// The sgemm limit comes from OpenBLAS through the numpy reference (vectorised.py sgemm), the
// fastest GEMM on the machine, so our fraction of it is not flattered by a slow baseline.
#include <benchmark/benchmark.h>

#include <omp.h>
#include <Eigen/Core>

#include <cstdint>
#include <vector>

namespace {

void BM_stream_read(benchmark::State& state) {
  const int threads = static_cast<int>(state.range(0));
  const std::int64_t n = std::int64_t{1} << 28;  // 2^28 floats = 1 GiB
  std::vector<float> data(static_cast<std::size_t>(n));
#pragma omp parallel for num_threads(threads) schedule(static)
  for (std::int64_t i = 0; i < n; ++i) data[static_cast<std::size_t>(i)] = 1.0F;
  for (auto _ : state) {
    double total = 0.0;
#pragma omp parallel num_threads(threads) reduction(+ : total)
    {
      const std::int64_t chunk = n / omp_get_num_threads();
      const std::int64_t begin = chunk * omp_get_thread_num();
      total +=
          static_cast<double>(Eigen::Map<const Eigen::VectorXf>(data.data() + begin, chunk).sum());
    }
    benchmark::DoNotOptimize(total);
  }
  state.counters["bytes_per_s"] = benchmark::Counter(static_cast<double>(n) * sizeof(float),
                                                     benchmark::Counter::kIsIterationInvariantRate,
                                                     benchmark::Counter::kIs1024);
}
BENCHMARK(BM_stream_read)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
