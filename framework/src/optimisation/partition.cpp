// Balanced graph bisection encoding and baselines (see hopfield/optimisation/partition.hpp).
#include "hopfield/optimisation/partition.hpp"

#include "hopfield/core/couplings.hpp"
#include "hopfield/core/error.hpp"
#include "hopfield/dynamics/continuous/continuous_dynamics.hpp"
#include "hopfield/optimisation/max_cut.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace hopfield {

namespace {

Eigen::VectorXd to_vector(const std::vector<std::int64_t>& side) {
  Eigen::VectorXd s(static_cast<Eigen::Index>(side.size()));
  for (Eigen::Index i = 0; i < s.size(); ++i)
    s(i) = static_cast<double>(side[static_cast<std::size_t>(i)]);
  return s;
}

}  // namespace

std::pair<Eigen::MatrixXd, double> partition_encoding(const Eigen::MatrixXd& w, double balance) {
  const Eigen::Index n = w.rows();
  Eigen::MatrixXd couplings = 0.5 * w;
  couplings.array() -= balance;
  couplings.diagonal().setZero();
  return {couplings, 0.25 * w.sum() + 0.5 * balance * static_cast<double>(n)};
}

double partition_energy(const Eigen::MatrixXd& w, double balance,
                        const std::vector<std::int64_t>& side) {
  const double sum = to_vector(side).sum();
  return cut_weight(w, side) + 0.5 * balance * sum * sum;
}

Solution decode_bisection(const Eigen::MatrixXd& w, const Eigen::VectorXd& v) {
  Solution s;
  std::int64_t sum = 0;
  for (Eigen::Index i = 0; i < v.size(); ++i) {
    s.assignment.push_back(v(i) > 0 ? 1 : -1);
    sum += s.assignment.back();
  }
  // |sum| has the parity of n: the vertices that must change side to balance the two sides.
  s.violations = (std::abs(sum) - static_cast<std::int64_t>(v.size() % 2)) / 2;
  s.valid = s.violations == 0;
  s.objective = cut_weight(w, s.assignment);
  return s;
}

double kernighan_lin(const Eigen::MatrixXd& w, std::vector<std::int64_t>& side) {
  const Eigen::Index n = w.rows();
  Eigen::VectorXd s = to_vector(side);
  Eigen::VectorXd d(n);
  std::vector<bool> locked(static_cast<std::size_t>(n));
  std::vector<std::pair<Eigen::Index, Eigen::Index>> swaps;
  std::vector<double> gains;
  for (;;) {
    // D_v = external − internal edge weight of v.
    d = -s.cwiseProduct(w * s);
    std::fill(locked.begin(), locked.end(), false);
    swaps.clear();
    gains.clear();
    const Eigen::Index pairs = std::min((s.array() > 0).count(), (s.array() < 0).count());
    for (Eigen::Index step = 0; step < pairs; ++step) {
      double best = -std::numeric_limits<double>::infinity();
      Eigen::Index ba = -1;
      Eigen::Index bb = -1;
      for (Eigen::Index a = 0; a < n; ++a) {
        if (locked[static_cast<std::size_t>(a)] || s(a) < 0) continue;
        for (Eigen::Index b = 0; b < n; ++b) {
          if (locked[static_cast<std::size_t>(b)] || s(b) > 0) continue;
          const double g = d(a) + d(b) - 2.0 * w(a, b);
          if (g > best) {
            best = g;
            ba = a;
            bb = b;
          }
        }
      }
      locked[static_cast<std::size_t>(ba)] = locked[static_cast<std::size_t>(bb)] = true;
      swaps.emplace_back(ba, bb);
      gains.push_back(best);
      // Tentatively swapped: a vertex on a's old side gains 2w_va − 2w_vb, on b's the reverse.
      for (Eigen::Index v = 0; v < n; ++v) {
        if (locked[static_cast<std::size_t>(v)]) continue;
        const double change = 2.0 * (w(v, ba) - w(v, bb));
        d(v) += s(v) > 0 ? change : -change;
      }
    }
    double total = 0.0;
    double best_total = 0.0;
    std::size_t best_k = 0;
    for (std::size_t k = 0; k < gains.size(); ++k) {
      total += gains[k];
      if (total > best_total + 1e-12) {
        best_total = total;
        best_k = k + 1;
      }
    }
    if (best_k == 0) break;
    for (std::size_t k = 0; k < best_k; ++k) {
      s(swaps[k].first) = -1.0;
      s(swaps[k].second) = 1.0;
    }
  }
  for (Eigen::Index i = 0; i < n; ++i) side[static_cast<std::size_t>(i)] = s(i) > 0 ? 1 : -1;
  return cut_weight(w, side);
}

