#include "hebbian.hpp"

#include "hopfield/core/error.hpp"
#include "hopfield/core/integer_couplings.hpp"
#include "hopfield/core/kernels.hpp"
#include "hopfield/core/matrix_free_couplings.hpp"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>

namespace hopfield {

namespace {

/// Bit i·μ set where the bipolar image of ξ_i^μ is −1 (binary patterns: 0 ↦ −1).
kernels::BitRows neuron_bits(const PatternSet& patterns) {
  return MatrixFreeHebbianCouplings::negative_by_neuron(patterns.xi);
}

std::int32_t diagonal_value(const PatternSet& patterns, bool keep_diagonal) {
  return keep_diagonal ? static_cast<std::int32_t>(patterns.count()) : 0;
}

}  // namespace

Eigen::MatrixXd hebbian_matrix(const PatternSet& patterns, bool keep_diagonal, int threads) {
  const Eigen::Index n = patterns.neurons();
  Eigen::MatrixXd m(n, n);
  const auto p = static_cast<std::int32_t>(patterns.count());
  kernels::gram(neuron_bits(patterns), p, diagonal_value(patterns, keep_diagonal), m.data(), n,
                threads);
  return m;
}

LearningResult HebbianRule::learn(const PatternSet& patterns, const LearningContext& context,
                                  RandomStream& /*rng*/) const {
  const auto divisor = scale_ == Scale::neurons ? patterns.neurons() : patterns.count();
  const double scale = 1.0 / static_cast<double>(std::max<Eigen::Index>(divisor, 1));
  const Eigen::Index n = patterns.neurons();
  const auto p = static_cast<std::int32_t>(patterns.count());
  const std::int32_t diagonal = diagonal_value(patterns, context.self_coupling);
  const bool zero_diagonal = diagonal == 0;
  LearningResult result;
  switch (context.storage) {
    case StorageKind::matrix_free:
      result.couplings =
          std::make_unique<MatrixFreeHebbianCouplings>(patterns.xi, scale, context.self_coupling);
      return result;
    case StorageKind::integer: {
      if (patterns.count() > max_integer_patterns)
        throw InputError("integer couplings hold at most 32767 patterns (int16), got " +
                         std::to_string(patterns.count()));
      // The factor (2·N·P bits) gives the fields of a new state in O(N·P) instead of O(N²);
      // worth keeping while P is not much above N. Its neuron-major bits are also what M is
      // computed from.
      std::shared_ptr<const MatrixFreeHebbianCouplings> factor;
      if (patterns.count() <= 2 * n)
        factor = std::make_shared<const MatrixFreeHebbianCouplings>(patterns.xi, scale,
                                                                    context.self_coupling);
      const kernels::BitRows own_bits = factor ? kernels::BitRows{} : neuron_bits(patterns);
      const kernels::BitRows& bits = factor ? factor->by_neuron() : own_bits;
      auto fill = [&](auto* rows, std::ptrdiff_t ld) {
        kernels::gram(bits, p, diagonal, rows, ld, context.threads);
      };
      auto make = [&](auto tag) {
        using T = decltype(tag);
        auto c = std::make_unique<IntegerCouplings<T>>(n, scale, zero_diagonal, fill);
        c->attach_factor(factor);
        result.couplings = std::move(c);
      };
      if (patterns.count() <= 127)
        make(std::int8_t{});
      else
        make(std::int16_t{});
      return result;
    }
    case StorageKind::dense:
    case StorageKind::sparse:
      break;
  }
  // Dense: the integers P − 2·popcount are written straight into the storage precision.
  const kernels::BitRows bits = neuron_bits(patterns);
  if (context.precision == Precision::float64) {
    Eigen::MatrixXd m(n, n);
    kernels::gram(bits, p, diagonal, m.data(), n, context.threads);
    result.couplings =
        std::make_unique<DenseCouplings<double>>(std::move(m), scale, true, true, zero_diagonal);
    return result;
  }
  Eigen::MatrixXf m(n, n);
  kernels::gram(bits, p, diagonal, m.data(), n, context.threads);
  const bool exact = exact_in_float32(m);
  result.couplings =
      std::make_unique<DenseCouplings<float>>(std::move(m), scale, exact, true, zero_diagonal);
  return result;
}

config::ModuleDoc HebbianRule::doc() {
  using config::ParamSpec;
  return config::ModuleDoc{
      .family = "learning",
      .name = "hebbian",
      .help = "Hebbian outer-product rule W = (1/N) sum_mu xi xi^T (Hopfield 1982)",
      .params =
          {
              ParamSpec::choice("scale", "neurons", {"neurons", "patterns"},
                                "divide the outer-product sum by N (neurons) or by P (patterns)"),
          },
      .notes =
          "W = (1/N) Σ_μ ξ^μ ξ^μᵀ with w_ii = 0 (kept only with `network.self_coupling`), "
          "Hopfield 1982 Eq. 2. Binary patterns enter as their bipolar images 2ξ − 1. The "
          "integer matrix M = Σ_μ ξ^μ ξ^μᵀ is stored with the scale 1/N, so raw fields M·s "
          "are exact integers and ties (h exactly θ) are detected exactly. `scale: patterns` "
          "divides by P instead of N, as a widely copied tutorial does; fields are then "
          "O(1/α) times larger, so a temperature or a threshold does not mean the same thing as "
          "with the default. With no patterns W = 0.\n\n"
          "M is computed on the bit-packed patterns as M_ij = P − 2·popcount(x_i ⊕ x_j) (row by "
          "row; AVX-512 VPOPCNTDQ where the CPU has it), exact for every storage: "
          "`network.storage: dense` writes float32/float64, `integer` int16 (int8 for P ≤ 127), "
          "and `matrix_free` keeps only the bit-packed patterns (fields from the overlaps, O(P) "
          "each). `integer` couplings also keep the bit-packed patterns (for P ≤ 2N), so the "
          "fields of a whole new state — the start of an asynchronous run, every synchronous "
          "step — are Ξᵀ(Ξs) − P·s in O(N·P) instead of a pass over the N² entries; the same "
          "integers.",
  };
}

std::unique_ptr<LearningRule> HebbianRule::make(const config::Params& params) {
  const auto scale = params.text("scale") == "patterns" ? Scale::patterns : Scale::neurons;
  return std::make_unique<HebbianRule>(scale);
}

}  // namespace hopfield
