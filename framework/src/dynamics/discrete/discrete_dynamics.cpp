// Zero-temperature discrete dynamics (Hopfield 1982). The dynamics keep raw fields g = M·s and
// form h_i = scale·g_i − (θ_i − I_i) on demand. Asynchronous updates patch g with one column of M
// per flip (O(N)); the coupling type is resolved once per run, so the per-neuron loop makes no
// virtual call for dense storage.
#include "hopfield/dynamics/discrete/discrete_dynamics.hpp"

#include "hopfield/core/couplings.hpp"
#include "hopfield/core/error.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace hopfield {

void check_discrete_inputs(const Network& net, const State& initial) {
  if (!net.couplings) throw InputError("network has no couplings");
  const Eigen::Index n = net.size();
  if (initial.size() != n) {
    throw InputError("initial state has " + std::to_string(initial.size()) +
                     " neurons, network has " + std::to_string(n));
  }
  if (net.threshold.size() != n || net.input.size() != n) {
    throw InputError("network thresholds/inputs have sizes " +
                     std::to_string(net.threshold.size()) + "/" + std::to_string(net.input.size()) +
                     ", expected " + std::to_string(n));
  }
  const float off = off_value(net.representation);
  const float on = on_value(net.representation);
  for (Eigen::Index i = 0; i < n; ++i) {
    if (initial[i] != on && initial[i] != off) {
      throw InputError("initial state value " + std::to_string(initial[i]) + " at neuron " +
                       std::to_string(i) + " is not valid for a " +
                       std::string(to_string(net.representation)) + " network");
    }
  }
}

/// Exact comparison for integer-valued couplings, whose fields are exact; otherwise the
/// configured tolerance absorbs rounding in the fields.
double tie_tolerance_for(bool auto_tolerance, double tie_tolerance, const Couplings& couplings) {
  return auto_tolerance && couplings.integer_valued() ? 0.0 : tie_tolerance;
}

namespace {

/// Everything the update of one neuron needs besides the state and the fields.
struct Rule {
  double scale;
  Eigen::VectorXd offset;
  Representation representation;
  TieRule tie;
  double tolerance;

