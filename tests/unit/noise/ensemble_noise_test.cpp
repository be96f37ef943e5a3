// Tests of the gaussian and burst cue noise and of the weight-stage modules (synaptic_gaussian,
// dilution, quantise, clip), dense and sparse.
#include "../../../framework/src/noise/dilution_noise.hpp"
#include "hopfield/config/registry.hpp"
#include "hopfield/core/error.hpp"
#include "hopfield/core/matrix_free_couplings.hpp"
#include "hopfield/core/sparse_couplings.hpp"
#include "hopfield/io/yaml_loader.hpp"
#include "hopfield/noise/modules.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <memory>
#include <set>
#include <string>

using namespace hopfield;

namespace {

std::unique_ptr<Noise> make(const std::string& yaml) {
  config::Registry registry;
  registry.add_family<Noise>("noise", "noise");
  register_noise_modules(registry);
  config::Node node = io::load_yaml_text(yaml, "test.yaml");
  node.assign_paths("noise[0]");
  registry.validate_module(node, "noise");
  return registry.family<Noise>("noise").make(node);
}

RandomStream weight_stream() {
  return RandomStream(3, Purpose::weight_noise, 0, 0, 0);
}

/// Hebbian W = (1/N) Σ ξξᵀ, zero diagonal, of p random ±1 patterns.
Eigen::MatrixXd hebbian(Eigen::Index n, Eigen::Index p) {
  RandomStream rng(8, Purpose::patterns, 0, 0, 0);
  Eigen::MatrixXd x(p, n);
  for (Eigen::Index mu = 0; mu < p; ++mu)
    for (Eigen::Index i = 0; i < n; ++i) x(mu, i) = rng.bernoulli(0.5) ? 1.0 : -1.0;
  Eigen::MatrixXd w = x.transpose() * x / static_cast<double>(n);
  w.diagonal().setZero();
  return w;
}

}  // namespace

TEST_CASE("gaussian cue noise re-binarised flips each bit with probability Phi(-1/sigma)",
          "[noise][gaussian]") {
  // σ = 1: p = Φ(−1) = 0.1587; over 20 000 neurons the flip fraction has sd 0.0026; 5σ = 0.013.
  const auto noise = make("{type: gaussian, sigma: 1.0}");
  const Eigen::Index n = 20000;
  State cue = State::Constant(n, 1.0F);
  RandomStream rng(1, Purpose::cue_noise, 0, 0, 0);
  noise->corrupt(cue, Representation::bipolar, rng);
  CHECK(((cue.array() == 1.0F) || (cue.array() == -1.0F)).all());
  const double flipped = static_cast<double>((cue.array() == -1.0F).count()) / n;
  CHECK(std::abs(flipped - 0.158655) < 0.013);
  // Without re-binarisation the added values have variance σ².
  const auto raw = make("{type: gaussian, sigma: 0.5, binarize: false}");
  State r = State::Zero(n);
  raw->corrupt(r, Representation::bipolar, rng);
  const double var = r.cast<double>().squaredNorm() / n;
  CHECK(std::abs(var / 0.25 - 1.0) < 5.0 * std::sqrt(2.0 / n));
}

TEST_CASE("burst noise flips exactly one contiguous block", "[noise][burst]") {
  const auto noise = make("{type: burst, fraction: 0.2}");
  for (std::uint64_t probe = 0; probe < 20; ++probe) {
    State cue = State::Constant(100, -1.0F);
    RandomStream rng(2, Purpose::cue_noise, 0, 0, probe);
    noise->corrupt(cue, Representation::bipolar, rng);
    Eigen::Index first = -1;
    Eigen::Index last = -1;
    for (Eigen::Index i = 0; i < 100; ++i) {
      if (cue(i) == 1.0F) {
        if (first < 0) first = i;
        last = i;
      }
    }
    REQUIRE(first >= 0);
    CHECK(last - first + 1 == 20);
    CHECK((cue.array() == 1.0F).count() == 20);
  }
}

TEST_CASE("burst noise masks a rectangle of an image", "[noise][burst]") {
  const auto noise = make("{type: burst, rectangle: [2, 3], image_width: 10, action: '0'}");
  State cue = State::Constant(60, 1.0F);
  RandomStream rng(2, Purpose::cue_noise, 0, 0, 0);
  noise->corrupt(cue, Representation::bipolar, rng);
  std::set<Eigen::Index> rows;
  std::set<Eigen::Index> cols;
  for (Eigen::Index i = 0; i < 60; ++i) {
    if (cue(i) == 0.0F) {
      rows.insert(i / 10);
      cols.insert(i % 10);
    }
  }
  CHECK((cue.array() == 0.0F).count() == 6);
  CHECK(rows.size() == 2);
  CHECK(cols.size() == 3);
  CHECK(*rows.rbegin() - *rows.begin() == 1);
  CHECK(*cols.rbegin() - *cols.begin() == 2);
  State odd = State::Constant(61, 1.0F);
  CHECK_THROWS_AS(noise->corrupt(odd, Representation::bipolar, rng), InputError);
  CHECK_THROWS_AS(make("{type: burst, rectangle: [2, 3]}"), ConfigError);
}

