// The couplings that weight-stage noise acts on: the nonzero off-diagonal entries of W, dense or
// sparse. Zeros (the diagonal, removed couplings) are left alone so that no noise module creates
// a coupling that learning or dilution did not.
#pragma once

#include "hopfield/core/sparse_couplings.hpp"

#include <Eigen/Core>

#include <algorithm>
#include <cmath>

namespace hopfield {

struct WeightStats {
  Eigen::Index count = 0;  ///< nonzero off-diagonal entries
  double rms = 0.0;        ///< sqrt(mean w²) over them
  double mean_abs = 0.0;   ///< mean |w| over them
  double max_abs = 0.0;    ///< max |w| over them
};

template <class F>
void for_each_weight(Eigen::MatrixXd& w, F&& f) {
  for (Eigen::Index j = 0; j < w.cols(); ++j) {
    for (Eigen::Index i = 0; i < w.rows(); ++i) {
      if (i != j && w(i, j) != 0.0) f(w(i, j));
    }
  }
}

template <class F>
void for_each_weight(SparseWeights& w, F&& f) {
  for (Eigen::Index i = 0; i < w.outerSize(); ++i) {
    for (SparseWeights::InnerIterator it(w, i); it; ++it) {
      if (it.col() != i && it.value() != 0.0) f(it.valueRef());
    }
  }
}

template <class M>
WeightStats weight_stats(M& w) {
  WeightStats s;
  double sum2 = 0.0;
  double sum1 = 0.0;
  for_each_weight(w, [&](double& v) {
    ++s.count;
    sum2 += v * v;
    sum1 += std::abs(v);
    s.max_abs = std::max(s.max_abs, std::abs(v));
  });
  if (s.count > 0) {
    s.rms = std::sqrt(sum2 / static_cast<double>(s.count));
    s.mean_abs = sum1 / static_cast<double>(s.count);
  }
  return s;
}

}  // namespace hopfield
