// The `separability` experiment (see hopfield/experiments/separability.hpp).
#include "hopfield/experiments/separability.hpp"

#include "hopfield/core/error.hpp"
#include "hopfield/experiments/parallel.hpp"
#include "hopfield/experiments/statistics.hpp"

#include <fmt/format.h>
#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

namespace hopfield {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

struct ProblemDeleter {
  void operator()(glp_prob* p) const { glp_delete_prob(p); }
};

/// Frees this thread's GLPK environment when a test ends (after its problem object), so that
/// no GLPK memory outlives a call (thread pools keep their threads).
struct EnvironmentGuard {
  EnvironmentGuard() = default;
  EnvironmentGuard(const EnvironmentGuard&) = delete;
  EnvironmentGuard& operator=(const EnvironmentGuard&) = delete;
  ~EnvironmentGuard() { glp_free_env(); }
};

/// The label of a pattern entry: its bipolar image (> 0 is +1).
double bipolar(std::int8_t v, Representation r) {
  return r == Representation::binary ? (v > 0 ? 1.0 : -1.0) : static_cast<double>(v);
}

}  // namespace

SeparabilityTest linearly_separable(const Eigen::MatrixXd& a, bool exact) {
  SeparabilityTest out;
  const auto p = static_cast<int>(a.rows());
  const auto d = static_cast<int>(a.cols());
  if (p == 0) {
    out.separable = true;
    return out;
  }
  if (d == 0) return out;              // no coupling at all: 0 ≥ 1 fails
  const EnvironmentGuard environment;  // destroyed after lp
  glp_term_out(GLP_OFF);  // per thread (GLPK keeps its environment in thread-local storage)
  const std::unique_ptr<glp_prob, ProblemDeleter> lp(glp_create_prob());
  glp_set_obj_dir(lp.get(), GLP_MIN);
  glp_add_rows(lp.get(), p);
  glp_add_cols(lp.get(), d);
  for (int r = 1; r <= p; ++r) glp_set_row_bnds(lp.get(), r, GLP_LO, 1.0, 0.0);
  for (int c = 1; c <= d; ++c) {
    glp_set_col_bnds(lp.get(), c, GLP_FR, 0.0, 0.0);
    glp_set_obj_coef(lp.get(), c, 0.0);
  }
  // The constraint matrix in GLPK's 1-based triplet form (index 0 unused); exact zeros left out.
  std::vector<int> ia{0}, ja{0};
  std::vector<double> ar{0.0};
  ia.reserve(static_cast<std::size_t>(p) * static_cast<std::size_t>(d) + 1);
  ja.reserve(ia.capacity());
  ar.reserve(ia.capacity());
  for (int r = 0; r < p; ++r)
    for (int c = 0; c < d; ++c) {
      const double v = a(r, c);
      if (v == 0.0) continue;
      ia.push_back(r + 1);
      ja.push_back(c + 1);
      ar.push_back(v);
    }
  glp_load_matrix(lp.get(), static_cast<int>(ar.size()) - 1, ia.data(), ja.data(), ar.data());

  glp_smcp parm;
  glp_init_smcp(&parm);
  parm.msg_lev = GLP_MSG_OFF;
  parm.presolve = GLP_OFF;  // glp_exact continues from the simplex's basis
  const int rc = glp_simplex(lp.get(), &parm);
  const bool float_ok = rc == 0;
  const bool float_separable = float_ok && glp_get_prim_stat(lp.get()) == GLP_FEAS;
  if (exact && float_separable) {
    // The simplex's w is a witness: a·w > 0 for every row proves strict separability. Each dot
    // product is checked against the rigorous bound of its floating-point rounding,
    // |fl(a·w) − a·w| ≤ γ_D Σ_j |a_j w_j| with γ_D = D·u/(1 − D·u) (Higham, Thm 3.1), so a
    // witness that passes is a proof; one that does not goes to the exact simplex.
    Eigen::VectorXd w(d);
    for (int c = 0; c < d; ++c) w[c] = glp_get_col_prim(lp.get(), c + 1);
    const double u = std::ldexp(1.0, -53);
    const double gamma = d * u / (1.0 - d * u);
    bool proven = w.allFinite();
    for (int r = 0; r < p && proven; ++r) {
      const double dot = a.row(r).dot(w);
      const double bound = gamma * a.row(r).cwiseAbs().dot(w.cwiseAbs());
      proven = dot > 2.0 * bound;
    }
    if (proven) {
      out.separable = true;
      return out;
    }
  }
  if (!exact) {
    if (!float_ok)
      throw NumericalError(fmt::format(
          "separability: GLPK's simplex failed (code {}) on a {} × {} feasibility problem; "
          "use experiment.exact: true",
          rc, p, d));
    out.separable = float_separable;
    return out;
  }
  // Infeasible in floating point (or a witness that could not be proven): rational arithmetic
  // from the current basis decides exactly (GLPK converts the double entries to rationals
  // without rounding).
  const int rc_exact = glp_exact(lp.get(), &parm);
  if (rc_exact != 0)
    throw NumericalError(fmt::format(
        "separability: GLPK's exact simplex failed (code {}) on a {} × {} feasibility problem",
        rc_exact, p, d));
  const int status = glp_get_prim_stat(lp.get());
  if (status != GLP_FEAS && status != GLP_NOFEAS)
    throw NumericalError(fmt::format(
        "separability: GLPK's exact simplex ended without deciding feasibility (status {})",
        status));
  out.separable = status == GLP_FEAS;
  out.float_disagreed = !float_ok || float_separable != out.separable;
  return out;
}

