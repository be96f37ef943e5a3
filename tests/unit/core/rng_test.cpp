// Philox streams: determinism, independence of the stream coordinates, and the distributions of
// below/uniform/normal/permutation/choose (χ² tests with fixed seeds). Each χ² threshold is the
// 1 − 10⁻⁴ quantile of its distribution: were the seed drawn at random, a correct generator
// would fail a given test with probability 10⁻⁴; with the fixed seed the outcome is fixed.
#include "hopfield/core/rng.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>
#include <vector>

using hopfield::Purpose;
using hopfield::RandomStream;

namespace {

double chi_square(const std::vector<std::int64_t>& counts, double expected) {
  double chi2 = 0.0;
  for (const auto c : counts) {
    const double d = static_cast<double>(c) - expected;
    chi2 += d * d / expected;
  }
  return chi2;
}

std::vector<std::uint64_t> first_words(RandomStream stream, int count) {
  std::vector<std::uint64_t> out;
  for (int i = 0; i < count; ++i) out.push_back(stream.next_u64());
  return out;
}

}  // namespace

TEST_CASE("philox stream matches the Random123 known-answer vector", "[core][rng]") {
  // kat_vectors of Random123: philox4x64_10 with counter 0 and key 0.
  RandomStream stream(0, static_cast<Purpose>(0), 0, 0, 0);
  CHECK(stream.next_u64() == 0x16554d9eca36314cULL);
  CHECK(stream.next_u64() == 0xdb20fe9d672d0fdcULL);
  CHECK(stream.next_u64() == 0xd7e772cee186176bULL);
  CHECK(stream.next_u64() == 0x7e68b68aec7ba23bULL);
}

TEST_CASE("a stream is a pure function of its coordinates", "[core][rng]") {
  const auto a = first_words(RandomStream(42, Purpose::patterns, 3, 7, 11), 1000);
  const auto b = first_words(RandomStream(42, Purpose::patterns, 3, 7, 11), 1000);
  CHECK(a == b);

  // Interleaving draws of another stream does not disturb this one.
  RandomStream s1(42, Purpose::patterns, 3, 7, 11);
  RandomStream s2(42, Purpose::patterns, 3, 7, 12);
  std::vector<std::uint64_t> c;
  for (int i = 0; i < 1000; ++i) {
    c.push_back(s1.next_u64());
    (void)s2.next_u64();
    (void)s2.uniform();
  }
  CHECK(a == c);
}

TEST_CASE("changing any of seed, purpose, point, trial or item gives a different stream",
          "[core][rng]") {
  const std::vector<RandomStream> streams = {
      RandomStream(42, Purpose::patterns, 0, 0, 0),
      RandomStream(43, Purpose::patterns, 0, 0, 0),
      RandomStream(42, Purpose::learning, 0, 0, 0),
      RandomStream(42, Purpose::patterns, 1, 0, 0),
      RandomStream(42, Purpose::patterns, 0, 1, 0),
      RandomStream(42, Purpose::patterns, 0, 0, 1),
      // The coordinates are not interchangeable: point 1 ≠ trial 1 ≠ item 1 ≠ seed 1.
      RandomStream(1, Purpose::patterns, 0, 0, 0),
      RandomStream(42, Purpose::dynamics, 0, 0, 0),
  };
  // No 64-bit word is shared between the first 4096 words of any two streams (a chance
  // collision among ~3·10⁴ words has probability ~10⁻¹¹).
  std::set<std::uint64_t> seen;
  std::size_t total = 0;
  for (const auto& s : streams) {
    for (const auto w : first_words(s, 4096)) seen.insert(w);
    total += 4096;
  }
  CHECK(seen.size() == total);
}

