// Continuous (graded-response) dynamics (Hopfield 1984): integrators agree with the analytic
// solution of a linear network and with each other, adaptive error control is honoured, the
// Lyapunov energy never increases for symmetric W (the energy without the leak term can),
// a bistable neuron goes to the right rail, NaN/Inf is reported, and the Euler–Maruyama noise
// has the Ornstein–Uhlenbeck variance.
#include "hopfield/dynamics/continuous/continuous_dynamics.hpp"
#include "hopfield/core/couplings.hpp"
#include "hopfield/core/error.hpp"
#include "hopfield/core/network.hpp"
#include "hopfield/core/rng.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

using namespace hopfield;

namespace {

Network make_network(const Eigen::MatrixXd& w, const Eigen::VectorXd& theta,
                     const Eigen::VectorXd& input) {
  Network net;
  net.couplings = make_dense_couplings(w, 1.0, false, Precision::float64);
  net.representation = Representation::bipolar;
  net.threshold = theta;
  net.input = input;
  return net;
}

Network random_symmetric(RandomStream& rng, Eigen::Index n) {
  Eigen::MatrixXd w(n, n);
  for (Eigen::Index i = 0; i < n; ++i) {
    w(i, i) = 0.0;
    for (Eigen::Index j = 0; j < i; ++j)
      w(i, j) = w(j, i) = rng.normal() / std::sqrt(static_cast<double>(n));
  }
  Eigen::VectorXd theta(n);
  Eigen::VectorXd input(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    theta(i) = 0.2 * rng.normal();
    input(i) = 0.2 * rng.normal();
  }
  return make_network(w, theta, input);
}

ContinuousOptions options(Integrator integrator) {
  ContinuousOptions o;
  o.integrator = integrator;
  o.tol = 0.0;
  o.t_end = 3.0;
  o.dt = 1e-3;
  o.abs_tol = 1e-9;
  o.rel_tol = 1e-9;
  return o;
}

const std::vector<Integrator> all_integrators{Integrator::euler, Integrator::rk4,
                                              Integrator::dopri5, Integrator::cash_karp,
                                              Integrator::rosenbrock2};

}  // namespace

TEST_CASE("every integrator matches the analytic solution of a network with W = 0",
          "[dynamics][continuous]") {
  const Eigen::Index n = 4;
  const Eigen::VectorXd theta = Eigen::VectorXd::LinSpaced(n, -0.5, 0.7);
  const Eigen::VectorXd input = Eigen::VectorXd::LinSpaced(n, 0.3, -0.2);
  const Network net = make_network(Eigen::MatrixXd::Zero(n, n), theta, input);
  const Eigen::VectorXd u0 = Eigen::VectorXd::LinSpaced(n, 1.5, -2.0);
  for (const Integrator integrator : all_integrators) {
    ContinuousOptions o = options(integrator);
    o.tau = 0.7;
    const ContinuousDynamics dynamics(o, 0.5);
    RandomStream rng(1, Purpose::dynamics, 0, 0, 0);
    const ContinuousResult r = dynamics.integrate(net, u0, rng);
    const double t = r.time;
    REQUIRE(t == Approx(o.t_end));
    const double decay = std::exp(-t / o.tau);
    const Eigen::VectorXd exact = u0 * decay + o.tau * (input - theta) * (1.0 - decay);
    const double tolerance = integrator == Integrator::euler ? 1e-3 : 1e-6;
    INFO(to_string(integrator));
    CHECK((r.u - exact).cwiseAbs().maxCoeff() < tolerance);
    CHECK(r.reason == StopReason::t_end);
  }
}

TEST_CASE("integrators agree on a nonlinear symmetric network", "[dynamics][continuous]") {
  RandomStream setup(7, Purpose::learning, 0, 0, 0);
  const Network net = random_symmetric(setup, 12);
  Eigen::VectorXd u0(12);
  for (Eigen::Index i = 0; i < 12; ++i) u0(i) = setup.normal();
  std::vector<Eigen::VectorXd> finals;
  for (const Integrator integrator : all_integrators) {
    ContinuousOptions o = options(integrator);
    o.gain = 3.0;
    o.dt = integrator == Integrator::euler ? 1e-4 : 1e-3;
    RandomStream rng(1, Purpose::dynamics, 0, 0, 0);
    finals.push_back(ContinuousDynamics(o, 0.5).integrate(net, u0, rng).v);
  }
  for (std::size_t k = 0; k < finals.size(); ++k) {
    INFO(to_string(all_integrators[k]));
    // Euler (first order) with dt = 1e-4 is within ~1e-4·(a few) of the others.
    const double tolerance = all_integrators[k] == Integrator::euler ? 2e-3 : 1e-5;
    CHECK((finals[k] - finals[2]).cwiseAbs().maxCoeff() < tolerance);
  }
}

