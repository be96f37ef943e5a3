// Sparse storage of the couplings (DESIGN.md §3) for diluted networks (Derrida, Gardner &
// Zippelius 1987): M is a row-major float32 Eigen::SparseMatrix, W = scale · M, so a network of
// N = 50 000 neurons with K = 50 inputs each holds 2.5·10⁶ couplings instead of 2.5·10⁹. A
// column-major copy serves the incremental field update of asynchronous dynamics.
#pragma once

#include "hopfield/core/couplings.hpp"

#include <Eigen/SparseCore>

#include <memory>

namespace hopfield {

/// Couplings W in double precision with their sparsity, as weight-stage noise edits them.
using SparseWeights = Eigen::SparseMatrix<double, Eigen::RowMajor>;

class SparseCouplings final : public Couplings {
 public:
  using Matrix = Eigen::SparseMatrix<float, Eigen::RowMajor>;
  /// m must be square and finite; integer_valued as for dense storage (entries are then checked).
  SparseCouplings(Matrix m, double scale, bool integer_valued);

  [[nodiscard]] Eigen::Index size() const override { return m_.rows(); }
  [[nodiscard]] double scale() const override { return scale_; }
  [[nodiscard]] bool integer_valued() const override { return integer_valued_; }
  [[nodiscard]] bool symmetric() const override { return symmetric_; }
  [[nodiscard]] bool zero_diagonal() const override { return zero_diagonal_; }
  void raw_fields(const Eigen::VectorXf& s, Eigen::VectorXd& g) const override;
  void raw_fields_batch(const Eigen::MatrixXf& s, Eigen::MatrixXd& g) const override;
  void add_column(Eigen::Index k, double delta, Eigen::VectorXd& g) const override;
  [[nodiscard]] double raw(Eigen::Index i, Eigen::Index j) const override {
    return static_cast<double>(m_.coeff(i, j));
  }
  [[nodiscard]] Eigen::MatrixXd dense() const override;
  [[nodiscard]] std::string storage() const override { return "sparse"; }
  [[nodiscard]] std::string element() const override { return "float32"; }
  [[nodiscard]] std::size_t bytes() const override {
    // Values and inner indices of the row- and column-major copies, plus the outer indices.
    return static_cast<std::size_t>(m_.nonZeros()) * 16 +
           static_cast<std::size_t>(m_.rows() + 1) * 8;
  }

  /// Number of stored couplings.
  [[nodiscard]] Eigen::Index nonzeros() const { return m_.nonZeros(); }
  [[nodiscard]] const Matrix& matrix() const { return m_; }
  /// W = scale · M in double precision with the same sparsity.
  [[nodiscard]] SparseWeights weights() const;

 private:
  Matrix m_;
  Eigen::SparseMatrix<float, Eigen::ColMajor> columns_;
  double scale_;
  bool integer_valued_;
  bool symmetric_ = false;
  bool zero_diagonal_ = false;
};

/// Sparse couplings W = scale · M from a double matrix (NaN/Inf is a NumericalError); integer
/// fields are kept exact while every absolute row sum of M is below 2²⁴.
std::unique_ptr<Couplings> make_sparse_couplings(const SparseWeights& m, double scale,
                                                 bool integer_valued);

}  // namespace hopfield
