// Finite-temperature single-neuron dynamics: Glauber's heat bath (Glauber 1963; for Hopfield
// networks Amit, Gutfreund & Sompolinsky 1985, Eq. 2.3: P(s_i = +1) = 1/(1 + exp(−2h_i/T)))
// and Metropolis acceptance (Metropolis et al. 1953: accept a flip with min(1, exp(−ΔE/T))).
// Both sample the Boltzmann distribution exp(−E/T) for symmetric couplings. The neuron update
// is derived from the energy difference, so the binary {0,1} form is P(s_i = 1) =
// 1/(1 + exp(−h_i/T)), and a kept diagonal w_ii enters as the energy requires. Fields are kept
// incrementally as in the zero-temperature asynchronous dynamics; at T = 0 both rules are that
// dynamics exactly (same order, same random draws, same tie rule) when w_ii = 0.
#pragma once

#include "hopfield/dynamics/discrete/discrete_dynamics.hpp"

namespace hopfield {

/// How a visited neuron chooses its next value at temperature T > 0.
enum class Acceptance {
  heat_bath,   ///< Glauber: draw the new value from its conditional Boltzmann distribution
  metropolis,  ///< propose the flip, accept with min(1, exp(−ΔE/T))
};

struct StochasticOptions {
  double temperature = 0.5;  ///< T ≥ 0, in the units of the field (couplings normalised by N)
  int burn_in = 100;         ///< sweeps before the measurement (equilibration)
  int measure_sweeps = 200;  ///< sweeps of the measurement, after the burn-in
  UpdateOrder order = UpdateOrder::random_permutation;
  TieRule tie = TieRule::keep;  ///< used at T = 0 only
  double tie_tolerance = 1e-6;
  bool auto_tolerance = true;
  bool record_energy = true;
};

/// Random sequential dynamics at temperature T. Always performs burn_in + measure_sweeps sweeps
/// (stop reason `sweeps`); an observer sees the state after each, with `measuring` set for the
/// last measure_sweeps of them.
class StochasticDynamics final : public Dynamics {
 public:
  StochasticDynamics(StochasticOptions options, Acceptance acceptance)
      : options_(options), acceptance_(acceptance) {}
  [[nodiscard]] DynamicsResult run(const Network& net, const State& initial,
                                   RandomStream& rng) const override;
  [[nodiscard]] DynamicsResult run_observed(const Network& net, const State& initial,
                                            RandomStream& rng,
                                            const SweepObserver& observe) const override;
  [[nodiscard]] const StochasticOptions& options() const { return options_; }

 private:
  StochasticOptions options_;
  Acceptance acceptance_;
};

/// Probability that a heat-bath update turns neuron i on, given its effective field
/// h_eff = E(off) − E(on) divided by (on − off) (h_i itself when w_ii = 0): 1/(1 + exp(−(on −
/// off)·h_eff/T)). T > 0.
double heat_bath_on_probability(double h_eff, double temperature, Representation r);

}  // namespace hopfield
