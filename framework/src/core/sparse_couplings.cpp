// Sparse (diluted) coupling storage; see hopfield/core/sparse_couplings.hpp.
#include "hopfield/core/sparse_couplings.hpp"

#include "hopfield/core/error.hpp"

#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

namespace hopfield {

SparseCouplings::SparseCouplings(Matrix m, double scale, bool integer_valued)
    : m_(std::move(m)), scale_(scale), integer_valued_(integer_valued) {
  if (m_.rows() != m_.cols()) {
    throw InputError("couplings must be square, got " + std::to_string(m_.rows()) + "×" +
                     std::to_string(m_.cols()));
  }
  m_.makeCompressed();
  columns_ = m_;
  columns_.makeCompressed();
  // Exact: equal floats subtract to exactly 0, and no entry is NaN.
  const Matrix transposed = m_.transpose();
  symmetric_ = (m_ - transposed).squaredNorm() == 0.0F;
  zero_diagonal_ = true;
  for (Eigen::Index i = 0; i < m_.outerSize() && zero_diagonal_; ++i) {
    for (Matrix::InnerIterator it(m_, i); it; ++it) {
      if (it.col() == i && it.value() != 0.0F) {
        zero_diagonal_ = false;
        break;
      }
    }
  }
}

void SparseCouplings::raw_fields(const Eigen::VectorXf& s, Eigen::VectorXd& g) const {
  g = (m_ * s).cast<double>();
}

void SparseCouplings::raw_fields_batch(const Eigen::MatrixXf& s, Eigen::MatrixXd& g) const {
  g = (m_ * s).cast<double>();
}

void SparseCouplings::add_column(Eigen::Index k, double delta, Eigen::VectorXd& g) const {
  for (Eigen::SparseMatrix<float, Eigen::ColMajor>::InnerIterator it(columns_, k); it; ++it) {
    g(it.row()) += delta * static_cast<double>(it.value());
  }
}

Eigen::MatrixXd SparseCouplings::dense() const {
  return scale_ * Eigen::MatrixXd(m_.cast<double>());
}

SparseWeights SparseCouplings::weights() const {
  SparseWeights w = m_.cast<double>();
  w *= scale_;
  return w;
}

std::unique_ptr<Couplings> make_sparse_couplings(const SparseWeights& m, double scale,
                                                 bool integer_valued) {
  if (!std::isfinite(scale)) throw NumericalError("coupling scale is not finite");
  double max_row = 0.0;
  for (Eigen::Index i = 0; i < m.outerSize(); ++i) {
    double row = 0.0;
    for (SparseWeights::InnerIterator it(m, i); it; ++it) {
      if (!std::isfinite(it.value())) throw NumericalError("couplings contain NaN or Inf");
      if (integer_valued && it.value() != std::round(it.value())) {
        throw std::invalid_argument("couplings declared integer-valued have non-integer entries");
      }
      row += std::abs(it.value());
    }
    max_row = std::max(max_row, row);
  }
  const bool exact = integer_valued && max_row < exact_integer_limit(Precision::float32);
  return std::make_unique<SparseCouplings>(m.cast<float>(), scale, exact);
}

}  // namespace hopfield
