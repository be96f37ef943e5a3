// The integer and bit kernels against brute-force integer arithmetic, in both versions
// (portable C++ and AVX-512 where the CPU has it), at sizes that are not multiples of any
// vector width, and with 1 and 2 threads.
#include "hopfield/core/kernels.hpp"
#include "hopfield/core/integer_couplings.hpp"
#include "hopfield/core/rng.hpp"

#include <catch2/catch.hpp>

#include <Eigen/Core>

#include <cstdint>
#include <utility>
#include <vector>

using namespace hopfield;

namespace {

/// Runs body once with the portable kernels and, where the CPU has AVX-512, once with those.
template <class Body>
void for_each_isa(Body&& body) {
  kernels::force_portable(true);
  body("portable");
  kernels::force_portable(false);
  if (kernels::avx512_available()) body("avx512");
}

/// P × N random ±1 values.
Eigen::MatrixXi random_signs(Eigen::Index p, Eigen::Index n, std::uint64_t seed) {
  RandomStream rng(seed, Purpose::patterns, 0, 0, 0);
  Eigen::MatrixXi x(p, n);
  for (Eigen::Index mu = 0; mu < p; ++mu)
    for (Eigen::Index i = 0; i < n; ++i) x(mu, i) = rng.bernoulli(0.5) ? 1 : -1;
  return x;
}

/// Bits of the −1 entries of x, one row per column of x (neuron-major).
kernels::BitRows by_column(const Eigen::MatrixXi& x) {
  kernels::BitRows bits(x.cols(), x.rows());
  for (Eigen::Index i = 0; i < x.cols(); ++i)
    for (Eigen::Index mu = 0; mu < x.rows(); ++mu)
      if (x(mu, i) < 0) bits.set(i, mu);
  return bits;
}

}  // namespace

TEST_CASE("gram kernel gives M_ij = P - 2 popcount(x_i xor x_j) = sum_mu xi_i xi_j exactly",
          "[core][kernels]") {
  for (const auto& size :
       {std::pair<Eigen::Index, Eigen::Index>{133, 77}, {64, 96}, {1, 5}, {700, 45}}) {
    // Not a structured binding: clang 14 cannot capture one in the lambda below.
    const Eigen::Index p = size.first;
    const Eigen::Index n = size.second;
    const Eigen::MatrixXi x = random_signs(p, n, static_cast<std::uint64_t>(p * 1000 + n));
    const Eigen::MatrixXi expected = x.transpose() * x;
    const kernels::BitRows bits = by_column(x);
    const auto pp = static_cast<std::int32_t>(p);
    for_each_isa([&](const char* isa) {
      INFO(isa << " P=" << p << " N=" << n);
      for (int threads : {1, 2}) {
        const std::ptrdiff_t ld = n + 3;  // a leading dimension larger than N
        std::vector<std::int16_t> m16(static_cast<std::size_t>(n * ld), 99);
        kernels::gram(bits, pp, -7, m16.data(), ld, threads);
        Eigen::MatrixXd md(n, n);
        kernels::gram(bits, pp, pp, md.data(), n, threads);
        Eigen::MatrixXf mf(n, n);
        kernels::gram(bits, pp, 0, mf.data(), n, threads);
        for (Eigen::Index i = 0; i < n; ++i) {
          for (Eigen::Index j = 0; j < n; ++j) {
            const int want = expected(i, j);
            REQUIRE(m16[static_cast<std::size_t>(i * ld + j)] == (i == j ? -7 : want));
            REQUIRE(md(i, j) == static_cast<double>(want));
            REQUIRE(mf(i, j) == (i == j ? 0.0F : static_cast<float>(want)));
          }
          for (Eigen::Index j = n; j < ld; ++j)
            REQUIRE(m16[static_cast<std::size_t>(i * ld + j)] == 99);  // padding untouched
        }
      }
    });
  }
}

