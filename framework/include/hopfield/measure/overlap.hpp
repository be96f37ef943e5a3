// Overlaps between states and stored patterns (Amit, Gutfreund & Sompolinsky 1985):
// m_μ = (1/N) Σ_i ξ_i^μ s_i on the bipolar images of pattern and state.
#pragma once

#include "hopfield/core/state.hpp"
#include "hopfield/patterns/pattern_set.hpp"

#include <Eigen/Core>

namespace hopfield {

/// m_μ for one pattern.
double overlap(const PatternSet& patterns, Eigen::Index mu, const State& s);
/// All overlaps m_1..m_P.
Eigen::VectorXd overlaps(const PatternSet& patterns, const State& s);
/// Number of neurons whose bipolar images differ.
Eigen::Index hamming(const State& a, const State& b, Representation r);

}  // namespace hopfield
