#include "unlearning.hpp"

#include "hebbian.hpp"
#include "hopfield/dynamics/discrete/discrete_dynamics.hpp"
#include "rule_support.hpp"

#include <algorithm>
#include <limits>

namespace hopfield {

LearningResult UnlearningRule::learn(const PatternSet& patterns, const LearningContext& context,
                                     RandomStream& rng) const {
  const Eigen::Index n = patterns.neurons();
  const double inv_n = 1.0 / static_cast<double>(std::max<Eigen::Index>(n, 1));
  Eigen::MatrixXd w = inv_n * hebbian_matrix(patterns, /*keep_diagonal=*/false);

  DiscreteOptions options;
  options.max_sweeps = max_sweeps_;
  options.record_energy = false;
  const AsyncDynamics relax(options, UpdateOrder::random_permutation);
  Network net;
  net.representation = Representation::bipolar;  // W acts on the bipolar images
  net.threshold = Eigen::VectorXd::Zero(n);
  net.input = Eigen::VectorXd::Zero(n);

  LearningResult result;
  State start(n);
  for (std::int64_t dream = 0; dream < dreams_ && n > 0; ++dream) {
    for (Eigen::Index i = 0; i < n; ++i) start[i] = rng.bernoulli(0.5) ? 1.0F : -1.0F;
    net.couplings = make_dense_couplings(w, 1.0, /*integer_valued=*/false, Precision::float64);
    const DynamicsResult fixed = relax.run(net, start, rng);
    if (!fixed.converged) result.converged = false;
    const Eigen::VectorXd s = fixed.state.cast<double>();
    w.noalias() -= (epsilon_ * inv_n) * (s * s.transpose());
    w.diagonal().setZero();
  }
  result.iterations =
      static_cast<int>(std::min<std::int64_t>(dreams_, std::numeric_limits<int>::max()));
  result.min_stability = min_stability(w, bipolar_patterns(patterns));
  // Unlearning defines no self-couplings; network.self_coupling leaves w_ii = 0.
  result.couplings = make_dense_couplings(w, 1.0, /*integer_valued=*/false, context.precision);
  return result;
}

config::ModuleDoc UnlearningRule::doc() {
  using config::ParamSpec;
  return config::ModuleDoc{
      .family = "learning",
      .name = "unlearning",
      .help =
          "Hebbian learning followed by unlearning of random fixed points (\"dreaming\", "
          "Hopfield, Feinstein & Palmer 1983)",
      .params =
          {
              ParamSpec::real("epsilon", "0.05",
                              "unlearning strength ε: each dream subtracts (ε/N) s* s*ᵀ "
                              "(one stored pattern adds (1/N) ξξᵀ)")
                  .range(0.0, 1.0)
                  .above(0.0),
              ParamSpec::integer("dreams", "1000",
                                 "number of dreams D (random starts relaxed and unlearned); what "
                                 "matters is εD/N, about 0.1 at α = 0.2 (the default suits "
                                 "N ≈ 500)")
                  .range(0, 1e9),
              ParamSpec::integer("max_sweeps", "100",
                                 "cap on the asynchronous sweeps of one relaxation; a dream "
                                 "that hits it is unlearned anyway and learning_converged is "
                                 "false")
                  .range(1, 1e9),
          },
      .notes =
          "Hopfield, Feinstein & Palmer 1983. Start from the Hebbian W = (1/N) Σ_μ ξ^μ ξ^μᵀ "
          "(bipolar images, w_ii = 0). Then, `dreams` times: draw a uniformly random ±1 state, "
          "relax it with zero-temperature asynchronous dynamics (random permutation order, "
          "ties keep the state) to a fixed point s*, and set W ← W − (ε/N) s* s*ᵀ with w_ii = 0. "
          "Starts and update orders come from the learning stream, so the result is "
          "reproducible for a seed. W stays symmetric with zero diagonal (w_ii = 0 even with "
          "`network.self_coupling`). Dreams fall mostly into spurious attractors, so "
          "unlearning removes them and makes the stored patterns more stable; too much "
          "unlearning erases the patterns too (van Hemmen et al. 1990; Benedetti et al. 2022). "
          "The amount is εD/N: at N = 500, α = 0.2 the fraction of patterns that are exact fixed "
          "points went from 0 (Hebbian) to about 0.3 at εD/N = 0.02, to 1 at 0.1 and back to 0 "
          "at 0.3, so scale `dreams` with N/ε. `/results/learning_converged` is 0 if any "
          "relaxation hit "
          "`max_sweeps`; the rule also reports the minimum normalised stability of the stored "
          "patterns. Cost O(N²) per dream.",
  };
}

std::unique_ptr<LearningRule> UnlearningRule::make(const config::Params& params) {
  return std::make_unique<UnlearningRule>(params.real("epsilon"), params.integer("dreams"),
                                          static_cast<int>(params.integer("max_sweeps")));
}

}  // namespace hopfield