TEST_CASE("adaptive integrators honour their error tolerance", "[dynamics][continuous]") {
  const Eigen::Index n = 3;
  const Network net = make_network(Eigen::MatrixXd::Zero(n, n), Eigen::VectorXd::Zero(n),
                                   Eigen::VectorXd::Constant(n, 0.4));
  const Eigen::VectorXd u0 = Eigen::VectorXd::Constant(n, 2.0);
  const double t_end = 5.0;
  const Eigen::VectorXd exact =
      u0 * std::exp(-t_end) + 0.4 * (1.0 - std::exp(-t_end)) * Eigen::VectorXd::Ones(n);
  for (const Integrator integrator :
       {Integrator::dopri5, Integrator::cash_karp, Integrator::rosenbrock2}) {
    INFO(to_string(integrator));
    std::vector<double> errors;
    std::vector<std::int64_t> steps;
    for (const double tolerance : {1e-3, 1e-6, 1e-9}) {
      ContinuousOptions o = options(integrator);
      o.t_end = t_end;
      o.abs_tol = o.rel_tol = tolerance;
      o.record_every = t_end;
      RandomStream rng(1, Purpose::dynamics, 0, 0, 0);
      const ContinuousResult r = ContinuousDynamics(o, 0.5).integrate(net, u0, rng);
      const double error = (r.u - exact).cwiseAbs().maxCoeff();
      // Global error stays within a small multiple of the per-step tolerance.
      CHECK(error < 50.0 * tolerance);
      errors.push_back(error);
      steps.push_back(r.steps);
    }
    CHECK(errors[2] < errors[0]);
    CHECK(steps[2] > steps[0]);
  }
}

TEST_CASE("the Lyapunov energy never increases along dopri5 trajectories for symmetric W",
          "[dynamics][continuous][energy]") {
  for (const ActivationKind kind : {ActivationKind::tanh, ActivationKind::logistic}) {
    for (std::uint64_t trial = 0; trial < 5; ++trial) {
      RandomStream setup(11, Purpose::learning, 0, trial, 0);
      const Network net = random_symmetric(setup, 30);
      Eigen::VectorXd u0(30);
      for (Eigen::Index i = 0; i < 30; ++i) u0(i) = setup.normal();
      ContinuousOptions o = options(Integrator::dopri5);
      o.activation = kind;
      o.gain = 4.0;
      o.t_end = 10.0;
      o.record_every = 0.02;
      o.abs_tol = o.rel_tol = 1e-8;
      RandomStream rng(1, Purpose::dynamics, 0, trial, 0);
      const ContinuousResult r = ContinuousDynamics(o, 0.5).integrate(net, u0, rng);
      // Records fall on the first accepted step after each multiple of record_every.
      REQUIRE(r.energy_trace.size() > 50);
      double worst = 0.0;
      for (std::size_t k = 1; k < r.energy_trace.size(); ++k)
        worst = std::max(worst, r.energy_trace[k] - r.energy_trace[k - 1]);
      INFO(to_string(kind) << " trial " << trial);
      CHECK(worst < 1e-7);
      CHECK(r.energy_trace.back() < r.energy_trace.front());
    }
  }
}

TEST_CASE("the energy without the leak integral can increase along a trajectory",
          "[dynamics][continuous][energy]") {
  // One neuron, W = 0, I = 0.5, starting at u = 3: v falls from tanh 3 to tanh 0.5, so
  // −I·v rises while the Lyapunov energy (with the leak term) falls.
  const Network net = make_network(Eigen::MatrixXd::Zero(1, 1), Eigen::VectorXd::Zero(1),
                                   Eigen::VectorXd::Constant(1, 0.5));
  ContinuousOptions o = options(Integrator::dopri5);
  o.t_end = 5.0;
  NetworkSystem system(net, o);
  RandomStream rng(1, Purpose::dynamics, 0, 0, 0);
  const ContinuousResult r =
      integrate_continuous(system, Eigen::VectorXd::Constant(1, 3.0), o, rng);
  Eigen::VectorXd v0(1);
  v0(0) = std::tanh(3.0);
  CHECK(system.energy_without_leak(r.v) > system.energy_without_leak(v0) + 0.1);
  CHECK(r.energy_trace.back() < r.energy_trace.front());
}

