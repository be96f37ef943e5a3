// The built-in dynamics modules: `async` and `sync` zero-temperature dynamics (Hopfield 1982),
// `glauber` and `metropolis` finite-temperature dynamics (Glauber 1963; Metropolis et al. 1953).
#include "hopfield/dynamics/modules.hpp"

#include "hopfield/dynamics/continuous/continuous_dynamics.hpp"
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

std::vector<ParamSpec> continuous_params() {
  return {
      ParamSpec::section(
          "activation",
          {ParamSpec::choice("type", "tanh", {"tanh", "logistic", "piecewise_linear"},
                             "g: tanh v = tanh(βu) ∈ (−1,1) (bipolar networks); logistic v = "
                             "½(1 + tanh(βu)) ∈ (0,1) (binary networks; Hopfield–Tank's "
                             "½(1 + tanh(u/u₀)) is β = 1/u₀); piecewise_linear v = clamp(βu, −1, "
                             "1) (bipolar)"),
           ParamSpec::real("gain", "1.0",
                           "gain β (the slope of g at u = 0 is β, or β/2 "
                           "for logistic)")
               .above(0)},
          "the activation v = g(u) and its gain β; it fixes the output range, which must match "
          "network.representation"),
      ParamSpec::section(
          "gain_schedule",
          {ParamSpec::real("from", "1.0", "gain β at t = 0").above(0),
           ParamSpec::real("to", "1.0", "gain β from t = over on").above(0),
           ParamSpec::real("over", "0.0",
                           "time over which β goes linearly from `from` to `to` (gain "
                           "annealing); 0 keeps activation.gain throughout")
               .at_least(0)},
          "optional gain annealing; replaces activation.gain when over > 0"),
      ParamSpec::choice("integrator", "dopri5",
                        {"euler", "rk4", "dopri5", "cash_karp", "rosenbrock2"},
                        "Boost.Odeint method: euler and rk4 take fixed steps dt; dopri5 "
                        "(Dormand–Prince 5(4)) and cash_karp (Cash–Karp 5(4)) adapt the step to "
                        "abs_tol/rel_tol; rosenbrock2 (ROS2, Verwer et al. 1999) is an adaptive "
                        "L-stable linearly implicit method "
                        "for stiff (high-gain) networks, using the Jacobian W·diag(g′) − I/τ "
                        "(dense LU, O(N³) per step: for N up to a few hundred). Boost 1.74's "
                        "rosenbrock4 needs uBLAS, which does not compile as C++20"),
      ParamSpec::real("dt", "0.01", "step of euler/rk4; first trial step of adaptive methods")
          .above(0),
      ParamSpec::real("abs_tol", "1e-6", "absolute error tolerance per step (adaptive methods)")
          .above(0),
      ParamSpec::real("rel_tol", "1e-6", "relative error tolerance per step (adaptive methods)")
          .above(0),
      ParamSpec::real("tau", "1.0", "time constant τ of the leak −u/τ").above(0),
      ParamSpec::real("t_end", "50.0", "integration ends at this time at the latest").above(0),
      ParamSpec::real("tol", "1e-6",
                      "stop (reason small_derivative) when max_i |du_i/dt| < tol at a check; 0 "
                      "disables")
          .at_least(0),
      ParamSpec::real("saturation", "0.0",
                      "stop (reason saturated) when every output is within this distance of a "
                      "rail of g; 0 disables")
          .range(0, 0.5),
      ParamSpec::real("stable_window", "0.0",
                      "stop (reason decoded_stable) when the decoded state (sign(v) or v > ½) "
                      "has not changed for this long; 0 disables")
          .at_least(0),
      ParamSpec::real("record_every", "0.1",
                      "time between checks of the stop conditions and recorded energies")
          .above(0),
      ParamSpec::real("initial_output", "0.5",
                      "a cue s starts at v(0) = a·s on the bipolar scale (v(0) = ½ + a(s − ½) "
                      "for logistic), u(0) = g⁻¹(v(0))")
          .range(0, 1)
          .below(1),
      ParamSpec::integer("max_steps", "10000000",
                         "most integration steps; the run then ends with reason max_steps")
          .at_least(1),
      ParamSpec::module_list("noise", "noise", "[]",
                             "dynamics-stage noise: [{type: gaussian_current, sigma}] (requires "
                             "integrator: euler, which becomes Euler–Maruyama)"),
  };
}

std::unique_ptr<Dynamics> make_continuous(const Params& p) {
  ContinuousOptions o;
  const Params act(p.at("activation"));
  o.activation = parse_activation(act.text("type"));
  o.gain = act.real("gain");
  const Params sched(p.at("gain_schedule"));
  o.schedule = {sched.real("from"), sched.real("to"), sched.real("over")};
  o.integrator = parse_integrator(p.text("integrator"));
  o.dt = p.real("dt");
  o.abs_tol = p.real("abs_tol");
  o.rel_tol = p.real("rel_tol");
  o.tau = p.real("tau");
  o.t_end = p.real("t_end");
  o.tol = p.real("tol");
  o.saturation = p.real("saturation");
  o.stable_window = p.real("stable_window");
  o.record_every = p.real("record_every");
  o.max_steps = p.integer("max_steps");
  for (const auto& item : p.at("noise").items()) {
    if (item.at("type").text() != "gaussian_current")
      item.fail("continuous dynamics take only dynamics-stage noise (gaussian_current), not '" +
                item.at("type").text() + "'");
    o.noise_sigma += Params(item).real("sigma");
  }
  if (o.noise_sigma > 0.0 && o.integrator != Integrator::euler)
    p.fail("integrator",
           "gaussian_current noise needs integrator: euler (Euler–Maruyama); "
           "the deterministic Runge–Kutta methods do not integrate SDEs");
  if (o.record_every > o.t_end) p.fail("record_every", "is longer than t_end");
  return std::make_unique<ContinuousDynamics>(o, p.real("initial_output"));
}

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

  family.add(
      config::ModuleDoc{
          .family = "dynamics",
          .name = "continuous",
          .help = "Graded-response dynamics du/dt = −u/τ + Wv + I − θ, v = g(u), integrated "
                  "with Boost.Odeint until a stop condition.",
          .params = continuous_params(),
          .notes =
              "Hopfield (1984), Eq. 5. The bias I is added and the threshold θ subtracted, as in "
              "the discrete field (the source material's `+ θ` is our `bias`). The energy is the "
              "Lyapunov function E = −½ vᵀWv + (θ − I)ᵀv + (1/τ) Σ_i ∫ g⁻¹(x) dx (Hopfield 1984, "
              "Eq. 7, closed forms for each activation), which never increases for symmetric W; "
              "without the leak integral it can increase. Stop conditions are checked every "
              "record_every: reason t_end, small_derivative, saturated, decoded_stable or "
              "max_steps; `converged` is true for the middle three. `sweeps` counts accepted "
              "integration steps. The final state is decoded as sign(v) (tanh, "
              "piecewise_linear) or v > ½ (logistic), so the overlap measures apply unchanged. "
              "NaN or Inf in u raises a numerical error naming the time and the neuron.",
      },
      &make_continuous);
}

}  // namespace hopfield
