// Graded-response (continuous) dynamics of a network (Hopfield 1984, Eq. 5):
//   τ-leaky: du_i/dt = −u_i/τ + Σ_j w_ij v_j + I_i − θ_i,   v = g(u),
// with bias I added and threshold θ subtracted as everywhere else (DESIGN.md §2), and the
// Lyapunov energy E = −½ vᵀWv + (θ − I)ᵀv + (1/τ) Σ_i ∫ g⁻¹ (Hopfield 1984, Eq. 7).
#pragma once

#include "hopfield/core/network.hpp"
#include "hopfield/dynamics/continuous/ode_solver.hpp"
#include "hopfield/dynamics/dynamics.hpp"

#include <Eigen/Core>

namespace hopfield {

/// The network right-hand side in dense float64 form (W built once per run).
class NetworkSystem {
 public:
  NetworkSystem(const Network& net, const ContinuousOptions& options);
  [[nodiscard]] Eigen::Index size() const { return w_.rows(); }
  [[nodiscard]] double tau() const { return tau_; }
  void rhs(const Eigen::VectorXd& u, Eigen::VectorXd& dudt, double beta);
  void jacobian(const Eigen::VectorXd& u, Eigen::MatrixXd& j, double beta);
  [[nodiscard]] double energy(const Eigen::VectorXd& v, double beta) const;
  /// The energy without the leak term: −½ vᵀWv + (θ − I)ᵀv (the discrete energy at v).
  [[nodiscard]] double energy_without_leak(const Eigen::VectorXd& v) const;

 private:
  Eigen::MatrixXd w_;
  Eigen::VectorXd offset_;  ///< θ − I
  Eigen::VectorXd v_;       ///< scratch
  ActivationKind activation_;
  double tau_;
};

class ContinuousDynamics final : public Dynamics {
 public:
  explicit ContinuousDynamics(ContinuousOptions options, double initial_output)
      : options_(options), initial_output_(initial_output) {}
  /// From a discrete cue: v(0) = a·s (bipolar image s, a = initial_output, centred on the middle
  /// of the output range), u(0) = g⁻¹(v(0)); the final state is sign(v) or v > ½.
  [[nodiscard]] DynamicsResult run(const Network& net, const State& initial,
                                   RandomStream& rng) const override;
  /// From internal potentials u0.
  [[nodiscard]] ContinuousResult integrate(const Network& net, const Eigen::VectorXd& u0,
                                           RandomStream& rng) const;
  [[nodiscard]] const ContinuousOptions& options() const { return options_; }
  /// u(0) for a discrete state.
  [[nodiscard]] Eigen::VectorXd initial_potentials(const State& s, Representation r) const;

 private:
  ContinuousOptions options_;
  double initial_output_;
};

/// Decodes outputs: on where v is above the middle of the activation's range.
State decode_outputs(const Eigen::VectorXd& v, ActivationKind kind, Representation r);

}  // namespace hopfield
