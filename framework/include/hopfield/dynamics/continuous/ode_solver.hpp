// Integration of graded-response networks du/dt = −u/τ + f(v) with Boost.Odeint (Hopfield 1984,
// Eq. 5; Hopfield & Tank 1985): fixed-step euler/rk4, adaptive dopri5/cash_karp on Eigen state
// (vector_space_algebra), the stiff, L-stable Rosenbrock method ROS2 with the Jacobian
// W·diag(g′) − I/τ, and Euler–Maruyama for Gaussian input noise. Stop conditions are checked
// every `record_every` time units; NaN/Inf raises NumericalError with the time and the neuron.
// A System provides (all without allocation):
//   Eigen::Index size() const; double tau() const;
//   void rhs(const Eigen::VectorXd& u, Eigen::VectorXd& dudt, double beta);
//   void jacobian(const Eigen::VectorXd& u, Eigen::MatrixXd& j, double beta);  // W·diag(g′) − I/τ
// Why not odeint's rosenbrock4: in Boost 1.74 it works on uBLAS containers, whose
// unbounded_array calls std::allocator::construct, removed in C++20, so it does not compile
// in this C++20 project; ROS2 on Eigen (dense LU per step) is the documented substitute.
//   double energy(const Eigen::VectorXd& v, double beta) const;   // Lyapunov, leak included
#pragma once

#include "hopfield/core/error.hpp"
#include "hopfield/core/rng.hpp"
#include "hopfield/dynamics/continuous/activation.hpp"
#include "hopfield/dynamics/dynamics.hpp"

#include <Eigen/Core>
#include <Eigen/LU>
#include <boost/numeric/odeint.hpp>
#include <boost/numeric/odeint/external/eigen/eigen.hpp>

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

namespace hopfield {

enum class Integrator { euler, rk4, dopri5, cash_karp, rosenbrock2 };

std::string_view to_string(Integrator integrator);
/// Parses an integrator name; throws std::invalid_argument otherwise.
Integrator parse_integrator(std::string_view text);

struct GainSchedule {
  double from = 1.0;
  double to = 1.0;
  double over = 0.0;  ///< time over which β goes linearly from `from` to `to`; 0: no schedule
};

struct ContinuousOptions {
  ActivationKind activation = ActivationKind::tanh;
  double gain = 1.0;        ///< β (constant unless schedule.over > 0)
  GainSchedule schedule{};  ///< β(t) linear from schedule.from to schedule.to over [0, over]
  Integrator integrator = Integrator::dopri5;
  double tau = 1.0;
  double dt = 0.01;  ///< fixed step (euler, rk4) or first trial step (adaptive)
  double abs_tol = 1e-6;
  double rel_tol = 1e-6;
  double t_end = 50.0;
  double tol = 1e-6;           ///< stop when max|du/dt| < tol; 0: never
  double saturation = 0.0;     ///< stop when every v is within this of a rail; 0: never
  double stable_window = 0.0;  ///< stop when the decoded state is unchanged this long; 0: never
  double record_every = 0.1;   ///< time between checks and recorded points
  double noise_sigma = 0.0;    ///< Gaussian current noise σ (Euler–Maruyama); 0: none
  std::int64_t max_steps = 10'000'000;
  bool record_states = false;  ///< keep u and v at every recorded point

