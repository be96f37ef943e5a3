#include "dilution_noise.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace hopfield {

namespace {

/// Number of positions skipped before the next kept one when each is kept with probability c
/// (geometric), so a row costs O(kept) draws rather than O(N).
std::int64_t skip(double c, RandomStream& rng) {
  if (c >= 1.0) return 0;
  const double u = rng.uniform();
  const double k = std::floor(std::log1p(-u) / std::log1p(-c));
  constexpr double cap = 0x1.0p62;  // far beyond any row, and p + 1 + cap cannot overflow
  return k > cap ? std::int64_t{1} << 62 : static_cast<std::int64_t>(k);
}

}  // namespace

DilutionNoise::DilutionNoise(Mode mode, double amount, bool symmetric, bool rescale,
                             Storage storage, Location where)
    : mode_(mode),
      amount_(amount),
      symmetric_(symmetric),
      rescale_(rescale),
      storage_(storage),
      where_(std::move(where)) {
  if (mode == Mode::fraction && !(amount > 0.0 && amount <= 1.0)) {
    throw Error("dilution: fraction must be in (0, 1]");
  }
  if (mode == Mode::inputs && !(amount >= 1.0)) throw Error("dilution: inputs must be >= 1");
  if (mode == Mode::inputs && symmetric) {
    throw Error("dilution: exactly K inputs per neuron is asymmetric");
  }
}

double DilutionNoise::factor(Eigen::Index n) const {
  if (!rescale_) return 1.0;
  if (mode_ == Mode::fraction) return 1.0 / amount_;
  return static_cast<double>(n - 1) / amount_;
}

bool DilutionNoise::sparse_for(Eigen::Index n) const {
  if (storage_ != Storage::automatic) return storage_ == Storage::sparse;
  const double kept = mode_ == Mode::fraction
                          ? amount_
                          : amount_ / static_cast<double>(std::max<Eigen::Index>(n - 1, 1));
  return kept <= sparse_below;
}

double DilutionNoise::sparse_entries(Eigen::Index n) const {
  if (mode_ == Mode::inputs && amount_ > static_cast<double>(n - 1)) {
    throw ConfigError(where_, "dilution keeps inputs = " + std::to_string(std::llround(amount_)) +
                                  " per neuron but a neuron of this network has only " +
                                  std::to_string(n - 1) + " inputs");
  }
  if (!sparse_for(n)) return 0.0;
  const double nd = static_cast<double>(n);
  if (mode_ == Mode::inputs) return nd * amount_;
  const double mean = amount_ * nd * (nd - 1.0);
  return mean + 6.0 * std::sqrt(mean) + 1.0;
}

std::vector<std::vector<std::int32_t>> DilutionNoise::kept(Eigen::Index n,
                                                           RandomStream& rng) const {
  std::vector<std::vector<std::int32_t>> rows(static_cast<std::size_t>(n));
  if (mode_ == Mode::inputs) {
    const auto k = static_cast<std::size_t>(std::llround(amount_));
    if (static_cast<Eigen::Index>(k) > n - 1) {
      throw InputError("dilution: inputs exceeds N − 1");
    }
    std::vector<std::int32_t> chosen(k);
    for (Eigen::Index i = 0; i < n; ++i) {
      rng.choose(n - 1, chosen);
      auto& row = rows[static_cast<std::size_t>(i)];
      row.reserve(k);
      for (const std::int32_t j : chosen) row.push_back(j < i ? j : j + 1);
      std::sort(row.begin(), row.end());
    }
    return rows;
  }
  for (Eigen::Index i = 0; i < n; ++i) {
    // Symmetric: positions are the columns j > i, mirrored; asymmetric: the N − 1 columns j ≠ i
    // (position p is column p, or p + 1 from the diagonal on).
    const Eigen::Index first = symmetric_ ? i + 1 : 0;
    const Eigen::Index positions = symmetric_ ? n - i - 1 : n - 1;
    for (std::int64_t p = skip(amount_, rng); p < positions; p += 1 + skip(amount_, rng)) {
      const Eigen::Index j = symmetric_ ? first + p : (p < i ? p : p + 1);
      rows[static_cast<std::size_t>(i)].push_back(static_cast<std::int32_t>(j));
      if (symmetric_) rows[static_cast<std::size_t>(j)].push_back(static_cast<std::int32_t>(i));
    }
  }
  if (symmetric_) {
    for (auto& row : rows) std::sort(row.begin(), row.end());
  }
  return rows;
}

void DilutionNoise::perturb(Eigen::MatrixXd& w, RandomStream& rng) const {
  const Eigen::Index n = w.rows();
  const auto rows = kept(n, rng);
  const double f = factor(n);
  Eigen::MatrixXd out = Eigen::MatrixXd::Zero(n, n);
  for (Eigen::Index i = 0; i < n; ++i) {
    out(i, i) = w(i, i);
    for (const std::int32_t j : rows[static_cast<std::size_t>(i)]) out(i, j) = f * w(i, j);
  }
  w = std::move(out);
}

void DilutionNoise::perturb_sparse(SparseWeights& w, RandomStream& rng) const {
  const Eigen::Index n = w.rows();
  const auto rows = kept(n, rng);
  const double f = factor(n);
  std::vector<Eigen::Triplet<double>> entries;
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto& row = rows[static_cast<std::size_t>(i)];
    for (SparseWeights::InnerIterator it(w, i); it; ++it) {
      if (it.col() == i) {
        entries.emplace_back(i, i, it.value());
      } else if (std::binary_search(row.begin(), row.end(), static_cast<std::int32_t>(it.col()))) {
        entries.emplace_back(i, it.col(), f * it.value());
      }
    }
  }
  SparseWeights out(n, n);
  out.setFromTriplets(entries.begin(), entries.end());
  w = std::move(out);
}

