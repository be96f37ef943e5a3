#include "clip_noise.hpp"

#include "weight_values.hpp"

namespace hopfield {

template <class M>
void ClipNoise::apply(M& w) const {
  const WeightStats stats = weight_stats(w);
  const double s = scale_ == Scale::rms ? stats.rms : stats.mean_abs;
  for_each_weight(w, [s](double& v) { v = v > 0.0 ? s : -s; });
}

void ClipNoise::perturb(Eigen::MatrixXd& w, RandomStream& /*rng*/) const {
  apply(w);
}
void ClipNoise::perturb_sparse(SparseWeights& w, RandomStream& /*rng*/) const {
  apply(w);
}

config::ModuleDoc ClipNoise::doc() {
  using config::ParamSpec;
  return config::ModuleDoc{
      .family = "noise",
      .name = "clip",
      .help = "clipped synapses: every coupling becomes sign(w)*scale (Sompolinsky 1986)",
      .params =
          {
              ParamSpec::choice("scale", "rms", {"rms", "mean_abs"},
                                "the magnitude of a clipped coupling: the rms or the mean "
                                "absolute value of the nonzero couplings before clipping"),
          },
      .notes =
          "Acts on the couplings after learning (stage weights), whatever the rule: every "
          "nonzero off-diagonal w_ij becomes sign(w_ij)·scale (Sompolinsky 1986, φ(x) = "
          "sign(x)). Zero couplings (the diagonal, couplings removed by dilution, exact ties "
          "of the Hebbian sum at even P) stay 0. With `scale: rms` (default) the synaptic "
          "power Σ_j w_ij² is unchanged, so fields and the retrieval signal stay comparable "
          "with the unclipped network (for Hebbian couplings rms = √P/N); clipping then acts "
          "as extra static noise: the signal keeps the fraction √(2/π) of its size while the "
          "noise is unchanged, as if the load were α·π/2 for the one-step error, and the "
          "replica-symmetric capacity falls to α_c ≈ 0.10 instead of 0.138 (a ratio of 0.74, "
          "smaller than 2/π would give; configs/papers/sompolinsky1986_clipped.yaml). "
          "`mean_abs` uses the mean |w_ij|. "
          "The couplings are no longer integer-valued, so ties use the tolerance.",
  };
}

std::unique_ptr<Noise> ClipNoise::make(const config::Params& params) {
  return std::make_unique<ClipNoise>(params.text("scale") == "rms" ? Scale::rms : Scale::mean_abs);
}

}  // namespace hopfield
