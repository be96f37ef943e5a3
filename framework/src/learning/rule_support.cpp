#include "rule_support.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

namespace hopfield {

Eigen::MatrixXd bipolar_patterns(const PatternSet& patterns) {
  // ξ is row-major and the result column-major: converted in blocks of 64 neurons, so that
  // both the reads (rows of ξ) and the writes (columns of the result) stay in cache.
  const Eigen::Index p = patterns.xi.rows();
  const Eigen::Index n = patterns.xi.cols();
  const bool binary = patterns.representation != Representation::bipolar;
  Eigen::MatrixXd x(p, n);
  constexpr Eigen::Index block = 64;
  for (Eigen::Index i0 = 0; i0 < n; i0 += block) {
    const Eigen::Index end = std::min(n, i0 + block);
    for (Eigen::Index mu = 0; mu < p; ++mu) {
      const std::int8_t* row = patterns.xi.row(mu).data();
      for (Eigen::Index i = i0; i < end; ++i) {
        const auto v = static_cast<double>(row[i]);
        x(mu, i) = binary ? 2.0 * v - 1.0 : v;
      }
    }
  }
  return x;
}

Eigen::MatrixXd stabilities(const Eigen::MatrixXd& w, const Eigen::MatrixXd& xi) {
  Eigen::MatrixXd h(xi.rows(), xi.cols());
  h.noalias() = xi * w.transpose();  // h(μ, i) = Σ_j w_ij ξ_j^μ
  const Eigen::RowVectorXd norm = w.rowwise().norm().transpose();
  Eigen::MatrixXd delta = h.cwiseProduct(xi);
  for (Eigen::Index i = 0; i < delta.cols(); ++i) {
    if (norm[i] > 0.0) {
      delta.col(i) /= norm[i];
    } else {
      delta.col(i).setZero();
    }
  }
  return delta;
}

double min_stability(const Eigen::MatrixXd& w, const Eigen::MatrixXd& xi) {
  if (xi.rows() == 0 || xi.cols() == 0) return std::numeric_limits<double>::quiet_NaN();
  return stabilities(w, xi).minCoeff();
}

NeuronEmbedding::NeuronEmbedding(const Eigen::MatrixXd& overlaps, const Eigen::MatrixXd& xi,
                                 Eigen::Index neuron, double c0)
    : overlaps_(overlaps),
      sign_(xi.col(neuron)),
      c_(Eigen::VectorXd::Constant(xi.rows(), c0)),
      u_(Eigen::VectorXd::Zero(xi.rows())) {
  if (c0 != 0.0) {
    // k = diag(σ) C diag(σ) − 1 1ᵀ, so k c = σ ∘ (C (σ ∘ c)) − (Σ c) 1.
    const Eigen::VectorXd sc = sign_.cwiseProduct(c_);
    u_ = sign_.cwiseProduct(overlaps_ * sc).array() - c_.sum();
    q_ = c_.dot(u_);
  }
}

void NeuronEmbedding::add(Eigen::Index nu, double a) {
  // Row ν of k: k_νμ = σ_ν σ_μ C_νμ − 1 (C is symmetric, so its column ν is its row ν).
  const Eigen::VectorXd row = (sign_[nu] * sign_.cwiseProduct(overlaps_.col(nu))).array() - 1.0;
  q_ += 2.0 * a * u_[nu] + a * a * row[nu];
  u_ += a * row;
  c_[nu] += a;
}

Eigen::Index NeuronEmbedding::weakest(double& delta) const {
  Eigen::Index mu = 0;
  const double u = u_.minCoeff(&mu);
  delta = q_ > 0.0 ? u / std::sqrt(q_) : 0.0;
  return mu;
}

Eigen::MatrixXd embedding_matrix(const Eigen::MatrixXd& strengths, const Eigen::MatrixXd& xi) {
  const Eigen::MatrixXd a = strengths.cwiseProduct(xi);  // a(ν, i) = c_ν^i ξ_i^ν
  Eigen::MatrixXd m(xi.cols(), xi.cols());
  m.noalias() = a.transpose() * xi;
  m.diagonal().setZero();
  return m;
}

bool all_integer(const Eigen::MatrixXd& m) {
  return (m.array() == m.array().round()).all();
}

Eigen::MatrixXd symmetric_gram(const Eigen::MatrixXd& x) {
  Eigen::MatrixXd m = Eigen::MatrixXd::Zero(x.cols(), x.cols());
  m.selfadjointView<Eigen::Lower>().rankUpdate(x.transpose());
  mirror_lower(m);
  return m;
}

namespace {

template <class Matrix>
void mirror_lower_impl(Matrix& m) {
  // 64 × 64 tiles: the reads run down columns and the writes along rows of each tile.
  constexpr Eigen::Index tile = 64;
  const Eigen::Index n = m.rows();
  for (Eigen::Index j0 = 0; j0 < n; j0 += tile)
    for (Eigen::Index i0 = j0; i0 < n; i0 += tile)
      for (Eigen::Index j = j0; j < std::min(n, j0 + tile); ++j)
        for (Eigen::Index i = std::max(i0, j + 1); i < std::min(n, i0 + tile); ++i)
          m(j, i) = m(i, j);
}

}  // namespace

void mirror_lower(Eigen::MatrixXd& m) {
  mirror_lower_impl(m);
}
void mirror_lower(Eigen::MatrixXf& m) {
  mirror_lower_impl(m);
}

}  // namespace hopfield