std::shared_ptr<const Couplings> DilutionNoise::transform(std::shared_ptr<const Couplings> w,
                                                          Precision precision,
                                                          RandomStream& rng) const {
  const Eigen::Index n = w->size();
  const bool already_sparse = dynamic_cast<const SparseCouplings*>(w.get()) != nullptr;
  if (!sparse_for(n) && !already_sparse) return Noise::transform(std::move(w), precision, rng);
  if (already_sparse) return Noise::transform(std::move(w), precision, rng);
  // Read only the kept entries (and the diagonal), in raw units, so integer couplings stay
  // integer and exact ties survive dilution.
  const auto rows = kept(n, rng);
  std::vector<Eigen::Triplet<double>> entries;
  std::size_t total = 0;
  for (const auto& row : rows) total += row.size();
  entries.reserve(total);
  for (Eigen::Index i = 0; i < n; ++i) {
    const double d = w->raw(i, i);
    if (d != 0.0) entries.emplace_back(i, i, d);
    for (const std::int32_t j : rows[static_cast<std::size_t>(i)]) {
      entries.emplace_back(i, j, w->raw(i, j));
    }
  }
  SparseWeights m(n, n);
  m.setFromTriplets(entries.begin(), entries.end());
  // The diagonal keeps its learned value: fold the factor into the kept off-diagonal entries
  // only when it would change the diagonal.
  const double f = factor(n);
  const bool has_diagonal = !w->zero_diagonal();
  if (has_diagonal && f != 1.0) {
    for (Eigen::Index i = 0; i < n; ++i) {
      for (SparseWeights::InnerIterator it(m, i); it; ++it) {
        if (it.col() != i) it.valueRef() *= f;
      }
    }
    return make_sparse_couplings(m, w->scale(), w->integer_valued() && f == std::round(f));
  }
  return make_sparse_couplings(m, w->scale() * f, w->integer_valued());
}

config::ModuleDoc DilutionNoise::doc() {
  using config::ParamSpec;
  return config::ModuleDoc{
      .family = "noise",
      .name = "dilution",
      .help = "diluted couplings: keep a fraction c, or exactly K inputs per neuron",
      .params =
          {
              ParamSpec::real("fraction", "",
                              "c: each coupling kept with probability c "
                              "(give fraction or inputs)")
                  .above(0)
                  .at_most(1)
                  .make_optional(),
              ParamSpec::integer("inputs", "",
                                 "K: every neuron keeps exactly K inputs, chosen "
                                 "uniformly (asymmetric; give fraction or inputs)")
                  .range(1, 2147483647.0)
                  .make_optional(),
              ParamSpec::boolean("symmetric", "false",
                                 "with fraction: keep or remove w_ij and w_ji together"),
              ParamSpec::boolean("rescale", "true",
                                 "multiply kept couplings by 1/c (or (N-1)/K) so fields keep "
                                 "their scale"),
              ParamSpec::choice("storage", "auto", {"auto", "dense", "sparse"},
                                "storage of the diluted couplings: auto = sparse when the kept "
                                "fraction is at most 0.05"),
          },
      .notes =
          "Acts on the couplings after learning (stage weights), whatever the rule. With "
          "`fraction: c` every off-diagonal coupling is kept independently with probability "
          "c (the number kept is Binomial); `symmetric: true` decides w_ij and w_ji together "
          "(Sompolinsky 1986), false (default) independently — the asymmetric dilution of "
          "Derrida, Gardner & Zippelius 1987, for which energy descent is not guaranteed. With "
          "`inputs: K` every neuron keeps exactly K inputs j ≠ i chosen uniformly "
          "(asymmetric; K ≤ N − 1). Removed couplings are 0; the diagonal is left as learned. "
          "With `rescale: true` (default) kept couplings are multiplied by 1/c or (N−1)/K, so "
          "the retrieval signal stays O(1) and the load that matters is α = P/C with C = "
          "c(N−1) or K inputs per neuron. `storage: auto` stores the result sparsely "
          "(float32, row-major) when c or K/(N−1) is at most 0.05; if dilution is the first "
          "weight-stage module and the rule can give its couplings without the N×N matrix "
          "(`hebbian`), the kept entries are computed from the patterns directly (O(NP + NK) "
          "memory), so N = 50 000 with K = 50 fits easily. Integer Hebbian couplings stay "
          "integer (exact ties). Kept positions are the same for dense and sparse storage.",
  };
}

std::unique_ptr<Noise> DilutionNoise::make(const config::Params& params) {
  const bool has_fraction = params.has("fraction");
  const bool has_inputs = params.has("inputs");
  if (has_fraction == has_inputs) {
    params.fail(has_inputs ? "inputs" : "fraction",
                "give either fraction (keep each coupling with probability c) or inputs (K per "
                "neuron), exactly one");
  }
  const bool symmetric = params.flag("symmetric");
  if (has_inputs && symmetric) {
    params.fail("symmetric",
                "exactly K inputs per neuron is asymmetric; use fraction for "
                "symmetric dilution");
  }
  const std::string& s = params.text("storage");
  const Storage storage = s == "dense"    ? Storage::dense
                          : s == "sparse" ? Storage::sparse
                                          : Storage::automatic;
  if (has_inputs) {
    return std::make_unique<DilutionNoise>(
        Mode::inputs, static_cast<double>(params.integer("inputs")), false, params.flag("rescale"),
        storage, params.at("inputs").location());
  }
  return std::make_unique<DilutionNoise>(Mode::fraction, params.real("fraction"), symmetric,
                                         params.flag("rescale"), storage,
                                         params.at("fraction").location());
}

}  // namespace hopfield