double cover_probability(Eigen::Index p, Eigen::Index d) {
  if (p <= d) return 1.0;
  // 2^{1−P} Σ_{k<D} binom(P−1, k) = P(B < D), B ~ Binomial(P − 1, ½): the terms by their
  // ratio (m − k)/(k + 1) in logs (no lgamma: it writes the global signgam, a data race).
  const auto m = static_cast<double>(p - 1);
  double log_term = -m * std::log(2.0);
  double sum = 0.0;
  for (Eigen::Index k = 0; k < d; ++k) {
    const auto kk = static_cast<double>(k);
    sum += std::exp(log_term);
    log_term += std::log(m - kk) - std::log(kk + 1.0);
  }
  return std::min(sum, 1.0);
}

std::vector<Column> SeparabilityExperiment::columns(const Model& model,
                                                    const TaskContext& /*context*/) const {
  if (!model.patterns)
    throw InputError("the separability experiment needs patterns (a `patterns:` section)");
  if (model.network.self_coupling)
    throw InputError(
        "the separability experiment tests a neuron's row without self-coupling (its inputs are "
        "the other N − 1 neurons); set network.self_coupling: false");
  const auto nonzero = [](const std::vector<double>& v) {
    return std::any_of(v.begin(), v.end(), [](double x) { return x != 0.0; });
  };
  if (nonzero(model.network.threshold) || nonzero(model.network.bias))
    throw InputError(
        "the separability experiment tests separability through the origin (zero threshold "
        "and bias); set network.threshold and network.bias to 0");
  return {
      {"/results/separable",
       DType::i64,
       {"neuron"},
       "1 if some row of couplings (without self-coupling) makes every pattern stable at this "
       "neuron: the patterns, labelled by the neuron's own bit, are linearly separable through "
       "the origin (exact LP feasibility test)",
       ""},
      {"/results/separable_fraction",
       DType::f64,
       {},
       "fraction of the tested neurons whose row can be separated",
       ""},
      {"/results/count", DType::i64, {}, "number of neurons tested", ""},
      {"/results/patterns_stored", DType::i64, {}, "number of patterns P", ""},
      {"/results/dimension",
       DType::i64,
       {},
       "inputs per neuron D = N − 1 (the dimension of the separation problem)",
       ""},
      {"/results/alpha", DType::f64, {}, "load α = P/N", ""},
      {"/results/cover_probability",
       DType::f64,
       {},
       "Cover's (1965) probability C(P, D)/2^P for points in general position, for reference",
       ""},
      {"/results/float_disagreed",
       DType::i64,
       {},
       "tested neurons where GLPK's floating-point simplex alone gave a different answer "
       "than the exact one (or failed); 0 when experiment.exact is false",
       ""},
  };
}

