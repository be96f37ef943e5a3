// n-queens encoding, decoder and min-conflicts baseline (see hopfield/optimisation/n_queens.hpp).
#include "hopfield/optimisation/n_queens.hpp"

#include "hopfield/core/couplings.hpp"
#include "hopfield/dynamics/continuous/continuous_dynamics.hpp"

#include <array>
#include <cstdlib>

namespace hopfield {

namespace {

/// Pairs k(k−1)/2 summed over lines holding k queens each.
std::int64_t pairs(const std::vector<std::int64_t>& counts) {
  std::int64_t total = 0;
  for (auto k : counts) total += k * (k - 1) / 2;
  return total;
}

}  // namespace

QueensEncoding n_queens_encoding(Eigen::Index n, const QueensPenalties& p) {
  const Eigen::Index big = n * n;
  QueensEncoding e;
  e.w = Eigen::MatrixXd::Zero(big, big);
  for (Eigen::Index a = 0; a < big; ++a)
    for (Eigen::Index b = 0; b < big; ++b) {
      if (a == b) continue;
      const Eigen::Index r1 = a % n, c1 = a / n, r2 = b % n, c2 = b / n;
      double& x = e.w(a, b);
      if (r1 == r2) x -= p.a;
      if (c1 == c2) x -= p.b;
      if (r1 - c1 == r2 - c2 || r1 + c1 == r2 + c2) x -= p.c;
    }
  e.bias = Eigen::VectorXd::Constant(big, 0.5 * (p.a + p.b));
  e.constant = 0.5 * (p.a + p.b) * static_cast<double>(n);
  return e;
}

double n_queens_penalty(Eigen::Index n, const QueensPenalties& p, const Eigen::VectorXd& board) {
  const auto size = static_cast<std::size_t>(n);
  std::vector<double> rows(size, 0.0), cols(size, 0.0);
  std::vector<std::int64_t> diag(2 * size, 0), anti(2 * size, 0);
  for (Eigen::Index r = 0; r < n; ++r)
    for (Eigen::Index c = 0; c < n; ++c) {
      if (board(r + n * c) < 0.5) continue;
      rows[static_cast<std::size_t>(r)] += 1.0;
      cols[static_cast<std::size_t>(c)] += 1.0;
      ++diag[static_cast<std::size_t>(r - c + n)];
      ++anti[static_cast<std::size_t>(r + c)];
    }
  double e = 0.0;
  for (std::size_t k = 0; k < size; ++k)
    e += 0.5 * p.a * (rows[k] - 1.0) * (rows[k] - 1.0) +
         0.5 * p.b * (cols[k] - 1.0) * (cols[k] - 1.0);
  return e + p.c * static_cast<double>(pairs(diag) + pairs(anti));
}

std::int64_t queen_conflicts(const std::vector<std::pair<Eigen::Index, Eigen::Index>>& queens) {
  std::int64_t conflicts = 0;
  for (std::size_t i = 0; i < queens.size(); ++i)
    for (std::size_t j = i + 1; j < queens.size(); ++j) {
      const auto [r1, c1] = queens[i];
      const auto [r2, c2] = queens[j];
      if (r1 == r2 || c1 == c2 || std::abs(r1 - r2) == std::abs(c1 - c2)) ++conflicts;
    }
  return conflicts;
}

Solution decode_queens(Eigen::Index n, const Eigen::VectorXd& v) {
  Solution s;
  s.assignment.assign(static_cast<std::size_t>(n), -1);
  std::vector<std::pair<Eigen::Index, Eigen::Index>> queens;
  for (Eigen::Index c = 0; c < n; ++c)
    for (Eigen::Index r = 0; r < n; ++r)
      if (v(r + n * c) > 0.5) {
        queens.emplace_back(r, c);
        auto& col = s.assignment[static_cast<std::size_t>(r)];
        if (col < 0) col = c;
      }
  const std::int64_t conflicts = queen_conflicts(queens);
  s.objective = static_cast<double>(conflicts);
  s.violations = conflicts + std::abs(static_cast<std::int64_t>(queens.size()) - n);
  s.valid = s.violations == 0;
  return s;
}

std::pair<std::int64_t, std::vector<std::int64_t>> min_conflicts(Eigen::Index n, RandomStream& rng,
                                                                 std::int64_t max_steps) {
  const auto size = static_cast<std::size_t>(n);
  std::vector<std::int64_t> row(size, -1);
  std::vector<std::int64_t> on_row(size, 0), diag(2 * size, 0), anti(2 * size, 0);
  auto slot = [n](std::int64_t r, std::int64_t c) {
    return std::array<std::size_t, 3>{static_cast<std::size_t>(r),
                                      static_cast<std::size_t>(r - c + n),
                                      static_cast<std::size_t>(r + c)};
  };
  auto place = [&](std::int64_t c, std::int64_t r, std::int64_t delta) {
    const auto [i, j, k] = slot(r, c);
    on_row[i] += delta;
    diag[j] += delta;
    anti[k] += delta;
  };
  // Queens attacking (r, c), the queen of column c itself not counted (it is lifted first).
  auto attacks = [&](std::int64_t r, std::int64_t c) {
    const auto [i, j, k] = slot(r, c);
    return on_row[i] + diag[j] + anti[k];
  };
  // The least-attacked row of column c (ties uniformly at random, by reservoir sampling).
  auto best_row = [&](std::int64_t c) {
    std::int64_t best = -1;
    std::int64_t best_attacks = 0;
    std::uint64_t ties = 0;
    for (std::int64_t r = 0; r < n; ++r) {
      const std::int64_t a = attacks(r, c);
      if (best < 0 || a < best_attacks) {
        best = r;
        best_attacks = a;
        ties = 1;
      } else if (a == best_attacks && rng.below(++ties) == 0) {
        best = r;
      }
    }
    return best;
  };
  for (std::int64_t c = 0; c < n; ++c) {
    row[static_cast<std::size_t>(c)] = best_row(c);
    place(c, row[static_cast<std::size_t>(c)], 1);
  }
  std::vector<std::int64_t> conflicted;
  for (std::int64_t step = 0; step < max_steps; ++step) {
    conflicted.clear();
    for (std::int64_t c = 0; c < n; ++c)
      if (attacks(row[static_cast<std::size_t>(c)], c) > 3) conflicted.push_back(c);
    if (conflicted.empty()) break;
    const std::int64_t c = conflicted[rng.below(conflicted.size())];
    auto& r = row[static_cast<std::size_t>(c)];
    place(c, r, -1);
    r = best_row(c);
    place(c, r, 1);
  }
  return {pairs(on_row) + pairs(diag) + pairs(anti), row};
}

Eigen::VectorXd QueensInstance::initial(double beta, RandomStream& rng) const {
  // As Hopfield & Tank's TSP start: every V = 1/n (n queens in all), plus δu uniform in
  // ±perturbation/β to break the symmetry.
  const double u00 =
      inverse_activation(ActivationKind::logistic, beta, 1.0 / static_cast<double>(n_));
  Eigen::VectorXd u(neurons());
  for (Eigen::Index k = 0; k < u.size(); ++k)
    u(k) = u00 + p_.perturbation / beta * (2.0 * rng.uniform() - 1.0);
  return u;
}

ContinuousResult QueensInstance::integrate(const Eigen::VectorXd& u0, const ContinuousOptions& o,
                                           RandomStream& rng) const {
  const QueensEncoding e = n_queens_encoding(n_, p_);
  Network net;
  net.couplings = make_dense_couplings(e.w, 1.0, false, Precision::float64);
  net.representation = Representation::binary;
  net.threshold = Eigen::VectorXd::Zero(neurons());
  net.input = e.bias;
  NetworkSystem system(net, o);
  return integrate_continuous(system, u0, o, rng);
}

Solution QueensInstance::decode(const Eigen::VectorXd& v) const {
  return decode_queens(n_, v);
}

Baselines QueensInstance::baselines() const {
  Baselines b;
  b.minimise = true;
  RandomStream rng = baseline_rng_;
  b.heuristic = static_cast<double>(min_conflicts(n_, rng, 100 * n_).first);
  b.optimum = 0.0;  // solutions exist for every n ≥ 4
  return b;
}

}  // namespace hopfield