TEST_CASE("a bistable neuron with self-excitation goes to the rail of its initial sign",
          "[dynamics][continuous]") {
  // du/dt = −u + 2 tanh(u): fixed points 0 (unstable) and ±u* with u* = 2 tanh(u*) ≈ 1.9150.
  const Network net = make_network(Eigen::MatrixXd::Constant(1, 1, 2.0), Eigen::VectorXd::Zero(1),
                                   Eigen::VectorXd::Zero(1));
  ContinuousOptions o = options(Integrator::dopri5);
  o.t_end = 100.0;
  o.tol = 1e-8;
  for (const double start : {0.05, -0.05}) {
    RandomStream rng(1, Purpose::dynamics, 0, 0, 0);
    const ContinuousResult r =
        ContinuousDynamics(o, 0.5).integrate(net, Eigen::VectorXd::Constant(1, start), rng);
    CHECK(r.reason == StopReason::small_derivative);
    CHECK(r.u(0) == Approx(start > 0 ? 1.9150080 : -1.9150080).epsilon(1e-6));
  }
}

TEST_CASE("a cue is read out as sign(v) and recall succeeds on a stored pattern",
          "[dynamics][continuous]") {
  const Eigen::Index n = 50;
  RandomStream setup(3, Purpose::patterns, 0, 0, 0);
  Eigen::VectorXd xi(n);
  for (Eigen::Index i = 0; i < n; ++i) xi(i) = setup.bernoulli(0.5) ? 1.0 : -1.0;
  Eigen::MatrixXd w = xi * xi.transpose() / static_cast<double>(n);
  w.diagonal().setZero();
  const Network net = make_network(w, Eigen::VectorXd::Zero(n), Eigen::VectorXd::Zero(n));
  State cue = xi.cast<float>();
  for (Eigen::Index i = 0; i < 10; ++i) cue(i) = -cue(i);
  ContinuousOptions o;
  o.gain = 5.0;
  o.saturation = 0.01;
  RandomStream rng(1, Purpose::dynamics, 0, 0, 0);
  const DynamicsResult r = ContinuousDynamics(o, 0.5).run(net, cue, rng);
  CHECK(r.state == xi.cast<float>());
  CHECK(r.reason == StopReason::saturated);
  CHECK(r.converged);
  CHECK(r.flips == 10);
  CHECK(r.rhs_evaluations > 0);
}

TEST_CASE("overflow is reported as a numerical error naming the time and the neuron",
          "[dynamics][continuous]") {
  const Network net =
      make_network(Eigen::MatrixXd::Zero(2, 2), Eigen::VectorXd::Zero(2), Eigen::VectorXd::Zero(2));
  ContinuousOptions o = options(Integrator::euler);
  o.tau = 0.01;
  o.dt = 1.0;  // explicit Euler with dt = 100τ: |1 − dt/τ| = 99 per step
  o.t_end = 1e4;
  o.record_every = 1e3;
  RandomStream rng(1, Purpose::dynamics, 0, 0, 0);
  try {
    (void)ContinuousDynamics(o, 0.5).integrate(net, Eigen::VectorXd::Constant(2, 1.0), rng);
    FAIL("no error");
  } catch (const NumericalError& e) {
    const std::string what = e.what();
    CHECK(what.find("neuron 0") != std::string::npos);
    CHECK(what.find("t = ") != std::string::npos);
  }
}

TEST_CASE("a stiff network under an explicit integrator fails saying why, rosenbrock2 copes",
          "[dynamics][continuous]") {
  // One strongly self-inhibiting neuron, du/dt = −u − 10⁹·tanh(u): the rest state u = 0 has
  // the rate 1 + 10⁹ (as a gain of 10⁹ gives near u = 0), so an explicit method is stable
  // only for h ≲ 3.3·10⁻⁹ while τ = 1. (A high gain alone mostly saturates tanh; the
  // stiffness is in the linear regime.)
  const Network net = make_network(Eigen::MatrixXd::Constant(1, 1, -1e9), Eigen::VectorXd::Zero(1),
                                   Eigen::VectorXd::Zero(1));
  ContinuousOptions o = options(Integrator::dopri5);
  o.gain = 1.0;
  o.abs_tol = 1e-6;
  o.rel_tol = 1e-6;
  o.t_end = 1.0;
  RandomStream rng(1, Purpose::dynamics, 0, 0, 0);
  try {
    (void)ContinuousDynamics(o, 0.5).integrate(net, Eigen::VectorXd::Constant(1, 0.3), rng);
    FAIL("no error");
  } catch (const NumericalError& e) {
    const std::string what = e.what();
    INFO(what);
    CHECK(what.find("step size collapsed") != std::string::npos);
    CHECK(what.find("stiff") != std::string::npos);
    CHECK(what.find("rosenbrock2") != std::string::npos);
    CHECK(what.find("not stiff") == std::string::npos);
  }
  o.integrator = Integrator::rosenbrock2;
  const ContinuousResult r =
      ContinuousDynamics(o, 0.5).integrate(net, Eigen::VectorXd::Constant(1, 0.3), rng);
  CHECK(r.time == Approx(1.0));
  CHECK(std::abs(r.u(0)) < 1e-6);
}

