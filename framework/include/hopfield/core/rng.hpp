// Counter-based random streams (Salmon et al. 2011, Random123 Philox4x64-10).
// Every draw is keyed by (seed, purpose) and counted by (point, trial, item, index), so a result
// never depends on the order in which tasks run, on the thread count or on the MPI rank count.
#pragma once

#include <Random123/philox.h>

#include <cstdint>
#include <span>

namespace hopfield {

/// What a stream is used for; part of the key, so streams for different purposes never overlap.
enum class Purpose : std::uint64_t {
  patterns = 1,
  learning = 2,
  weight_noise = 3,
  cue_noise = 4,
  dynamics = 5,
  probes = 6,
  thermal = 7,
  starts = 8,
  analysis = 9,  ///< resampling in analyses (bootstrap)
};

/// A stream of random numbers for one (seed, purpose, point, trial, item).
/// `point` is 0 for purposes that must be identical at every sweep point (common random numbers).
class RandomStream {
 public:
  RandomStream(std::uint64_t seed, Purpose purpose, std::uint64_t point, std::uint64_t trial,
               std::uint64_t item);

  /// 64 uniformly distributed bits (inline: the dynamics draw one per neuron update).
  std::uint64_t next_u64() {
    if (used_ == 4) refill();
    return block_.v[used_++];
  }
  /// Uniform double in [0, 1) with 53 random bits.
  double uniform();
  /// Uniform integer in [0, n), unbiased (Lemire's multiply-and-reject); n > 0.
  std::uint64_t below(std::uint64_t n) {
    // Lemire (2019), "Fast random integer generation in an interval": the high word of x·n is
    // uniform on [0, n) once the low words in the biased band (< 2⁶⁴ mod n) are rejected.
    __extension__ using u128 = unsigned __int128;
    if (n == 0) below_of_zero();
    u128 m = static_cast<u128>(next_u64()) * n;
    auto low = static_cast<std::uint64_t>(m);
    if (low < n) {
      const std::uint64_t threshold = (0 - n) % n;  // 2⁶⁴ mod n
      while (low < threshold) {
        m = static_cast<u128>(next_u64()) * n;
        low = static_cast<std::uint64_t>(m);
      }
    }
    return static_cast<std::uint64_t>(m >> 64);
  }
  /// Standard normal (Box–Muller on two uniforms).
  double normal();
  /// True with probability p.
  bool bernoulli(double p) { return uniform() < p; }
  /// Uniformly random permutation of 0..n-1 written into out (Fisher–Yates).
  void permutation(std::span<std::int32_t> out);
  /// k distinct indices from 0..n-1, in random order (partial Fisher–Yates); k <= n.
  void choose(std::int64_t n, std::span<std::int32_t> out);

 private:
  /// The next block of four words.
  void refill();
  [[noreturn]] static void below_of_zero();

  using Philox = r123::Philox4x64;
  Philox::key_type key_;
  Philox::ctr_type counter_;
  Philox::ctr_type block_;
  int used_ = 4;
  double spare_normal_ = 0.0;
  bool has_spare_ = false;
};

}  // namespace hopfield
