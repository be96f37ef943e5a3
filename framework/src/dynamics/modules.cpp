// The built-in dynamics modules: `async` and `sync` zero-temperature dynamics (Hopfield 1982),
// `glauber` and `metropolis` finite-temperature dynamics (Glauber 1963; Metropolis et al. 1953).
#include "hopfield/dynamics/modules.hpp"

#include "hopfield/dynamics/discrete/discrete_dynamics.hpp"
#include "hopfield/dynamics/discrete/stochastic_dynamics.hpp"

#include <memory>
#include <string>
#include <vector>

namespace hopfield {

namespace {

using config::Params;
using config::ParamSpec;

TieRule parse_tie(const std::string& text) {
  if (text == "plus") return TieRule::plus;
  if (text == "minus") return TieRule::minus;
  return TieRule::keep;
}

StopRule parse_stop(const std::string& text) {
  if (text == "energy_unchanged") return StopRule::energy_unchanged;
  if (text == "sweeps") return StopRule::sweeps;
  return StopRule::fixed_point;
}

UpdateOrder parse_order(const std::string& text) {
  if (text == "sequential") return UpdateOrder::sequential;
  if (text == "random_with_replacement") return UpdateOrder::random_with_replacement;
  return UpdateOrder::random_permutation;
}

std::vector<ParamSpec> common_params(const std::string& unit) {
  return {
      ParamSpec::integer("max_sweeps", "100",
                         "Most " + unit +
                             " to perform; a run that has not stopped by then ends with "
                             "reason max_sweeps (or reason sweeps under stop: sweeps).")
          .at_least(1),
      ParamSpec::choice(
          "tie", "keep", {"keep", "plus", "minus"},
          "What a neuron does when its field exactly equals its threshold (h = 0): keep its "
          "state (the textbook rule), turn on (plus: sign(0) = +1) or turn off (minus)."),
      ParamSpec::choice(
          "stop", "fixed_point", {"fixed_point", "energy_unchanged", "sweeps"},
          "When to stop: fixed_point stops once no neuron would change (an exact test); "
          "energy_unchanged stops when the energy after a " +
              unit.substr(0, unit.size() - 1) +
              " equals the energy before it (a widely copied tutorial's rule, which can stop "
              "before a fixed point is reached); sweeps runs exactly max_sweeps " +
              unit + ". The result always says whether the final state is a fixed point."),
      ParamSpec::real("tie_tolerance", "1e-6",
                      "Fields with |h| at or below this count as ties, absorbing rounding in "
                      "real-valued couplings. Integer-valued couplings (e.g. Hebbian) have exact "
                      "fields and always compare exactly, whatever this says.")
          .at_least(0),
  };
}

DiscreteOptions parse_options(const Params& p) {
  DiscreteOptions options;
  options.max_sweeps = static_cast<int>(p.integer("max_sweeps"));
  options.tie = parse_tie(p.text("tie"));
  options.stop = parse_stop(p.text("stop"));
  options.tie_tolerance = p.real("tie_tolerance");
  options.auto_tolerance = true;
  return options;
}

ParamSpec order_param() {
  return ParamSpec::choice(
      "order", "random_permutation",
      {"sequential", "random_permutation", "random_with_replacement"},
      "Order of the N single-neuron updates in a sweep: sequential (0, 1, …, N−1), "
      "random_permutation (a fresh random order every sweep; every neuron once), or "
      "random_with_replacement (N indices drawn independently; visits only about 63% of "
      "the neurons per sweep, kept for comparison with tutorial code).");
}

std::vector<ParamSpec> stochastic_params() {
  return {
      ParamSpec::real("temperature", "0.5",
                      "Temperature T ≥ 0 in the units of the local field (couplings are "
                      "normalised by N, so one pattern has its critical point at T = 1). T = 0 "
                      "is the deterministic asynchronous rule, ties resolved by `tie`.")
          .at_least(0),
      ParamSpec::integer("burn_in", "100",
                         "Sweeps run first to equilibrate; not part of the measurement.")
          .at_least(0),
      ParamSpec::integer("measure_sweeps", "200",
                         "Sweeps run after the burn-in, over which experiments average "
                         "(e.g. the thermal experiment's time-averaged overlap).")
          .at_least(1),
      order_param(),
      ParamSpec::choice(
          "tie", "keep", {"keep", "plus", "minus"},
          "At T = 0 only: what a neuron does when its field is exactly 0 (keep its state, turn "
          "on, turn off), as in `async`. At T > 0 a zero field is no special case."),
      ParamSpec::real("tie_tolerance", "1e-6",
                      "At T = 0: fields with |h| at or below this count as ties (real-valued "
                      "couplings; integer-valued couplings compare exactly).")
          .at_least(0),
  };
}

StochasticOptions parse_stochastic(const Params& p) {
  StochasticOptions options;
  options.temperature = p.real("temperature");
  options.burn_in = static_cast<int>(p.integer("burn_in"));
  options.measure_sweeps = static_cast<int>(p.integer("measure_sweeps"));
  options.order = parse_order(p.text("order"));
  options.tie = parse_tie(p.text("tie"));
  options.tie_tolerance = p.real("tie_tolerance");
  options.auto_tolerance = true;
  return options;
}

constexpr const char* stochastic_common_notes =
    " Runs exactly burn_in + measure_sweeps sweeps of N single-neuron updates (stop reason "
    "`sweeps`); `converged` says whether the final state happens to be a zero-temperature fixed "
    "point. Fields are kept incrementally (O(N) per flip) and the only randomness is the "
    "dynamics stream of the probe (order and acceptance draws). For symmetric couplings the "
    "stationary distribution is the Boltzmann distribution exp(−E/T) with E = −½ sᵀWs + θᵀs − "
    "Iᵀs; the rule is derived from the energy difference of the two values of s_i, so a kept "
    "diagonal (network.self_coupling) enters correctly, and T = 0 equals `async` exactly "
    "(same order, same draws, same ties) when w_ii = 0. For non-symmetric couplings the same "
    "local rule is applied but there is no energy and no Boltzmann distribution.";

}  // namespace

void register_dynamics_modules(config::Registry& registry) {
  auto& family = registry.family<Dynamics>("dynamics");

  auto async_params = common_params("sweeps");
  async_params.insert(async_params.begin(), order_param());
  family.add(
      config::ModuleDoc{
          .family = "dynamics",
          .name = "async",
          .help = "Asynchronous zero-temperature dynamics: one neuron at a time, s_i ← on if "
                  "h_i > 0, off if h_i < 0.",
          .params = std::move(async_params),
          .notes =
              "Hopfield (1982). The local field is h_i = Σ_j w_ij s_j − θ_i + I_i and the energy "
              "E = −½ sᵀWs + θᵀs − Iᵀs never increases for symmetric W with zero diagonal, so "
              "the dynamics reach a fixed point. Fields are kept incrementally (O(N) per flip). "
              "A sweep is N updates; `converged` is true only when the final state is an exact "
              "fixed point (every neuron agrees with the sign of its field). With "
              "`order: random_with_replacement` a sweep without a change is not taken as proof: "
              "the fixed point is checked for every neuron.",
      },
      [](const Params& p) -> std::unique_ptr<Dynamics> {
        return std::make_unique<AsyncDynamics>(parse_options(p), parse_order(p.text("order")));
      });

  family.add(
      config::ModuleDoc{
          .family = "dynamics",
          .name = "sync",
          .help = "Synchronous zero-temperature dynamics: all neurons update at once from the "
                  "previous state.",
          .params = common_params("steps"),
          .notes =
              "s_i(t+1) = on if h_i(s(t)) > 0, off if < 0. For symmetric W the only attractors "
              "are fixed points and 2-cycles (Goles-Chacc et al. 1985); a return to the state of "
              "two steps before ends the run with reason `cycle` and `converged: false`. Each "
              "step costs one matrix–vector product.",
      },
      [](const Params& p) -> std::unique_ptr<Dynamics> {
        return std::make_unique<SyncDynamics>(parse_options(p));
      });

  family.add(
      config::ModuleDoc{
          .family = "dynamics",
          .name = "glauber",
          .help = "Glauber heat-bath dynamics at temperature T: a visited neuron turns on with "
                  "probability 1/(1 + exp(−2h_i/T)) (bipolar) or 1/(1 + exp(−h_i/T)) (binary).",
          .params = stochastic_params(),
          .notes = std::string("Glauber (1963); Amit, Gutfreund & Sompolinsky (1985), Eq. 2.3. "
                               "P(s_i = on) = 1/(1 + exp(−(E(on) − E(off))/T)); for w_ii = 0, "
                               "E(off) − E(on) = (on − off)·h_i, which gives the bipolar and "
                               "binary forms above.") +
                   stochastic_common_notes,
      },
      [](const Params& p) -> std::unique_ptr<Dynamics> {
        return std::make_unique<StochasticDynamics>(parse_stochastic(p), Acceptance::heat_bath);
      });

  family.add(
      config::ModuleDoc{
          .family = "dynamics",
          .name = "metropolis",
          .help = "Metropolis dynamics at temperature T: a visited neuron proposes to flip and "
                  "the flip is accepted with probability min(1, exp(−ΔE/T)).",
          .params = stochastic_params(),
          .notes = std::string("Metropolis, Rosenbluth, Rosenbluth, Teller & Teller (1953). "
                               "ΔE = E(flipped) − E(current) = ±(on − off)·h_i for w_ii = 0. "
                               "A flip with ΔE = 0 is always accepted at T > 0; at T = 0 the "
                               "tie rule decides, as in `async`.") +
                   stochastic_common_notes,
      },
      [](const Params& p) -> std::unique_ptr<Dynamics> {
        return std::make_unique<StochasticDynamics>(parse_stochastic(p), Acceptance::metropolis);
      });
}

}  // namespace hopfield
