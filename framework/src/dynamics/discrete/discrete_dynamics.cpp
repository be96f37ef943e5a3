// Zero-temperature discrete dynamics (Hopfield 1982). The dynamics keep raw fields g = M·s and
// form h_i = scale·g_i − (θ_i − I_i) on demand. Asynchronous updates patch g with one column of M
// per flip (O(N)); the coupling type is resolved once per run, so the per-neuron loop makes no
// virtual call for dense storage.
#include "hopfield/dynamics/discrete/discrete_dynamics.hpp"

#include "field_engines.hpp"
#include "hopfield/core/couplings.hpp"
#include "hopfield/core/error.hpp"

#include <algorithm>
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

  [[nodiscard]] float next(float current, double g, Eigen::Index i) const {
    return update_value(scale * g - offset[i], current, representation, tie, tolerance);
  }
  /// True when no neuron would change: s is a fixed point of the update rule.
  template <class Field>
  [[nodiscard]] bool fixed_point(const State& s, const Field& field) const {
    for (Eigen::Index i = 0; i < s.size(); ++i)
      if (next(s[i], field(i), i) != s[i]) return false;
    return true;
  }
};

Rule make_rule(const Network& net, const DiscreteOptions& options) {
  return Rule{net.couplings->scale(), net.offset(), net.representation, options.tie,
              tie_tolerance_for(options.auto_tolerance, options.tie_tolerance, *net.couplings)};
}