TEST_CASE("symmetric synaptic noise has variance sigma^2 rms^2 within a chi-square bound",
          "[noise][synaptic_gaussian]") {
  // n = 400·399/2 = 79 800 independent draws: the sample variance / σ² has sd sqrt(2/n) =
  // 0.005, so a 5σ bound is 0.025 (false failure ~6e-7).
  const Eigen::MatrixXd w0 = hebbian(400, 20);
  // The reference scale is the rms of the nonzero couplings (at even P many Hebbian sums are 0).
  const auto nonzero = static_cast<double>((w0.array() != 0.0).count());
  const double rms = std::sqrt(w0.squaredNorm() / nonzero);
  Eigen::MatrixXd w = w0;
  auto rng = weight_stream();
  make("{type: synaptic_gaussian, sigma: 0.5}")->perturb(w, rng);
  const Eigen::MatrixXd d = w - w0;
  CHECK((d - d.transpose()).cwiseAbs().maxCoeff() == 0.0);
  CHECK(d.diagonal().cwiseAbs().maxCoeff() == 0.0);
  const double n = 400.0 * 399.0 / 2.0;
  double sum2 = 0.0;
  for (Eigen::Index i = 0; i < 400; ++i)
    for (Eigen::Index j = i + 1; j < 400; ++j) sum2 += d(i, j) * d(i, j);
  const double expected = 0.25 * rms * rms;
  CHECK(std::abs(sum2 / n / expected - 1.0) < 5.0 * std::sqrt(2.0 / n));

  Eigen::MatrixXd a = w0;
  make("{type: synaptic_gaussian, sigma: 1, relative_to: inverse_sqrt_n, symmetric: false}")
      ->perturb(a, rng);
  const Eigen::MatrixXd da = a - w0;
  CHECK((da - da.transpose()).cwiseAbs().maxCoeff() > 0.0);
  const double m = 400.0 * 399.0;
  CHECK(std::abs(da.squaredNorm() / m / (1.0 / 400.0) - 1.0) < 5.0 * std::sqrt(2.0 / m));
}

TEST_CASE("dilution with inputs K keeps exactly K couplings per row", "[noise][dilution]") {
  const Eigen::MatrixXd w0 = hebbian(300, 10);
  Eigen::MatrixXd w = w0;
  auto rng = weight_stream();
  make("{type: dilution, inputs: 30, rescale: false}")->perturb(w, rng);
  for (Eigen::Index i = 0; i < 300; ++i) {
    Eigen::Index kept = 0;
    for (Eigen::Index j = 0; j < 300; ++j) {
      if (w(i, j) != 0.0) {
        ++kept;
        CHECK(w(i, j) == w0(i, j));
      }
    }
    // Hebbian entries can be exactly 0 (even P), so kept ≤ K; positions are counted exactly
    // through kept() below.
    CHECK(kept <= 30);
    CHECK(w(i, i) == 0.0);
  }
  const DilutionNoise dilution(DilutionNoise::Mode::inputs, 30, false, true,
                               DilutionNoise::Storage::dense);
  auto rng2 = weight_stream();
  const auto rows = dilution.kept(300, rng2);
  for (Eigen::Index i = 0; i < 300; ++i) {
    const auto& row = rows[static_cast<std::size_t>(i)];
    CHECK(row.size() == 30);
    CHECK(std::set<std::int32_t>(row.begin(), row.end()).size() == 30);
    CHECK(std::find(row.begin(), row.end(), static_cast<std::int32_t>(i)) == row.end());
  }
  CHECK(dilution.factor(300) == Approx(299.0 / 30.0));
  CHECK_THROWS_AS(make("{type: dilution, inputs: 3, symmetric: true}"), ConfigError);
  CHECK_THROWS_AS(make("{type: dilution}"), ConfigError);
}

TEST_CASE(
    "dilution with fraction c keeps c of the couplings within a binomial bound and is "
    "symmetric when asked",
    "[noise][dilution]") {
  // Symmetric: 500·499/2 = 124 750 pairs, kept ~ Binomial(·, 0.2): sd of the fraction 0.0011,
  // 5σ = 0.0057. Asymmetric: 249 500 positions, 5σ = 0.004.
  for (const bool symmetric : {true, false}) {
    const DilutionNoise dilution(DilutionNoise::Mode::fraction, 0.2, symmetric, true,
                                 DilutionNoise::Storage::dense);
    auto rng = weight_stream();
    const auto rows = dilution.kept(500, rng);
    Eigen::MatrixXi mask = Eigen::MatrixXi::Zero(500, 500);
    double total = 0.0;
    for (Eigen::Index i = 0; i < 500; ++i) {
      for (const auto j : rows[static_cast<std::size_t>(i)]) mask(i, j) = 1;
      total += static_cast<double>(rows[static_cast<std::size_t>(i)].size());
    }
    const double positions = 500.0 * 499.0;
    const double pairs = symmetric ? positions / 2.0 : positions;
    CHECK(std::abs(total / positions - 0.2) < 5.0 * std::sqrt(0.16 / pairs));
    CHECK(mask.diagonal().sum() == 0);
    CHECK((mask == mask.transpose()) == symmetric);
  }
}

