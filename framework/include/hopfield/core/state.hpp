// Neuron states: bipolar s ∈ {−1,+1} or binary s ∈ {0,1} (DESIGN.md §2).
// A state is a vector of small integers held as float so that fields are matrix–vector products.
#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <string>
#include <string_view>

namespace hopfield {

enum class Representation { bipolar, binary };

std::string_view to_string(Representation r);
/// Parses "bipolar" or "binary"; throws std::invalid_argument otherwise.
Representation parse_representation(std::string_view text);

/// State values; each entry is −1/+1 (bipolar) or 0/1 (binary).
using State = Eigen::VectorXf;
/// Many states as columns (batched dynamics, probes).
using StateBatch = Eigen::MatrixXf;

/// The "on" and "off" values of a representation.
inline float on_value(Representation) {
  return 1.0F;
}
inline float off_value(Representation r) {
  return r == Representation::bipolar ? -1.0F : 0.0F;
}

/// Bipolar image of a state value: +1 for on, −1 for off (2s−1 for binary).
inline float to_bipolar(float s, Representation r) {
  return r == Representation::bipolar ? s : 2.0F * s - 1.0F;
}

/// Bipolar image of a whole state.
Eigen::VectorXf bipolar_image(const State& s, Representation r);

/// Flips one neuron: +1 ↔ −1 (bipolar) or 1 ↔ 0 (binary).
inline float flipped(float s, Representation r) {
  return r == Representation::bipolar ? -s : 1.0F - s;
}

}  // namespace hopfield
