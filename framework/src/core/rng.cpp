// Philox4x64-10 streams (Salmon et al. 2011). Key = {seed, purpose}; counter = {point, trial,
// item, index}, where index counts the 4-word blocks drawn so far. A stream is therefore a pure
// function of its five coordinates and of how many numbers were taken from it.
#include "hopfield/core/rng.hpp"

#include <cmath>
#include <limits>
#include <numbers>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace hopfield {

RandomStream::RandomStream(std::uint64_t seed, Purpose purpose, std::uint64_t point,
                           std::uint64_t trial, std::uint64_t item)
    : key_{{seed, static_cast<std::uint64_t>(purpose)}},
      counter_{{point, trial, item, 0}},
      block_{{0, 0, 0, 0}} {}

void RandomStream::refill() {
  block_ = Philox()(counter_, key_);
  ++counter_.v[3];
  used_ = 0;
}

void RandomStream::below_of_zero() {
  throw std::invalid_argument("RandomStream::below: n must be positive");
}

double RandomStream::uniform() {
  // The top 53 bits fill the mantissa exactly: values k·2⁻⁵³, k = 0 … 2⁵³−1.
  return static_cast<double>(next_u64() >> 11) * 0x1.0p-53;
}

double RandomStream::normal() {
  if (has_spare_) {
    has_spare_ = false;
    return spare_normal_;
  }
  // 1 − u lies in (0, 1], so the logarithm is finite.
  const double u1 = 1.0 - uniform();
  const double u2 = uniform();
  const double radius = std::sqrt(-2.0 * std::log(u1));
  const double angle = 2.0 * std::numbers::pi * u2;
  spare_normal_ = radius * std::sin(angle);
  has_spare_ = true;
  return radius * std::cos(angle);
}

void RandomStream::permutation(std::span<std::int32_t> out) {
  const auto n = out.size();
  for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<std::int32_t>(i);
  for (std::size_t i = n; i > 1; --i) {
    const auto j = static_cast<std::size_t>(below(i));
    std::swap(out[i - 1], out[j]);
  }
}

void RandomStream::choose(std::int64_t n, std::span<std::int32_t> out) {
  const auto k = static_cast<std::int64_t>(out.size());
  if (n < 0 || k > n) {
    throw std::invalid_argument("RandomStream::choose: cannot choose " + std::to_string(k) +
                                " distinct indices from " + std::to_string(n));
  }
  if (n > std::int64_t{std::numeric_limits<std::int32_t>::max()} + 1) {
    throw std::invalid_argument("RandomStream::choose: n = " + std::to_string(n) +
                                " exceeds the 32-bit index range");
  }
  // Partial Fisher–Yates on the virtual array a = (0, 1, …, n−1): step i swaps a[i] with a[j],
  // j uniform in [i, n). For k ≪ n only the displaced entries are stored (a hash map), which
  // draws the same numbers and gives the same output as the dense array, so the choice of
  // storage never changes a result.
  if (n <= 4 * k || n <= 1024) {
    std::vector<std::int32_t> a(static_cast<std::size_t>(n));
    for (std::int64_t i = 0; i < n; ++i)
      a[static_cast<std::size_t>(i)] = static_cast<std::int32_t>(i);
    for (std::int64_t i = 0; i < k; ++i) {
      const auto j = i + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(n - i)));
      std::swap(a[static_cast<std::size_t>(i)], a[static_cast<std::size_t>(j)]);
      out[static_cast<std::size_t>(i)] = a[static_cast<std::size_t>(i)];
    }
    return;
  }
  std::unordered_map<std::int64_t, std::int32_t> displaced;
  displaced.reserve(static_cast<std::size_t>(2 * k));
  auto value_at = [&displaced](std::int64_t i) {
    auto it = displaced.find(i);
    return it == displaced.end() ? static_cast<std::int32_t>(i) : it->second;
  };
  for (std::int64_t i = 0; i < k; ++i) {
    const auto j = i + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(n - i)));
    const std::int32_t vi = value_at(i);
    const std::int32_t vj = value_at(j);
    out[static_cast<std::size_t>(i)] = vj;
    displaced[j] = vi;  // a[i] is never read again, so it need not be stored
  }
}

}  // namespace hopfield
