// TSP encodings, decoder and baselines (see hopfield/optimisation/tsp.hpp).
#include "hopfield/optimisation/tsp.hpp"

#include "hopfield/core/error.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace hopfield {

Eigen::MatrixXd euclidean_distances(const std::vector<std::pair<double, double>>& points) {
  const auto n = static_cast<Eigen::Index>(points.size());
  Eigen::MatrixXd d(n, n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j) {
      const auto& a = points[static_cast<std::size_t>(i)];
      const auto& b = points[static_cast<std::size_t>(j)];
      d(i, j) = std::hypot(a.first - b.first, a.second - b.second);
    }
  return d;
}

TspData random_cities(Eigen::Index n, RandomStream& rng) {
  TspData data;
  data.name = "random" + std::to_string(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const double x = rng.uniform();
    data.coordinates.emplace_back(x, rng.uniform());
  }
  data.distance = euclidean_distances(data.coordinates);
  return data;
}

double tour_length(const Eigen::MatrixXd& d, const std::vector<std::int64_t>& tour) {
  double total = 0.0;
  const std::size_t n = tour.size();
  for (std::size_t k = 0; k < n; ++k) total += d(tour[k], tour[(k + 1) % n]);
  return total;
}

namespace {

/// 2-opt to a local optimum: reverse tour[i+1..j] while that shortens the tour.
void two_opt(const Eigen::MatrixXd& d, std::vector<std::int64_t>& t) {
  const std::size_t n = t.size();
  bool improved = true;
  while (improved) {
    improved = false;
    for (std::size_t i = 0; i + 2 < n; ++i)
      for (std::size_t j = i + 2; j < n; ++j) {
        const auto a = t[i], b = t[i + 1], c = t[j], e = t[(j + 1) % n];
        if (a == e) continue;
        const double delta = d(a, c) + d(b, e) - d(a, b) - d(c, e);
        if (delta < -1e-12) {
          std::reverse(t.begin() + static_cast<std::ptrdiff_t>(i + 1),
                       t.begin() + static_cast<std::ptrdiff_t>(j + 1));
          improved = true;
        }
      }
  }
}

}  // namespace

std::pair<double, std::vector<std::int64_t>> nearest_neighbour_two_opt(const Eigen::MatrixXd& d) {
  const Eigen::Index n = d.rows();
  double best = std::numeric_limits<double>::infinity();
  std::vector<std::int64_t> best_tour;
  for (Eigen::Index start = 0; start < n; ++start) {
    std::vector<std::int64_t> tour{start};
    std::vector<bool> used(static_cast<std::size_t>(n), false);
    used[static_cast<std::size_t>(start)] = true;
    for (Eigen::Index k = 1; k < n; ++k) {
      const auto last = tour.back();
      std::int64_t next = -1;
      for (Eigen::Index c = 0; c < n; ++c)
        if (!used[static_cast<std::size_t>(c)] && (next < 0 || d(last, c) < d(last, next)))
          next = c;
      used[static_cast<std::size_t>(next)] = true;
      tour.push_back(next);
    }
    two_opt(d, tour);
    const double len = tour_length(d, tour);
    if (len < best) {
      best = len;
      best_tour = tour;
    }
  }
  return {best, best_tour};
}

std::pair<double, std::vector<std::int64_t>> held_karp(const Eigen::MatrixXd& d) {
  const auto n = static_cast<int>(d.rows());
  if (n > 20) throw InputError("held_karp: more than 20 cities");
  if (n <= 3) {
    std::vector<std::int64_t> t(static_cast<std::size_t>(n));
    std::iota(t.begin(), t.end(), 0);
    return {tour_length(d, t), t};
  }
  // cost[S][j]: shortest path from city 0 through the cities of S (subsets of 1..n−1, bit j−1)
  // ending at j ∈ S.
  const int m = n - 1;
  const std::size_t subsets = std::size_t{1} << m;
  const double inf = std::numeric_limits<double>::infinity();
  std::vector<double> cost(subsets * static_cast<std::size_t>(m), inf);
  std::vector<std::int8_t> parent(subsets * static_cast<std::size_t>(m), -1);
  auto at = [m](std::size_t s, int j) {
    return s * static_cast<std::size_t>(m) + static_cast<std::size_t>(j);
  };
  for (int j = 0; j < m; ++j) cost[at(std::size_t{1} << j, j)] = d(0, j + 1);
  for (std::size_t s = 1; s < subsets; ++s)
    for (int j = 0; j < m; ++j) {
      if (!(s >> j & 1U) || s == (std::size_t{1} << j)) continue;
      const std::size_t prev = s & ~(std::size_t{1} << j);
      double best = inf;
      int arg = -1;
      for (int k = 0; k < m; ++k) {
        if (!(prev >> k & 1U)) continue;
        const double c = cost[at(prev, k)] + d(k + 1, j + 1);
        if (c < best) {
          best = c;
          arg = k;
        }
      }
      cost[at(s, j)] = best;
      parent[at(s, j)] = static_cast<std::int8_t>(arg);
    }
  const std::size_t all = subsets - 1;
  double best = inf;
  int last = -1;
  for (int j = 0; j < m; ++j) {
    const double c = cost[at(all, j)] + d(j + 1, 0);
    if (c < best) {
      best = c;
      last = j;
    }
  }
  std::vector<std::int64_t> tour;
  std::size_t s = all;
  while (last >= 0) {
    tour.push_back(last + 1);
    const int p = parent[at(s, last)];
    s &= ~(std::size_t{1} << last);
    last = p;
  }
  tour.push_back(0);
  std::reverse(tour.begin(), tour.end());
  return {best, tour};
}

