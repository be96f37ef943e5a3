// The census of a network's attractors: bit-packed states with exact deduplication, the
// classification of an attractor against the stored patterns (retrieval, reversed, symmetric
// mixture states sign(±ξ^μ1 ± … ± ξ^μk) for odd k, spin-glass states; Amit, Gutfreund &
// Sompolinsky 1985, Phys. Rev. A 32, 1007, §III) and the exhaustive enumeration of all 2^N
// states in Gray-code order with incremental fields (O(N) per state), which finds every fixed
// point and the exact basin of every attractor of a deterministic zero-temperature dynamics.
#pragma once

#include "hopfield/core/network.hpp"
#include "hopfield/dynamics/discrete/discrete_dynamics.hpp"
#include "hopfield/dynamics/dynamics.hpp"
#include "hopfield/patterns/pattern_set.hpp"

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

namespace hopfield {

/// A state as bits (bit i set when neuron i is on), ⌈N/64⌉ words, unused high bits zero.
using PackedState = std::vector<std::uint64_t>;

PackedState pack(const State& s);
State unpack(const PackedState& words, Eigen::Index n, Representation r);
/// The state with every neuron flipped (−s for bipolar, 1 − s for binary).
PackedState complement(const PackedState& words, Eigen::Index n);

struct PackedHash {
  std::size_t operator()(const PackedState& w) const noexcept;
};

/// Classes, in the order of the codes stored in /attractors/class.
enum class AttractorClass : int {
  pattern = 0,
  reversed = 1,
  mixture_3 = 2,
  mixture_5 = 3,
  mixture_7 = 4,
  spin_glass = 5,
  other = 6,
};
constexpr int attractor_class_count = 7;
const std::vector<std::string>& attractor_class_names();

struct ClassifyOptions {
  double epsilon = 0.05;            ///< tolerance on an overlap of 1 (pattern, mixture)
  double spin_glass_overlap = 0.3;  ///< spin glass: every |m_μ| below this
};

struct Classification {
  AttractorClass cls = AttractorClass::other;
  Eigen::Index pattern = -1;  ///< the pattern with the largest |m_μ| (−1 when P = 0)
};

/// The symmetric mixture sign(Σ_j σ_j ξ^μj) (k odd, so no zeros) in representation r.
State mixture_state(const PatternSet& patterns, const std::vector<Eigen::Index>& mu,
                    const std::vector<int>& signs);

/// Classifies state s with overlaps m (from overlaps(patterns, s)): `pattern` when some
/// m_μ ≥ 1 − ε, `reversed` when some m_μ ≤ −1 + ε, `mixture_k` when s has overlap ≥ 1 − ε with
/// the k-mixture of the k patterns of largest |m_μ| with signs sign(m_μ) (k = 3, 5, 7 ≤ P),
/// `spin_glass` when every |m_μ| < spin_glass_overlap, `other` otherwise.
Classification classify(const PatternSet& patterns, const State& s, const Eigen::VectorXd& m,
                        const ClassifyOptions& options);

/// True when no neuron would change under the zero-temperature rule with the given tie rule
/// (a one-flip-stable state); fields computed from scratch.
bool one_flip_stable(const Network& net, const State& s, TieRule tie, double tolerance);

/// One attractor found by the exhaustive census.
struct CensusEntry {
  std::uint64_t state = 0;     ///< bit-packed (N ≤ 32)
  std::int64_t basin = 0;      ///< starts that ended here
  std::int64_t sweep_sum = 0;  ///< total sweeps of those starts
};

struct CensusResult {
  std::vector<CensusEntry> attractors;  ///< sorted by state
  std::int64_t one_flip_stable = 0;     ///< states no single update changes (any dynamics)
  std::int64_t not_converged = 0;       ///< starts that ended without reaching a fixed point
  bool exact_dynamics = false;          ///< true: the built-in kernel (deterministic rule)
};

struct CensusRequest {
  const Network* network = nullptr;
  const Dynamics* dynamics = nullptr;
  std::uint64_t seed = 0, point = 0, trial = 0;  ///< keys of stochastic dynamics' streams
  int threads = 1;
  const std::atomic<bool>* stop = nullptr;
};

/// Runs the dynamics from every one of the 2^N states (N ≤ 32). States are enumerated in
/// Gray-code order in fixed ranges of 2^16, so each step flips one neuron and the fields are
/// patched with one column (O(N)); ranges run in parallel and their counts are summed, so the
/// result does not depend on the thread count. Zero-temperature async dynamics in sequential
/// order and sync dynamics (stop: fixed_point) run in a built-in kernel on the same fields;
/// any other dynamics are called per start with the stream (seed, dynamics, point, trial,
/// state), so their basins are one sample. Throws InputError for N > 32.
CensusResult exhaustive_census(const CensusRequest& request);

struct TieSpec {
  TieRule tie = TieRule::keep;
  double tolerance = 0.0;
};
/// The tie rule and tolerance of discrete dynamics (tie: keep and the default tolerance for
/// any other dynamics), as the one-flip stability test uses them.
TieSpec tie_spec_of(const Dynamics& dynamics, const Network& net);

}  // namespace hopfield