TaskResult SeparabilityExperiment::run_task(const Model& model, std::uint64_t point,
                                            std::uint64_t trial, const TaskContext& context) const {
  const Eigen::Index n = model.network.neurons;
  RandomStream pattern_rng(model.seed, Purpose::patterns, 0, trial, 0);
  const PatternSet ps = model.patterns->generate({n, model.network.representation}, pattern_rng);
  const Eigen::Index p = ps.count();
  const Eigen::Index d = n - 1;
  const Eigen::Index tested = options_.neurons > 0 ? std::min(options_.neurons, n) : n;

  std::vector<double> separable(static_cast<std::size_t>(tested));
  std::vector<char> disagreed(separable.size(), 0);
  parallel_for(static_cast<std::int64_t>(tested), context, [&](std::size_t ui) {
    const auto i = static_cast<Eigen::Index>(ui);
    Eigen::MatrixXd a(p, d);
    if (options_.gaussian) {
      // The neuron's own inputs, keyed by (trial, neuron): the same at every point of equal N.
      // Rounded to multiples of 1/16 and kept as the integers round(16 z): the scale does not
      // change separability, and small integers keep the exact simplex fast (53-bit rationals
      // make it slower by orders of magnitude); such points are in general position except
      // with negligible probability.
      RandomStream rng(model.seed, Purpose::patterns, 0, trial, 1 + ui);
      for (Eigen::Index mu = 0; mu < p; ++mu)
        for (Eigen::Index j = 0; j < d; ++j) a(mu, j) = std::round(16.0 * rng.normal());
    } else {
      for (Eigen::Index mu = 0; mu < p; ++mu)
        for (Eigen::Index j = 0, c = 0; j < n; ++j)
          if (j != i) a(mu, c++) = bipolar(ps.xi(mu, j), ps.representation);
    }
    for (Eigen::Index mu = 0; mu < p; ++mu) a.row(mu) *= bipolar(ps.xi(mu, i), ps.representation);
    const SeparabilityTest t = linearly_separable(a, options_.exact);
    separable[ui] = t.separable ? 1.0 : 0.0;
    disagreed[ui] = t.float_disagreed ? 1 : 0;
  });

  double fraction = 0.0;
  for (double s : separable) fraction += s;
  fraction = tested > 0 ? fraction / static_cast<double>(tested) : nan;
  std::int64_t disagreements = 0;
  for (char c : disagreed) disagreements += c;

  TaskResult r;
  r.point = point;
  r.trial = trial;
  r.slices.push_back(Slice::vector(std::move(separable)));
  r.slices.push_back(Slice::scalar(fraction));
  r.slices.push_back(Slice::scalar(static_cast<double>(tested)));
  r.slices.push_back(Slice::scalar(static_cast<double>(p)));
  r.slices.push_back(Slice::scalar(static_cast<double>(d)));
  r.slices.push_back(Slice::scalar(static_cast<double>(p) / static_cast<double>(n)));
  r.slices.push_back(Slice::scalar(cover_probability(p, d)));
  r.slices.push_back(Slice::scalar(static_cast<double>(disagreements)));
  return r;
}

std::string SeparabilityExperiment::summary(const Record& record) const {
  std::string out = "separability:";
  const Dataset* count = record.find("/results/count");
  if (count != nullptr) {
    out += fmt::format(" {} neuron problem(s) over {} point(s) × {} trial(s)",
                       integer_total(*count), count->shape[0], count->shape[1]);
  }
  if (const Dataset* s = record.find("/results/separable")) {
    const MeanError e = trial_mean_and_error(*s);
    out += fmt::format("; separable {:.1f}%", 100 * e.mean);
  }
  const Dataset* fd = record.find("/results/float_disagreed");
  if (fd != nullptr && options_.exact)
    out += fmt::format("; the floating-point simplex disagreed with the exact one {} time(s)",
                       integer_total(*fd));
  const Dataset* m = record.find("/summary/separable_mean");
  const Dataset* e = record.find("/summary/separable_sem");
  const Dataset* p = record.find("/results/patterns_stored");
  const Dataset* d = record.find("/results/dimension");
  const Dataset* cover = record.find("/results/cover_probability");
  std::string details;
  if (m != nullptr && e != nullptr && p != nullptr && d != nullptr && cover != nullptr &&
      m->f64.size() <= 40) {
    const std::size_t trials = p->shape[1];
    details += "per point (P, D: fraction separable ± s.e.; Cover C(P, D)/2^P):";
    for (std::size_t pt = 0; pt < m->f64.size(); ++pt)
      details += fmt::format("\n  [{}] P = {}, D = {}: {:.4f} ± {:.4f}; Cover {:.4f}", pt,
                             p->i64[pt * trials], d->i64[pt * trials], m->f64[pt], e->f64[pt],
                             cover->f64[pt * trials]);
  }
  return details.empty() ? out : out + "\n" + details;
}

