// Integer couplings; see hopfield/core/integer_couplings.hpp.
#include "hopfield/core/integer_couplings.hpp"

#include "hopfield/core/error.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>

namespace hopfield {

namespace {

/// int16 copy of a state padded to ld (entries −1, 0, 1; anything else is not a state).
void to_int16(const Eigen::VectorXf& s, std::ptrdiff_t ld,
              kernels::AlignedVector<std::int16_t>& out) {
  out.assign(static_cast<std::size_t>(ld), 0);
  for (Eigen::Index j = 0; j < s.size(); ++j) {
    const float v = s[j];
    if (v != 0.0F && v != 1.0F && v != -1.0F)
      throw InputError("integer couplings: state value " + std::to_string(v) +
                       " is not −1, 0 or 1");
    out[static_cast<std::size_t>(j)] = static_cast<std::int16_t>(v);
  }
}

}  // namespace

template <class T>
IntegerCouplings<T>::IntegerCouplings(Eigen::Index n, double scale, bool zero_diagonal,
                                      const Fill& fill)
    : n_(n),
      ld_(kernels::round_up(std::max<Eigen::Index>(n, 1), 64)),
      scale_(scale),
      zero_diagonal_(zero_diagonal) {
  // Exact int32 fields need n · max|M| < 2³¹ (and the pairwise sums of the kernels).
  static_assert(
      65535LL * std::numeric_limits<std::int16_t>::max() < std::numeric_limits<std::int32_t>::max(),
      "int32 fields of 65535 int16 couplings cannot overflow");
  if (n > 65535) {
    throw InputError("integer couplings hold at most 65535 neurons (int32 fields), got " +
                     std::to_string(n));
  }
  // fill writes every entry of the n × n matrix; only the padding is zeroed here.
  m_ = kernels::AlignedBuffer<T>(static_cast<std::size_t>(n_ * ld_));
  fill(m_.data(), ld_);
  for (Eigen::Index i = 0; i < n_; ++i)
    std::fill(m_.data() + i * ld_ + n_, m_.data() + (i + 1) * ld_, T{0});
}

template <class T>
void IntegerCouplings<T>::attach_factor(std::shared_ptr<const MatrixFreeHebbianCouplings> factor) {
  if (factor != nullptr && (factor->size() != n_ || factor->zero_diagonal() != zero_diagonal_))
    throw InputError("integer couplings: the attached factor does not describe this matrix");
  factor_ = std::move(factor);
}

template <class T>
void IntegerCouplings<T>::raw_fields(const Eigen::VectorXf& s, Eigen::VectorXd& g) const {
  if (factor_ != nullptr) {
    factor_->raw_fields(s, g);
    return;
  }
  kernels::AlignedVector<std::int16_t> s16;
  to_int16(s, ld_, s16);
  kernels::AlignedVector<std::int32_t> g32(static_cast<std::size_t>(n_));
  fields(s16.data(), g32.data());
  g.resize(n_);
  for (Eigen::Index i = 0; i < n_; ++i) g[i] = g32[static_cast<std::size_t>(i)];
}

template <class T>
void IntegerCouplings<T>::raw_fields_batch(const Eigen::MatrixXf& s, Eigen::MatrixXd& g) const {
  kernels::PackedBatch packed;
  pack_batch(s, ld_, packed);
  kernels::AlignedVector<std::int32_t> g32(static_cast<std::size_t>(n_ * packed.cols));
  fields_batch(packed, g32.data(), 1);
  g.resize(n_, s.cols());
  for (Eigen::Index b = 0; b < s.cols(); ++b)
    for (Eigen::Index i = 0; i < n_; ++i)
      g(i, b) = g32[static_cast<std::size_t>(i * packed.cols + b)];
}

template <class T>
void IntegerCouplings<T>::add_column(Eigen::Index k, double delta, Eigen::VectorXd& g) const {
  const T* r = row(k);
  for (Eigen::Index i = 0; i < n_; ++i) g[i] += delta * static_cast<double>(r[i]);
}

template <class T>
Eigen::MatrixXd IntegerCouplings<T>::dense() const {
  Eigen::MatrixXd w(n_, n_);
  for (Eigen::Index j = 0; j < n_; ++j) {
    const T* r = row(j);  // column j = row j
    for (Eigen::Index i = 0; i < n_; ++i) w(i, j) = scale_ * static_cast<double>(r[i]);
  }
  return w;
}

template class IntegerCouplings<std::int8_t>;
template class IntegerCouplings<std::int16_t>;

void pack_batch(const Eigen::MatrixXf& s, std::ptrdiff_t ld, kernels::PackedBatch& out) {
  const Eigen::Index n = s.rows();
  const std::ptrdiff_t cols = kernels::round_up(std::max<Eigen::Index>(s.cols(), 1), 16);
  out.rows = kernels::round_up(std::max<std::ptrdiff_t>(ld, 2), 2) / 2;
  out.cols = cols;
  out.pairs.assign(static_cast<std::size_t>(out.rows * cols), 0);
  for (Eigen::Index b = 0; b < s.cols(); ++b) {
    for (Eigen::Index j = 0; j < n; ++j) {
      const float v = s(j, b);
      if (v != 0.0F && v != 1.0F && v != -1.0F)
        throw InputError("integer couplings: state value " + std::to_string(v) +
                         " is not −1, 0 or 1");
      const auto bits =
          static_cast<std::uint32_t>(static_cast<std::uint16_t>(static_cast<std::int16_t>(v)));
      auto& word = out.pairs[static_cast<std::size_t>((j / 2) * cols + b)];
      word = static_cast<std::int32_t>(static_cast<std::uint32_t>(word) |
                                       (j % 2 == 0 ? bits : bits << 16U));
    }
  }
}

std::unique_ptr<Couplings> make_integer_couplings(const Eigen::MatrixXd& m, double scale) {
  if (m.rows() != m.cols())
    throw InputError("integer couplings must be square, got " + std::to_string(m.rows()) + "×" +
                     std::to_string(m.cols()));
  const Eigen::Index n = m.rows();
  double largest = 0.0;
  for (Eigen::Index j = 0; j < n; ++j) {
    for (Eigen::Index i = 0; i < n; ++i) {
      const double v = m(i, j);
      if (v != std::round(v)) throw InputError("integer couplings: entry is not an integer");
      if (v != m(j, i)) throw InputError("integer couplings must be symmetric");
      largest = std::max(largest, std::abs(v));
    }
  }
  if (largest > std::numeric_limits<std::int16_t>::max())
    throw InputError("integer couplings: |M_ij| = " + std::to_string(largest) +
                     " exceeds the int16 range");
  const bool zero_diagonal = n == 0 || (m.diagonal().array() == 0.0).all();
  auto fill = [&m, n](auto* rows, std::ptrdiff_t ld) {
    using V = std::remove_pointer_t<decltype(rows)>;
    for (Eigen::Index i = 0; i < n; ++i)
      for (Eigen::Index j = 0; j < n; ++j) rows[i * ld + j] = static_cast<V>(m(i, j));
  };
  if (largest <= std::numeric_limits<std::int8_t>::max())
    return std::make_unique<IntegerCouplings<std::int8_t>>(n, scale, zero_diagonal, fill);
  return std::make_unique<IntegerCouplings<std::int16_t>>(n, scale, zero_diagonal, fill);
}

}  // namespace hopfield
