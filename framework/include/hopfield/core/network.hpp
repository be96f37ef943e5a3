// A network: couplings, thresholds θ and external input I, with local field
// h_i = Σ_j w_ij s_j − θ_i + I_i and energy E = −½ sᵀWs + θᵀs − Iᵀs (Hopfield 1982, Eq. 7).
#pragma once

#include "hopfield/core/couplings.hpp"
#include "hopfield/core/state.hpp"

#include <Eigen/Core>

#include <memory>

namespace hopfield {

struct Network {
  std::shared_ptr<const Couplings> couplings;
  Representation representation = Representation::bipolar;
  Eigen::VectorXd threshold;  ///< θ, one per neuron
  Eigen::VectorXd input;      ///< I, one per neuron

  [[nodiscard]] Eigen::Index size() const { return couplings->size(); }
  /// θ − I per neuron: the offset a field has to beat (h = scale·g − offset).
  [[nodiscard]] Eigen::VectorXd offset() const { return threshold - input; }
};

/// E = −½ sᵀWs + θᵀs − Iᵀs, summed in float64 in a fixed order.
double energy(const Network& net, const State& s);

/// Energy from raw fields g = M·s already at hand: −½ scale·sᵀg + (θ − I)ᵀs. O(N).
double energy_from_fields(const Network& net, const State& s, const Eigen::VectorXd& g);

/// Local fields h = W s − θ + I.
Eigen::VectorXd local_fields(const Network& net, const State& s);

}  // namespace hopfield
