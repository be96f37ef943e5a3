#include "random_patterns.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <sstream>

namespace hopfield {

RandomPatterns RandomPatterns::with_count(Eigen::Index count) {
  return RandomPatterns(PatternCount::fixed(count));
}

RandomPatterns RandomPatterns::with_alpha(double alpha, Location where, std::string path) {
  return RandomPatterns(PatternCount::load(alpha, std::move(where), std::move(path)));
}

Eigen::Index RandomPatterns::count(Eigen::Index neurons) const {
  return count_.resolve(neurons);
}

PatternSet RandomPatterns::generate(const PatternContext& context, RandomStream& rng) const {
  const Eigen::Index n = context.neurons;
  if (n < 1) {
    throw InputError("random patterns: the network needs at least one neuron");
  }
  const Eigen::Index p = count(n);
  const auto on = static_cast<std::int8_t>(on_value(context.representation));
  const auto off = static_cast<std::int8_t>(off_value(context.representation));

  PatternSet set;
  set.representation = context.representation;
  set.xi.resize(p, n);
  // One random bit per entry, taken from the low end of 64-bit draws, entries in row-major
  // order (pattern after pattern); branch-free so that the compiler vectorises the 64 bits.
  const auto diff = static_cast<std::int8_t>(on - off);
  std::int8_t* out = set.xi.data();
  const Eigen::Index total = p * n;
  for (Eigen::Index t = 0; t < total; t += 64) {
    const std::uint64_t bits = rng.next_u64();
    const Eigen::Index count = std::min<Eigen::Index>(64, total - t);
    for (Eigen::Index k = 0; k < count; ++k)
      out[t + k] =
          static_cast<std::int8_t>(off + static_cast<std::int8_t>((bits >> k) & 1U) * diff);
  }
  return set;
}

config::ModuleDoc RandomPatterns::doc() {
  return config::ModuleDoc{
      .family = "patterns",
      .name = "random",
      .help = "unbiased random patterns: each neuron on or off with probability 1/2",
      .params = PatternCount::specs(),
      .notes =
          "Every entry ξ_i^μ is drawn independently, on or off with probability 1/2, in "
          "the network's representation (±1 or 0/1). Exactly one of `count` and `alpha` "
          "must be given; with `alpha`, P = round(alpha·N), and a load that rounds to 0 "
          "patterns for the network's N is an error. Patterns are drawn from the stream "
          "keyed by (seed, patterns, trial), so every sweep point of a trial sees the same "
          "patterns where the sizes match, and the first P patterns do not change when more "
          "are drawn.",
  };
}

std::unique_ptr<PatternSource> RandomPatterns::make(const config::Params& params) {
  return std::unique_ptr<PatternSource>(new RandomPatterns(PatternCount::from_params(params)));
}

}  // namespace hopfield
