// Couplings W behind one interface (DESIGN.md §3). W = scale · M, where M is the stored matrix;
// integer-valued rules (Hebbian) store integer M so that fields M·s are exact and ties
// (h exactly θ) can be detected exactly. Dynamics work on raw fields g = M·s and apply the scale.
#pragma once

#include <Eigen/Core>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

namespace hopfield {

enum class Precision { float32, float64 };

/// Where the couplings live (`network.storage`): a dense float matrix, an exact integer matrix
/// (int16/int8), the bit-packed patterns alone (matrix-free Hebbian), or a sparse matrix.
enum class StorageKind { dense, integer, matrix_free, sparse };

std::string_view to_string(StorageKind kind);

class Couplings {
 public:
  virtual ~Couplings() = default;

  /// Number of neurons N.
  [[nodiscard]] virtual Eigen::Index size() const = 0;
  /// W = scale() · M.
  [[nodiscard]] virtual double scale() const = 0;
  /// True when every entry of M is an integer and raw fields are computed exactly.
  [[nodiscard]] virtual bool integer_valued() const = 0;
  /// True when W = Wᵀ.
  [[nodiscard]] virtual bool symmetric() const = 0;
  /// True when the diagonal of W is zero.
  [[nodiscard]] virtual bool zero_diagonal() const = 0;

  /// Raw fields g = M·s (multiply by scale() to get W·s).
  virtual void raw_fields(const Eigen::VectorXf& s, Eigen::VectorXd& g) const = 0;
  /// Raw fields of many states at once: G = M·S (columns are states).
  virtual void raw_fields_batch(const Eigen::MatrixXf& s, Eigen::MatrixXd& g) const = 0;
  /// Incremental update after neuron k changed by delta: g += delta · M(:, k).
  virtual void add_column(Eigen::Index k, double delta, Eigen::VectorXd& g) const = 0;
  /// Raw entry M(i, j).
  [[nodiscard]] virtual double raw(Eigen::Index i, Eigen::Index j) const = 0;
  /// W as a dense float64 matrix (for saving and tests; O(N²) memory).
  [[nodiscard]] virtual Eigen::MatrixXd dense() const = 0;
  /// Name of the storage ("dense").
  [[nodiscard]] virtual std::string storage() const = 0;
  /// What an element of the storage is ("float32", "int16", "bits", …), for messages and files.
  [[nodiscard]] virtual std::string element() const = 0;
  /// Bytes the storage holds (the matrix, bits or nonzeros).
  [[nodiscard]] virtual std::size_t bytes() const = 0;
};

/// Dense storage of M in float32 or float64.
template <class Scalar>
class DenseCouplings final : public Couplings {
 public:
  using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
  DenseCouplings(Matrix m, double scale, bool integer_valued);
  /// With the matrix's symmetry and diagonal already known (no O(N²) scan).
  DenseCouplings(Matrix m, double scale, bool integer_valued, bool symmetric, bool zero_diagonal);

  [[nodiscard]] Eigen::Index size() const override { return m_.rows(); }
  [[nodiscard]] double scale() const override { return scale_; }
  [[nodiscard]] bool integer_valued() const override { return integer_valued_; }
  [[nodiscard]] bool symmetric() const override { return symmetric_; }
  [[nodiscard]] bool zero_diagonal() const override { return zero_diagonal_; }
  void raw_fields(const Eigen::VectorXf& s, Eigen::VectorXd& g) const override;
  void raw_fields_batch(const Eigen::MatrixXf& s, Eigen::MatrixXd& g) const override;
  void add_column(Eigen::Index k, double delta, Eigen::VectorXd& g) const override;
  [[nodiscard]] double raw(Eigen::Index i, Eigen::Index j) const override {
    return static_cast<double>(m_(i, j));
  }
  [[nodiscard]] Eigen::MatrixXd dense() const override;
  [[nodiscard]] std::string storage() const override { return "dense"; }
  [[nodiscard]] std::string element() const override {
    return sizeof(Scalar) == 4 ? "float32" : "float64";
  }
  [[nodiscard]] std::size_t bytes() const override {
    return static_cast<std::size_t>(m_.size()) * sizeof(Scalar);
  }
  [[nodiscard]] const Matrix& matrix() const { return m_; }

 private:
  Matrix m_;
  double scale_;
  bool integer_valued_;
  bool symmetric_;
  bool zero_diagonal_;
};

/// Integers up to this magnitude are exact in the precision's floating-point type (2²⁴ for
/// float32, 2⁵³ for float64). Integer-valued couplings claim exact fields only while every
/// partial sum of M·s is below it (a bound: the largest absolute row sum of M, |s| ≤ 1); past it
/// they fall back to the tie tolerance instead of silently rounding ("overflow" of the exact
/// integer arithmetic is detected, never wrapped).
double exact_integer_limit(Precision precision);

/// Builds dense couplings W = scale · M in the requested precision. Checks M for NaN/Inf
/// (NumericalError) and records symmetry and the diagonal.
std::unique_ptr<Couplings> make_dense_couplings(const Eigen::MatrixXd& m, double scale,
                                                bool integer_valued, Precision precision);
/// The same, taking over m's storage (no copy for float64).
std::unique_ptr<Couplings> make_dense_couplings(Eigen::MatrixXd&& m, double scale,
                                                bool integer_valued, Precision precision);
/// float32 couplings from a float32 matrix whose symmetry and diagonal the caller knows by
/// construction, taking over its storage (checked for NaN/Inf only).
std::unique_ptr<Couplings> make_dense_couplings(Eigen::MatrixXf&& m, double scale,
                                                bool integer_valued, bool symmetric,
                                                bool zero_diagonal);

/// True when every absolute row sum of the float32 matrix is below 2²⁴, so that integer entries
/// give exact float32 fields M·s for any state with |s_j| ≤ 1.
bool exact_in_float32(const Eigen::MatrixXf& m);

}  // namespace hopfield
