// Matrix-free Hebbian couplings; see hopfield/core/matrix_free_couplings.hpp. Every number is
// an exact integer: overlaps are popcounts and fields masked integer sums.
#include "hopfield/core/matrix_free_couplings.hpp"

#include "hopfield/core/error.hpp"

#include <algorithm>
#include <bit>
#include <string>

namespace hopfield {

MatrixFreeHebbianCouplings::MatrixFreeHebbianCouplings(const Values& xi, double scale,
                                                       bool keep_diagonal)
    : scale_(scale), keep_diagonal_(keep_diagonal) {
  pack(xi);
}

MatrixFreeHebbianCouplings::MatrixFreeHebbianCouplings(const Eigen::MatrixXf& xi, double scale,
                                                       bool keep_diagonal)
    : scale_(scale), keep_diagonal_(keep_diagonal) {
  pack(xi.unaryExpr([](float v) { return static_cast<std::int8_t>(v > 0.0F ? 1 : -1); }));
}

kernels::BitRows MatrixFreeHebbianCouplings::negative_by_pattern(const Values& xi) {
  const Eigen::Index p = xi.rows();
  const Eigen::Index n = xi.cols();
  kernels::BitRows bits(p, n);
  for (Eigen::Index mu = 0; mu < p; ++mu) {
    const std::int8_t* row = xi.row(mu).data();
    std::uint64_t* out = bits.row(mu);
    Eigen::Index i0 = 0;
    for (; i0 + 64 <= n; i0 += 64) {  // fixed trip count: vectorised (a compare and a mask)
      std::uint64_t word = 0;
      for (unsigned b = 0; b < 64; ++b) word |= static_cast<std::uint64_t>(row[i0 + b] <= 0) << b;
      out[i0 / 64] = word;
    }
    std::uint64_t word = 0;
    for (Eigen::Index b = 0; i0 + b < n; ++b)
      word |= static_cast<std::uint64_t>(row[i0 + b] <= 0) << static_cast<unsigned>(b);
    if (i0 < n) out[i0 / 64] = word;
  }
  return bits;
}

kernels::BitRows MatrixFreeHebbianCouplings::negative_by_neuron(const Values& xi) {
  return kernels::transpose(negative_by_pattern(xi));
}

void MatrixFreeHebbianCouplings::pack(const Values& xi) {
  p_ = xi.rows();
  n_ = xi.cols();
  by_pattern_ = negative_by_pattern(xi);
  by_neuron_ = kernels::transpose(by_pattern_);
  pattern_negatives_.resize(static_cast<std::size_t>(p_));
  for (Eigen::Index mu = 0; mu < p_; ++mu)
    pattern_negatives_[static_cast<std::size_t>(mu)] =
        static_cast<std::int32_t>(kernels::popcount_row(by_pattern_.row(mu), by_pattern_.stride()));
  column_sum_.resize(static_cast<std::size_t>(n_));
  for (Eigen::Index i = 0; i < n_; ++i)
    column_sum_[static_cast<std::size_t>(i)] = static_cast<std::int32_t>(
        p_ - 2 * kernels::popcount_row(by_neuron_.row(i), by_neuron_.stride()));
}

void MatrixFreeHebbianCouplings::overlaps(const Eigen::VectorXf& s, std::int32_t* m,
                                          Scratch& scratch) const {
  const auto words = static_cast<std::size_t>(by_pattern_.stride());
  auto& on = scratch.on;
  auto& off = scratch.off;
  on.assign(words, 0);
  off.assign(words, 0);
  std::int32_t n_on = 0;
  std::int32_t n_off = 0;
  for (Eigen::Index i = 0; i < n_; ++i) {
    const float v = s[i];
    const auto bit = std::uint64_t{1} << static_cast<unsigned>(i % 64);
    if (v == 1.0F) {
      on[static_cast<std::size_t>(i / 64)] |= bit;
      ++n_on;
    } else if (v == -1.0F) {
      off[static_cast<std::size_t>(i / 64)] |= bit;
      ++n_off;
    } else if (v != 0.0F) {
      throw InputError("matrix-free couplings: state value " + std::to_string(v) +
                       " is not −1, 0 or 1");
    }
  }
  const std::ptrdiff_t padded = kernels::round_up(std::max<Eigen::Index>(p_, 1), 16);
  for (std::ptrdiff_t mu = p_; mu < padded; ++mu) m[mu] = 0;
  // Σ_{i on} ξ_i = n_on − 2·#(on ∧ ξ = −1); Σ_{i off} ξ_i likewise.
  kernels::and_popcounts(by_pattern_, on.data(), m);
  if (n_off == 0) {
    for (Eigen::Index mu = 0; mu < p_; ++mu) m[mu] = n_on - 2 * m[mu];
    return;
  }
  std::int32_t* negative_off = m;  // where the counts of −1 entries under `off` come from
  if (n_on + n_off != n_) {
    scratch.count.resize(static_cast<std::size_t>(p_));
    kernels::and_popcounts(by_pattern_, off.data(), scratch.count.data());
    negative_off = scratch.count.data();
  }
  for (Eigen::Index mu = 0; mu < p_; ++mu) {
    const std::int32_t on_negative = m[mu];
    // Without zeros, `off` is the complement of `on`: its −1 entries are the rest of the row's.
    const std::int32_t off_negative =
        negative_off == m ? pattern_negatives_[static_cast<std::size_t>(mu)] - on_negative
                          : negative_off[mu];
    m[mu] = (n_on - 2 * on_negative) - (n_off - 2 * off_negative);
  }
}

void MatrixFreeHebbianCouplings::raw_fields(const Eigen::VectorXf& s, Eigen::VectorXd& g) const {
  if (s.size() != n_)
    throw InputError("matrix-free couplings: state has " + std::to_string(s.size()) +
                     " neurons, network has " + std::to_string(n_));
  kernels::AlignedVector<std::int32_t> m(
      static_cast<std::size_t>(kernels::round_up(std::max<Eigen::Index>(p_, 1), 16)));
  Scratch scratch;
  g.resize(n_);
  fields(s, m.data(), scratch, g.data());
}

void MatrixFreeHebbianCouplings::raw_fields_batch(const Eigen::MatrixXf& s,
                                                  Eigen::MatrixXd& g) const {
  g.resize(n_, s.cols());
  Eigen::VectorXd column;
  for (Eigen::Index b = 0; b < s.cols(); ++b) {
    raw_fields(s.col(b), column);
    g.col(b) = column;
  }
}

void MatrixFreeHebbianCouplings::add_column(Eigen::Index k, double delta,
                                            Eigen::VectorXd& g) const {
  for (Eigen::Index i = 0; i < n_; ++i) g[i] += delta * raw(i, k);
}

double MatrixFreeHebbianCouplings::raw(Eigen::Index i, Eigen::Index j) const {
  if (i == j && !keep_diagonal_) return 0.0;
  const std::uint64_t* a = by_neuron_.row(i);
  const std::uint64_t* b = by_neuron_.row(j);
  std::int64_t differ = 0;
  for (std::ptrdiff_t w = 0; w < by_neuron_.stride(); ++w) differ += std::popcount(a[w] ^ b[w]);
  return static_cast<double>(p_ - 2 * differ);
}

Eigen::MatrixXd MatrixFreeHebbianCouplings::dense() const {
  Eigen::MatrixXd m(n_, n_);
  const auto p = static_cast<std::int32_t>(p_);
  kernels::gram(by_neuron_, p, keep_diagonal_ ? p : 0, m.data(), n_, 1);
  return scale_ * m;
}

}  // namespace hopfield