  /// β at time t.
  [[nodiscard]] double gain_at(double t) const {
    if (schedule.over <= 0.0) return gain;
    const double f = std::min(t / schedule.over, 1.0);
    return schedule.from + f * (schedule.to - schedule.from);
  }
};

struct ContinuousResult {
  Eigen::VectorXd u;
  Eigen::VectorXd v;
  double time = 0.0;
  std::int64_t steps = 0;            ///< accepted steps
  std::int64_t rejected = 0;         ///< rejected adaptive steps
  std::int64_t rhs_evaluations = 0;  ///< right-hand-side evaluations (Jacobians not counted)
  StopReason reason = StopReason::t_end;
  double max_derivative = 0.0;  ///< max|du/dt| at the end
  double energy = 0.0;          ///< Lyapunov energy at the end
  std::vector<double> times;    ///< recorded times (t = 0 first)
  std::vector<double> energy_trace;
  std::vector<Eigen::VectorXd> states;  ///< v at recorded times (record_states)
  std::vector<Eigen::VectorXd> inputs;  ///< u at recorded times (record_states)
};

namespace detail {

/// Throws NumericalError naming the first non-finite neuron.
inline void check_finite(const Eigen::VectorXd& u, double t) {
  if (u.allFinite()) return;
  Eigen::Index i = 0;
  while (i < u.size() && std::isfinite(u(i))) ++i;
  throw NumericalError("continuous dynamics: u is " + std::to_string(u(i)) + " for neuron " +
                       std::to_string(i) + " at t = " + std::to_string(t) +
                       " (step too large or gain too high for this integrator?)");
}

/// Why the adaptive step size collapsed below what double precision can resolve: the step, the
/// counts, and — for N ≤ 4096, where the dense Jacobian is affordable — Gershgorin's bound R on
/// the Jacobian's rates (max row sum of |W·diag(g′) − I/τ|). An explicit method is stable only
/// for h ≲ 3.3/R (dopri5's stability interval), so when 3.3/R is far below τ the system is
/// stiff and the L-stable rosenbrock2 is the fix; otherwise the tolerances are too tight.
template <class System>
NumericalError step_collapse(System& system, const Eigen::VectorXd& u, double t, double h,
                             double beta, std::string_view integrator, std::int64_t steps,
                             std::int64_t rejected, double abs_tol, double rel_tol) {
  char head[320];
  std::snprintf(head, sizeof head,
                "continuous dynamics: the step size collapsed to h = %.3g at t = %.6g (%.*s, gain "
                "%.6g, %lld steps accepted, %lld rejected)",
                h, t, static_cast<int>(integrator.size()), integrator.data(), beta,
                static_cast<long long>(steps), static_cast<long long>(rejected));
  std::string message = head;
  const Eigen::Index n = system.size();
  if (n > 4096) {
    return NumericalError(message +
                          "; with a high gain the system is stiff: try integrator: "
                          "rosenbrock2, or looser abs_tol/rel_tol");
  }
  Eigen::MatrixXd jac(n, n);
  system.jacobian(u, jac, beta);
  const double rate = jac.cwiseAbs().rowwise().sum().maxCoeff();
  const double limit = 3.3 / rate;
  char tail[320];
  if (limit < 1e-3 * system.tau()) {
    std::snprintf(tail, sizeof tail,
                  ": the system is stiff here — the Jacobian's rates reach R ≈ %.3g, so an "
                  "explicit method is stable only for h ≲ 3.3/R = %.3g (τ = %.3g); use "
                  "integrator: rosenbrock2 (L-stable) or a lower gain",
                  rate, limit, system.tau());
  } else {
    std::snprintf(tail, sizeof tail,
                  ": not stiff here (the Jacobian's rates reach R ≈ %.3g, an explicit step of "
                  "up to 3.3/R = %.3g is stable), so abs_tol = %.3g / rel_tol = %.3g are too "
                  "tight for double precision",
                  rate, limit, abs_tol, rel_tol);
  }
  return NumericalError(message + tail);
}

template <class System>
struct Counted {
  System* system;
  const ContinuousOptions* options;
  std::int64_t* count;
  void operator()(const Eigen::VectorXd& u, Eigen::VectorXd& dudt, double t) const {
    ++*count;
    system->rhs(u, dudt, options->gain_at(t));
  }
};

}  // namespace detail

/// Outputs v = g(u) at gain beta.
inline void outputs(ActivationKind kind, double beta, const Eigen::VectorXd& u,
                    Eigen::VectorXd& v) {
  for (Eigen::Index i = 0; i < u.size(); ++i) v(i) = activate(kind, beta, u(i));
}

/// Integrates system from u0 until a stop condition (see ContinuousOptions).
template <class System>
ContinuousResult integrate_continuous(System& system, const Eigen::VectorXd& u0,
                                      const ContinuousOptions& o, RandomStream& rng) {
  namespace odeint = boost::numeric::odeint;
  using Vec = Eigen::VectorXd;
  using Algebra = odeint::vector_space_algebra;

  const Eigen::Index n = system.size();
  ContinuousResult r;
  Vec u = u0;
  Vec dudt(n);
  Vec v(n);
  double t = 0.0;
  double dt = o.dt;
  const double mid = 0.5 * (output_low(o.activation) + output_high(o.activation));
  Eigen::Array<bool, Eigen::Dynamic, 1> decoded(n);
  double decoded_since = 0.0;
  double next_check = 0.0;
  bool stop = false;
  detail::Counted<System> counted{&system, &o, &r.rhs_evaluations};

  // Checks the stop conditions and records at t ≥ next_check.
  auto check = [&](bool force) {
    if (!force && t < next_check) return;
    detail::check_finite(u, t);
    const double beta = o.gain_at(t);
    outputs(o.activation, beta, u, v);
    counted(u, dudt, t);
    r.max_derivative = dudt.cwiseAbs().maxCoeff();
    const double e = system.energy(v, beta);
    r.times.push_back(t);
    r.energy_trace.push_back(e);
    if (o.record_states) {
      r.states.push_back(v);
      r.inputs.push_back(u);
    }
    const Eigen::Array<bool, Eigen::Dynamic, 1> now = v.array() > mid;
    if (r.times.size() == 1 || (now != decoded).any()) {
      decoded = now;
      decoded_since = t;
    }
    if (t < o.schedule.over) {
      // While the gain is still being annealed, only t_end ends the run.
    } else if (o.tol > 0.0 && r.max_derivative < o.tol) {
      r.reason = StopReason::small_derivative;
      stop = true;
    } else if (o.saturation > 0.0 &&
               ((v.array() - output_low(o.activation))
                    .abs()
                    .min((output_high(o.activation) - v.array()).abs()) <= o.saturation)
                   .all()) {
      r.reason = StopReason::saturated;
      stop = true;
    } else if (o.stable_window > 0.0 && t - decoded_since >= o.stable_window) {
      r.reason = StopReason::decoded_stable;
      stop = true;
    }
    while (next_check <= t) next_check += o.record_every;
  };

  check(true);
  const double eps = 1e-12 * std::max(1.0, o.t_end);
  auto fixed_steps = [&](auto&& stepper) {
    while (!stop && t < o.t_end - eps) {
      if (r.steps >= o.max_steps) {
        r.reason = StopReason::max_steps;
        return;
      }
      const double h = std::min(o.dt, o.t_end - t);
      stepper.do_step(counted, u, t, h);
      t += h;
      ++r.steps;
      detail::check_finite(u, t);
      check(false);
    }
  };
  auto adaptive_steps = [&](auto&& controlled, auto& x) {
    double window_start = t;
    while (!stop && t < o.t_end - eps) {
      if (r.steps >= o.max_steps) {
        r.reason = StopReason::max_steps;
        return;
      }
      dt = std::min(dt, o.t_end - t);
      const auto result = controlled.try_step(counted, x, t, dt);
      if (result == odeint::fail) {
        ++r.rejected;
        if (dt < 1e-14 * std::max(1.0, t))
          throw detail::step_collapse(system, u, t, dt, o.gain_at(t), to_string(o.integrator),
                                      r.steps, r.rejected, o.abs_tol, o.rel_tol);
        continue;
      }
      ++r.steps;
      detail::check_finite(u, t);
      // An explicit method on a stiff system crawls at its stability limit: 10⁴ steps that
      // advance less than 10⁻² τ (a mean step below 10⁻⁶ τ) cannot reach t_end in any useful
      // time, so say why instead of running on.
      if (r.steps % 10000 == 0) {
        if (t - window_start < 1e-2 * system.tau())
          throw detail::step_collapse(system, u, t, dt, o.gain_at(t), to_string(o.integrator),
                                      r.steps, r.rejected, o.abs_tol, o.rel_tol);
        window_start = t;
      }
      check(false);
    }
  };

  switch (o.integrator) {
    case Integrator::euler: {
      if (o.noise_sigma > 0.0) {
        // Euler–Maruyama: du = f(u) dt + σ dW with independent Wiener increments per neuron.
        Vec noise(n);
        while (!stop && t < o.t_end - eps) {
          if (r.steps >= o.max_steps) {
            r.reason = StopReason::max_steps;
            break;
          }
          const double h = std::min(o.dt, o.t_end - t);
          counted(u, dudt, t);
          const double amp = o.noise_sigma * std::sqrt(h);
          for (Eigen::Index i = 0; i < n; ++i) noise(i) = amp * rng.normal();
          u += h * dudt + noise;
          t += h;
          ++r.steps;
          detail::check_finite(u, t);
          check(false);
        }
      } else {
        fixed_steps(odeint::euler<Vec, double, Vec, double, Algebra>());
      }
      break;
    }
    case Integrator::rk4:
      fixed_steps(odeint::runge_kutta4<Vec, double, Vec, double, Algebra>());
      break;
    case Integrator::dopri5: {
      using Stepper = odeint::runge_kutta_dopri5<Vec, double, Vec, double, Algebra>;
      auto controlled = odeint::make_controlled(o.abs_tol, o.rel_tol, Stepper());
      adaptive_steps(controlled, u);
      break;
    }
    case Integrator::cash_karp: {
      using Stepper = odeint::runge_kutta_cash_karp54<Vec, double, Vec, double, Algebra>;
      auto controlled = odeint::make_controlled(o.abs_tol, o.rel_tol, Stepper());
      adaptive_steps(controlled, u);
      break;
    }
    case Integrator::rosenbrock2: {
      // ROS2 (Verwer, Spee, Blom & Hundsdorfer 1999, Eq. 2.3): a linearly implicit, L-stable
      // Rosenbrock method of order 2, γ = 1 + 1/√2, with the linearly implicit Euler step as
      // the embedded order-1 solution for step control. W = I − γhJ, J = W·diag(g′) − I/τ.
      const double gamma = 1.0 + 1.0 / std::sqrt(2.0);
      Eigen::MatrixXd jac(n, n);
      Eigen::MatrixXd lhs(n, n);
      Eigen::PartialPivLU<Eigen::MatrixXd> lu(n);
      Vec f0(n), k1(n), k2(n), y1(n), f1(n), next(n), err(n);
      while (!stop && t < o.t_end - eps) {
        if (r.steps >= o.max_steps) {
          r.reason = StopReason::max_steps;
          break;
        }
        dt = std::min(dt, o.t_end - t);
        const double beta = o.gain_at(t);
        system.jacobian(u, jac, beta);
        counted(u, f0, t);
        lhs = -gamma * dt * jac;
        lhs.diagonal().array() += 1.0;
        lu.compute(lhs);
        k1 = lu.solve(f0);
        y1 = u + dt * k1;
        counted(y1, f1, t + dt);
        k2 = lu.solve(f1 - 2.0 * k1);
        next = u + dt * (1.5 * k1 + 0.5 * k2);
        err = 0.5 * dt * (k1 + k2);
        double norm = 0.0;
        for (Eigen::Index i = 0; i < n; ++i)
          norm = std::max(
              norm, std::abs(err(i)) /
                        (o.abs_tol + o.rel_tol * std::max(std::abs(u(i)), std::abs(next(i)))));
        const double factor = std::clamp(0.9 / std::sqrt(std::max(norm, 1e-10)), 0.2, 5.0);
        if (!std::isfinite(norm) || norm > 1.0) {
          ++r.rejected;
          dt *= std::isfinite(norm) ? factor : 0.2;
          if (dt < 1e-14 * std::max(1.0, t))
            throw detail::step_collapse(system, u, t, dt, beta, to_string(o.integrator), r.steps,
                                        r.rejected, o.abs_tol, o.rel_tol);
          continue;
        }
        u = next;
        t += dt;
        dt *= factor;
        ++r.steps;
        detail::check_finite(u, t);
        check(false);
      }
      break;
    }
  }
  if (!stop && r.reason != StopReason::max_steps) r.reason = StopReason::t_end;
  if (r.times.empty() || r.times.back() != t) {
    const bool was = stop;
    const StopReason reason = r.reason;
    check(true);
    stop = was;
    r.reason = reason;
  }
  r.time = t;
  r.u = u;
  r.v = v;
  r.energy = r.energy_trace.back();
  return r;
}

}  // namespace hopfield
