// Glauber (heat bath) and Metropolis dynamics (see
// hopfield/dynamics/discrete/stochastic_dynamics.hpp).
//
// The update of neuron i follows from the energy E = −½ sᵀWs + θᵀs − Iᵀs with the other neurons
// fixed. For symmetric W, E(s_i = x) = −x·a_i − ½ w_ii x² + (θ_i − I_i)·x + const, with
// a_i = Σ_{j≠i} w_ij s_j, so
//   G_i = E(off) − E(on) = (on − off)·h_eff,  h_eff = h_i − w_ii s_i + ½ w_ii (on + off),
// where h_i = Σ_j w_ij s_j − θ_i + I_i is the full field. With w_ii = 0, h_eff = h_i. The heat
// bath sets s_i = on with probability exp(−E(on)/T)/(exp(−E(on)/T) + exp(−E(off)/T)) =
// 1/(1 + exp(−G_i/T)): 1/(1 + exp(−2h_i/T)) for bipolar and 1/(1 + exp(−h_i/T)) for binary
// states. Metropolis flips with probability min(1, exp(−ΔE/T)), ΔE = ±G_i. Both satisfy detailed
// balance with respect to exp(−E/T). For non-symmetric W the same local rule is applied to the
// row field; it then has no energy function and its stationary distribution is not Boltzmann.
#include "hopfield/dynamics/discrete/stochastic_dynamics.hpp"

#include "field_engines.hpp"
#include "hopfield/core/couplings.hpp"

#include <cmath>
#include <cstdint>
#include <vector>

namespace hopfield {

double heat_bath_on_probability(double h_eff, double temperature, Representation r) {
  const double span = static_cast<double>(on_value(r) - off_value(r));
  return 1.0 / (1.0 + std::exp(-span * h_eff / temperature));
}

namespace {

template <class Fields>
DynamicsResult run_stochastic(Fields& fields, const Couplings& couplings, const Network& net,
                              const State& initial, RandomStream& rng,
                              const StochasticOptions& options, Acceptance acceptance,
                              const SweepObserver* observe) {
  const Eigen::Index n = net.size();
  const Representation r = net.representation;
  const float on = on_value(r);
  const float off = off_value(r);
  const double span = static_cast<double>(on - off);
  const double mid = 0.5 * static_cast<double>(on + off);
  const double scale = couplings.scale();
  const Eigen::VectorXd offset = net.offset();
  const double tolerance =
      tie_tolerance_for(options.auto_tolerance, options.tie_tolerance, couplings);
  const double temperature = options.temperature;
  const bool zero_temperature = temperature == 0.0;
  const double beta_span = zero_temperature ? 0.0 : span / temperature;

  // Only a kept diagonal changes h_eff; without one h_eff is bitwise the asynchronous field.
  const bool has_diagonal = !couplings.zero_diagonal();
  Eigen::VectorXd diagonal;
  if (has_diagonal) {
    diagonal.resize(n);
    for (Eigen::Index i = 0; i < n; ++i) diagonal[i] = scale * couplings.raw(i, i);
  }

  DynamicsResult result;
  State& s = result.state;
  s = initial;
  fields.reset(s);
  auto energy_now = [&] { return energy_from_quadratic(net, s, fields.quadratic(s)); };

  auto field = [&](Eigen::Index i) { return scale * fields.field(i, s) - offset[i]; };
  auto effective_field = [&](Eigen::Index i) {
    double h = field(i);
    if (has_diagonal) h += diagonal[i] * (mid - static_cast<double>(s[i]));
    return h;
  };

  auto next_value = [&](Eigen::Index i) -> float {
    const double h = effective_field(i);
    if (zero_temperature) return update_value(h, s[i], r, options.tie, tolerance);
    if (acceptance == Acceptance::heat_bath) {
      const double p_on = 1.0 / (1.0 + std::exp(-beta_span * h));
      return rng.uniform() < p_on ? on : off;
    }
    // E(flipped) − E(current): G_i when turning off, −G_i when turning on.
    const double delta_e = (s[i] == on ? span : -span) * h;
    if (delta_e <= 0.0 || rng.uniform() < std::exp(-delta_e / temperature)) return flipped(s[i], r);
    return s[i];
  };

  auto visit = [&](Eigen::Index i) -> std::int64_t {
    const float v = next_value(i);
    if (v == s[i]) return 0;
    fields.flip(i, s[i], v);
    s[i] = v;
    return 1;
  };

  std::vector<std::int32_t> permutation;
  if (options.order == UpdateOrder::random_permutation) {
    permutation.resize(static_cast<std::size_t>(n));
  }
  const bool need_energy = options.record_energy || observe != nullptr;
  if (options.record_energy)
    result.energy_trace.reserve(static_cast<std::size_t>(options.burn_in) +
                                static_cast<std::size_t>(options.measure_sweeps) + 1);
  double e = energy_now();
  if (options.record_energy) result.energy_trace.push_back(e);
  if (observe) (*observe)(SweepView{0, s, e, false});

  const int total = options.burn_in + options.measure_sweeps;
  while (result.sweeps < total) {
    std::int64_t changed = 0;
    switch (options.order) {
      case UpdateOrder::sequential:
        for (Eigen::Index i = 0; i < n; ++i) changed += visit(i);
        break;
      case UpdateOrder::random_permutation:
        rng.permutation(permutation);
        for (const std::int32_t i : permutation) changed += visit(i);
        break;
      case UpdateOrder::random_with_replacement:
        for (Eigen::Index k = 0; k < n; ++k) {
          changed += visit(static_cast<Eigen::Index>(rng.below(static_cast<std::uint64_t>(n))));
        }
        break;
    }
    ++result.sweeps;
    result.flips += changed;
    if (need_energy) e = energy_now();
    if (options.record_energy) result.energy_trace.push_back(e);
    if (observe) (*observe)(SweepView{result.sweeps, s, e, result.sweeps > options.burn_in});
  }
  result.reason = StopReason::sweeps;
  // `converged` keeps its meaning: the final state is a fixed point of the zero-temperature rule.
  result.converged = true;
  for (Eigen::Index i = 0; i < n && result.converged; ++i) {
    result.converged = update_value(field(i), s[i], r, options.tie, tolerance) == s[i];
  }
  result.energy = need_energy ? e : energy_now();
  return result;
}

DynamicsResult dispatch(const Network& net, const State& initial, RandomStream& rng,
                        const StochasticOptions& options, Acceptance acceptance,
                        const SweepObserver* observe) {
  check_discrete_inputs(net, initial);
  return detail::with_fields(*net.couplings, net.size(), [&](auto& fields) {
    return run_stochastic(fields, *net.couplings, net, initial, rng, options, acceptance, observe);
  });
}

}  // namespace

DynamicsResult StochasticDynamics::run(const Network& net, const State& initial,
                                       RandomStream& rng) const {
  return dispatch(net, initial, rng, options_, acceptance_, nullptr);
}

DynamicsResult StochasticDynamics::run_observed(const Network& net, const State& initial,
                                                RandomStream& rng,
                                                const SweepObserver& observe) const {
  return dispatch(net, initial, rng, options_, acceptance_, &observe);
}

}  // namespace hopfield
