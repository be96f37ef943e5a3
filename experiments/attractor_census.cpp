// Attractor census (see hopfield/experiments/attractor_census.hpp).
#include "hopfield/experiments/attractor_census.hpp"

#include "hopfield/core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <exception>
#include <map>
#include <mutex>
#include <numeric>
#include <unordered_map>

namespace hopfield {

PackedState pack(const State& s) {
  const auto n = static_cast<std::size_t>(s.size());
  PackedState w((n + 63) / 64, 0);
  for (std::size_t i = 0; i < n; ++i)
    if (s[static_cast<Eigen::Index>(i)] > 0.5F) w[i / 64] |= std::uint64_t{1} << (i % 64);
  return w;
}

State unpack(const PackedState& words, Eigen::Index n, Representation r) {
  State s(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto u = static_cast<std::size_t>(i);
    s[i] = ((words[u / 64] >> (u % 64)) & 1U) != 0 ? on_value(r) : off_value(r);
  }
  return s;
}

PackedState complement(const PackedState& words, Eigen::Index n) {
  PackedState c = words;
  const auto un = static_cast<std::size_t>(n);
  for (std::size_t k = 0; k < c.size(); ++k) {
    const std::size_t bits = std::min<std::size_t>(64, un - 64 * k);
    const std::uint64_t mask = bits == 64 ? ~std::uint64_t{0} : (std::uint64_t{1} << bits) - 1;
    c[k] = ~c[k] & mask;
  }
  return c;
}

std::size_t PackedHash::operator()(const PackedState& w) const noexcept {
  std::uint64_t h = 0x9e3779b97f4a7c15ULL;
  for (auto x : w) {
    h ^= x + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h *= 0xbf58476d1ce4e5b9ULL;
  }
  return static_cast<std::size_t>(h ^ (h >> 31));
}

const std::vector<std::string>& attractor_class_names() {
  static const std::vector<std::string> names{"pattern",   "reversed",   "mixture_3", "mixture_5",
                                              "mixture_7", "spin_glass", "other"};
  return names;
}

State mixture_state(const PatternSet& patterns, const std::vector<Eigen::Index>& mu,
                    const std::vector<int>& signs) {
  const Eigen::Index n = patterns.neurons();
  const Representation r = patterns.representation;
  State s(n);
  for (Eigen::Index i = 0; i < n; ++i) {
    int sum = 0;
    for (std::size_t j = 0; j < mu.size(); ++j)
      sum += signs[j] * (to_bipolar(patterns.xi(mu[j], i), r) > 0 ? 1 : -1);
    s[i] = sum > 0 ? on_value(r) : off_value(r);
  }
  return s;
}

Classification classify(const PatternSet& patterns, const State& s, const Eigen::VectorXd& m,
                        const ClassifyOptions& options) {
  Classification c;
  const Eigen::Index p = m.size();
  if (p == 0) {
    c.cls = AttractorClass::spin_glass;
    return c;
  }
  Eigen::Index hi = 0;
  Eigen::Index lo = 0;
  m.maxCoeff(&hi);
  m.minCoeff(&lo);
  m.cwiseAbs().maxCoeff(&c.pattern);
  if (m[hi] >= 1.0 - options.epsilon) {
    c.cls = AttractorClass::pattern;
    c.pattern = hi;
    return c;
  }
  if (m[lo] <= -1.0 + options.epsilon) {
    c.cls = AttractorClass::reversed;
    c.pattern = lo;
    return c;
  }
  std::vector<Eigen::Index> order(static_cast<std::size_t>(p));
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](Eigen::Index a, Eigen::Index b) { return std::abs(m[a]) > std::abs(m[b]); });
  const Eigen::VectorXf sb = bipolar_image(s, patterns.representation);
  const AttractorClass mixtures[] = {AttractorClass::mixture_3, AttractorClass::mixture_5,
                                     AttractorClass::mixture_7};
  for (int j = 0; j < 3; ++j) {
    const auto k = static_cast<Eigen::Index>(3 + 2 * j);
    if (k > p) break;
    std::vector<Eigen::Index> mu(order.begin(), order.begin() + k);
    std::vector<int> signs;
    for (auto x : mu) signs.push_back(m[x] < 0 ? -1 : 1);
    const Eigen::VectorXf t =
        bipolar_image(mixture_state(patterns, mu, signs), patterns.representation);
    const double q = static_cast<double>(t.cast<double>().dot(sb.cast<double>())) /
                     static_cast<double>(s.size());
    if (q >= 1.0 - options.epsilon) {
      c.cls = mixtures[j];
      return c;
    }
  }
  c.cls = m.cwiseAbs().maxCoeff() < options.spin_glass_overlap ? AttractorClass::spin_glass
                                                               : AttractorClass::other;
  return c;
}

