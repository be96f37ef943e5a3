#include "random_patterns.hpp"

#include <cmath>
#include <cstdint>
#include <sstream>

namespace hopfield {

RandomPatterns RandomPatterns::with_count(Eigen::Index count) {
  if (count < 1) {
    throw Error("random patterns: count must be at least 1");
  }
  RandomPatterns p;
  p.count_ = count;
  return p;
}

RandomPatterns RandomPatterns::with_alpha(double alpha, Location where, std::string path) {
  if (!(alpha > 0.0) || !std::isfinite(alpha)) {
    throw Error("random patterns: alpha must be a finite number > 0");
  }
  RandomPatterns p;
  p.alpha_ = alpha;
  p.where_ = std::move(where);
  p.path_ = std::move(path);
  return p;
}

Eigen::Index RandomPatterns::count(Eigen::Index neurons) const {
  if (count_ > 0) {
    return count_;
  }
  const auto p = static_cast<Eigen::Index>(std::llround(alpha_ * static_cast<double>(neurons)));
  if (p < 1) {
    std::ostringstream msg;
    msg << "'" << path_ << "': alpha = " << alpha_
        << " gives round(alpha*N) = 0 patterns for N = " << neurons
        << "; use a larger alpha or give count";
    throw ConfigError(where_, msg.str());
  }
  return p;
}

PatternSet RandomPatterns::generate(const PatternContext& context, RandomStream& rng) const {
  const Eigen::Index n = context.neurons;
  if (n < 1) {
    throw InputError("random patterns: the network needs at least one neuron");
  }
  const Eigen::Index p = count(n);
  const float on = on_value(context.representation);
  const float off = off_value(context.representation);

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
  using config::ParamSpec;
  return config::ModuleDoc{
      .family = "patterns",
      .name = "random",
      .help = "unbiased random patterns: each neuron on or off with probability 1/2",
      .params =
          {
              ParamSpec::integer("count", "", "number of patterns P (give count or alpha)")
                  .range(1, 2147483647.0)
                  .make_optional(),
              ParamSpec::real("alpha", "", "load: P = round(alpha*N) (give count or alpha)")
                  .above(0)
                  .make_optional(),
          },
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
  const bool has_count = params.has("count");
  const bool has_alpha = params.has("alpha");
  if (has_count && has_alpha) {
    params.fail("alpha", "give either count or alpha, not both");
  }
  if (!has_count && !has_alpha) {
    params.fail("count", "give the number of patterns, as count or as alpha (P = alpha*N)");
  }
  if (has_count) {
    return std::make_unique<RandomPatterns>(with_count(params.integer("count")));
  }
  const auto& node = params.at("alpha");
  return std::make_unique<RandomPatterns>(with_alpha(
      params.real("alpha"), node.location(), node.path().empty() ? "patterns.alpha" : node.path()));
}

}  // namespace hopfield
