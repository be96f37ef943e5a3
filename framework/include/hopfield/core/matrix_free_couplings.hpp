// Matrix-free Hebbian couplings (DESIGN.md §3): M = Ξᵀ Ξ (minus the diagonal P·1 unless kept)
// is never formed; fields are g = Ξᵀ(Ξ s) − P s and an entry M_ij = Σ_μ ξ_i^μ ξ_j^μ costs O(P),
// so memory is O(NP) (Hopfield 1982, Eq. 2). Used where only fields or a few entries are read,
// e.g. when dilution keeps K ≪ N couplings per neuron of a large network.
#pragma once

#include "hopfield/core/couplings.hpp"

namespace hopfield {

class MatrixFreeHebbianCouplings final : public Couplings {
 public:
  /// xi: P × N bipolar (±1) images of the patterns; W = scale · M.
  MatrixFreeHebbianCouplings(Eigen::MatrixXf xi, double scale, bool keep_diagonal);

  [[nodiscard]] Eigen::Index size() const override { return xi_.cols(); }
  [[nodiscard]] double scale() const override { return scale_; }
  /// |Ξs| ≤ N per pattern and Ξᵀ(Ξs) ≤ P·N: exact in double while P·N < 2⁵³ (the memory
  /// check keeps P·N far below; the bound is checked, not assumed).
  [[nodiscard]] bool integer_valued() const override {
    return static_cast<double>(xi_.rows()) * static_cast<double>(xi_.cols()) <
           exact_integer_limit(Precision::float64);
  }
  [[nodiscard]] bool symmetric() const override { return true; }
  [[nodiscard]] bool zero_diagonal() const override { return !keep_diagonal_ || xi_.rows() == 0; }
  void raw_fields(const Eigen::VectorXf& s, Eigen::VectorXd& g) const override;
  void raw_fields_batch(const Eigen::MatrixXf& s, Eigen::MatrixXd& g) const override;
  void add_column(Eigen::Index k, double delta, Eigen::VectorXd& g) const override;
  [[nodiscard]] double raw(Eigen::Index i, Eigen::Index j) const override;
  [[nodiscard]] Eigen::MatrixXd dense() const override;
  [[nodiscard]] std::string storage() const override { return "matrix_free"; }

 private:
  Eigen::MatrixXd xi_;  ///< ±1, exact in double
  double scale_;
  bool keep_diagonal_;
};

}  // namespace hopfield
