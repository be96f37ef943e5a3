// Matrix-free Hebbian couplings (DESIGN.md §3): M = Ξᵀ Ξ (minus the diagonal P·1 unless kept)
// is never formed (Hopfield 1982, Eq. 2). The ±1 images of the patterns are bit-packed twice —
// by neuron (P bits each) and by pattern (N bits each) — so memory is 2·N·P bits instead of N²
// numbers: N = 10⁵, P = 10⁴ takes 250 MB. Overlaps m_μ = Σ_i ξ_i^μ s_i are popcounts over the
// pattern rows; a field g_i = Σ_μ ξ_i^μ m_μ − P s_i is a masked sum over the P overlaps (O(P));
// an asynchronous flip of neuron k changes every overlap by ±Δs_k (O(P)). Everything is an exact
// integer, so fields equal those of dense or integer storage bit for bit.
#pragma once

#include "hopfield/core/couplings.hpp"
#include "hopfield/core/kernels.hpp"

#include <cstdint>
#include <vector>

namespace hopfield {

class MatrixFreeHebbianCouplings final : public Couplings {
 public:
  using Values = Eigen::Matrix<std::int8_t, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  /// xi: P × N pattern values; an entry > 0 is +1 and any other −1 (the bipolar image of ±1 or
  /// 0/1 patterns). W = scale · M.
  MatrixFreeHebbianCouplings(const Values& xi, double scale, bool keep_diagonal);
  /// The same from float values (±1).
  MatrixFreeHebbianCouplings(const Eigen::MatrixXf& xi, double scale, bool keep_diagonal);

  [[nodiscard]] Eigen::Index size() const override { return n_; }
  [[nodiscard]] double scale() const override { return scale_; }
  /// Overlaps (|m_μ| ≤ N) are int32 and fields (|g_i| ≤ P·N) int64, so fields are exact; as
  /// float64 they stay exact while P·N < 2⁵³ (checked, not assumed).
  [[nodiscard]] bool integer_valued() const override {
    return static_cast<double>(p_) * static_cast<double>(n_) <
           exact_integer_limit(Precision::float64);
  }
  [[nodiscard]] bool symmetric() const override { return true; }
  [[nodiscard]] bool zero_diagonal() const override { return !keep_diagonal_ || p_ == 0; }
  void raw_fields(const Eigen::VectorXf& s, Eigen::VectorXd& g) const override;
  void raw_fields_batch(const Eigen::MatrixXf& s, Eigen::MatrixXd& g) const override;
  void add_column(Eigen::Index k, double delta, Eigen::VectorXd& g) const override;
  [[nodiscard]] double raw(Eigen::Index i, Eigen::Index j) const override;
  [[nodiscard]] Eigen::MatrixXd dense() const override;
  [[nodiscard]] std::string storage() const override { return "matrix_free"; }
  [[nodiscard]] std::string element() const override { return "bits"; }
  [[nodiscard]] std::size_t bytes() const override {
    return by_neuron_.bytes() + by_pattern_.bytes();
  }

  /// Number of patterns P.
  [[nodiscard]] Eigen::Index patterns() const { return p_; }
  [[nodiscard]] bool keep_diagonal() const { return keep_diagonal_; }
  /// Row i: bit μ set where ξ_i^μ = −1 (P bits).
  [[nodiscard]] const kernels::BitRows& by_neuron() const { return by_neuron_; }
  /// Row μ: bit i set where ξ_i^μ = −1 (N bits).
  [[nodiscard]] const kernels::BitRows& by_pattern() const { return by_pattern_; }
  /// P − 2·(number of −1 entries) of neuron i's pattern column: Σ_μ ξ_i^μ.
  [[nodiscard]] std::int32_t column_sum(Eigen::Index i) const {
    return column_sum_[static_cast<std::size_t>(i)];
  }
  /// Buffers overlaps() reuses (sized on first use, so later calls allocate nothing).
  struct Scratch {
    kernels::AlignedVector<std::uint64_t> on;
    kernels::AlignedVector<std::uint64_t> off;
    std::vector<std::int32_t> count;
  };
  /// Overlaps m_μ = Σ_i ξ_i^μ s_i of a state with entries −1, 0 or 1, exactly; m holds
  /// round_up(P, 16) entries (zero padding).
  void overlaps(const Eigen::VectorXf& s, std::int32_t* m, Scratch& scratch) const;
  /// Σ_μ ξ_i^μ m_μ (without the diagonal term), given total = Σ_μ m_μ.
  [[nodiscard]] std::int64_t field_from_overlaps(Eigen::Index i, const std::int32_t* m,
                                                 std::int64_t total) const {
    return total - 2 * kernels::masked_sum(by_neuron_.row(i), m, p_);
  }
  /// Σ_μ m_μ of overlaps m.
  [[nodiscard]] std::int64_t overlap_total(const std::int32_t* m) const {
    std::int64_t total = 0;
    for (Eigen::Index mu = 0; mu < p_; ++mu) total += m[mu];
    return total;
  }
  /// The raw field g_i = (M·s)_i of neuron i in state s_i, from the overlaps: the diagonal
  /// term P·s_i removed unless it is kept.
  [[nodiscard]] std::int64_t field(Eigen::Index i, const std::int32_t* m, std::int64_t total,
                                   float s_i) const {
    std::int64_t g = field_from_overlaps(i, m, total);
    if (!keep_diagonal_) g -= static_cast<std::int64_t>(p_) * static_cast<std::int64_t>(s_i);
    return g;
  }
  /// All raw fields g = M·s of a state, exactly: its overlaps into m (round_up(P, 16) entries),
  /// then one masked sum per neuron; T is an integer or floating type wide enough for them.
  template <class T>
  void fields(const Eigen::VectorXf& s, std::int32_t* m, Scratch& scratch, T* g) const {
    overlaps(s, m, scratch);
    const std::int64_t total = overlap_total(m);
    for (Eigen::Index i = 0; i < n_; ++i) g[i] = static_cast<T>(field(i, m, total, s[i]));
  }
  /// Bits of the −1 entries (entries ≤ 0) of the P × N values: row i per neuron (P bits), or
  /// row μ per pattern (N bits).
  static kernels::BitRows negative_by_neuron(const Values& xi);
  static kernels::BitRows negative_by_pattern(const Values& xi);

 private:
  void pack(const Values& xi);

  Eigen::Index n_ = 0;
  Eigen::Index p_ = 0;
  double scale_;
  bool keep_diagonal_;
  kernels::BitRows by_neuron_;
  kernels::BitRows by_pattern_;
  std::vector<std::int32_t> column_sum_;
  std::vector<std::int32_t> pattern_negatives_;  ///< −1 entries of each pattern
};

}  // namespace hopfield
