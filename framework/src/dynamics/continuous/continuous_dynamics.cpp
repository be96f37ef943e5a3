// Continuous dynamics of a network (see hopfield/dynamics/continuous/continuous_dynamics.hpp).
#include "hopfield/dynamics/continuous/continuous_dynamics.hpp"

#include <stdexcept>

namespace hopfield {

std::string_view to_string(Integrator integrator) {
  switch (integrator) {
    case Integrator::euler:
      return "euler";
    case Integrator::rk4:
      return "rk4";
    case Integrator::dopri5:
      return "dopri5";
    case Integrator::cash_karp:
      return "cash_karp";
    case Integrator::rosenbrock2:
      return "rosenbrock2";
  }
  return "unknown";
}

Integrator parse_integrator(std::string_view text) {
  if (text == "euler") return Integrator::euler;
  if (text == "rk4") return Integrator::rk4;
  if (text == "dopri5") return Integrator::dopri5;
  if (text == "cash_karp") return Integrator::cash_karp;
  if (text == "rosenbrock2") return Integrator::rosenbrock2;
  throw std::invalid_argument("unknown integrator '" + std::string(text) + "'");
}

NetworkSystem::NetworkSystem(const Network& net, const ContinuousOptions& options)
    : w_(net.couplings->dense()),
      offset_(net.offset()),
      v_(net.size()),
      activation_(options.activation),
      tau_(options.tau) {}

void NetworkSystem::rhs(const Eigen::VectorXd& u, Eigen::VectorXd& dudt, double beta) {
  outputs(activation_, beta, u, v_);
  dudt.noalias() = w_ * v_;
  dudt -= u / tau_ + offset_;
}

void NetworkSystem::jacobian(const Eigen::VectorXd& u, Eigen::MatrixXd& j, double beta) {
  outputs(activation_, beta, u, v_);
  for (Eigen::Index c = 0; c < u.size(); ++c)
    j.col(c) = w_.col(c) * activation_slope(activation_, beta, u(c), v_(c));
  j.diagonal().array() -= 1.0 / tau_;
}

double NetworkSystem::energy_without_leak(const Eigen::VectorXd& v) const {
  return -0.5 * v.dot(w_ * v) + offset_.dot(v);
}

double NetworkSystem::energy(const Eigen::VectorXd& v, double beta) const {
  double leak = 0.0;
  for (Eigen::Index i = 0; i < v.size(); ++i) leak += leak_integral(activation_, beta, v(i));
  return energy_without_leak(v) + leak / tau_;
}

Eigen::VectorXd ContinuousDynamics::initial_potentials(const State& s, Representation r) const {
  const double lo = output_low(options_.activation);
  const double hi = output_high(options_.activation);
  const double mid = 0.5 * (lo + hi);
  const double half = 0.5 * (hi - lo);
  const double beta = options_.gain_at(0.0);
  Eigen::VectorXd u(s.size());
  for (Eigen::Index i = 0; i < s.size(); ++i) {
    const double v = mid + initial_output_ * half * static_cast<double>(to_bipolar(s(i), r));
    u(i) = inverse_activation(options_.activation, beta, v);
  }
  return u;
}

ContinuousResult ContinuousDynamics::integrate(const Network& net, const Eigen::VectorXd& u0,
                                               RandomStream& rng) const {
  NetworkSystem system(net, options_);
  return integrate_continuous(system, u0, options_, rng);
}

State decode_outputs(const Eigen::VectorXd& v, ActivationKind kind, Representation r) {
  const double mid = 0.5 * (output_low(kind) + output_high(kind));
  State s(v.size());
  for (Eigen::Index i = 0; i < v.size(); ++i) s(i) = v(i) > mid ? on_value(r) : off_value(r);
  return s;
}

DynamicsResult ContinuousDynamics::run(const Network& net, const State& initial,
                                       RandomStream& rng) const {
  const ContinuousResult c = integrate(net, initial_potentials(initial, net.representation), rng);
  DynamicsResult r;
  r.state = decode_outputs(c.v, options_.activation, net.representation);
  r.sweeps = static_cast<int>(std::min<std::int64_t>(c.steps, std::numeric_limits<int>::max()));
  r.reason = c.reason;
  r.converged = c.reason == StopReason::small_derivative || c.reason == StopReason::saturated ||
                c.reason == StopReason::decoded_stable;
  r.energy = c.energy;
  r.energy_trace = c.energy_trace;
  r.time = c.time;
  r.rhs_evaluations = c.rhs_evaluations;
  const State start = decode_outputs(
      [&] {
        Eigen::VectorXd v0(initial.size());
        outputs(options_.activation, options_.gain_at(0.0),
                initial_potentials(initial, net.representation), v0);
        return v0;
      }(),
      options_.activation, net.representation);
  r.flips = (start.array() != r.state.array()).count();
  return r;
}

}  // namespace hopfield
