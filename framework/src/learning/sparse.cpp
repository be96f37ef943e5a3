#include "sparse.hpp"

#include "hopfield/core/error.hpp"
#include "rule_support.hpp"

#include <algorithm>
#include <sstream>

namespace hopfield {

namespace {

/// The patterns as 0/1 values (a bipolar −1/+1 pattern enters as (ξ + 1)/2).
Eigen::MatrixXd binary_patterns(const PatternSet& patterns) {
  if (patterns.representation == Representation::binary) return patterns.xi.cast<double>();
  return (0.5 * (patterns.xi.cast<double>().array() + 1.0)).matrix();
}

}  // namespace

double SparseRule::activity(const PatternSet& patterns) const {
  if (activity_) return *activity_;
  if (patterns.xi.size() == 0) return 0.5;
  return binary_patterns(patterns).mean();
}

LearningResult SparseRule::learn(const PatternSet& patterns, const LearningContext& context,
                                 RandomStream& /*rng*/) const {
  const Eigen::Index n = patterns.neurons();
  const double a = activity(patterns);
  if (!(a > 0.0 && a < 1.0)) {
    std::ostringstream msg;
    msg << "sparse: the patterns have activity " << a << " (every value "
        << (a <= 0.0 ? "off" : "on")
        << "), so the rule has nothing to learn; give patterns with active and silent neurons";
    throw InputError(msg.str());
  }
  const Eigen::MatrixXd centred = binary_patterns(patterns).array() - a;
  Eigen::MatrixXd m = symmetric_gram(centred);
  if (!context.self_coupling) m.diagonal().setZero();
  LearningResult result;
  result.couplings = make_dense_couplings(
      m, 1.0 / (static_cast<double>(std::max<Eigen::Index>(n, 1)) * a * (1.0 - a)),
      /*integer_valued=*/false, context.precision);
  return result;
}

config::ModuleDoc SparseRule::doc() {
  using config::ParamSpec;
  return config::ModuleDoc{
      .family = "learning",
      .name = "sparse",
      .help =
          "covariance rule for sparse 0/1 patterns of activity a, normalised by N a(1−a) "
          "(Tsodyks & Feigel'man 1988)",
      .params =
          {
              ParamSpec::real("activity", "",
                              "pattern activity a (fraction of active neurons); absent: "
                              "measured as the mean over all patterns and neurons")
                  .range(0.0, 1.0)
                  .above(0.0)
                  .below(1.0)
                  .make_optional(),
          },
      .notes =
          "Tsodyks & Feigel'man 1988: W = (1/(N a(1−a))) Σ_μ (ξ^μ − a)(ξ^μ − a)ᵀ with "
          "w_ii = 0 (kept only with `network.self_coupling`), on 0/1 patterns (a bipolar "
          "pattern enters as (ξ + 1)/2). a is `activity`, or the mean activity of the stored "
          "patterns when absent.\n\n"
          "Use it with a binary network (`network.representation: binary`) and a threshold. At "
          "a stored pattern the field of neuron i is ξ_i − a plus crosstalk of variance about "
          "α·a: 1 − a for an active neuron and −a for a silent one. The threshold that "
          "separates the two with equal margins is the midpoint\n\n"
          "  θ = ½ − a   (e.g. `network: {representation: binary, threshold: 0.4}` for "
          "a = 0.1),\n\n"
          "which is the recommended `network.threshold`. A learning rule cannot set it "
          "(thresholds belong to `network:`), so set it there; with θ = 0 every silent neuron "
          "whose crosstalk exceeds a switches on and sparse patterns are not fixed points. "
          "Sparse coding raises the capacity: the crosstalk variance α·a shrinks with a, so far "
          "more than 0.14 N sparse patterns can be stored (the optimal capacity grows like "
          "1/(2a |ln a|) as a → 0). Compared with `covariance`, which divides by N only, the "
          "extra 1/(a(1−a)) keeps the signal O(1) at any activity, so one threshold rule "
          "fits every a.",
  };
}

std::unique_ptr<LearningRule> SparseRule::make(const config::Params& params) {
  if (params.has("activity")) return std::make_unique<SparseRule>(params.real("activity"));
  return std::make_unique<SparseRule>();
}

}  // namespace hopfield
