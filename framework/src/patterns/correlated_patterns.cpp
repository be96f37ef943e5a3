#include "correlated_patterns.hpp"

#include "hopfield/core/error.hpp"

#include <cstdint>

namespace hopfield {

CorrelatedPatterns::CorrelatedPatterns(PatternCount count, Eigen::Index ancestors,
                                       double correlation)
    : count_(count), ancestors_(ancestors), correlation_(correlation) {
  if (ancestors < 1) {
    throw Error("correlated patterns: at least one ancestor");
  }
  if (!(correlation >= 0.0 && correlation <= 1.0)) {
    throw Error("correlated patterns: correlation must be in [0, 1]");
  }
}

PatternSet CorrelatedPatterns::generate(const PatternContext& context, RandomStream& rng) const {
  const Eigen::Index n = context.neurons;
  if (n < 1) {
    throw InputError("correlated patterns: the network needs at least one neuron");
  }
  const Eigen::Index p = count(n);
  // Ancestors as ±1, bits 64 at a time.
  Eigen::MatrixXf zeta(ancestors_, n);
  std::uint64_t bits = 0;
  int left = 0;
  for (Eigen::Index k = 0; k < ancestors_; ++k) {
    for (Eigen::Index i = 0; i < n; ++i) {
      if (left == 0) {
        bits = rng.next_u64();
        left = 64;
      }
      zeta(k, i) = (bits & 1U) != 0 ? 1.0F : -1.0F;
      bits >>= 1U;
      --left;
    }
  }
  const double keep = 0.5 * (1.0 + correlation_);
  const auto on = static_cast<std::int8_t>(on_value(context.representation));
  const auto off = static_cast<std::int8_t>(off_value(context.representation));
  PatternSet set;
  set.representation = context.representation;
  set.xi.resize(p, n);
  set.labels.resize(static_cast<std::size_t>(p));
  for (Eigen::Index mu = 0; mu < p; ++mu) {
    const Eigen::Index k = mu % ancestors_;
    set.labels[static_cast<std::size_t>(mu)] = static_cast<int>(k);
    for (Eigen::Index i = 0; i < n; ++i) {
      const float bit = rng.bernoulli(keep) ? zeta(k, i) : -zeta(k, i);
      set.xi(mu, i) = bit > 0.0F ? on : off;
    }
  }
  return set;
}

config::ModuleDoc CorrelatedPatterns::doc() {
  using config::ParamSpec;
  auto params = PatternCount::specs();
  params.push_back(ParamSpec::choice("mode", "hierarchical", {"hierarchical", "template"},
                                     "hierarchical: descendants of K ancestors; template: every "
                                     "pattern shares one template"));
  params.push_back(ParamSpec::integer("ancestors", "",
                                      "hierarchical: number of ancestors K (default 1); pattern "
                                      "mu descends from ancestor mu mod K")
                       .range(1, 2147483647.0)
                       .make_optional());
  params.push_back(ParamSpec::real("correlation", "",
                                   "hierarchical: c, each bit equals its ancestor's with "
                                   "probability (1+c)/2")
                       .range(0, 1)
                       .make_optional());
  params.push_back(ParamSpec::real("overlap", "",
                                   "template: m0, each bit equals the template's with "
                                   "probability (1+m0)/2")
                       .range(0, 1)
                       .make_optional());
  return config::ModuleDoc{
      .family = "patterns",
      .name = "correlated",
      .help = "correlated patterns: descendants of random ancestors, or a shared template",
      .params = std::move(params),
      .notes =
          "`mode: hierarchical` (Parga & Virasoro 1986; Gutfreund 1988): K = `ancestors` "
          "unbiased random ancestors ζ^k are drawn; pattern μ descends from ancestor μ mod K "
          "(its label), each bit equal to the ancestor's with probability (1+c)/2, c = "
          "`correlation` (required). In the ±1 picture the mean overlap of a pattern with its "
          "ancestor is c, of two patterns with the same ancestor c², and of patterns with "
          "different ancestors 0. `mode: template`: every pattern shares one random template "
          "with mean overlap m0 = `overlap` (required), so two patterns have mean overlap m0² "
          "(the hierarchical construction with K = 1). c = 0 gives independent random "
          "patterns, c = 1 copies of the ancestors. Entries are unbiased, so overlaps keep "
          "the unnormalised form. Give exactly one of `count` and `alpha`.",
  };
}

std::unique_ptr<PatternSource> CorrelatedPatterns::make(const config::Params& params) {
  const bool template_mode = params.text("mode") == "template";
  Eigen::Index ancestors = 1;
  double c = 0.0;
  if (template_mode) {
    if (params.has("ancestors")) {
      params.fail("ancestors", "applies to mode: hierarchical (a template is one ancestor)");
    }
    if (params.has("correlation")) {
      params.fail("correlation", "applies to mode: hierarchical; give overlap for a template");
    }
    if (!params.has("overlap")) {
      params.fail("mode", "mode: template needs the overlap m0 with the template");
    }
    c = params.real("overlap");
  } else {
    if (params.has("overlap")) {
      params.fail("overlap", "applies to mode: template; give correlation for hierarchical");
    }
    if (!params.has("correlation")) {
      params.fail("mode", "mode: hierarchical needs the correlation c with the ancestor");
    }
    c = params.real("correlation");
    if (params.has("ancestors")) {
      ancestors = static_cast<Eigen::Index>(params.integer("ancestors"));
    }
  }
  return std::make_unique<CorrelatedPatterns>(PatternCount::from_params(params), ancestors, c);
}

}  // namespace hopfield
