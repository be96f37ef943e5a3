#include "random_patterns.hpp"

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
  std::uint64_t bits = 0;
  int left = 0;
  for (Eigen::Index mu = 0; mu < p; ++mu) {
    for (Eigen::Index i = 0; i < n; ++i) {
      if (left == 0) {
        bits = rng.next_u64();
        left = 64;
      }
      set.xi(mu, i) = (bits & 1U) != 0 ? on : off;
      bits >>= 1U;
      --left;
    }
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