/// Asynchronous dynamics over a field engine (see field_engines.hpp).
template <class Fields>
DynamicsResult run_async(Fields& fields, const Network& net, const State& initial,
                         RandomStream& rng, const DiscreteOptions& options, UpdateOrder order,
                         const SweepObserver* observe) {
  const Eigen::Index n = net.size();
  const Rule rule = make_rule(net, options);
  DynamicsResult result;
  State& s = result.state;
  s = initial;
  fields.reset(s);
  auto field = [&](Eigen::Index i) { return fields.field(i, s); };
  auto energy_now = [&] { return energy_from_quadratic(net, s, fields.quadratic(s)); };

  std::vector<std::int32_t> permutation;
  if (order == UpdateOrder::random_permutation) permutation.resize(static_cast<std::size_t>(n));
  const bool need_energy =
      options.record_energy || options.stop == StopRule::energy_unchanged || observe != nullptr;
  const int reserve = std::min(options.max_sweeps, 4096) + 1;
  if (options.record_energy) result.energy_trace.reserve(static_cast<std::size_t>(reserve));
  double e = energy_now();
  if (options.record_energy) result.energy_trace.push_back(e);
  if (observe) (*observe)(SweepView{0, s, e, false});

  auto visit = [&](Eigen::Index i) -> std::int64_t {
    const float v = rule.next(s[i], fields.field(i, s), i);
    if (v == s[i]) return 0;
    fields.flip(i, s[i], v);
    s[i] = v;
    return 1;
  };

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
    if (need_energy) e = energy_now();
    if (options.record_energy) result.energy_trace.push_back(e);
    if (observe) (*observe)(SweepView{result.sweeps, s, e, true});

    if (options.stop == StopRule::fixed_point && changed == 0) {
      // A sweep with replacement misses about 1/e of the neurons, so a quiet sweep proves
      // nothing there; the fixed point is checked neuron by neuron.
      if (order != UpdateOrder::random_with_replacement || rule.fixed_point(s, field)) {
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
  if (!result.converged) result.converged = rule.fixed_point(s, field);
  result.energy = need_energy ? e : energy_now();
  return result;
}

DynamicsResult dispatch_async(const Network& net, const State& initial, RandomStream& rng,
                              const DiscreteOptions& options, UpdateOrder order,
                              const SweepObserver* observe) {
  check_discrete_inputs(net, initial);
  return detail::with_fields(*net.couplings, net.size(), [&](auto& fields) {
    return run_async(fields, net, initial, rng, options, order, observe);
  });
}

/// One synchronous run as a state machine, so that the per-state path and the batched path
/// (many states whose fields come from one matrix product) execute the same steps:
///   begin(fields of s0); loop { propose(fields of s_t) → s_{t+1}; settle(fields of s_{t+1}) }
/// until settle() reports done; then finish(fields of the final state).
class SyncRun {
 public:
  SyncRun(const Network& net, const Rule& rule, const DiscreteOptions& options,
          const SweepObserver* observe)
      : net_(net),
        rule_(rule),
        options_(options),
        observe_(observe),
        need_energy_(options.record_energy || options.stop == StopRule::energy_unchanged ||
                     observe != nullptr) {}

  [[nodiscard]] const State& state() const { return result_.state; }
  [[nodiscard]] bool done() const { return done_; }
  /// True when the last proposal changed the state (its fields must be recomputed).
  [[nodiscard]] bool changed() const { return !fixed_; }

  void begin(const State& initial, double quadratic) {
    const Eigen::Index n = initial.size();
    result_.state = initial;
    next_.resize(n);
    older_.resize(n);
    if (options_.record_energy)
      result_.energy_trace.reserve(
          static_cast<std::size_t>(std::min(options_.max_sweeps, 4096) + 1));
    e_ = energy_from_quadratic(net_, result_.state, quadratic);
    if (options_.record_energy) result_.energy_trace.push_back(e_);
    if (observe_) (*observe_)(SweepView{0, result_.state, e_, false});
    done_ = result_.sweeps >= options_.max_sweeps;
  }

  template <class Field>
  void propose(const Field& field) {
    State& s = result_.state;
    std::int64_t changed = 0;
    for (Eigen::Index i = 0; i < s.size(); ++i) {
      next_[i] = rule_.next(s[i], field(i), i);
      changed += next_[i] != s[i] ? 1 : 0;
    }
    fixed_ = changed == 0;
    cycle_ = !fixed_ && has_older_ && next_ == older_;
    older_.swap(s);
    s.swap(next_);
    has_older_ = true;
    ++result_.sweeps;
    result_.flips += changed;
  }

  void settle(double quadratic) {
    const double before = e_;
    if (need_energy_) e_ = energy_from_quadratic(net_, result_.state, quadratic);
    if (options_.record_energy) result_.energy_trace.push_back(e_);
    if (observe_) (*observe_)(SweepView{result_.sweeps, result_.state, e_, true});
    result_.cycle = cycle_;
    if (options_.stop != StopRule::sweeps) {
      if (options_.stop == StopRule::energy_unchanged && e_ == before) {
        stop(StopReason::energy_unchanged);
      } else if (fixed_) {
        stop(StopReason::fixed_point);
      } else if (cycle_) {
        stop(StopReason::cycle);
      }
    }
    if (result_.sweeps >= options_.max_sweeps) done_ = true;
  }

  template <class Field>
  DynamicsResult finish(const Field& field, double quadratic) {
    if (!stopped_)
      result_.reason =
          options_.stop == StopRule::sweeps ? StopReason::sweeps : StopReason::max_sweeps;
    result_.converged = rule_.fixed_point(result_.state, field);
    result_.energy = need_energy_ ? e_ : energy_from_quadratic(net_, result_.state, quadratic);
    return std::move(result_);
  }

 private:
  void stop(StopReason reason) {
    result_.reason = reason;
    stopped_ = true;
    done_ = true;
  }

  const Network& net_;
  const Rule& rule_;
  const DiscreteOptions& options_;
  const SweepObserver* observe_;
  bool need_energy_;
  DynamicsResult result_;
  State next_;
  State older_;  // s(t−1) once has_older; the three buffers rotate, so all have size N
  bool has_older_ = false;
  bool fixed_ = false;
  bool cycle_ = false;
  bool done_ = false;
  bool stopped_ = false;
  double e_ = 0.0;
};

template <class Fields>
DynamicsResult run_sync(Fields& fields, const Network& net, const State& initial,
                        const DiscreteOptions& options, const SweepObserver* observe) {
  const Rule rule = make_rule(net, options);
  SyncRun run(net, rule, options, observe);
  const State& s = run.state();
  auto field = [&](Eigen::Index i) { return fields.field(i, s); };
  fields.reset(initial);
  run.begin(initial, fields.quadratic(initial));
  while (!run.done()) {
    run.propose(field);
    if (run.changed()) fields.reset(s);
    run.settle(fields.quadratic(s));
  }
  return run.finish(field, fields.quadratic(s));
}

DynamicsResult dispatch_sync(const Network& net, const State& initial,
                             const DiscreteOptions& options, const SweepObserver* observe) {
  check_discrete_inputs(net, initial);
  return detail::with_fields(*net.couplings, net.size(), [&](auto& fields) {
    return run_sync(fields, net, initial, options, observe);
  });
}

/// Raw fields G = M·S of the columns of s, exactly (integer-valued couplings only), with up to
/// `threads` threads.
void batch_fields(const Couplings& couplings, const Eigen::MatrixXf& s, Eigen::MatrixXd& g,
                  int threads, kernels::PackedBatch& packed,
                  kernels::AlignedVector<std::int32_t>& g32) {
  const Eigen::Index n = s.rows();
  const Eigen::Index b = s.cols();
  g.resize(n, b);
  // Ξᵀ(ΞS) column by column from the bit-packed patterns: O(N·P) per state instead of O(N²).
  auto by_overlaps = [&](const MatrixFreeHebbianCouplings& c) {
#pragma omp parallel num_threads(threads)
    {
      kernels::AlignedVector<std::int32_t> m(
          static_cast<std::size_t>(kernels::round_up(std::max<Eigen::Index>(c.patterns(), 1), 16)));
      MatrixFreeHebbianCouplings::Scratch scratch;
#pragma omp for schedule(dynamic, 1)
      for (Eigen::Index k = 0; k < b; ++k)
        c.fields(Eigen::VectorXf(s.col(k)), m.data(), scratch, g.col(k).data());
    }
  };
  auto integer = [&](const auto& c) {
    if (const MatrixFreeHebbianCouplings* factor = c.factor()) {
      by_overlaps(*factor);
      return;
    }
    pack_batch(s, c.ld(), packed);
    g32.resize(static_cast<std::size_t>(n * packed.cols));
    c.fields_batch(packed, g32.data(), threads);
#pragma omp parallel for schedule(static) num_threads(threads)
    for (Eigen::Index k = 0; k < b; ++k)
      for (Eigen::Index i = 0; i < n; ++i)
        g(i, k) = g32[static_cast<std::size_t>(i * packed.cols + k)];
  };
  if (const auto* c16 = dynamic_cast<const IntegerCouplings<std::int16_t>*>(&couplings)) {
    integer(*c16);
    return;
  }
  if (const auto* c8 = dynamic_cast<const IntegerCouplings<std::int8_t>*>(&couplings)) {
    integer(*c8);
    return;
  }
  if (const auto* f32 = dynamic_cast<const DenseCouplings<float>*>(&couplings)) {
    // Exact integer sums: any blocking of the product gives the same numbers.
    constexpr Eigen::Index block = 32;
    const Eigen::Index blocks = (b + block - 1) / block;
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
    for (Eigen::Index k = 0; k < blocks; ++k) {
      const Eigen::Index c0 = k * block;
      const Eigen::Index w = std::min(block, b - c0);
      const Eigen::MatrixXf part = f32->matrix() * s.middleCols(c0, w);
      g.middleCols(c0, w) = part.cast<double>();
    }
    return;
  }
  if (const auto* mf = dynamic_cast<const MatrixFreeHebbianCouplings*>(&couplings)) {
    by_overlaps(*mf);
    return;
  }
  couplings.raw_fields_batch(s, g);
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
  return dispatch_sync(net, initial, options_, nullptr);
}

DynamicsResult SyncDynamics::run_observed(const Network& net, const State& initial,
                                          RandomStream& /*rng*/,
                                          const SweepObserver& observe) const {
  return dispatch_sync(net, initial, options_, &observe);
}

bool SyncDynamics::batchable(const Couplings& couplings) {
  return couplings.integer_valued();
}

std::vector<DynamicsResult> SyncDynamics::run_batch(const Network& net,
                                                    const std::vector<State>& initial,
                                                    int threads) const {
  for (const State& s : initial) check_discrete_inputs(net, s);
  if (!batchable(*net.couplings))
    throw InputError("batched synchronous dynamics need integer-valued couplings (exact fields)");
  const Eigen::Index n = net.size();
  const Rule rule = make_rule(net, options_);
  const auto count = static_cast<std::int64_t>(initial.size());
  std::vector<SyncRun> runs;
  runs.reserve(initial.size());
  for (std::int64_t k = 0; k < count; ++k) runs.emplace_back(net, rule, options_, nullptr);
  std::vector<DynamicsResult> results(initial.size());
  std::vector<std::int64_t> pending;  // runs whose current state needs fields
  for (std::int64_t k = 0; k < count; ++k) pending.push_back(k);
  std::vector<Eigen::VectorXd> fields(initial.size());
  std::vector<char> started(initial.size(), 0);  // not vector<bool>: written in parallel
  Eigen::MatrixXf batch;
  Eigen::MatrixXd g;
  kernels::PackedBatch packed;
  kernels::AlignedVector<std::int32_t> g32;
  std::vector<std::int64_t> active;
  for (std::int64_t k = 0; k < count; ++k) active.push_back(k);

  while (!active.empty()) {
    // One product for every state that changed in the last step.
    if (!pending.empty()) {
      batch.resize(n, static_cast<Eigen::Index>(pending.size()));
      for (std::size_t c = 0; c < pending.size(); ++c) {
        const auto k = static_cast<std::size_t>(pending[c]);
        batch.col(static_cast<Eigen::Index>(c)) = started[k] != 0 ? runs[k].state() : initial[k];
      }
      batch_fields(*net.couplings, batch, g, threads, packed, g32);
      for (std::size_t c = 0; c < pending.size(); ++c)
        fields[static_cast<std::size_t>(pending[c])] = g.col(static_cast<Eigen::Index>(c));
    }
    // Each run takes its step; runs write only their own slots.
    const auto n_active = static_cast<std::int64_t>(active.size());
#pragma omp parallel for schedule(dynamic, 4) num_threads(threads)
    for (std::int64_t a = 0; a < n_active; ++a) {
      const auto k = static_cast<std::size_t>(active[static_cast<std::size_t>(a)]);
      SyncRun& run = runs[k];
      const Eigen::VectorXd& gk = fields[k];
      auto field = [&gk](Eigen::Index i) { return gk[i]; };
      auto quadratic = [&](const State& s) {
        double q = 0.0;
        for (Eigen::Index i = 0; i < n; ++i) q += static_cast<double>(s[i]) * gk[i];
        return q;
      };
      if (started[k] == 0) {
        run.begin(initial[k], quadratic(initial[k]));
        started[k] = 1;
      } else {
        run.settle(quadratic(run.state()));
      }
      if (run.done()) {
        results[k] = run.finish(field, quadratic(run.state()));
      } else {
        run.propose(field);
      }
    }
    std::vector<std::int64_t> still;
    pending.clear();
    for (const std::int64_t k : active) {
      const auto uk = static_cast<std::size_t>(k);
      if (runs[uk].done()) continue;  // finished (and its result taken) in this step
      still.push_back(k);
      if (runs[uk].changed()) pending.push_back(k);
    }
    active.swap(still);
  }
  return results;
}

}  // namespace hopfield