double brute_force_tour(const Eigen::MatrixXd& d) {
  std::vector<std::int64_t> t(static_cast<std::size_t>(d.rows()));
  std::iota(t.begin(), t.end(), 0);
  double best = std::numeric_limits<double>::infinity();
  do {
    best = std::min(best, tour_length(d, t));
  } while (std::next_permutation(t.begin() + 1, t.end()));
  return best;
}

std::pair<Eigen::MatrixXd, Eigen::VectorXd> tsp_dense_encoding(const Eigen::MatrixXd& d,
                                                               const TspPenalties& p) {
  const Eigen::Index n = d.rows();
  const Eigen::Index big = n * n;
  Eigen::MatrixXd w = Eigen::MatrixXd::Constant(big, big, -p.c);
  for (Eigen::Index x = 0; x < n; ++x)
    for (Eigen::Index i = 0; i < n; ++i)
      for (Eigen::Index y = 0; y < n; ++y)
        for (Eigen::Index j = 0; j < n; ++j) {
          double& e = w(x + n * i, y + n * j);
          if (x == y) e -= p.a * (1.0 - p.kappa * (i == j));
          if (i == j) e -= p.b * (1.0 - p.kappa * (x == y));
          if (j == (i + 1) % n || j == (i + n - 1) % n) e -= p.d * d(x, y);
        }
  const Eigen::VectorXd bias =
      Eigen::VectorXd::Constant(big, (p.a + p.b) * p.rho + p.c * p.n_target);
  return {w, bias};
}

Solution decode_tour(const Eigen::MatrixXd& d, const Eigen::VectorXd& v) {
  const Eigen::Index n = d.rows();
  Solution s;
  s.assignment.assign(static_cast<std::size_t>(n), -1);
  const Eigen::Map<const Eigen::MatrixXd> m(v.data(), n, n);
  const Eigen::ArrayXXd on = (m.array() > 0.5).cast<double>();
  // Violations: cities not visited exactly once plus positions not holding exactly one city.
  s.violations = (on.rowwise().sum() != 1.0).count() + (on.colwise().sum() != 1.0).count();
  s.valid = s.violations == 0;
  if (!s.valid) return s;
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index x = 0; x < n; ++x)
      if (on(x, i) > 0) s.assignment[static_cast<std::size_t>(i)] = x;
  s.objective = tour_length(d, s.assignment);
  return s;
}

TspSystem::TspSystem(const Eigen::MatrixXd& d, const TspPenalties& p, ActivationKind kind,
                     double tau)
    : n_(d.rows()),
      d_(d),
      p_(p),
      kind_(kind),
      tau_(tau),
      v_(n_, n_),
      nb_(n_, n_),
      dn_(n_, n_),
      row_(n_),
      col_(n_) {}

