// Timings of the continuous network (issue targets, measured on an idle core):
//  - recall: N = 1000 Hebbian network, α = 0.05, tanh at β = 4, dopri5 (tolerances 1e-6) from a
//    cue with 10 % of the pattern flipped to t = 50τ with no early stop (target: under 1 s), and
//    the same run with continuous_recall.yaml's stop conditions;
//  - TSP: 30 random cities (900 neurons), one run to its stop condition with the faithful
//    Hopfield–Tank (1985) set-up and with tsp10_improved.yaml's annealed squared form (target:
//    under 2 s), on the structured O(n³) right-hand side.
// Counters: right-hand-side evaluations and accepted steps per run. tsp_rhs and tsp_rhs_dense
// time one evaluation of the structured and of the dense n² × n² form.
#include "hopfield/core/couplings.hpp"
#include "hopfield/dynamics/continuous/continuous_dynamics.hpp"
#include "hopfield/optimisation/tsp.hpp"

#include <benchmark/benchmark.h>

namespace hopfield {
namespace {

struct RecallCase {
  Network net;
  Eigen::VectorXd u0;
};

RecallCase make_recall(Eigen::Index n, double alpha, const ContinuousOptions& o) {
  const auto p = static_cast<Eigen::Index>(alpha * static_cast<double>(n));
  RandomStream rng(42, Purpose::patterns, 0, 0, 0);
  Eigen::MatrixXd xi(n, p);
  for (Eigen::Index k = 0; k < xi.size(); ++k) xi.data()[k] = rng.bernoulli(0.5) ? 1.0 : -1.0;
  Eigen::MatrixXd w = xi * xi.transpose() / static_cast<double>(n);
  w.diagonal().setZero();
  RecallCase c;
  c.net.couplings = make_dense_couplings(w, 1.0, false, Precision::float64);
  c.net.representation = Representation::bipolar;
  c.net.threshold = Eigen::VectorXd::Zero(n);
  c.net.input = Eigen::VectorXd::Zero(n);
  // Cue: pattern 0 with 10 % of its entries flipped, v(0) = 0.5·cue.
  c.u0.resize(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const double s = rng.bernoulli(0.1) ? -xi(i, 0) : xi(i, 0);
    c.u0(i) = inverse_activation(o.activation, o.gain, 0.5 * s);
  }
  return c;
}

void recall(benchmark::State& state, bool early_stop) {
  ContinuousOptions o;
  o.activation = ActivationKind::tanh;
  o.gain = 4.0;
  o.integrator = Integrator::dopri5;
  o.abs_tol = o.rel_tol = 1e-6;
  o.t_end = 50.0;
  o.record_every = 0.1;
  o.tol = early_stop ? 1e-6 : 0.0;
  o.saturation = early_stop ? 0.01 : 0.0;
  const RecallCase c = make_recall(1000, 0.05, o);
  ContinuousResult r;
  for (auto _ : state) {
    RandomStream rng(42, Purpose::dynamics, 0, 0, 0);
    NetworkSystem system(c.net, o);
    r = integrate_continuous(system, c.u0, o, rng);
    benchmark::DoNotOptimize(r.v.data());
  }
  state.counters["rhs_evaluations"] = static_cast<double>(r.rhs_evaluations);
  state.counters["steps"] = static_cast<double>(r.steps);
  state.counters["t"] = r.time;
}

void tsp(benchmark::State& state, bool improved) {
  RandomStream city_rng(1985, Purpose::patterns, 0, 0, 0);
  const TspData data = random_cities(30, city_rng);
  TspPenalties p;
  ContinuousOptions o;
  o.activation = ActivationKind::logistic;
  o.integrator = Integrator::dopri5;
  o.abs_tol = o.rel_tol = 1e-6;
  o.tol = 1e-6;
  o.saturation = 0.01;
  o.stable_window = 2.0;
  if (improved) {
    p.kappa = 1.0;
    p.rho = 0.5;
    p.c = 0.0;
    p.d = 350.0;
    o.gain = 0.1;
    o.schedule = GainSchedule{.from = 0.0002, .to = 0.1, .over = 200.0};
    o.dt = 1e-3;
    o.t_end = 250.0;
    o.record_every = 0.5;
  } else {
    o.gain = 50.0;
    o.dt = 1e-4;
    o.t_end = 20.0;
    o.record_every = 0.05;
  }
  const TspInstance instance(data, p, 0);
  ContinuousResult r;
  for (auto _ : state) {
    RandomStream start_rng(1985, Purpose::starts, 0, 0, 0);
    const Eigen::VectorXd u0 = instance.initial(o.gain_at(0.0), start_rng);
    RandomStream rng(1985, Purpose::dynamics, 0, 0, 0);
    r = instance.integrate(u0, o, rng);
    benchmark::DoNotOptimize(r.v.data());
  }
  const Solution s = instance.decode(r.v);
  state.counters["rhs_evaluations"] = static_cast<double>(r.rhs_evaluations);
  state.counters["steps"] = static_cast<double>(r.steps);
  state.counters["t"] = r.time;
  state.counters["valid"] = s.valid ? 1.0 : 0.0;
}

/// One right-hand-side evaluation of the 30-city network (structured form).
void tsp_rhs(benchmark::State& state) {
  RandomStream rng(1985, Purpose::patterns, 0, 0, 0);
  const auto n = static_cast<Eigen::Index>(state.range(0));
  const TspData data = random_cities(n, rng);
  TspSystem system(data.distance, TspPenalties{}, ActivationKind::logistic, 1.0);
  Eigen::VectorXd u(n * n);
  for (Eigen::Index k = 0; k < u.size(); ++k) u(k) = 0.01 * rng.normal();
  Eigen::VectorXd dudt(n * n);
  for (auto _ : state) {
    system.rhs(u, dudt, 50.0);
    benchmark::DoNotOptimize(dudt.data());
  }
}

/// The same right-hand side as a dense n² × n² matrix–vector product (what the structured form
/// avoids).
void tsp_rhs_dense(benchmark::State& state) {
  RandomStream rng(1985, Purpose::patterns, 0, 0, 0);
  const auto n = static_cast<Eigen::Index>(state.range(0));
  const TspData data = random_cities(n, rng);
  const auto [w, bias] = tsp_dense_encoding(data.distance, TspPenalties{});
  Network net;
  net.couplings = make_dense_couplings(w, 1.0, false, Precision::float64);
  net.threshold = Eigen::VectorXd::Zero(n * n);
  net.input = bias;
  ContinuousOptions o;
  o.activation = ActivationKind::logistic;
  NetworkSystem system(net, o);
  Eigen::VectorXd u(n * n);
  for (Eigen::Index k = 0; k < u.size(); ++k) u(k) = 0.01 * rng.normal();
  Eigen::VectorXd dudt(n * n);
  for (auto _ : state) {
    system.rhs(u, dudt, 50.0);
    benchmark::DoNotOptimize(dudt.data());
  }
}

BENCHMARK_CAPTURE(recall, n1000_alpha005_to_t50, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(recall, n1000_alpha005_stop_conditions, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(tsp, n30_hopfield_tank, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(tsp, n30_improved, true)->Unit(benchmark::kMillisecond);
BENCHMARK(tsp_rhs)->Arg(10)->Arg(30)->Arg(100)->Unit(benchmark::kMicrosecond);
BENCHMARK(tsp_rhs_dense)->Arg(10)->Arg(30)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace hopfield

BENCHMARK_MAIN();
