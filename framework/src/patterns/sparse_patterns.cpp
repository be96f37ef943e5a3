#include "sparse_patterns.hpp"

#include "hopfield/core/error.hpp"

#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

namespace hopfield {

SparsePatterns::SparsePatterns(PatternCount count, double activity, Location where)
    : count_(count), activity_(activity), where_(std::move(where)) {
  if (!(activity > 0.0 && activity < 1.0)) {
    throw Error("sparse patterns: activity must be in (0, 1)");
  }
}

Eigen::Index SparsePatterns::active(Eigen::Index neurons) const {
  return static_cast<Eigen::Index>(std::llround(activity_ * static_cast<double>(neurons)));
}

Eigen::Index SparsePatterns::count(Eigen::Index neurons) const {
  const Eigen::Index k = active(neurons);
  if (k < 1 || k > neurons - 1) {
    throw ConfigError(where_, "activity " + std::to_string(activity_) +
                                  " gives round(a*N) = " + std::to_string(k) +
                                  " active neurons for N = " + std::to_string(neurons) +
                                  "; a pattern needs at least one neuron on and one off");
  }
  return count_.resolve(neurons);
}

PatternSet SparsePatterns::generate(const PatternContext& context, RandomStream& rng) const {
  const Eigen::Index n = context.neurons;
  if (n < 2) {
    throw InputError("sparse patterns: the network needs at least two neurons");
  }
  const Eigen::Index p = count(n);
  const Eigen::Index k = active(n);
  PatternSet set;
  set.representation = context.representation;
  set.activity = static_cast<double>(k) / static_cast<double>(n);
  set.xi.setConstant(p, n, static_cast<std::int8_t>(off_value(context.representation)));
  std::vector<std::int32_t> chosen(static_cast<std::size_t>(k));
  for (Eigen::Index mu = 0; mu < p; ++mu) {
    rng.choose(n, chosen);
    for (const std::int32_t i : chosen) {
      set.xi(mu, i) = static_cast<std::int8_t>(on_value(context.representation));
    }
  }
  return set;
}

config::ModuleDoc SparsePatterns::doc() {
  using config::ParamSpec;
  auto params = PatternCount::specs();
  params.push_back(
      ParamSpec::real("activity", "", "a: every pattern has exactly round(a*N) active neurons")
          .above(0)
          .below(1));
  return config::ModuleDoc{
      .family = "patterns",
      .name = "sparse",
      .help = "patterns with exact activity: exactly round(a*N) active neurons each",
      .params = std::move(params),
      .notes =
          "Each pattern has exactly k = round(a·N) active (on) neurons, a uniformly chosen "
          "subset, independently of the other patterns (Tsodyks & Feigel'man 1988). k must be "
          "between 1 and N − 1. Give exactly one of `count` and `alpha`. The pattern set "
          "carries the activity k/N, so overlaps are normalised: m_μ = Σ_i (ξ_i^μ − a) s_i / "
          "(N a(1−a)) with ξ and s in the 0/1 picture (DESIGN.md §2); a pattern's overlap "
          "with itself is exactly 1. Pair with `learning: covariance` and a binary network.",
  };
}

std::unique_ptr<PatternSource> SparsePatterns::make(const config::Params& params) {
  return std::make_unique<SparsePatterns>(
      PatternCount::from_params(params), params.real("activity"), params.at("activity").location());
}

}  // namespace hopfield
