// Field engines: the raw fields g = M·s of one state, kept up to date under single-neuron flips,
// one engine per coupling storage. The discrete dynamics are templates over the engine, so the
// loop over neurons makes no virtual call and allocates nothing (every buffer is sized once per
// run). All engines give the same exact numbers for integer-valued couplings.
//
//   reset(s)            fields of s from scratch
//   field(i, s)         raw field g_i of the current state s
//   flip(k, before, after)  neuron k changed from `before` to `after`
//   quadratic(s)        sᵀ g (exact for integer couplings)
#pragma once

#include "hopfield/core/couplings.hpp"
#include "hopfield/core/integer_couplings.hpp"
#include "hopfield/core/kernels.hpp"
#include "hopfield/core/matrix_free_couplings.hpp"
#include "hopfield/core/state.hpp"

#include <Eigen/Core>

#include <cstdint>

namespace hopfield::detail {

/// Any storage, through the Couplings interface (e.g. sparse).
class GenericFields {
 public:
  GenericFields(const Couplings& c, Eigen::Index n) : c_(c) { g_.resize(n); }
  void reset(const State& s) { c_.raw_fields(s, g_); }
  [[nodiscard]] double field(Eigen::Index i, const State& /*s*/) const { return g_[i]; }
  void flip(Eigen::Index k, float before, float after) {
    c_.add_column(k, static_cast<double>(after) - static_cast<double>(before), g_);
  }
  [[nodiscard]] double quadratic(const State& s) const {
    double q = 0.0;
    for (Eigen::Index i = 0; i < s.size(); ++i) q += static_cast<double>(s[i]) * g_[i];
    return q;
  }

 private:
  const Couplings& c_;
  Eigen::VectorXd g_;
};

/// Dense float32/float64: one GEMV per reset, one column per flip, fields kept in float64.
template <class Scalar>
class DenseFields {
 public:
  DenseFields(const DenseCouplings<Scalar>& c, Eigen::Index n) : m_(c.matrix()) {
    g_.resize(n);
    product_.resize(n);
    state_.resize(n);
  }
  void reset(const State& s) {
    state_ = s.template cast<Scalar>();
    product_.noalias() = m_ * state_;
    g_ = product_.template cast<double>();
  }
  [[nodiscard]] double field(Eigen::Index i, const State& /*s*/) const { return g_[i]; }
  void flip(Eigen::Index k, float before, float after) {
    const double delta = static_cast<double>(after) - static_cast<double>(before);
    g_ += delta * m_.col(k).template cast<double>();
  }
  [[nodiscard]] double quadratic(const State& s) const {
    double q = 0.0;
    for (Eigen::Index i = 0; i < s.size(); ++i) q += static_cast<double>(s[i]) * g_[i];
    return q;
  }

 private:
  using Vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;
  const typename DenseCouplings<Scalar>::Matrix& m_;
  Eigen::VectorXd g_;
  Vector product_;
  Vector state_;
};

/// Integer storage: exact int32 fields; a flip adds one int16/int8 row (= column). With a factor
/// (Hebbian M = ΞᵀΞ), a reset takes the fields from the P overlaps of the new state instead of
/// reading M: the same integers in O(N·P).
template <class T>
class IntegerFields {
 public:
  IntegerFields(const IntegerCouplings<T>& c, Eigen::Index n)
      : c_(c),
        factor_(c.factor()),
        s16_(static_cast<std::size_t>(c.ld()), 0),
        g_(static_cast<std::size_t>(kernels::round_up(std::max<Eigen::Index>(n, 1), 16)), 0) {
    if (factor_ != nullptr)
      m_.assign(static_cast<std::size_t>(
                    kernels::round_up(std::max<Eigen::Index>(factor_->patterns(), 1), 16)),
                0);
  }
  void reset(const State& s) {
    if (factor_ != nullptr) {
      factor_->fields(s, m_.data(), scratch_, g_.data());
      return;
    }
    for (Eigen::Index i = 0; i < s.size(); ++i)
      s16_[static_cast<std::size_t>(i)] = static_cast<std::int16_t>(s[i]);
    c_.fields(s16_.data(), g_.data());
  }
  [[nodiscard]] double field(Eigen::Index i, const State& /*s*/) const {
    return static_cast<double>(g_[static_cast<std::size_t>(i)]);
  }
  void flip(Eigen::Index k, float before, float after) {
    c_.add_row(k, static_cast<std::int32_t>(after - before), g_.data());
  }
  [[nodiscard]] double quadratic(const State& s) const {
    std::int64_t q = 0;
    for (Eigen::Index i = 0; i < s.size(); ++i)
      q += static_cast<std::int64_t>(s[i]) * g_[static_cast<std::size_t>(i)];
    return static_cast<double>(q);
  }