TEST_CASE("tolerances beyond double precision fail saying the system is not stiff",
          "[dynamics][continuous]") {
  const Network net =
      make_network(Eigen::MatrixXd::Zero(2, 2), Eigen::VectorXd::Zero(2), Eigen::VectorXd::Zero(2));
  ContinuousOptions o = options(Integrator::cash_karp);
  o.abs_tol = 1e-300;
  o.rel_tol = 1e-300;
  RandomStream rng(1, Purpose::dynamics, 0, 0, 0);
  try {
    (void)ContinuousDynamics(o, 0.5).integrate(net, Eigen::VectorXd::Constant(2, 1.0), rng);
    FAIL("no error");
  } catch (const NumericalError& e) {
    const std::string what = e.what();
    INFO(what);
    CHECK(what.find("step size collapsed") != std::string::npos);
    CHECK(what.find("not stiff") != std::string::npos);
    CHECK(what.find("too tight") != std::string::npos);
  }
}

TEST_CASE("a NaN in the state is reported with the time and the neuron", "[dynamics][continuous]") {
  // Validation refuses a NaN input, but the integrator must not carry a NaN on silently
  // wherever it comes from. (W·v spreads it: 0 · NaN is NaN, so the first non-finite neuron
  // reported need not be its origin.)
  Eigen::VectorXd input = Eigen::VectorXd::Zero(3);
  input(2) = std::numeric_limits<double>::quiet_NaN();
  const Network net = make_network(Eigen::MatrixXd::Zero(3, 3), Eigen::VectorXd::Zero(3), input);
  ContinuousOptions o = options(Integrator::rk4);
  RandomStream rng(1, Purpose::dynamics, 0, 0, 0);
  try {
    (void)ContinuousDynamics(o, 0.5).integrate(net, Eigen::VectorXd::Zero(3), rng);
    FAIL("no error");
  } catch (const NumericalError& e) {
    const std::string what = e.what();
    INFO(what);
    CHECK(what.find("is nan for neuron") != std::string::npos);
    CHECK(what.find("t = ") != std::string::npos);
  }
}

TEST_CASE("Euler–Maruyama current noise gives the Ornstein–Uhlenbeck stationary variance",
          "[dynamics][continuous][noise]") {
  // du = −u/τ dt + σ dW has stationary variance τσ²/2 (here 0.5); 2000 independent neurons.
  // The sample variance of 2000 normals has relative s.d. √(2/2000) ≈ 3.2%; 15% is > 4.5 s.d.
  const Eigen::Index n = 2000;
  const Network net =
      make_network(Eigen::MatrixXd::Zero(n, n), Eigen::VectorXd::Zero(n), Eigen::VectorXd::Zero(n));
  ContinuousOptions o = options(Integrator::euler);
  o.dt = 1e-2;
  o.t_end = 10.0;
  o.record_every = 10.0;
  o.noise_sigma = 1.0;
  RandomStream rng(5, Purpose::dynamics, 0, 0, 0);
  const ContinuousResult r =
      ContinuousDynamics(o, 0.5).integrate(net, Eigen::VectorXd::Zero(n), rng);
  const double var = r.u.squaredNorm() / static_cast<double>(n);
  // Euler–Maruyama's stationary variance is σ²dt/(1 − (1 − dt/τ)²) ≈ 0.5025 here.
  CHECK(var == Approx(0.5025).epsilon(0.15));
}

TEST_CASE("the gain schedule goes linearly from `from` to `to` and then stays",
          "[dynamics][continuous]") {
  ContinuousOptions o;
  o.schedule = {1.0, 11.0, 10.0};
  CHECK(o.gain_at(0.0) == Approx(1.0));
  CHECK(o.gain_at(5.0) == Approx(6.0));
  CHECK(o.gain_at(50.0) == Approx(11.0));
}

TEST_CASE("leak integrals match numerical quadrature of the inverse activation",
          "[dynamics][continuous][energy]") {
  for (const ActivationKind kind :
       {ActivationKind::tanh, ActivationKind::logistic, ActivationKind::piecewise_linear}) {
    const double beta = 2.5;
    const double lo = kind == ActivationKind::logistic ? 0.5 : 0.0;
    const double v = kind == ActivationKind::logistic ? 0.93 : -0.8;
    const int steps = 20000;
    double sum = 0.0;
    for (int k = 0; k < steps; ++k) {
      const double x = lo + (v - lo) * (k + 0.5) / steps;
      sum += inverse_activation(kind, beta, x) * (v - lo) / steps;
    }
    INFO(to_string(kind));
    CHECK(leak_integral(kind, beta, v) == Approx(sum).epsilon(1e-6));
  }
}