double greedy_kernighan_lin(const Eigen::MatrixXd& w) {
  const Eigen::Index n = w.rows();
  const Eigen::Index half = n / 2;
  const Eigen::Index starts = std::min<Eigen::Index>(n, 4);
  double best = std::numeric_limits<double>::infinity();
  for (Eigen::Index k = 0; k < starts; ++k) {
    // Graph growing (Karypis & Kumar 1998): from a seed, add the vertex whose move into the
    // growing side A cuts least (edges into A minus edges to the rest) until |A| = ⌊n/2⌋.
    std::vector<std::int64_t> side(static_cast<std::size_t>(n), -1);
    Eigen::VectorXd gain = -w.rowwise().sum();  // w(v, A) − w(v, rest), A empty at first
    auto add = [&](Eigen::Index v) {
      side[static_cast<std::size_t>(v)] = 1;
      gain += 2.0 * w.col(v);
    };
    add(k * n / starts);
    for (Eigen::Index size = 1; size < half; ++size) {
      Eigen::Index next = -1;
      for (Eigen::Index v = 0; v < n; ++v)
        if (side[static_cast<std::size_t>(v)] < 0 && (next < 0 || gain(v) > gain(next))) next = v;
      add(next);
    }
    best = std::min(best, kernighan_lin(w, side));
  }
  return best;
}

double exact_bisection(const Eigen::MatrixXd& w) {
  const Eigen::Index n = w.rows();
  if (n > 24) throw InputError("exact_bisection: more than 24 vertices");
  // Vertex n−1 stays on side +1 (the mirror image has the same cut); Gray code over the others,
  // the cut and the side sum updated per flip.
  Eigen::VectorXd s = Eigen::VectorXd::Ones(n);
  double cut = 0.0;
  auto sum = static_cast<std::int64_t>(n);
  double best = std::numeric_limits<double>::infinity();
  if (n < 2) return 0.0;
  const std::uint64_t count = std::uint64_t{1} << (n - 1);
  for (std::uint64_t k = 1; k < count; ++k) {
    const auto i = static_cast<Eigen::Index>(__builtin_ctzll(k));
    cut += s(i) * w.row(i).dot(s);
    sum -= 2 * static_cast<std::int64_t>(s(i));
    s(i) = -s(i);
    if (std::abs(sum) <= 1) best = std::min(best, cut);
  }
  return best;
}

Eigen::VectorXd PartitionInstance::initial(double beta, RandomStream& rng) const {
  Eigen::VectorXd u(w_.rows());
  for (Eigen::Index i = 0; i < u.size(); ++i)
    u(i) = perturbation_ / beta * (2.0 * rng.uniform() - 1.0);
  return u;
}

ContinuousResult PartitionInstance::integrate(const Eigen::VectorXd& u0, const ContinuousOptions& o,
                                              RandomStream& rng) const {
  Network net;
  net.couplings =
      make_dense_couplings(partition_encoding(w_, balance_).first, 1.0, false, Precision::float64);
  net.representation = Representation::bipolar;
  net.threshold = Eigen::VectorXd::Zero(w_.rows());
  net.input = Eigen::VectorXd::Zero(w_.rows());
  NetworkSystem system(net, o);
  return integrate_continuous(system, u0, o, rng);
}

Solution PartitionInstance::decode(const Eigen::VectorXd& v) const {
  return decode_bisection(w_, v);
}

Baselines PartitionInstance::baselines() const {
  Baselines b;
  b.minimise = true;
  b.heuristic = greedy_kernighan_lin(w_);
  if (w_.rows() <= exact_max_) b.optimum = exact_bisection(w_);
  return b;
}

std::unique_ptr<ProblemInstance> PartitionProblem::instance(RandomStream& rng) const {
  return std::make_unique<PartitionInstance>(graph_ ? *graph_ : random_graph(n_, p_, rng), balance_,
                                             perturbation_, exact_max_);
}

}  // namespace hopfield
