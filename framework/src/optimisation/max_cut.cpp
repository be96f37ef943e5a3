// Max-Cut encoding and baselines (see hopfield/optimisation/max_cut.hpp).
#include "hopfield/optimisation/max_cut.hpp"

#include "hopfield/core/couplings.hpp"
#include "hopfield/core/error.hpp"
#include "hopfield/dynamics/continuous/continuous_dynamics.hpp"

namespace hopfield {

Eigen::MatrixXd random_graph(Eigen::Index n, double p, RandomStream& rng) {
  Eigen::MatrixXd w = Eigen::MatrixXd::Zero(n, n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = i + 1; j < n; ++j)
      if (rng.bernoulli(p)) w(i, j) = w(j, i) = 1.0;
  return w;
}

double cut_weight(const Eigen::MatrixXd& w, const std::vector<std::int64_t>& side) {
  double cut = 0.0;
  const auto n = static_cast<Eigen::Index>(side.size());
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = i + 1; j < n; ++j)
      if (side[static_cast<std::size_t>(i)] != side[static_cast<std::size_t>(j)]) cut += w(i, j);
  return cut;
}

double greedy_cut(const Eigen::MatrixXd& w) {
  const Eigen::Index n = w.rows();
  Eigen::VectorXd s = Eigen::VectorXd::Zero(n);
  for (Eigen::Index i = 0; i < n; ++i) s(i) = w.row(i).dot(s) > 0 ? -1.0 : 1.0;
  // One-flip local search: flip i while its edges to its own side outweigh those across.
  bool improved = true;
  while (improved) {
    improved = false;
    for (Eigen::Index i = 0; i < n; ++i)
      if (s(i) * w.row(i).dot(s) > 1e-12) {
        s(i) = -s(i);
        improved = true;
      }
  }
  std::vector<std::int64_t> side(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) side[static_cast<std::size_t>(i)] = s(i) > 0 ? 1 : -1;
  return cut_weight(w, side);
}

double exact_max_cut(const Eigen::MatrixXd& w) {
  const Eigen::Index n = w.rows();
  if (n > 24) throw InputError("exact_max_cut: more than 24 vertices");
  if (n < 2) return 0.0;
  // Vertex n−1 fixed on side +1; Gray code over the others, cut updated in O(n) per flip.
  Eigen::VectorXd s = Eigen::VectorXd::Ones(n);
  double cut = 0.0;
  double best = 0.0;
  const std::uint64_t count = std::uint64_t{1} << (n - 1);
  for (std::uint64_t k = 1; k < count; ++k) {
    const auto i = static_cast<Eigen::Index>(__builtin_ctzll(k));
    // Flipping i changes the cut by s_i Σ_j w_ij s_j (edges to its side become cut, and back).
    cut += s(i) * w.row(i).dot(s);
    s(i) = -s(i);
    best = std::max(best, cut);
  }
  return best;
}

Eigen::VectorXd MaxCutInstance::initial(double beta, RandomStream& rng) const {
  Eigen::VectorXd u(w_.rows());
  for (Eigen::Index i = 0; i < u.size(); ++i)
    u(i) = perturbation_ / beta * (2.0 * rng.uniform() - 1.0);
  return u;
}

ContinuousResult MaxCutInstance::integrate(const Eigen::VectorXd& u0, const ContinuousOptions& o,
                                           RandomStream& rng) const {
  Network net;
  net.couplings = make_dense_couplings(-w_, 1.0, false, Precision::float64);
  net.representation = Representation::bipolar;
  net.threshold = Eigen::VectorXd::Zero(w_.rows());
  net.input = Eigen::VectorXd::Zero(w_.rows());
  NetworkSystem system(net, o);
  return integrate_continuous(system, u0, o, rng);
}

Solution MaxCutInstance::decode(const Eigen::VectorXd& v) const {
  Solution s;
  s.valid = true;
  for (Eigen::Index i = 0; i < v.size(); ++i) s.assignment.push_back(v(i) > 0 ? 1 : -1);
  s.objective = cut_weight(w_, s.assignment);
  return s;
}

Baselines MaxCutInstance::baselines() const {
  Baselines b;
  b.minimise = false;
  b.heuristic = greedy_cut(w_);
  if (w_.rows() <= exact_max_) b.optimum = exact_max_cut(w_);
  return b;
}

std::unique_ptr<ProblemInstance> MaxCutProblem::instance(RandomStream& rng) const {
  return std::make_unique<MaxCutInstance>(graph_ ? *graph_ : random_graph(n_, p_, rng),
                                          perturbation_, exact_max_);
}

}  // namespace hopfield