void register_separability(config::Registry& registry) {
  using config::ParamSpec;
  config::ModuleDoc doc{
      "experiment",
      "separability",
      "for each tested neuron, decide exactly (linear programming, GLPK) whether any row of "
      "couplings makes all stored patterns stable there: Cover's separability of P points in "
      "D = N − 1 dimensions, Gardner's capacity α_c = 2",
      {ParamSpec::integer("neurons", "0",
                          "neurons tested per trial, the first ones (0: all N); each is one "
                          "feasibility problem with P constraints and N − 1 unknowns")
           .at_least(0),
       ParamSpec::choice("inputs", "patterns", {"patterns", "gaussian"},
                         "the neuron's inputs: the other neurons' bits of the patterns, or "
                         "independent standard Gaussians rounded to multiples of 1/16 (points "
                         "in general position, Cover's setting); the labels are always the "
                         "neuron's own bits"),
       ParamSpec::boolean("exact", "true",
                          "prove every answer: a separating w from the floating-point simplex "
                          "is checked with rigorous rounding-error bounds, and every other "
                          "answer is re-decided by GLPK's rational-arithmetic simplex "
                          "(glp_exact); false trusts the floating-point simplex")},
      "Neuron i stores the patterns as fixed points (zero threshold, no self-coupling) exactly "
      "when some w ∈ R^{N−1} has ξ_i^μ Σ_{j≠i} w_j ξ_j^μ > 0 for all μ; scaled to margin 1, "
      "this is the linear feasibility problem y_μ x^μ·w ≥ 1 with y_μ = ξ_i^μ, x^μ the pattern "
      "without component i. GLPK's primal simplex solves it (presolver off). A w it returns is "
      "a witness: a·w > 0 is verified for every row against the bound γ_D Σ|a_j w_j| on the "
      "rounding of the dot product, which proves separability; an infeasible answer (or a "
      "witness that fails the check) is re-solved by glp_exact from the final basis in "
      "rational arithmetic, so a `separable` 0 is a proof of infeasibility, not a perceptron "
      "that failed to converge. /results/float_disagreed counts the problems where the "
      "floating-point answer alone differed. Patterns enter as bipolar images. For random "
      "labels and points in general position the probability is Cover's (1965) C(P, D)/2^P, "
      "C(P, D) = 2 Σ_{k<D} binom(P−1, k), exactly ½ at P = 2D (Gardner 1988: α_c(κ = 0) = 2 "
      "as N → ∞); `inputs: gaussian` is that setting (the Gaussians are rounded to multiples "
      "of 1/16 and scaled to integers, which keeps the rational arithmetic fast and leaves "
      "the points in general position except with negligible probability), while ±1 patterns "
      "are not in general position. The exact simplex costs most of the time: about 0.3 s per "
      "infeasible problem at D = 100, P = 200 with ±1 inputs and about 1.5 s with Gaussian ones, "
      "growing steeply with D. Margins κ > 0 "
      "(the norm constraint) make the problem quadratic, not linear: see the `krauth_mezard` "
      "rule and the capacity experiment's `stability` option. Network threshold, bias and "
      "self-coupling must be off; no learning or dynamics is run (those sections are "
      "validated but unused)."};
  registry.family<Experiment>("experiment").add(doc, [](const config::Params& p) {
    SeparabilityOptions o;
    o.neurons = static_cast<Eigen::Index>(p.integer("neurons"));
    o.gaussian = p.text("inputs") == "gaussian";
    o.exact = p.flag("exact");
    return std::make_unique<SeparabilityExperiment>(o);
  });
}

}  // namespace hopfield
