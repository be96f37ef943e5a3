// Integer storage of the couplings (DESIGN.md §3): W = scale · M with M an exact symmetric
// integer matrix in int16 (|M_ij| ≤ 32767) or int8 (|M_ij| ≤ 127), e.g. the Hebbian sum
// M_ij = Σ_μ ξ_i^μ ξ_j^μ (Hopfield 1982, Eq. 2) for P ≤ 32767 or P ≤ 127 patterns. Half or a
// quarter of the memory (and memory traffic) of float32, and fields M·s are exact int32 sums
// (AVX-512 VNNI dot products where the CPU has them), so ties are detected exactly.
//
// A Hebbian M may carry its factor, the bit-packed patterns (M = ΞᵀΞ, matrix_free_couplings.hpp):
// the fields of a whole new state are then g = Ξᵀ(Ξs) − P·s in O(N·P) popcounts and masked sums
// instead of a pass over the N² entries, the same integers bit for bit; M itself still serves
// the O(N) column updates of asynchronous flips.
#pragma once

#include "hopfield/core/couplings.hpp"
#include "hopfield/core/kernels.hpp"
#include "hopfield/core/matrix_free_couplings.hpp"

#include <cstdint>
#include <functional>
#include <memory>

namespace hopfield {

template <class T>
class IntegerCouplings final : public Couplings {
 public:
  /// Rows are padded with zeros to ld() entries.
  using Fill = std::function<void(T* rows, std::ptrdiff_t ld)>;
  /// An n × n matrix filled by fill(rows, ld) (row i at rows + i·ld), which must write a
  /// symmetric matrix; zero_diagonal states whether its diagonal is zero.
  IntegerCouplings(Eigen::Index n, double scale, bool zero_diagonal, const Fill& fill);

  [[nodiscard]] Eigen::Index size() const override { return n_; }
  [[nodiscard]] double scale() const override { return scale_; }
  [[nodiscard]] bool integer_valued() const override { return true; }
  [[nodiscard]] bool symmetric() const override { return true; }
  [[nodiscard]] bool zero_diagonal() const override { return zero_diagonal_; }
  void raw_fields(const Eigen::VectorXf& s, Eigen::VectorXd& g) const override;
  void raw_fields_batch(const Eigen::MatrixXf& s, Eigen::MatrixXd& g) const override;
  void add_column(Eigen::Index k, double delta, Eigen::VectorXd& g) const override;
  [[nodiscard]] double raw(Eigen::Index i, Eigen::Index j) const override {
    return static_cast<double>(row(i)[j]);
  }
  [[nodiscard]] Eigen::MatrixXd dense() const override;
  [[nodiscard]] std::string storage() const override { return "integer"; }
  [[nodiscard]] std::string element() const override { return sizeof(T) == 1 ? "int8" : "int16"; }
  [[nodiscard]] std::size_t bytes() const override { return m_.size() * sizeof(T); }

  /// Row i of M (= column i): n entries followed by zero padding up to ld().
  [[nodiscard]] const T* row(Eigen::Index i) const { return m_.data() + i * ld_; }
  /// Row stride, a multiple of 64 entries.
  [[nodiscard]] std::ptrdiff_t ld() const { return ld_; }
  /// g = M·s exactly, for s given as int16 values padded with zeros to ld().
  void fields(const std::int16_t* s, std::int32_t* g) const {
    kernels::matvec(m_.data(), ld_, n_, s, g);
  }
  /// g += delta · M(:, k).
  void add_row(Eigen::Index k, std::int32_t delta, std::int32_t* g) const {
    kernels::add_scaled(g, row(k), n_, delta);
  }
  /// G = M·S for a packed batch (g is n × s.cols, row-major).
  void fields_batch(const kernels::PackedBatch& s, std::int32_t* g, int threads) const {
    kernels::matmul(m_.data(), ld_, n_, s, g, threads);
  }
  /// Attaches the factor M = ΞᵀΞ (minus the diagonal when zero_diagonal()); it must describe
  /// exactly this M (the Hebbian rule attaches it when it fills M from the same patterns).
  void attach_factor(std::shared_ptr<const MatrixFreeHebbianCouplings> factor);
  /// The factor, or nullptr.
  [[nodiscard]] const MatrixFreeHebbianCouplings* factor() const { return factor_.get(); }

 private:
  Eigen::Index n_;
  std::ptrdiff_t ld_;
  double scale_;
  bool zero_diagonal_;
  kernels::AlignedBuffer<T> m_;
  std::shared_ptr<const MatrixFreeHebbianCouplings> factor_;
};

/// Packs the states of a batch (columns of s, values −1, 0 or 1) for
/// IntegerCouplings::fields_batch, with rows padded to ld (even).
void pack_batch(const Eigen::MatrixXf& s, std::ptrdiff_t ld, kernels::PackedBatch& out);

/// Integer couplings from an integer-valued symmetric matrix M (int8 when max |M_ij| ≤ 127, else
/// int16); throws InputError when M is not symmetric, has non-integer entries or entries beyond
/// the int16 range.
std::unique_ptr<Couplings> make_integer_couplings(const Eigen::MatrixXd& m, double scale);

}  // namespace hopfield
