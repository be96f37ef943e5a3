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

/// One pass over M: NaN/Inf refused, and the largest entry and absolute row sum.
template <class Matrix>
std::pair<double, double> checked_extent(const Matrix& m, bool integer_valued) {
  double largest = 0.0;
  double row_sum = 0.0;
  Eigen::VectorXd sums = Eigen::VectorXd::Zero(m.rows());
  for (Eigen::Index j = 0; j < m.cols(); ++j) {
    for (Eigen::Index i = 0; i < m.rows(); ++i) {
      const double v = static_cast<double>(m(i, j));
      if (!std::isfinite(v)) throw NumericalError("couplings contain NaN or Inf");
      if (integer_valued && v != std::round(v))
        throw std::invalid_argument("couplings declared integer-valued have non-integer entries");
      largest = std::max(largest, std::abs(v));
      sums[i] += std::abs(v);
    }
  }
  if (m.rows() > 0) row_sum = sums.maxCoeff();
  return {largest, row_sum};
}

}  // namespace

std::unique_ptr<Couplings> make_dense_couplings(const Eigen::MatrixXd& m, double scale,
                                                bool integer_valued, Precision precision) {
  return make_dense_couplings(Eigen::MatrixXd(m), scale, integer_valued, precision);
}

std::unique_ptr<Couplings> make_dense_couplings(Eigen::MatrixXd&& m, double scale,
                                                bool integer_valued, Precision precision) {
  if (!std::isfinite(scale)) throw NumericalError("coupling scale is not finite");
  const auto [largest, row_sum] = checked_extent(m, integer_valued);
  // Every partial sum of M·s (|s| ≤ 1) is bounded by the largest absolute row sum; below
  // exact_integer_limit the precision represents all of them exactly. Beyond that the fields
  // are rounded, so the couplings may no longer claim exact (integer) fields and ties fall back
  // to the tolerance.
  const bool exact = integer_valued && row_sum < exact_integer_limit(precision);
  if (precision == Precision::float64) {
    return std::make_unique<DenseCouplings<double>>(std::move(m), scale, exact);
  }
  if (largest > static_cast<double>(std::numeric_limits<float>::max())) {
    throw NumericalError("couplings overflow float32; use precision: float64");
  }
  Eigen::MatrixXf f(m.rows(), m.cols());
  kernels::advise_huge_pages(f.data(), static_cast<std::size_t>(f.size()) * sizeof(float));
  f = m.cast<float>();
  m.resize(0, 0);
  return std::make_unique<DenseCouplings<float>>(std::move(f), scale, exact);
}

std::unique_ptr<Couplings> make_dense_couplings(Eigen::MatrixXf&& m, double scale,
                                                bool integer_valued, bool symmetric,
                                                bool zero_diagonal) {
  if (!std::isfinite(scale)) throw NumericalError("coupling scale is not finite");
  const auto [largest, row_sum] = checked_extent(m, integer_valued);
  (void)largest;
  const bool exact = integer_valued && row_sum < exact_integer_limit(Precision::float32);
  return std::make_unique<DenseCouplings<float>>(std::move(m), scale, exact, symmetric,
                                                 zero_diagonal);
}

double exact_integer_limit(Precision precision) {
  return precision == Precision::float32 ? 0x1.0p24 : 0x1.0p53;
}

}  // namespace hopfield