 private:
  const IntegerCouplings<T>& c_;
  const MatrixFreeHebbianCouplings* factor_;
  kernels::AlignedVector<std::int16_t> s16_;
  kernels::AlignedVector<std::int32_t> g_;
  kernels::AlignedVector<std::int32_t> m_;
  MatrixFreeHebbianCouplings::Scratch scratch_;
};

/// Matrix-free Hebbian: the P overlaps m_μ = Σ_i ξ_i^μ s_i are kept instead of the N fields; a
/// field is a masked sum over them (O(P)) and a flip updates them (O(P)).
class MatrixFreeFields {
 public:
  MatrixFreeFields(const MatrixFreeHebbianCouplings& c, Eigen::Index /*n*/)
      : c_(c),
        p_(c.patterns()),
        m_(static_cast<std::size_t>(kernels::round_up(std::max<Eigen::Index>(p_, 1), 16)), 0) {}
  void reset(const State& s) {
    c_.overlaps(s, m_.data(), scratch_);
    total_ = c_.overlap_total(m_.data());
    squares_ = 0;
    for (Eigen::Index i = 0; i < s.size(); ++i) squares_ += s[i] != 0.0F ? 1 : 0;
  }
  [[nodiscard]] double field(Eigen::Index i, const State& s) const {
    return static_cast<double>(c_.field(i, m_.data(), total_, s[i]));
  }
  void flip(Eigen::Index k, float before, float after) {
    const auto delta = static_cast<std::int32_t>(after - before);
    kernels::signed_update(m_.data(), c_.by_neuron().row(k), p_, delta);
    total_ += static_cast<std::int64_t>(delta) * c_.column_sum(k);
    squares_ += (after != 0.0F ? 1 : 0) - (before != 0.0F ? 1 : 0);
  }
  [[nodiscard]] double quadratic(const State& /*s*/) const {
    // sᵀMs = Σ_μ m_μ² − P·Σ_i s_i² (the diagonal removed), exact in int64.
    std::int64_t q = 0;
    for (Eigen::Index mu = 0; mu < p_; ++mu) {
      const std::int64_t m = m_[static_cast<std::size_t>(mu)];
      q += m * m;
    }
    if (!c_.keep_diagonal()) q -= static_cast<std::int64_t>(p_) * squares_;
    return static_cast<double>(q);
  }

 private:
  const MatrixFreeHebbianCouplings& c_;
  Eigen::Index p_;
  kernels::AlignedVector<std::int32_t> m_;
  MatrixFreeHebbianCouplings::Scratch scratch_;
  std::int64_t total_ = 0;
  std::int64_t squares_ = 0;
};

/// Calls f(engine) with the engine for the network's storage.
template <class F>
decltype(auto) with_fields(const Couplings& couplings, Eigen::Index n, F&& f) {
  if (const auto* c = dynamic_cast<const DenseCouplings<float>*>(&couplings)) {
    DenseFields<float> e(*c, n);
    return f(e);
  }
  if (const auto* c = dynamic_cast<const DenseCouplings<double>*>(&couplings)) {
    DenseFields<double> e(*c, n);
    return f(e);
  }
  if (const auto* c = dynamic_cast<const IntegerCouplings<std::int16_t>*>(&couplings)) {
    IntegerFields<std::int16_t> e(*c, n);
    return f(e);
  }
  if (const auto* c = dynamic_cast<const IntegerCouplings<std::int8_t>*>(&couplings)) {
    IntegerFields<std::int8_t> e(*c, n);
    return f(e);
  }
  if (const auto* c = dynamic_cast<const MatrixFreeHebbianCouplings*>(&couplings)) {
    MatrixFreeFields e(*c, n);
    return f(e);
  }
  GenericFields e(couplings, n);
  return f(e);
}

}  // namespace hopfield::detail
