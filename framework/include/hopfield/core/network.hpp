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

/// Energy from raw fields g = M·s already at hand: (θ − I)ᵀs − ½ scale·(sᵀg). O(N). The
/// quadratic form sᵀg is summed first, so for integer couplings (exact g) it is an exact integer
/// and the energy is the same number whichever storage computed g.
double energy_from_fields(const Network& net, const State& s, const Eigen::VectorXd& g);
/// The same from the quadratic form sᵀMs (raw units) computed some other way (e.g. Σ_μ m_μ² for
/// matrix-free couplings).
double energy_from_quadratic(const Network& net, const State& s, double quadratic);

/// Local fields h = W s − θ + I.
Eigen::VectorXd local_fields(const Network& net, const State& s);

}  // namespace hopfield