TEST_CASE("streams of neighbouring trials are uncorrelated", "[core][rng]") {
  // Sample correlation of uniforms from trial t and t+1; for n = 10⁵ pairs its standard
  // deviation is 1/√n ≈ 0.0032, and 0.02 is 6.3 standard deviations (false failure < 10⁻⁹).
  RandomStream a(7, Purpose::cue_noise, 0, 5, 0);
  RandomStream b(7, Purpose::cue_noise, 0, 6, 0);
  const int n = 100000;
  double sab = 0, sa = 0, sb = 0, saa = 0, sbb = 0;
  for (int i = 0; i < n; ++i) {
    const double x = a.uniform();
    const double y = b.uniform();
    sab += x * y;
    sa += x;
    sb += y;
    saa += x * x;
    sbb += y * y;
  }
  const double cov = sab / n - (sa / n) * (sb / n);
  const double corr = cov / std::sqrt((saa / n - sa * sa / n / n) * (sbb / n - sb * sb / n / n));
  CHECK(std::abs(corr) < 0.02);
}

TEST_CASE("below(n) is uniform on [0, n) (chi-square)", "[core][rng][statistical]") {
  SECTION("small n = 10, 9 degrees of freedom") {
    RandomStream stream(2024, Purpose::probes, 0, 0, 0);
    std::vector<std::int64_t> counts(10, 0);
    const int draws = 200000;
    for (int i = 0; i < draws; ++i) {
      const auto x = stream.below(10);
      REQUIRE(x < 10);
      ++counts[x];
    }
    CHECK(chi_square(counts, draws / 10.0) < 33.72);  // χ²₉ quantile 1 − 10⁻⁴
  }
  SECTION("n = 3·2⁶², where rejection matters, 7 degrees of freedom") {
    // 2⁶⁴ mod n = 2⁶², so a modulo reduction would give the first third of [0, n) twice the
    // weight of the rest; the χ² on 8 equal bins detects that at once.
    const std::uint64_t n = 3ULL << 62;
    RandomStream stream(99, Purpose::probes, 0, 0, 0);
    std::vector<std::int64_t> counts(8, 0);
    const int draws = 80000;
    for (int i = 0; i < draws; ++i) {
      const auto x = stream.below(n);
      REQUIRE(x < n);
      ++counts[x / (n / 8)];
    }
    CHECK(chi_square(counts, draws / 8.0) < 29.878);  // χ²₇ quantile 1 − 10⁻⁴
  }
  SECTION("below(1) is always 0") {
    RandomStream stream(1, Purpose::probes, 0, 0, 0);
    for (int i = 0; i < 100; ++i) CHECK(stream.below(1) == 0);
  }
}

TEST_CASE("uniform() is uniform on [0, 1) (chi-square)", "[core][rng][statistical]") {
  RandomStream stream(5, Purpose::thermal, 2, 3, 4);
  std::vector<std::int64_t> counts(20, 0);
  const int draws = 200000;
  for (int i = 0; i < draws; ++i) {
    const double u = stream.uniform();
    REQUIRE(u >= 0.0);
    REQUIRE(u < 1.0);
    ++counts[static_cast<std::size_t>(u * 20)];
  }
  CHECK(chi_square(counts, draws / 20.0) < 50.795);  // χ²₁₉ quantile 1 − 10⁻⁴
}

TEST_CASE("normal() has mean 0, variance 1 and normal tail mass", "[core][rng][statistical]") {
  RandomStream stream(11, Purpose::weight_noise, 0, 0, 0);
  const int n = 200000;
  double sum = 0, sum2 = 0;
  int beyond_two = 0;
  for (int i = 0; i < n; ++i) {
    const double x = stream.normal();
    REQUIRE(std::isfinite(x));
    sum += x;
    sum2 += x * x;
    beyond_two += std::abs(x) > 2.0 ? 1 : 0;
  }
  // Standard errors: mean 1/√n = 0.0022, variance √(2/n) = 0.0032, P(|x|>2) = 0.0455 with
  // sd √(p(1−p)/n) = 0.00047. The bounds are ≥ 6 standard errors (false failure < 10⁻⁸ each).
  CHECK(std::abs(sum / n) < 0.014);
  CHECK(std::abs(sum2 / n - 1.0) < 0.02);
  CHECK(std::abs(beyond_two / static_cast<double>(n) - 0.0455) < 0.003);
}