bool one_flip_stable(const Network& net, const State& s, TieRule tie, double tolerance) {
  Eigen::VectorXd g;
  net.couplings->raw_fields(s, g);
  const Eigen::VectorXd offset = net.offset();
  const double scale = net.couplings->scale();
  for (Eigen::Index i = 0; i < s.size(); ++i)
    if (update_value(scale * g[i] - offset[i], s[i], net.representation, tie, tolerance) != s[i])
      return false;
  return true;
}

TieSpec tie_spec_of(const Dynamics& dynamics, const Network& net) {
  const DiscreteOptions* options = nullptr;
  if (const auto* a = dynamic_cast<const AsyncDynamics*>(&dynamics)) options = &a->options();
  if (const auto* y = dynamic_cast<const SyncDynamics*>(&dynamics)) options = &y->options();
  const bool exact = net.couplings->integer_valued();
  if (options == nullptr) return {TieRule::keep, exact ? 0.0 : DiscreteOptions{}.tie_tolerance};
  return {options->tie, options->auto_tolerance && exact ? 0.0 : options->tie_tolerance};
}

namespace {

constexpr int max_census_neurons = 32;
constexpr std::uint64_t range_size = std::uint64_t{1} << 16;

enum class Mode { async_sequential, sync, generic };

/// The zero-temperature rule on a dense copy of M, for states of at most 32 neurons held in
/// fixed arrays: no allocation and no virtual call per step.
struct Kernel {
  int n = 0;
  std::vector<double> m;  ///< raw M, column-major
  double offset[max_census_neurons] = {};
  double scale = 1.0;
  Representation rep = Representation::bipolar;
  TieRule tie = TieRule::keep;
  double tolerance = 0.0;
  int max_sweeps = 100;
  Mode mode = Mode::generic;

  [[nodiscard]] float next(const float* s, const double* g, int i) const {
    return update_value(scale * g[i] - offset[i], s[i], rep, tie, tolerance);
  }
  void add_column(int k, double delta, double* g) const {
    const double* col = m.data() + static_cast<std::size_t>(k) * static_cast<std::size_t>(n);
    for (int i = 0; i < n; ++i) g[i] += delta * col[i];
  }
  void fields(const float* s, double* g) const {
    for (int i = 0; i < n; ++i) g[i] = 0.0;
    for (int k = 0; k < n; ++k)
      if (s[k] != 0.0F) add_column(k, static_cast<double>(s[k]), g);
  }
  [[nodiscard]] bool stable(const float* s, const double* g) const {
    for (int i = 0; i < n; ++i)
      if (next(s, g, i) != s[i]) return false;
    return true;
  }
  [[nodiscard]] std::uint64_t bits(const float* s) const {
    std::uint64_t x = 0;
    for (int i = 0; i < n; ++i)
      if (s[i] > 0.5F) x |= std::uint64_t{1} << i;
    return x;
  }
  void set(std::uint64_t x, float* s) const {
    for (int i = 0; i < n; ++i) s[i] = ((x >> i) & 1U) != 0 ? on_value(rep) : off_value(rep);
  }
  /// Runs the dynamics in place; returns the sweeps and whether a fixed point was reached.
  std::pair<int, bool> run(float* s, double* g) const {
    int sweeps = 0;
    if (mode == Mode::async_sequential) {
      while (sweeps < max_sweeps) {
        int changed = 0;
        for (int i = 0; i < n; ++i) {
          const float v = next(s, g, i);
          if (v != s[i]) {
            add_column(i, static_cast<double>(v) - static_cast<double>(s[i]), g);
            s[i] = v;
            ++changed;
          }
        }
        ++sweeps;
        if (changed == 0) return {sweeps, true};
      }
      return {sweeps, stable(s, g)};
    }
    // Synchronous: all neurons from the previous state; stop at a fixed point or a 2-cycle.
    float nxt[max_census_neurons];
    float older[max_census_neurons];
    bool has_older = false;
    while (sweeps < max_sweeps) {
      int changed = 0;
      for (int i = 0; i < n; ++i) {
        nxt[i] = next(s, g, i);
        changed += nxt[i] != s[i] ? 1 : 0;
      }
      const bool cycle = changed != 0 && has_older && std::equal(nxt, nxt + n, older);
      std::copy(s, s + n, older);
      has_older = true;
      ++sweeps;
      if (changed == 0) return {sweeps, true};
      for (int i = 0; i < n; ++i) {
        if (nxt[i] != s[i])
          add_column(i, static_cast<double>(nxt[i]) - static_cast<double>(s[i]), g);
        s[i] = nxt[i];
      }
      if (cycle) return {sweeps, false};
    }
    return {sweeps, stable(s, g)};
  }
};

Kernel make_kernel(const Network& net, const Dynamics& dynamics) {
  Kernel k;
  k.n = static_cast<int>(net.size());
  k.rep = net.representation;
  k.scale = net.couplings->scale();
  const Eigen::VectorXd offset = net.offset();
  for (int i = 0; i < k.n; ++i) k.offset[i] = offset[i];
  k.m.resize(static_cast<std::size_t>(k.n) * static_cast<std::size_t>(k.n));
  for (int j = 0; j < k.n; ++j)
    for (int i = 0; i < k.n; ++i)
      k.m[static_cast<std::size_t>(j) * static_cast<std::size_t>(k.n) +
          static_cast<std::size_t>(i)] = net.couplings->raw(i, j);
  const TieSpec tie = tie_spec_of(dynamics, net);
  k.tie = tie.tie;
  k.tolerance = tie.tolerance;
  if (const auto* a = dynamic_cast<const AsyncDynamics*>(&dynamics)) {
    if (a->order() == UpdateOrder::sequential && a->options().stop == StopRule::fixed_point) {
      k.mode = Mode::async_sequential;
      k.max_sweeps = a->options().max_sweeps;
    }
  } else if (const auto* y = dynamic_cast<const SyncDynamics*>(&dynamics)) {
    if (y->options().stop == StopRule::fixed_point) {
      k.mode = Mode::sync;
      k.max_sweeps = y->options().max_sweeps;
    }
  }
  return k;
}

struct Tally {
  std::int64_t basin = 0;
  std::int64_t sweeps = 0;
};

}  // namespace

