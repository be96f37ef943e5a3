// The C++ side of the comparisons that scripts/bench.sh prints beside the numpy references in
// benchmarks/reference/: the work is built through the same public path as `hopfield run`
// (YAML text → validate_config → build_trial → Dynamics::run), so whatever couplings storage and
// kernels the model builder picks are what is measured. One thread (OMP_NUM_THREADS=1).
//   BM_learn/RULE/N/P      couplings of P random patterns (hebbian, storkey, pseudo_inverse)
//   BM_async_recall/N      one 10 %-noisy probe (α = 0.1) recalled asynchronously
//   BM_async_streaming/N   the same with int16 couplings that do not carry the Hebbian factor:
//                          the start state's fields stream all of W (the roofline case)
//   BM_sync_recall/N/K     K probes (α = 0.1, 10 % flips) recalled synchronously
// Counters: probes_per_s and W_bytes = the couplings' memory (for the roofline in bench.sh).
#include <benchmark/benchmark.h>

#include "hopfield/core/integer_couplings.hpp"
#include "hopfield/experiments/experiment.hpp"
#include "hopfield/io/yaml_loader.hpp"
#include "hopfield/model/model.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

std::string recall_config(std::int64_t n, std::int64_t p, const std::string& dynamics,
                          const std::string& rule = "hebbian") {
  return fmt::format(
      "experiment: {{type: recall, probes: all}}\n"
      "seed: 7\n"
      "network: {{neurons: {}, representation: bipolar}}\n"
      "patterns: {{type: random, count: {}}}\n"
      "learning: {}\n"
      "noise: [{{type: flip, fraction: 0.1}}]\n"
      "dynamics: {}\n",
      n, p, rule, dynamics);
}

hopfield::Model make_model(const std::string& text) {
  static const std::unique_ptr<hopfield::config::Registry> registry = hopfield::make_registry();
  hopfield::config::Node root = hopfield::io::load_yaml_text(text, "compare_bench");
  return hopfield::validate_config(root, *registry);
}

// Bytes of couplings memory the storage holds: N² entries of its width (dense/integer), or the
// N·P pattern matrix for matrix-free storage. Used only to report bandwidth.
double coupling_bytes(const hopfield::Trial& t) {
  const auto& c = *t.network.couplings;
  const double n = static_cast<double>(c.size());
  const std::string element = c.element();
  if (element == "bits") return n * static_cast<double>(t.patterns.count()) / 8.0;
  double width = 4.0;
  if (element == "int8") width = 1.0;
  if (element == "int16") width = 2.0;
  if (element == "float64") width = 8.0;
  return n * n * width;
}

// A copy of int16 integer couplings without the factor, so every field comes from M.
std::shared_ptr<const hopfield::Couplings> without_factor(const hopfield::Couplings& c) {
  const auto* m = dynamic_cast<const hopfield::IntegerCouplings<std::int16_t>*>(&c);
  if (m == nullptr)
    throw std::runtime_error("expected int16 integer couplings, got " + c.element());
  auto copy = [m](std::int16_t* rows, std::ptrdiff_t ld) {
    for (Eigen::Index i = 0; i < m->size(); ++i)
      std::memcpy(rows + i * ld, m->row(i), static_cast<std::size_t>(m->size()) * 2);
  };
  return std::make_shared<hopfield::IntegerCouplings<std::int16_t>>(m->size(), m->scale(),
                                                                    m->zero_diagonal(), copy);
}

void BM_learn(benchmark::State& state, const char* rule) {
  const hopfield::Model model =
      make_model(recall_config(state.range(0), state.range(1), "{type: sync}", rule));
  std::uint64_t trial = 0;
  std::string storage;
  for (auto _ : state) {
    hopfield::Trial t = hopfield::build_trial(model, trial++);
    storage = t.network.couplings->storage();
    benchmark::DoNotOptimize(t.network.couplings.get());
  }
  state.SetLabel(storage);
}
BENCHMARK_CAPTURE(BM_learn, hebbian, "hebbian")
    ->Args({1000, 100})
    ->Args({4096, 410})
    ->Args({8192, 800})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);
BENCHMARK_CAPTURE(BM_learn, hebbian, "hebbian")
    ->Args({16384, 1638})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK_CAPTURE(BM_learn, storkey, "storkey")
    ->Args({2000, 200})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1);
BENCHMARK_CAPTURE(BM_learn, pseudo_inverse, "pseudo_inverse")
    ->Args({4096, 1000})
    ->Unit(benchmark::kMillisecond)
    ->Iterations(1)
    ->Repetitions(3)
    ->ReportAggregatesOnly(true);

void recall(benchmark::State& state, const std::string& dynamics, std::int64_t batch,
            bool streaming = false) {
  const std::int64_t n = state.range(0);
  const std::int64_t p = (n + 5) / 10;
  const hopfield::Model model = make_model(recall_config(n, p, dynamics));
  hopfield::Trial t = hopfield::build_trial(model, 0);
  if (streaming) t.network.couplings = without_factor(*t.network.couplings);
  std::vector<hopfield::State> cues;
  for (std::int64_t k = 0; k < 64; ++k)
    cues.push_back(
        hopfield::make_cue(model, t.patterns.pattern(k % p), 0, static_cast<std::uint64_t>(k)));
  std::uint64_t probe = 0;
  std::int64_t flips = 0;
  std::int64_t sweeps = 0;
  std::int64_t runs = 0;
  for (auto _ : state) {
    for (std::int64_t b = 0; b < batch; ++b, ++probe) {
      hopfield::RandomStream rng(model.seed, hopfield::Purpose::dynamics, 0, 0, probe);
      const hopfield::DynamicsResult r = model.dynamics->run(t.network, cues[probe % 64], rng);
      flips += r.flips;
      sweeps += r.sweeps;
      ++runs;
      benchmark::DoNotOptimize(r.state.data());
    }
  }
  state.counters["probes_per_s"] =
      benchmark::Counter(static_cast<double>(runs), benchmark::Counter::kIsRate);
  state.counters["flips_per_probe"] = static_cast<double>(flips) / static_cast<double>(runs);
  state.counters["sweeps_per_probe"] = static_cast<double>(sweeps) / static_cast<double>(runs);
  state.counters["W_bytes"] = coupling_bytes(t);
  state.SetLabel(t.network.couplings->storage() + "/" + t.network.couplings->element());
}

void BM_async_recall(benchmark::State& state) {
  recall(state, "{type: async, order: random_permutation, max_sweeps: 100}", 1);
}
BENCHMARK(BM_async_recall)
    ->Arg(1000)
    ->Arg(4096)
    ->Arg(8192)
    ->Arg(16384)
    ->Unit(benchmark::kMillisecond)
    ->MinTime(1.0);

void BM_async_streaming(benchmark::State& state) {
  recall(state, "{type: async, order: random_permutation, max_sweeps: 100}", 1, true);
}
BENCHMARK(BM_async_streaming)->Arg(8192)->Unit(benchmark::kMillisecond)->MinTime(1.0);

void BM_sync_recall(benchmark::State& state) {
  recall(state, "{type: sync, max_sweeps: 100}", state.range(1));
}
BENCHMARK(BM_sync_recall)->Args({4096, 256})->Unit(benchmark::kMillisecond)->MinTime(1.0);

}  // namespace

BENCHMARK_MAIN();
