#include "synaptic_gaussian_noise.hpp"

#include "hopfield/core/error.hpp"
#include "weight_values.hpp"

#include <algorithm>
#include <cmath>

namespace hopfield {

SynapticGaussianNoise::SynapticGaussianNoise(double sigma, Reference reference, bool symmetric)
    : sigma_(sigma), reference_(reference), symmetric_(symmetric) {
  if (!(sigma >= 0.0) || !std::isfinite(sigma)) {
    throw Error("synaptic_gaussian noise: sigma must be a finite number >= 0");
  }
}

double SynapticGaussianNoise::noise_sd(double rms, Eigen::Index n) const {
  switch (reference_) {
    case Reference::rms:
      return sigma_ * rms;
    case Reference::inverse_sqrt_n:
      return sigma_ / std::sqrt(static_cast<double>(std::max<Eigen::Index>(n, 1)));
    case Reference::absolute:
      return sigma_;
  }
  return sigma_;
}

void SynapticGaussianNoise::perturb(Eigen::MatrixXd& w, RandomStream& rng) const {
  const double sd = noise_sd(weight_stats(w).rms, w.rows());
  const Eigen::Index n = w.rows();
  // Row by row over i < j (symmetric) or over every i ≠ j, in a fixed order.
  for (Eigen::Index i = 0; i < n; ++i) {
    for (Eigen::Index j = symmetric_ ? i + 1 : 0; j < n; ++j) {
      if (j == i) continue;
      const double z = sd * rng.normal();
      w(i, j) += z;
      if (symmetric_) w(j, i) += z;
    }
  }
}

void SynapticGaussianNoise::perturb_sparse(SparseWeights& w, RandomStream& rng) const {
  const double sd = noise_sd(weight_stats(w).rms, w.rows());
  // Only stored couplings get noise, so the dilution graph is kept. A symmetric pair (both
  // (i,j) and (j,i) stored) gets one draw, made when (i,j), i < j, is visited.
  auto find = [&w](Eigen::Index row, Eigen::Index col) -> double* {
    const auto* begin = w.innerIndexPtr() + w.outerIndexPtr()[row];
    const auto* end = w.innerIndexPtr() + w.outerIndexPtr()[row + 1];
    const auto* it = std::lower_bound(begin, end, static_cast<int>(col));
    if (it == end || *it != col) return nullptr;
    return w.valuePtr() + (it - w.innerIndexPtr());
  };
  w.makeCompressed();
  for (Eigen::Index i = 0; i < w.outerSize(); ++i) {
    for (SparseWeights::InnerIterator it(w, i); it; ++it) {
      const Eigen::Index j = it.col();
      if (j == i) continue;
      if (symmetric_ && j < i && find(j, i) != nullptr) continue;
      const double z = sd * rng.normal();
      it.valueRef() += z;
      if (symmetric_ && j > i) {
        if (double* mirror = find(j, i)) *mirror += z;
      }
    }
  }
}

config::ModuleDoc SynapticGaussianNoise::doc() {
  using config::ParamSpec;
  return config::ModuleDoc{
      .family = "noise",
      .name = "synaptic_gaussian",
      .help = "additive Gaussian noise on the couplings, sigma relative to the weight scale",
      .params =
          {
              ParamSpec::real("sigma", "0.1",
                              "noise standard deviation, in units of the "
                              "reference scale")
                  .at_least(0),
              ParamSpec::choice("relative_to", "rms", {"rms", "inverse_sqrt_n", "absolute"},
                                "reference scale: rms of the nonzero couplings, 1/sqrt(N), or 1"),
              ParamSpec::boolean("symmetric", "true",
                                 "one draw per pair (w_ij and w_ji get the same noise)"),
          },
      .notes =
          "Acts on the couplings after learning (stage weights), whatever the rule: w_ij → "
          "w_ij + σ·w_ref·z_ij with z_ij standard normal, for every off-diagonal coupling of a "
          "dense W (the diagonal is left as learned) and for every stored coupling of a sparse "
          "(diluted) W, so dilution is preserved. w_ref is the rms of the nonzero off-diagonal "
          "couplings before the noise (`relative_to: rms`, default; √P/N for Hebbian "
          "couplings, so σ = 1 doubles the crosstalk variance of a Hebbian network, the "
          "static synaptic noise of Sompolinsky 1986), 1/√N (`inverse_sqrt_n`, the scale of "
          "SK couplings) or 1 (`absolute`). With `symmetric: true` (default) z_ij = z_ji and "
          "energy descent is kept; with false every coupling gets its own draw and W is "
          "asymmetric.",
  };
}

std::unique_ptr<Noise> SynapticGaussianNoise::make(const config::Params& params) {
  const std::string& ref = params.text("relative_to");
  const Reference reference = ref == "rms"              ? Reference::rms
                              : ref == "inverse_sqrt_n" ? Reference::inverse_sqrt_n
                                                        : Reference::absolute;
  return std::make_unique<SynapticGaussianNoise>(params.real("sigma"), reference,
                                                 params.flag("symmetric"));
}

}  // namespace hopfield
