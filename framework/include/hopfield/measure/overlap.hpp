// Overlaps between states and stored patterns (Amit, Gutfreund & Sompolinsky 1985):
// m_μ = (1/N) Σ_i ξ_i^μ s_i on the bipolar images of pattern and state. For a pattern set with
// an activity a (biased, sparse), the normalised form m_μ = Σ_i (ξ_i^μ − a) s_i / (N a(1−a)) on
// the 0/1 images (Tsodyks & Feigel'man 1988; DESIGN.md §2): 1 for the pattern itself when its
// activity is a, about 0 for an unrelated state.
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
