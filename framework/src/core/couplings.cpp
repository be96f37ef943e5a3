// Dense storage of the couplings in float32 or float64 (DESIGN.md §3). Fields are computed in the
// storage precision and widened to float64; for integer-valued M (|entries|·N < 2²⁴ in float32)
// the products are exact, so ties are detected exactly.
#include "hopfield/core/couplings.hpp"

#include "hopfield/core/kernels.hpp"

#include "hopfield/core/error.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>

namespace hopfield {

std::string_view to_string(StorageKind kind) {
  switch (kind) {
    case StorageKind::dense:
      return "dense";
    case StorageKind::integer:
      return "integer";
    case StorageKind::matrix_free:
      return "matrix_free";
    case StorageKind::sparse:
      return "sparse";
  }
  return "unknown";
}

bool exact_in_float32(const Eigen::MatrixXf& m) {
  // Columns are contiguous; for the symmetric matrices this is used on, column sums are row
  // sums, but rows are checked exactly for any matrix.
  if (m.rows() == 0) return true;
  Eigen::VectorXd sums = Eigen::VectorXd::Zero(m.rows());
  for (Eigen::Index j = 0; j < m.cols(); ++j) sums += m.col(j).cwiseAbs().cast<double>();
  return sums.maxCoeff() < exact_integer_limit(Precision::float32);
}

namespace {

template <class Matrix>
bool is_symmetric(const Matrix& m) {
  const Eigen::Index n = m.rows();
  for (Eigen::Index j = 0; j < n; ++j)
    for (Eigen::Index i = j + 1; i < n; ++i)
      if (m(i, j) != m(j, i)) return false;
  return true;
}

}  // namespace

template <class Scalar>
DenseCouplings<Scalar>::DenseCouplings(Matrix m, double scale, bool integer_valued)
    : m_(std::move(m)), scale_(scale), integer_valued_(integer_valued) {
  if (m_.rows() != m_.cols()) {
    throw InputError("couplings must be square, got " + std::to_string(m_.rows()) + "×" +
                     std::to_string(m_.cols()));
  }
  symmetric_ = is_symmetric(m_);
  zero_diagonal_ = (m_.diagonal().array() == Scalar(0)).all();
}

template <class Scalar>
DenseCouplings<Scalar>::DenseCouplings(Matrix m, double scale, bool integer_valued, bool symmetric,
                                       bool zero_diagonal)
    : m_(std::move(m)),
      scale_(scale),
      integer_valued_(integer_valued),
      symmetric_(symmetric),
      zero_diagonal_(zero_diagonal) {
  if (m_.rows() != m_.cols()) {
    throw InputError("couplings must be square, got " + std::to_string(m_.rows()) + "×" +
                     std::to_string(m_.cols()));
  }
}

template <class Scalar>
void DenseCouplings<Scalar>::raw_fields(const Eigen::VectorXf& s, Eigen::VectorXd& g) const {
  if constexpr (std::is_same_v<Scalar, float>) {
    g = (m_ * s).template cast<double>();
  } else {
    g.noalias() = m_ * s.template cast<double>();
  }
}

template <class Scalar>
void DenseCouplings<Scalar>::raw_fields_batch(const Eigen::MatrixXf& s, Eigen::MatrixXd& g) const {
  if constexpr (std::is_same_v<Scalar, float>) {
    g = (m_ * s).template cast<double>();
  } else {
    g.noalias() = m_ * s.template cast<double>();
  }
}

template <class Scalar>
void DenseCouplings<Scalar>::add_column(Eigen::Index k, double delta, Eigen::VectorXd& g) const {
  g += delta * m_.col(k).template cast<double>();
}

template <class Scalar>
Eigen::MatrixXd DenseCouplings<Scalar>::dense() const {
  return scale_ * m_.template cast<double>();
}

template class DenseCouplings<float>;
template class DenseCouplings<double>;

namespace {

/// The checks every dense matrix passes, in one pass over M: a finite scale, no NaN/Inf, integer
/// entries where declared; and whether the fields are exact in `precision`: every partial sum
/// of M·s (|s| ≤ 1) is bounded by the largest absolute row sum, and below exact_integer_limit
/// the precision represents all of them. Beyond that the fields are rounded, so the couplings
/// may no longer claim exact (integer) fields and ties fall back to the tolerance.
struct DenseChecks {
  double largest = 0.0;  ///< max |M_ij|
  bool exact = false;
};

template <class Matrix>
DenseChecks check_dense(const Matrix& m, double scale, bool integer_valued, Precision precision) {
  if (!std::isfinite(scale)) throw NumericalError("coupling scale is not finite");
  DenseChecks checks;
  Eigen::VectorXd sums = Eigen::VectorXd::Zero(m.rows());
  for (Eigen::Index j = 0; j < m.cols(); ++j) {
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
      const double v = static_cast<double>(m(i, j));
      if (!std::isfinite(v)) throw NumericalError("couplings contain NaN or Inf");
      if (integer_valued && v != std::round(v))
        throw std::invalid_argument("couplings declared integer-valued have non-integer entries");
      checks.largest = std::max(checks.largest, std::abs(v));
      if (integer_valued) sums[i] += std::abs(v);  // the row sums matter only for exactness
    }
  }
  const double row_sum = m.rows() > 0 ? sums.maxCoeff() : 0.0;
  checks.exact = integer_valued && row_sum < exact_integer_limit(precision);
  return checks;
}

}  // namespace

std::unique_ptr<Couplings> make_dense_couplings(const Eigen::MatrixXd& m, double scale,
                                                bool integer_valued, Precision precision) {
  return make_dense_couplings(Eigen::MatrixXd(m), scale, integer_valued, precision);
}

std::unique_ptr<Couplings> make_dense_couplings(Eigen::MatrixXd&& m, double scale,
                                                bool integer_valued, Precision precision) {
  const DenseChecks checks = check_dense(m, scale, integer_valued, precision);
  if (precision == Precision::float64) {
    return std::make_unique<DenseCouplings<double>>(std::move(m), scale, checks.exact);
  }
  if (checks.largest > static_cast<double>(std::numeric_limits<float>::max())) {
    throw NumericalError("couplings overflow float32; use precision: float64");
  }
  Eigen::MatrixXf f(m.rows(), m.cols());
  kernels::advise_huge_pages(f.data(), static_cast<std::size_t>(f.size()) * sizeof(float));
  f = m.cast<float>();
  m.resize(0, 0);
  return std::make_unique<DenseCouplings<float>>(std::move(f), scale, checks.exact);
}

std::unique_ptr<Couplings> make_dense_couplings(Eigen::MatrixXf&& m, double scale,
                                                bool integer_valued, bool symmetric,
                                                bool zero_diagonal) {
  const DenseChecks checks = check_dense(m, scale, integer_valued, Precision::float32);
  return std::make_unique<DenseCouplings<float>>(std::move(m), scale, checks.exact, symmetric,
                                                 zero_diagonal);
}

double exact_integer_limit(Precision precision) {
  return precision == Precision::float32 ? 0x1.0p24 : 0x1.0p53;
}

}  // namespace hopfield