CensusResult exhaustive_census(const CensusRequest& request) {
  const Network& net = *request.network;
  const Eigen::Index n = net.size();
  if (n > max_census_neurons)
    throw InputError(fmt::format(
        "exhaustive starts enumerate all 2^N states and need N ≤ {}; this network has N = {}",
        max_census_neurons, n));
  const Kernel kernel = make_kernel(net, *request.dynamics);
  const std::uint64_t total = std::uint64_t{1} << n;
  const std::uint64_t ranges = (total + range_size - 1) / range_size;

  std::map<std::uint64_t, Tally> found;
  CensusResult result;
  result.exact_dynamics = kernel.mode != Mode::generic;
  std::mutex mutex;
  std::exception_ptr failure;
#pragma omp parallel for schedule(dynamic, 1) num_threads(std::max(1, request.threads))
  for (std::int64_t r = 0; r < static_cast<std::int64_t>(ranges); ++r) {
    try {
      if (request.stop != nullptr && request.stop->load()) continue;
      const std::uint64_t a = static_cast<std::uint64_t>(r) * range_size;
      const std::uint64_t b = std::min(total, a + range_size);
      std::uint64_t x = a ^ (a >> 1);
      float s[max_census_neurons];
      double g[max_census_neurons];
      float t[max_census_neurons];
      double h[max_census_neurons];
      kernel.set(x, s);
      kernel.fields(s, g);
      std::unordered_map<std::uint64_t, Tally> local;
      std::int64_t stable_count = 0;
      std::int64_t unconverged = 0;
      for (std::uint64_t k = a; k < b; ++k) {
        const bool stable = kernel.stable(s, g);
        stable_count += stable ? 1 : 0;
        std::uint64_t end = x;
        int sweeps = 1;
        bool converged = true;
        if (kernel.mode == Mode::generic) {
          State start(n);
          for (Eigen::Index i = 0; i < n; ++i) start[i] = s[i];
          RandomStream rng(request.seed, Purpose::dynamics, request.point, request.trial, x);
          const DynamicsResult dr = request.dynamics->run(net, start, rng);
          end = pack(dr.state)[0];
          sweeps = dr.sweeps;
          converged = dr.converged;
        } else if (!stable) {
          std::copy(s, s + n, t);
          std::copy(g, g + n, h);
          std::tie(sweeps, converged) = kernel.run(t, h);
          end = kernel.bits(t);
        }
        Tally& tally = local[end];
        ++tally.basin;
        tally.sweeps += sweeps;
        unconverged += converged ? 0 : 1;
        if (k + 1 < b) {
          const int j = std::countr_zero(k + 1);
          const float v = flipped(s[j], kernel.rep);
          kernel.add_column(j, static_cast<double>(v) - static_cast<double>(s[j]), g);
          s[j] = v;
          x ^= std::uint64_t{1} << j;
        }
      }
      const std::lock_guard<std::mutex> lock(mutex);
      for (const auto& [state, tally] : local) {
        Tally& t2 = found[state];
        t2.basin += tally.basin;
        t2.sweeps += tally.sweeps;
      }
      result.one_flip_stable += stable_count;
      result.not_converged += unconverged;
    } catch (...) {
      const std::lock_guard<std::mutex> lock(mutex);
      if (!failure) failure = std::current_exception();
    }
  }
  if (failure) std::rethrow_exception(failure);
  for (const auto& [state, tally] : found)
    result.attractors.push_back({state, tally.basin, tally.sweeps});
  return result;
}

}  // namespace hopfield