TEST_CASE("popcount overlaps, masked sums and signed updates match their definitions",
          "[core][kernels]") {
  const Eigen::Index p = 83;
  const Eigen::Index n = 517;
  const Eigen::MatrixXi x = random_signs(p, n, 3);
  kernels::BitRows rows(p, n);  // pattern-major
  for (Eigen::Index mu = 0; mu < p; ++mu)
    for (Eigen::Index i = 0; i < n; ++i)
      if (x(mu, i) < 0) rows.set(mu, i);
  RandomStream rng(4, Purpose::patterns, 0, 0, 1);
  kernels::AlignedVector<std::uint64_t> v(static_cast<std::size_t>(rows.stride()), 0);
  std::vector<int> vbits(static_cast<std::size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) {
    vbits[static_cast<std::size_t>(i)] = rng.bernoulli(0.3) ? 1 : 0;
    if (vbits[static_cast<std::size_t>(i)] != 0)
      v[static_cast<std::size_t>(i / 64)] |= std::uint64_t{1} << (i % 64);
  }
  const kernels::BitRows columns = by_column(x);
  kernels::AlignedVector<std::int32_t> m(static_cast<std::size_t>(kernels::round_up(p, 16)), 0);
  for (Eigen::Index mu = 0; mu < p; ++mu)
    m[static_cast<std::size_t>(mu)] = static_cast<std::int32_t>(rng.below(2001)) - 1000;

  for_each_isa([&](const char* isa) {
    INFO(isa);
    std::vector<std::int32_t> xor_count(static_cast<std::size_t>(p));
    std::vector<std::int32_t> and_count(static_cast<std::size_t>(p));
    kernels::xor_popcounts(rows, v.data(), xor_count.data());
    kernels::and_popcounts(rows, v.data(), and_count.data());
    for (Eigen::Index mu = 0; mu < p; ++mu) {
      int want_xor = 0;
      int want_and = 0;
      for (Eigen::Index i = 0; i < n; ++i) {
        const int bit = x(mu, i) < 0 ? 1 : 0;
        want_xor += bit ^ vbits[static_cast<std::size_t>(i)];
        want_and += bit & vbits[static_cast<std::size_t>(i)];
      }
      REQUIRE(xor_count[static_cast<std::size_t>(mu)] == want_xor);
      REQUIRE(and_count[static_cast<std::size_t>(mu)] == want_and);
    }
    for (Eigen::Index i = 0; i < n; ++i) {
      std::int64_t want = 0;
      for (Eigen::Index mu = 0; mu < p; ++mu)
        if (x(mu, i) < 0) want += m[static_cast<std::size_t>(mu)];
      REQUIRE(kernels::masked_sum(columns.row(i), m.data(), p) == want);
    }
    auto updated = m;
    kernels::signed_update(updated.data(), columns.row(5), p, -2);
    for (Eigen::Index mu = 0; mu < kernels::round_up(p, 16); ++mu) {
      const std::int32_t want =
          mu < p ? m[static_cast<std::size_t>(mu)] - 2 * x(mu, 5) : 0;  // padding stays 0
      REQUIRE(updated[static_cast<std::size_t>(mu)] == want);
    }
  });
}