TEST_CASE("sparse dilution of matrix-free Hebbian couplings equals dense dilution",
          "[noise][dilution][sparse]") {
  const Eigen::Index n = 200;
  RandomStream prng(8, Purpose::patterns, 0, 0, 0);
  Eigen::MatrixXf x(5, n);
  for (Eigen::Index mu = 0; mu < 5; ++mu)
    for (Eigen::Index i = 0; i < n; ++i) x(mu, i) = prng.bernoulli(0.5) ? 1.0F : -1.0F;
  auto free = std::make_shared<const MatrixFreeHebbianCouplings>(x, 1.0 / n, false);
  const Eigen::MatrixXd reference = free->dense();
  for (const char* yaml : {"{type: dilution, inputs: 7}", "{type: dilution, fraction: 0.03}",
                           "{type: dilution, fraction: 0.03, symmetric: true}"}) {
    const auto noise = make(yaml);
    REQUIRE(noise->sparse_entries(n) > 0.0);
    auto r1 = weight_stream();
    const auto sparse = noise->transform(free, Precision::float64, r1);
    CHECK(sparse->storage() == "sparse");
    CHECK(sparse->integer_valued());
    Eigen::MatrixXd dense = reference;
    auto r2 = weight_stream();
    noise->perturb(dense, r2);
    CHECK((sparse->dense() - dense).cwiseAbs().maxCoeff() < 1e-12);
    // Fields through the sparse storage match the dense product.
    Eigen::VectorXf s = x.row(0).transpose();
    Eigen::VectorXd g;
    sparse->raw_fields(s, g);
    CHECK((sparse->scale() * g - dense * s.cast<double>()).cwiseAbs().maxCoeff() < 1e-9);
    Eigen::VectorXd g2 = g;
    sparse->add_column(3, -2.0, g2);
    s(3) -= 2.0F;
    Eigen::VectorXd g3;
    sparse->raw_fields(s, g3);
    CHECK((g2 - g3).cwiseAbs().maxCoeff() < 1e-9);
  }
  auto rng = weight_stream();
  CHECK(make("{type: dilution, fraction: 0.03, symmetric: true}")
            ->transform(free, Precision::float64, rng)
            ->symmetric());
}

TEST_CASE("clip leaves only plus or minus the rms scale", "[noise][clip]") {
  const Eigen::MatrixXd w0 = hebbian(200, 9);  // odd P: no zero off-diagonal entries
  const double rms = std::sqrt(w0.squaredNorm() / (200.0 * 199.0));
  Eigen::MatrixXd w = w0;
  auto rng = weight_stream();
  make("clip")->perturb(w, rng);
  for (Eigen::Index i = 0; i < 200; ++i) {
    for (Eigen::Index j = 0; j < 200; ++j) {
      if (i == j) {
        CHECK(w(i, j) == 0.0);
      } else {
        CHECK(std::abs(w(i, j)) == Approx(rms).epsilon(1e-12));
        CHECK((w(i, j) > 0) == (w0(i, j) > 0));
      }
    }
  }
  // Synaptic power is kept.
  CHECK(w.squaredNorm() == Approx(w0.squaredNorm()).epsilon(1e-9));
}

TEST_CASE("quantise leaves at most 2^k distinct couplings", "[noise][quantise]") {
  const Eigen::MatrixXd w0 = hebbian(200, 40);
  for (const int bits : {1, 2, 3}) {
    Eigen::MatrixXd w = w0;
    auto rng = weight_stream();
    make("{type: quantise, bits: " + std::to_string(bits) + "}")->perturb(w, rng);
    std::set<double> values;
    for (Eigen::Index i = 0; i < 200; ++i)
      for (Eigen::Index j = 0; j < 200; ++j)
        if (w0(i, j) != 0.0) values.insert(w(i, j));
    CHECK(values.size() <= (std::size_t{1} << bits));
    CHECK(values.size() >= 2);
    const double step = 2.0 * w0.cwiseAbs().maxCoeff() / ((1 << bits) - 1);
    for (Eigen::Index i = 0; i < 200; ++i)
      for (Eigen::Index j = 0; j < 200; ++j)
        if (w0(i, j) != 0.0) CHECK(std::abs(w(i, j) - w0(i, j)) <= 0.5 * step + 1e-12);
  }
}
