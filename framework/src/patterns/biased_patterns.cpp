#include "biased_patterns.hpp"

#include "hopfield/core/error.hpp"

namespace hopfield {

BiasedPatterns::BiasedPatterns(PatternCount count, double activity)
    : count_(count), activity_(activity) {
  if (!(activity > 0.0 && activity < 1.0)) {
    throw Error("biased patterns: activity must be in (0, 1)");
  }
}

PatternSet BiasedPatterns::generate(const PatternContext& context, RandomStream& rng) const {
  const Eigen::Index n = context.neurons;
  if (n < 1) {
    throw InputError("biased patterns: the network needs at least one neuron");
  }
  const Eigen::Index p = count(n);
  const auto on = static_cast<std::int8_t>(on_value(context.representation));
  const auto off = static_cast<std::int8_t>(off_value(context.representation));
  PatternSet set;
  set.representation = context.representation;
  set.activity = activity_;
  set.xi.resize(p, n);
  for (Eigen::Index mu = 0; mu < p; ++mu) {
    for (Eigen::Index i = 0; i < n; ++i) {
      set.xi(mu, i) = rng.bernoulli(activity_) ? on : off;
    }
  }
  return set;
}

config::ModuleDoc BiasedPatterns::doc() {
  using config::ParamSpec;
  auto params = PatternCount::specs();
  params.push_back(ParamSpec::real("bias", "",
                                   "b: P(xi = +1) = (1+b)/2 in the ±1 picture (give bias or "
                                   "activity)")
                       .above(-1)
                       .below(1)
                       .make_optional());
  params.push_back(ParamSpec::real("activity", "",
                                   "a: probability that a neuron is on, the mean of the 0/1 "
                                   "picture (give bias or activity)")
                       .above(0)
                       .below(1)
                       .make_optional());
  return config::ModuleDoc{
      .family = "patterns",
      .name = "biased",
      .help = "biased random patterns: each neuron on independently with probability a = (1+b)/2",
      .params = std::move(params),
      .notes =
          "Every entry ξ_i^μ is on independently with probability a (Amit, Gutfreund & "
          "Sompolinsky 1987). Give exactly one of `bias` b ∈ (−1, 1), with a = (1+b)/2 "
          "(the ±1 picture: mean ξ = b), and `activity` a ∈ (0, 1) (the 0/1 picture: mean "
          "ξ = a); and exactly one of `count` and `alpha`. The number of active neurons of a "
          "pattern is Binomial(N, a); use `sparse` for exactly round(aN). The pattern set "
          "carries a, so overlaps are normalised: m_μ = Σ_i (ξ_i^μ − a) s_i / (N a(1−a)) "
          "with ξ and s in the 0/1 picture (DESIGN.md §2), which is about 1 for the pattern "
          "itself (exactly a'/a for a pattern with activity a') and about 0 for an unrelated "
          "state. Pair with `learning: covariance` (the Hebbian rule is not designed for "
          "biased patterns).",
  };
}

std::unique_ptr<PatternSource> BiasedPatterns::make(const config::Params& params) {
  const bool has_bias = params.has("bias");
  const bool has_activity = params.has("activity");
  if (has_bias && has_activity) {
    params.fail("activity", "give either bias or activity, not both");
  }
  if (!has_bias && !has_activity) {
    params.fail("activity", "give the bias b (P(xi=+1) = (1+b)/2) or the activity a");
  }
  const double a = has_activity ? params.real("activity") : 0.5 * (1.0 + params.real("bias"));
  return std::make_unique<BiasedPatterns>(PatternCount::from_params(params), a);
}

}  // namespace hopfield