void TspSystem::rhs(const Eigen::VectorXd& u, Eigen::VectorXd& dudt, double beta) {
  const Eigen::Map<const Eigen::MatrixXd> um(u.data(), n_, n_);
  Eigen::Map<Eigen::MatrixXd> du(dudt.data(), n_, n_);
  for (Eigen::Index k = 0; k < u.size(); ++k) v_.data()[k] = activate(kind_, beta, u(k));
  for (Eigen::Index i = 0; i < n_; ++i)
    nb_.col(i) = v_.col((i + 1) % n_) + v_.col((i + n_ - 1) % n_);
  dn_.noalias() = d_.lazyProduct(nb_);  // coefficient-based: no GEMM blocking workspace
  row_.noalias() = p_.a * v_.rowwise().sum();
  col_.noalias() = p_.b * v_.colwise().sum().transpose();
  const double total = v_.sum();
  const double common = p_.c * (total - p_.n_target) - (p_.a + p_.b) * p_.rho;
  const double self = (p_.a + p_.b) * p_.kappa;
  const double leak = 1.0 / tau_;
  for (Eigen::Index i = 0; i < n_; ++i) {
    const double col = col_(i) + common;
    for (Eigen::Index x = 0; x < n_; ++x)
      du(x, i) = -leak * um(x, i) - row_(x) - col + self * v_(x, i) - p_.d * dn_(x, i);
  }
}

void TspSystem::jacobian(const Eigen::VectorXd& u, Eigen::MatrixXd& j, double beta) {
  if (dense_w_.size() == 0) dense_w_ = tsp_dense_encoding(d_, p_).first;
  for (Eigen::Index c = 0; c < u.size(); ++c) {
    const double v = activate(kind_, beta, u(c));
    j.col(c) = dense_w_.col(c) * activation_slope(kind_, beta, u(c), v);
  }
  j.diagonal().array() -= 1.0 / tau_;
}

double TspSystem::energy(const Eigen::VectorXd& v, double beta) const {
  const Eigen::Map<const Eigen::MatrixXd> m(v.data(), n_, n_);
  Eigen::MatrixXd nb(n_, n_);
  for (Eigen::Index i = 0; i < n_; ++i) nb.col(i) = m.col((i + 1) % n_) + m.col((i + n_ - 1) % n_);
  const double total = m.sum();
  const double squares = m.squaredNorm();
  double e = 0.5 * p_.a * (m.rowwise().sum().squaredNorm() - p_.kappa * squares) +
             0.5 * p_.b * (m.colwise().sum().squaredNorm() - p_.kappa * squares) -
             (p_.a + p_.b) * p_.rho * total +
             0.5 * p_.c * (total - p_.n_target) * (total - p_.n_target) +
             0.5 * p_.d * (m.array() * (d_ * nb).array()).sum();
  double leak = 0.0;
  for (Eigen::Index k = 0; k < v.size(); ++k) leak += leak_integral(kind_, beta, v(k));
  return e + leak / tau_;
}

TspInstance::TspInstance(TspData data, TspPenalties penalties, Eigen::Index exact_max)
    : data_(std::move(data)), p_(penalties), exact_max_(exact_max) {}

Eigen::Index TspInstance::neurons() const {
  return data_.distance.rows() * data_.distance.rows();
}

Eigen::VectorXd TspInstance::initial(double beta, RandomStream& rng) const {
  // Hopfield & Tank (1985): u₀₀ puts Σ V = n at t = 0 (V = 1/n each), plus δu uniform in
  // ±0.1 u₀ (u₀ = 1/β) to break the symmetry.
  const auto n = static_cast<double>(data_.distance.rows());
  const double u00 = inverse_activation(ActivationKind::logistic, beta, 1.0 / n);
  Eigen::VectorXd u(neurons());
  for (Eigen::Index k = 0; k < u.size(); ++k)
    u(k) = u00 + p_.perturbation / beta * (2.0 * rng.uniform() - 1.0);
  return u;
}

ContinuousResult TspInstance::integrate(const Eigen::VectorXd& u0, const ContinuousOptions& o,
                                        RandomStream& rng) const {
  TspSystem system(data_.distance, p_, o.activation, o.tau);
  return integrate_continuous(system, u0, o, rng);
}

Solution TspInstance::decode(const Eigen::VectorXd& v) const {
  return decode_tour(data_.distance, v);
}

Baselines TspInstance::baselines() const {
  Baselines b;
  b.minimise = true;
  b.heuristic = nearest_neighbour_two_opt(data_.distance).first;
  if (data_.distance.rows() <= exact_max_) b.optimum = held_karp(data_.distance).first;
  return b;
}

std::unique_ptr<ProblemInstance> TspProblem::instance(RandomStream& rng) const {
  TspData data = data_ ? *data_ : random_cities(cities_, rng);
  return std::make_unique<TspInstance>(std::move(data), p_, exact_max_);
}

}  // namespace hopfield
