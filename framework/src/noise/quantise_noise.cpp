#include "quantise_noise.hpp"

#include "hopfield/core/error.hpp"
#include "weight_values.hpp"

#include <cmath>

namespace hopfield {

QuantiseNoise::QuantiseNoise(int bits) : bits_(bits) {
  if (bits < 1 || bits > 24) throw Error("quantise noise: bits must be in [1, 24]");
}

template <class M>
void QuantiseNoise::apply(M& w) const {
  const WeightStats stats = weight_stats(w);
  if (stats.count == 0) return;
  const double levels = std::ldexp(1.0, bits_);
  const double step = 2.0 * stats.max_abs / (levels - 1.0);
  const double top = levels - 1.0;
  for_each_weight(w, [&](double& v) {
    const double index = std::clamp(std::round((v + stats.max_abs) / step), 0.0, top);
    v = -stats.max_abs + index * step;
  });
}

void QuantiseNoise::perturb(Eigen::MatrixXd& w, RandomStream& /*rng*/) const {
  apply(w);
}
void QuantiseNoise::perturb_sparse(SparseWeights& w, RandomStream& /*rng*/) const {
  apply(w);
}

config::ModuleDoc QuantiseNoise::doc() {
  using config::ParamSpec;
  return config::ModuleDoc{
      .family = "noise",
      .name = "quantise",
      .help = "k-bit couplings: each rounded to the nearest of 2^k uniform levels",
      .params =
          {
              ParamSpec::integer("bits", "", "k: number of bits, 2^k levels").range(1, 24),
          },
      .notes =
          "Acts on the couplings after learning (stage weights), whatever the rule. With "
          "w_max = max |w_ij| over the nonzero off-diagonal couplings, the 2^k levels are "
          "−w_max + j·Δ, j = 0 … 2^k − 1, Δ = 2 w_max/(2^k − 1), and every nonzero coupling "
          "is rounded to the nearest level. Zero couplings (the diagonal, removed couplings) "
          "stay 0, so W holds at most 2^k distinct nonzero values. k = 1 gives ±w_max, "
          "clipping with the largest magnitude (see `clip` for the power-preserving scale). "
          "An even number of levels has no level at 0, so small couplings become ±Δ/2.",
  };
}

std::unique_ptr<Noise> QuantiseNoise::make(const config::Params& params) {
  return std::make_unique<QuantiseNoise>(static_cast<int>(params.integer("bits")));
}

}  // namespace hopfield