TEST_CASE("int16 and int8 matrix-vector and matrix-matrix products are exact", "[core][kernels]") {
  const Eigen::Index n = 147;
  const std::ptrdiff_t ld = kernels::round_up(n, 64);
  RandomStream rng(9, Purpose::learning, 0, 0, 0);
  Eigen::MatrixXi m = Eigen::MatrixXi::Zero(n, n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j <= i; ++j)
      m(i, j) = m(j, i) = static_cast<int>(rng.below(65535)) - 32767;
  kernels::AlignedVector<std::int16_t> m16(static_cast<std::size_t>(n * ld), 0);
  kernels::AlignedVector<std::int8_t> m8(static_cast<std::size_t>(n * ld), 0);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j) {
      m16[static_cast<std::size_t>(i * ld + j)] = static_cast<std::int16_t>(m(i, j));
      m8[static_cast<std::size_t>(i * ld + j)] = static_cast<std::int8_t>(m(i, j) % 128);
    }
  const Eigen::Index batch = 37;
  Eigen::MatrixXf s(n, batch);
  for (Eigen::Index b = 0; b < batch; ++b)
    for (Eigen::Index j = 0; j < n; ++j) s(j, b) = static_cast<float>(rng.below(3)) - 1.0F;
  Eigen::MatrixXi m8i(n, n);
  for (Eigen::Index i = 0; i < n; ++i)
    for (Eigen::Index j = 0; j < n; ++j) m8i(i, j) = m8[static_cast<std::size_t>(i * ld + j)];
  const Eigen::MatrixXi si = s.cast<int>();
  const Eigen::MatrixXi want16 = m * si;
  const Eigen::MatrixXi want8 = m8i * si;
  kernels::PackedBatch packed;
  pack_batch(s, ld, packed);

  for_each_isa([&](const char* isa) {
    INFO(isa);
    kernels::AlignedVector<std::int16_t> s16(static_cast<std::size_t>(ld), 0);
    for (Eigen::Index j = 0; j < n; ++j)
      s16[static_cast<std::size_t>(j)] = static_cast<std::int16_t>(s(j, 3));
    std::vector<std::int32_t> g(static_cast<std::size_t>(n));
    kernels::matvec(m16.data(), ld, n, s16.data(), g.data());
    for (Eigen::Index i = 0; i < n; ++i) REQUIRE(g[static_cast<std::size_t>(i)] == want16(i, 3));
    kernels::matvec(m8.data(), ld, n, s16.data(), g.data());
    for (Eigen::Index i = 0; i < n; ++i) REQUIRE(g[static_cast<std::size_t>(i)] == want8(i, 3));
    kernels::add_scaled(g.data(), m16.data() + 7 * ld, n, -2);
    for (Eigen::Index i = 0; i < n; ++i)
      REQUIRE(g[static_cast<std::size_t>(i)] == want8(i, 3) - 2 * m(7, i));
    for (int threads : {1, 2}) {
      std::vector<std::int32_t> out(static_cast<std::size_t>(n * packed.cols));
      kernels::matmul(m16.data(), ld, n, packed, out.data(), threads);
      for (Eigen::Index i = 0; i < n; ++i)
        for (Eigen::Index b = 0; b < batch; ++b)
          REQUIRE(out[static_cast<std::size_t>(i * packed.cols + b)] == want16(i, b));
      kernels::matmul(m8.data(), ld, n, packed, out.data(), threads);
      for (Eigen::Index i = 0; i < n; ++i)
        for (Eigen::Index b = 0; b < batch; ++b)
          REQUIRE(out[static_cast<std::size_t>(i * packed.cols + b)] == want8(i, b));
    }
  });
}

TEST_CASE("make_integer_couplings picks int8 for small entries and refuses what it cannot hold",
          "[core][couplings]") {
  Eigen::MatrixXd m(3, 3);
  m << 0, 5, -127, 5, 0, 2, -127, 2, 0;
  auto small = make_integer_couplings(m, 0.5);
  CHECK(small->element() == "int8");
  CHECK(small->storage() == "integer");
  CHECK(small->raw(0, 2) == -127.0);
  CHECK(small->dense()(2, 0) == -63.5);
  CHECK(small->zero_diagonal());
  m(0, 1) = m(1, 0) = 300;
  CHECK(make_integer_couplings(m, 1.0)->element() == "int16");
  m(0, 1) = 40000;
  m(1, 0) = 40000;
  CHECK_THROWS_WITH(make_integer_couplings(m, 1.0), Catch::Contains("int16 range"));
  m(1, 0) = 3;
  CHECK_THROWS_WITH(make_integer_couplings(m, 1.0), Catch::Contains("symmetric"));
  m(1, 0) = m(0, 1) = 0.5;
  CHECK_THROWS_WITH(make_integer_couplings(m, 1.0), Catch::Contains("not an integer"));
}

