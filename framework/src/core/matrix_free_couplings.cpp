// Matrix-free Hebbian couplings; see hopfield/core/matrix_free_couplings.hpp. Every sum is of
// ±1 products, so fields and entries are exact integers in double.
#include "hopfield/core/matrix_free_couplings.hpp"

#include <utility>

namespace hopfield {

MatrixFreeHebbianCouplings::MatrixFreeHebbianCouplings(Eigen::MatrixXf xi, double scale,
                                                       bool keep_diagonal)
    : xi_(xi.cast<double>()), scale_(scale), keep_diagonal_(keep_diagonal) {}

void MatrixFreeHebbianCouplings::raw_fields(const Eigen::VectorXf& s, Eigen::VectorXd& g) const {
  const Eigen::VectorXd sd = s.cast<double>();
  const Eigen::VectorXd m = xi_ * sd;
  g.noalias() = xi_.transpose() * m;
  if (!keep_diagonal_) g -= static_cast<double>(xi_.rows()) * sd;
}

void MatrixFreeHebbianCouplings::raw_fields_batch(const Eigen::MatrixXf& s,
                                                  Eigen::MatrixXd& g) const {
  const Eigen::MatrixXd sd = s.cast<double>();
  const Eigen::MatrixXd m = xi_ * sd;
  g.noalias() = xi_.transpose() * m;
  if (!keep_diagonal_) g -= static_cast<double>(xi_.rows()) * sd;
}

void MatrixFreeHebbianCouplings::add_column(Eigen::Index k, double delta,
                                            Eigen::VectorXd& g) const {
  g.noalias() += delta * (xi_.transpose() * xi_.col(k));
  if (!keep_diagonal_) g(k) -= delta * static_cast<double>(xi_.rows());
}

double MatrixFreeHebbianCouplings::raw(Eigen::Index i, Eigen::Index j) const {
  if (i == j && !keep_diagonal_) return 0.0;
  return xi_.col(i).dot(xi_.col(j));
}

Eigen::MatrixXd MatrixFreeHebbianCouplings::dense() const {
  Eigen::MatrixXd m = xi_.transpose() * xi_;
  if (!keep_diagonal_) m.diagonal().setZero();
  return scale_ * m;
}

}  // namespace hopfield