TEST_CASE("permutation() returns a permutation", "[core][rng]") {
  RandomStream stream(3, Purpose::dynamics, 0, 0, 0);
  for (const int n : {0, 1, 2, 17, 1000}) {
    std::vector<std::int32_t> p(static_cast<std::size_t>(n), -1);
    stream.permutation(p);
    std::vector<std::int32_t> sorted = p;
    std::sort(sorted.begin(), sorted.end());
    std::vector<std::int32_t> identity(static_cast<std::size_t>(n));
    std::iota(identity.begin(), identity.end(), 0);
    CHECK(sorted == identity);
  }
}

TEST_CASE("permutation() is uniform over the 3! orderings (chi-square)",
          "[core][rng][statistical]") {
  RandomStream stream(8, Purpose::dynamics, 1, 2, 3);
  std::map<std::array<std::int32_t, 3>, std::int64_t> seen;
  const int draws = 60000;
  for (int i = 0; i < draws; ++i) {
    std::array<std::int32_t, 3> p{};
    stream.permutation(p);
    ++seen[p];
  }
  REQUIRE(seen.size() == 6);
  std::vector<std::int64_t> counts;
  for (const auto& [perm, c] : seen) counts.push_back(c);
  CHECK(chi_square(counts, draws / 6.0) < 25.745);  // χ²₅ quantile 1 − 10⁻⁴
}

TEST_CASE("choose() gives k distinct indices in [0, n)", "[core][rng]") {
  RandomStream stream(4, Purpose::cue_noise, 0, 0, 0);
  // Small n (dense array) and n ≫ k (sparse map) both.
  for (const auto& [n, k] : std::vector<std::pair<std::int64_t, int>>{
           {1, 1}, {5, 0}, {5, 5}, {100, 37}, {100000, 50}, {std::int64_t{1} << 31, 1000}}) {
    std::vector<std::int32_t> out(static_cast<std::size_t>(k), -1);
    stream.choose(n, out);
    std::set<std::int32_t> distinct(out.begin(), out.end());
    CHECK(distinct.size() == static_cast<std::size_t>(k));
    for (const auto x : out) {
      CHECK(x >= 0);
      CHECK(static_cast<std::int64_t>(x) < n);
    }
  }
  std::vector<std::int32_t> too_many(6);
  CHECK_THROWS_AS(stream.choose(5, too_many), std::invalid_argument);
}

TEST_CASE("choose() equals a textbook partial Fisher-Yates on the same stream", "[core][rng]") {
  // The sparse (hash-map) method for k ≪ n must draw the same numbers and give the same result
  // as the dense array, so the storage choice never changes an experiment.
  for (const auto& [n, k] : std::vector<std::pair<std::int64_t, int>>{{50, 20}, {200000, 64}}) {
    RandomStream a(77, Purpose::cue_noise, 0, 1, 2);
    RandomStream b = a;
    std::vector<std::int32_t> out(static_cast<std::size_t>(k));
    a.choose(n, out);
    std::vector<std::int32_t> array(static_cast<std::size_t>(n));
    std::iota(array.begin(), array.end(), 0);
    for (int i = 0; i < k; ++i) {
      const auto j = static_cast<std::size_t>(i) + b.below(static_cast<std::uint64_t>(n - i));
      std::swap(array[static_cast<std::size_t>(i)], array[j]);
    }
    CHECK(out == std::vector<std::int32_t>(array.begin(), array.begin() + k));
    CHECK(a.next_u64() == b.next_u64());
  }
}

TEST_CASE("choose() picks every index with equal probability (chi-square)",
          "[core][rng][statistical]") {
  // 2 of 10 per draw: each index is chosen with probability 1/5; counts over 10 bins.
  RandomStream stream(13, Purpose::cue_noise, 0, 0, 0);
  std::vector<std::int64_t> counts(10, 0);
  const int draws = 50000;
  std::array<std::int32_t, 2> out{};
  for (int i = 0; i < draws; ++i) {
    stream.choose(10, out);
    for (const auto x : out) ++counts[static_cast<std::size_t>(x)];
  }
  // The two picks of a draw are negatively correlated, which only lowers the statistic
  // (multivariate hypergeometric), so the χ²₉ bound stays conservative.
  CHECK(chi_square(counts, 2.0 * draws / 10.0) < 33.72);
}
