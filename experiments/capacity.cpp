// The `capacity` experiment (see hopfield/experiments/capacity.hpp).
#include "hopfield/experiments/capacity.hpp"

#include "hopfield/core/error.hpp"
#include "hopfield/dynamics/discrete/discrete_dynamics.hpp"
#include "hopfield/experiments/parallel.hpp"
#include "hopfield/experiments/statistics.hpp"
#include "hopfield/measure/overlap.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <mutex>
#include <numeric>

namespace hopfield {

namespace {

constexpr double nan = std::numeric_limits<double>::quiet_NaN();

const std::vector<std::string>& estimate_metrics() {
  static const std::vector<std::string> names{"success_from_pattern", "overlap_from_pattern",
                                              "fixed_point", "success_from_cue",
                                              "overlap_from_cue"};
  return names;
}

/// Mean of each (point, trial) block of a per-pattern dataset.
std::vector<double> block_means(const Dataset& ds, std::size_t point) {
  const std::size_t trials = ds.shape[1];
  const std::size_t block = ds.shape.size() > 2 ? ds.shape[2] : 1;
  std::vector<double> out(trials, nan);
  for (std::size_t t = 0; t < trials; ++t) {
    double sum = 0.0;
    std::size_t n = 0;
    for (std::size_t k = 0; k < block; ++k) {
      const std::size_t slot = (point * trials + t) * block + k;
      const double v = ds.dtype == DType::i64
                           ? (ds.i64[slot] < 0 ? nan : static_cast<double>(ds.i64[slot]))
                           : ds.f64[slot];
      if (std::isnan(v)) continue;
      sum += v;
      ++n;
    }
    if (n > 0) out[t] = sum / static_cast<double>(n);
  }
  return out;
}

}  // namespace

double bootstrap_percentile(std::vector<double> v, double q) {
  std::erase_if(v, [](double x) { return std::isnan(x); });
  if (v.empty()) return nan;
  std::sort(v.begin(), v.end());
  const double pos = q * static_cast<double>(v.size() - 1);
  const auto lo = static_cast<std::size_t>(std::floor(pos));
  const auto hi = std::min(lo + 1, v.size() - 1);
  if (!std::isfinite(v[lo]) || !std::isfinite(v[hi])) return nan;  // outside the sweep
  return v[lo] + (pos - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

double crossing_or_bound(const std::vector<double>& alpha, const std::vector<double>& y,
                         double level) {
  const double c = crossing(alpha, y, level);
  if (!std::isnan(c)) return c;
  bool any = false, all_above = true, all_below = true;
  for (double v : y) {
    if (std::isnan(v)) continue;
    any = true;
    all_above = all_above && v >= level;
    all_below = all_below && v < level;
  }
  if (!any) return nan;
  if (all_above) return std::numeric_limits<double>::infinity();
  if (all_below) return -std::numeric_limits<double>::infinity();
  return nan;
}

double crossing(const std::vector<double>& alpha, const std::vector<double>& y, double level) {
  for (std::size_t k = 0; k + 1 < alpha.size(); ++k) {
    if (std::isnan(y[k]) || std::isnan(y[k + 1])) continue;
    if (y[k] >= level && y[k + 1] < level) {
      const double t = (y[k] - level) / (y[k] - y[k + 1]);
      return alpha[k] + t * (alpha[k + 1] - alpha[k]);
    }
  }
  return nan;
}

std::vector<Column> CapacityExperiment::columns(const Model& model,
                                                const TaskContext& /*context*/) const {
  std::vector<Column> cols{
      {"/results/fixed_point",
       DType::i64,
       {"pattern"},
       "1 if the stored pattern is an exact fixed point (no neuron would change)",
       ""},
      {"/results/unstable_fraction",
       DType::f64,
       {"pattern"},
       "fraction of the pattern's neurons that one update would flip (one-step error rate)",
       ""},
      {"/results/overlap_from_pattern",
       DType::f64,
       {"pattern"},
       "final overlap with the pattern, dynamics started at the pattern",
       ""},
      {"/results/success_from_pattern",
       DType::i64,
       {"pattern"},
       "1 if overlap_from_pattern ≥ success_overlap",
       ""},
      {"/results/sweeps_from_pattern",
       DType::i64,
       {"pattern"},
       "sweeps of the dynamics started at the pattern",
       "sweeps"},
      {"/results/overlap_from_cue",
       DType::f64,
       {"pattern"},
       "final overlap with the pattern, dynamics started at a cue made by the probe noise",
       ""},
      {"/results/success_from_cue",
       DType::i64,
       {"pattern"},
       "1 if overlap_from_cue ≥ success_overlap",
       ""},
      {"/results/count", DType::i64, {}, "number of patterns tested", ""},
      {"/results/alpha", DType::f64, {}, "load α = P/N", ""},
      {"/results/learning_converged",
       DType::i64,
       {},
       "1 if the learning rule reached its criterion",
       ""},
  };
  if (options_.stability) {
    if (model.network.representation != Representation::bipolar)
      throw InputError(
          "experiment.stability needs bipolar neurons (Gardner's stability ξ_i h_i/|w_i| is "
          "defined for ±1 patterns)");
    cols.push_back({"/results/stability",
                    DType::f64,
                    {"neuron"},
                    "stability of each neuron: min over the tested patterns of ξ_i^μ h_i^μ/|w_i| "
                    "(h_i^μ = Σ_j w_ij ξ_j^μ, |w_i| the Euclidean norm of row i; Gardner 1988), "
                    "0 for a zero row",
                    ""});
  }
  return cols;
}

TaskResult CapacityExperiment::run_task(const Model& model, std::uint64_t point,
                                        std::uint64_t trial, const TaskContext& context) const {
  const Trial t = build_trial(model, trial, context.threads);
  const PatternSet& ps = t.patterns;
  const Network& net = t.network;
  const Eigen::Index n = net.size();
  const Eigen::Index np = options_.probes > 0 ? std::min(options_.probes, ps.count()) : ps.count();
  const Representation rep = net.representation;

  // Stability of every tested pattern from one batched field computation (G = M Ξᵀ).
  const Eigen::MatrixXf s = ps.xi.topRows(np).transpose().cast<float>();
  Eigen::MatrixXd g;
  net.couplings->raw_fields_batch(s, g);
  const Eigen::VectorXd offset = net.offset();
  const double tolerance = net.couplings->integer_valued() ? 0.0 : 1e-6;
  const double scale = net.couplings->scale();

  std::vector<double> fixed(static_cast<std::size_t>(np)), unstable(fixed.size());
  std::vector<double> m_pattern(fixed.size()), ok_pattern(fixed.size()),
      sweeps_pattern(fixed.size()), m_cue(fixed.size()), ok_cue(fixed.size());
  parallel_for(static_cast<std::int64_t>(np), context, [&](std::size_t uk) {
    const auto mu = static_cast<Eigen::Index>(uk);
    std::int64_t flips = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
      const double h = scale * g(i, mu) - offset(i);
      if (update_value(h, s(i, mu), rep, TieRule::keep, tolerance) != s(i, mu)) ++flips;
    }
    fixed[uk] = flips == 0 ? 1.0 : 0.0;
    unstable[uk] = static_cast<double>(flips) / static_cast<double>(n);

    const State start = ps.pattern(mu);
    RandomStream rng_a(model.seed, Purpose::dynamics, point, trial, 2 * uk);
    const DynamicsResult from_pattern = model.dynamics->run(net, start, rng_a);
    m_pattern[uk] = overlap(ps, mu, from_pattern.state);
    ok_pattern[uk] = m_pattern[uk] >= options_.success_overlap ? 1.0 : 0.0;
    sweeps_pattern[uk] = from_pattern.sweeps;

    const State cue = make_cue(model, start, trial, uk);
    RandomStream rng_b(model.seed, Purpose::dynamics, point, trial, 2 * uk + 1);
    const DynamicsResult from_cue = model.dynamics->run(net, cue, rng_b);
    m_cue[uk] = overlap(ps, mu, from_cue.state);
    ok_cue[uk] = m_cue[uk] >= options_.success_overlap ? 1.0 : 0.0;
  });

  TaskResult r;
  for (auto* v : {&fixed, &unstable, &m_pattern, &ok_pattern, &sweeps_pattern, &m_cue, &ok_cue})
    r.slices.push_back(Slice::vector(std::move(*v)));
  r.slices.push_back(Slice::scalar(static_cast<double>(np)));
  r.slices.push_back(
      Slice::scalar(static_cast<double>(ps.count()) / static_cast<double>(ps.neurons())));
  r.slices.push_back(Slice::scalar(t.learning_converged ? 1.0 : 0.0));
  if (options_.stability) {
    // Δ_i = min_μ ξ_i^μ (Wξ^μ)_i / |w_i| from the fields above; the coupling scale cancels.
    std::vector<double> stability(static_cast<std::size_t>(n));
    parallel_for(static_cast<std::int64_t>(n), context, [&](std::size_t ui) {
      const auto i = static_cast<Eigen::Index>(ui);
      double norm2 = 0.0;
      for (Eigen::Index j = 0; j < n; ++j) {
        const double w = net.couplings->raw(i, j);
        norm2 += w * w;
      }
      double least = std::numeric_limits<double>::infinity();
      for (Eigen::Index mu = 0; mu < np; ++mu)
        least = std::min(least, static_cast<double>(s(i, mu)) * g(i, mu));
      stability[ui] = norm2 > 0.0 && np > 0 ? least / std::sqrt(norm2) : 0.0;
    });
    r.slices.push_back(Slice::vector(std::move(stability)));
  }
  return r;
}

void CapacityExperiment::finish(const std::vector<const Model*>& points, Record& record) const {
  const Dataset* alpha_ds = record.find("/results/alpha");
  const Dataset* metric = record.find("/results/" + options_.estimate_metric);
  if (alpha_ds == nullptr || metric == nullptr) return;
  const std::size_t n_points = alpha_ds->shape[0];
  const std::size_t trials = alpha_ds->shape[1];

  // Curves: points that differ only in their load (P or α) form one curve.
  std::vector<std::string> labels(n_points);
  for (const auto& ds : record.datasets) {
    if (ds.path.rfind("/points/", 0) != 0) continue;
    const std::string key = ds.path.substr(8);
    if (key == "patterns.alpha" || key == "patterns.count") continue;
    for (std::size_t p = 0; p < n_points; ++p)
      labels[p] += (labels[p].empty() ? "" : ", ") + key + "=" +
                   (ds.dtype == DType::text ? ds.text[p] : fmt::format("{:g}", ds.f64[p]));
  }
  std::vector<std::string> groups;
  std::map<std::string, std::vector<std::size_t>> members;
  for (std::size_t p = 0; p < n_points; ++p) {
    if (!members.contains(labels[p])) groups.push_back(labels[p]);
    members[labels[p]].push_back(p);
  }

  Dataset& alpha_c = record.add(
      "/capacity/alpha_c", DType::f64, {groups.size()}, {"curve"},
      fmt::format("load where the trial mean of /results/{} falls through {} (linear "
                  "interpolation between sweep points; NaN if it does not within the sweep)",
                  options_.estimate_metric, options_.level));
  Dataset& ci =
      record.add("/capacity/alpha_c_ci", DType::f64, {groups.size(), 2}, {"curve", "bound"},
                 fmt::format("95% percentile bootstrap interval of alpha_c over trials "
                             "({} resamples; trials resampled jointly across the "
                             "curve's points; NaN for a bound outside the sweep)",
                             options_.bootstrap));
  Dataset& names = record.add("/capacity/curve", DType::text, {groups.size()}, {"curve"},
                              "the swept values (other than the load) that define each curve");
  for (std::size_t gi = 0; gi < groups.size(); ++gi) {
    std::vector<std::size_t> idx = members[groups[gi]];
    std::sort(idx.begin(), idx.end(), [&](std::size_t a, std::size_t b) {
      return alpha_ds->f64[a * trials] < alpha_ds->f64[b * trials];
    });
    std::vector<double> alpha;
    std::vector<std::vector<double>> per_trial;
    for (auto p : idx) {
      alpha.push_back(alpha_ds->f64[p * trials]);
      per_trial.push_back(block_means(*metric, p));
    }
    // A resample whose curve does not fall through the level within the sweep still counts
    // (as ±∞, beyond the end it lies on); dropping it would narrow the interval.
    auto curve = [&](const std::vector<std::size_t>& sample) {
      std::vector<double> y;
      for (const auto& values : per_trial) {
        double sum = 0.0;
        std::size_t n = 0;
        for (auto t : sample)
          if (!std::isnan(values[t])) {
            sum += values[t];
            ++n;
          }
        y.push_back(n > 0 ? sum / static_cast<double>(n) : nan);
      }
      return crossing_or_bound(alpha, y, options_.level);
    };
    std::vector<std::size_t> all(trials);
    std::iota(all.begin(), all.end(), 0);
    const double estimate = curve(all);
    alpha_c.f64[gi] = std::isfinite(estimate) ? estimate : nan;
    std::vector<double> boot;
    RandomStream rng(points.front()->seed, Purpose::analysis, 0, gi, 0);
    std::vector<std::size_t> sample(trials);
    for (int b = 0; b < options_.bootstrap && trials > 1; ++b) {
      for (auto& s : sample) s = rng.below(trials);
      boot.push_back(curve(sample));
    }
    ci.f64[2 * gi] = bootstrap_percentile(boot, 0.025);
    ci.f64[2 * gi + 1] = bootstrap_percentile(boot, 0.975);
    names.text[gi] = groups[gi].empty() ? "(all points)" : groups[gi];
  }
}

std::string CapacityExperiment::summary(const Record& record) const {
  std::string out = "capacity:";
  if (const Dataset* a = record.find("/results/alpha"))
    out += fmt::format(" {} load(s) × {} trial(s)", a->shape[0], a->shape[1]);
  if (const auto* ds = record.find("/results/fixed_point"))
    out += fmt::format("; patterns that are fixed points {:.1f}%",
                       100 * trial_mean_and_error(*ds).mean);
  if (const auto* ds = record.find("/results/stability")) {
    const MeanError e = trial_mean_and_error(*ds);
    out += fmt::format("; neuron stability min_μ ξh/|w| {:.4f} ± {:.4f} (mean over neurons)",
                       e.mean, e.error);
  }
  std::string details;
  const Dataset* ac = record.find("/capacity/alpha_c");
  const Dataset* ci = record.find("/capacity/alpha_c_ci");
  const Dataset* curve = record.find("/capacity/curve");
  if (ac != nullptr && ci != nullptr && curve != nullptr) {
    for (std::size_t g = 0; g < ac->f64.size(); ++g)
      details += fmt::format(
          "{}alpha_c ({} falls through {}) = {:.4f}, 95% CI [{:.4f}, {:.4f}]"
          " — {}",
          details.empty() ? "" : "\n", options_.estimate_metric, options_.level, ac->f64[g],
          ci->f64[2 * g], ci->f64[2 * g + 1], curve->text[g]);
  }
  return details.empty() ? out : out + "\n" + details;
}

void register_capacity(config::Registry& registry) {
  using config::ParamSpec;
  config::ModuleDoc doc{
      "experiment",
      "capacity",
      "store P = αN patterns and measure fixed points, one-step errors and retrieval from "
      "each pattern and from noisy cues; estimate the critical load α_c with a bootstrap "
      "interval",
      {ParamSpec::integer("probes", "0", "patterns tested per trial (0: every stored pattern)")
           .at_least(0),
       ParamSpec::real("success_overlap", "0.9",
                       "retrieval counts as a success when the final overlap is at least this")
           .range(-1.0, 1.0),
       ParamSpec::choice("estimate", "success_from_pattern", estimate_metrics(),
                         "the metric whose trial mean, as a function of the load, defines "
                         "α_c"),
       ParamSpec::real("level", "0.5", "α_c is where the metric falls through this level")
           .range(0.0, 1.0),
       ParamSpec::integer("bootstrap", "1000", "bootstrap resamples for the α_c interval")
           .range(0, 1e6),
       ParamSpec::boolean("stability", "false",
                          "also record /results/stability: each neuron's min over the tested "
                          "patterns of ξ_i h_i/|w_i| (Gardner 1988), e.g. the margin a "
                          "krauth_mezard row reached")},
      "Sweep the load with `sweep.grid: {patterns.alpha: …}`; other swept keys (e.g. "
      "learning.type) make separate curves, each with its own α_c. The finite-size α_c from "
      "P(m > 0.9) sits above the thermodynamic 0.138 (Amit, Gutfreund & Sompolinsky 1987) at "
      "small N (about 0.16 at N = 1000)."};
  registry.family<Experiment>("experiment").add(doc, [](const config::Params& p) {
    CapacityOptions o;
    o.probes = static_cast<Eigen::Index>(p.integer("probes"));
    o.success_overlap = p.real("success_overlap");
    o.estimate_metric = p.text("estimate");
    o.level = p.real("level");
    o.bootstrap = static_cast<int>(p.integer("bootstrap"));
    o.stability = p.flag("stability");
    return std::make_unique<CapacityExperiment>(std::move(o));
  });
}

}  // namespace hopfield