TEST_CASE("bit matrices transpose exactly, at sizes that are not multiples of 64",
          "[core][kernels]") {
  for (const auto& [rows, bits] : std::vector<std::pair<std::ptrdiff_t, std::ptrdiff_t>>{
           {1, 1}, {64, 64}, {65, 130}, {410, 4096}, {7, 1000}, {129, 63}}) {
    INFO(rows << " x " << bits);
    RandomStream rng(static_cast<std::uint64_t>(rows * 7 + bits), Purpose::patterns, 0, 0, 0);
    kernels::BitRows x(rows, bits);
    for (std::ptrdiff_t r = 0; r < rows; ++r)
      for (std::ptrdiff_t c = 0; c < bits; ++c)
        if (rng.bernoulli(0.5)) x.set(r, c);
    const kernels::BitRows t = kernels::transpose(x);
    REQUIRE(t.rows() == bits);
    REQUIRE(t.bits() == rows);
    for (std::ptrdiff_t r = 0; r < rows; ++r)
      for (std::ptrdiff_t c = 0; c < bits; ++c) REQUIRE(t.get(c, r) == x.get(r, c));
    // Padding bits stay zero (the popcount kernels count whole words).
    for (std::ptrdiff_t c = 0; c < bits; ++c)
      for (std::ptrdiff_t b = rows; b < t.stride() * 64; ++b) REQUIRE_FALSE(t.get(c, b));
  }
}

TEST_CASE("large aligned blocks are 2 MiB aligned and small ones 64-byte aligned",
          "[core][kernels]") {
  kernels::AlignedVector<std::int16_t> small(1000, 1);
  REQUIRE(reinterpret_cast<std::uintptr_t>(small.data()) % 64 == 0);
  kernels::AlignedVector<std::int16_t> large(kernels::huge_block_bytes / 2 + 3, 7);
  REQUIRE(reinterpret_cast<std::uintptr_t>(large.data()) % kernels::huge_page_bytes == 0);
  REQUIRE(large.back() == 7);
  kernels::AlignedBuffer<float> buffer(kernels::huge_block_bytes);
  REQUIRE(reinterpret_cast<std::uintptr_t>(buffer.data()) % kernels::huge_page_bytes == 0);
  buffer.data()[buffer.size() - 1] = 1.0F;
  kernels::AlignedBuffer<float> moved = std::move(buffer);
  REQUIRE(moved.size() == kernels::huge_block_bytes);
  REQUIRE(moved.data()[moved.size() - 1] == 1.0F);
}

TEST_CASE("integer couplings cannot overflow their int32 fields", "[core][couplings]") {
  // Entries beyond ±32767 are refused (above) and n ≤ 65535, so |g_i| ≤ 65535 · 32767 < 2³¹:
  // a larger network is refused before its matrix is allocated or filled.
  bool filled = false;
  const IntegerCouplings<std::int16_t>::Fill fill = [&filled](std::int16_t*, std::ptrdiff_t) {
    filled = true;
  };
  CHECK_THROWS_WITH((IntegerCouplings<std::int16_t>(65536, 1.0, true, fill)),
                    Catch::Contains("65535"));
  CHECK_FALSE(filled);
  // The extreme entries sum exactly, with either sign: every field is ±32767·(n − 1).
  const Eigen::Index n = 301;
  for (const double entry : {32767.0, -32767.0}) {
    Eigen::MatrixXd m = Eigen::MatrixXd::Constant(n, n, entry);
    m.diagonal().setZero();
    const auto c = make_integer_couplings(m, 1.0);
    REQUIRE(c->element() == "int16");
    for (const float sign : {1.0F, -1.0F}) {
      Eigen::VectorXd g;
      c->raw_fields(Eigen::VectorXf::Constant(n, sign), g);
      const double want = entry * static_cast<double>(sign) * static_cast<double>(n - 1);
      CHECK((g.array() == want).all());
    }
  }
}