  [[nodiscard]] float next(const State& s, const Eigen::VectorXd& g, Eigen::Index i) const {
    return update_value(scale * g[i] - offset[i], s[i], representation, tie, tolerance);
  }
  /// True when no neuron would change: s is a fixed point of the update rule.
  [[nodiscard]] bool fixed_point(const State& s, const Eigen::VectorXd& g) const {
    for (Eigen::Index i = 0; i < s.size(); ++i)
      if (next(s, g, i) != s[i]) return false;
    return true;
  }
};

Rule make_rule(const Network& net, const DiscreteOptions& options) {
  return Rule{net.couplings->scale(), net.offset(), net.representation, options.tie,
              tie_tolerance_for(options.auto_tolerance, options.tie_tolerance, *net.couplings)};
}

/// C is the concrete coupling type where known (DenseCouplings is final, so its calls are
/// direct), or the Couplings interface for other storages.
template <class C>
DynamicsResult run_async(const C& couplings, const Network& net, const State& initial,
                         RandomStream& rng, const DiscreteOptions& options, UpdateOrder order,
                         const SweepObserver* observe) {
  const Eigen::Index n = net.size();
  const Rule rule = make_rule(net, options);
  DynamicsResult result;
  State& s = result.state;
  s = initial;
  Eigen::VectorXd g;
  couplings.raw_fields(s, g);

  const bool need_energy =
      options.record_energy || options.stop == StopRule::energy_unchanged || observe != nullptr;
  double e = energy_from_fields(net, s, g);
  if (options.record_energy) result.energy_trace.push_back(e);
  if (observe) (*observe)(SweepView{0, s, e, false});

  auto visit = [&](Eigen::Index i) -> std::int64_t {
    const float v = rule.next(s, g, i);
    if (v == s[i]) return 0;
    couplings.add_column(i, static_cast<double>(v) - static_cast<double>(s[i]), g);
    s[i] = v;
    return 1;
  };

  std::vector<std::int32_t> permutation;
  if (order == UpdateOrder::random_permutation) permutation.resize(static_cast<std::size_t>(n));

  bool stopped = false;
  while (result.sweeps < options.max_sweeps) {
    std::int64_t changed = 0;
    switch (order) {
      case UpdateOrder::sequential:
        for (Eigen::Index i = 0; i < n; ++i) changed += visit(i);
        break;
      case UpdateOrder::random_permutation:
        rng.permutation(permutation);
        for (const std::int32_t i : permutation) changed += visit(i);
        break;
      case UpdateOrder::random_with_replacement:
        for (Eigen::Index k = 0; k < n; ++k)
          changed += visit(static_cast<Eigen::Index>(rng.below(static_cast<std::uint64_t>(n))));
        break;
    }
    ++result.sweeps;
    result.flips += changed;

    const double before = e;
    if (need_energy) e = energy_from_fields(net, s, g);
    if (options.record_energy) result.energy_trace.push_back(e);
    if (observe) (*observe)(SweepView{result.sweeps, s, e, true});

    if (options.stop == StopRule::fixed_point && changed == 0) {
      // A sweep with replacement misses about 1/e of the neurons, so a quiet sweep proves
      // nothing there; the fixed point is checked neuron by neuron.
      if (order != UpdateOrder::random_with_replacement || rule.fixed_point(s, g)) {
        result.reason = StopReason::fixed_point;
        result.converged = true;
        stopped = true;
        break;
      }
    } else if (options.stop == StopRule::energy_unchanged && e == before) {
      result.reason = StopReason::energy_unchanged;
      stopped = true;
      break;
    }
  }
  if (!stopped) {
    result.reason = options.stop == StopRule::sweeps ? StopReason::sweeps : StopReason::max_sweeps;
  }
  if (!result.converged) result.converged = rule.fixed_point(s, g);
  result.energy = need_energy ? e : energy_from_fields(net, s, g);
  return result;
}

DynamicsResult dispatch_async(const Network& net, const State& initial, RandomStream& rng,
                              const DiscreteOptions& options, UpdateOrder order,
                              const SweepObserver* observe) {
  check_discrete_inputs(net, initial);
  const Couplings* couplings = net.couplings.get();
  if (const auto* f32 = dynamic_cast<const DenseCouplings<float>*>(couplings)) {
    return run_async(*f32, net, initial, rng, options, order, observe);
  }
  if (const auto* f64 = dynamic_cast<const DenseCouplings<double>*>(couplings)) {
    return run_async(*f64, net, initial, rng, options, order, observe);
  }
  return run_async(*couplings, net, initial, rng, options, order, observe);
}

DynamicsResult run_sync(const Network& net, const State& initial, const DiscreteOptions& options,
                        const SweepObserver* observe) {
  check_discrete_inputs(net, initial);
  const Couplings& couplings = *net.couplings;
  const Eigen::Index n = net.size();
  const Rule rule = make_rule(net, options);
  DynamicsResult result;
  State& s = result.state;
  s = initial;
  State next(n);
  State older(n);  // s(t−1) once has_older; the three buffers rotate, so all have size N
  bool has_older = false;
  Eigen::VectorXd g;
  couplings.raw_fields(s, g);

  const bool need_energy =
      options.record_energy || options.stop == StopRule::energy_unchanged || observe != nullptr;
  double e = energy_from_fields(net, s, g);
  if (options.record_energy) result.energy_trace.push_back(e);
  if (observe) (*observe)(SweepView{0, s, e, false});

  bool stopped = false;
  while (result.sweeps < options.max_sweeps) {
    std::int64_t changed = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
      next[i] = rule.next(s, g, i);
      changed += next[i] != s[i] ? 1 : 0;
    }
    const bool fixed = changed == 0;
    const bool cycle = !fixed && has_older && next == older;
    older.swap(s);
    s.swap(next);
    has_older = true;
    ++result.sweeps;
    result.flips += changed;
    if (!fixed) couplings.raw_fields(s, g);

    const double before = e;
    if (need_energy) e = energy_from_fields(net, s, g);
    if (options.record_energy) result.energy_trace.push_back(e);
    if (observe) (*observe)(SweepView{result.sweeps, s, e, true});

    result.cycle = cycle;
    if (options.stop == StopRule::sweeps) continue;
    if (options.stop == StopRule::energy_unchanged && e == before) {
      result.reason = StopReason::energy_unchanged;
      stopped = true;
      break;
    }
    if (fixed) {
      result.reason = StopReason::fixed_point;
      stopped = true;
      break;
    }
    if (cycle) {
      result.reason = StopReason::cycle;
      stopped = true;
      break;
    }
  }
  if (!stopped) {
    result.reason = options.stop == StopRule::sweeps ? StopReason::sweeps : StopReason::max_sweeps;
  }
  result.converged = rule.fixed_point(s, g);
  result.energy = need_energy ? e : energy_from_fields(net, s, g);
  return result;
}

}  // namespace

DynamicsResult AsyncDynamics::run(const Network& net, const State& initial,
                                  RandomStream& rng) const {
  return dispatch_async(net, initial, rng, options_, order_, nullptr);
}

DynamicsResult AsyncDynamics::run_observed(const Network& net, const State& initial,
                                           RandomStream& rng, const SweepObserver& observe) const {
  return dispatch_async(net, initial, rng, options_, order_, &observe);
}

DynamicsResult SyncDynamics::run(const Network& net, const State& initial,
                                 RandomStream& /*rng*/) const {
  return run_sync(net, initial, options_, nullptr);
}

DynamicsResult SyncDynamics::run_observed(const Network& net, const State& initial,
                                          RandomStream& /*rng*/,
                                          const SweepObserver& observe) const {
  return run_sync(net, initial, options_, &observe);
}

}  // namespace hopfield
