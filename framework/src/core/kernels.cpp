// Portable kernels and the run-time dispatch to their AVX-512 versions (see
// hopfield/core/kernels.hpp). Both versions compute the same exact integers.
#include "hopfield/core/kernels.hpp"

#include <atomic>
#include <bit>
#include <type_traits>

namespace hopfield::kernels {

namespace avx512 {
void gram_tile(const std::uint32_t* t, std::ptrdiff_t ldt, std::ptrdiff_t words, std::ptrdiff_t i0,
               std::ptrdiff_t j0, std::int32_t* counts);
void xor_popcounts(const std::uint64_t* rows, std::ptrdiff_t stride, std::ptrdiff_t n,
                   const std::uint64_t* v, std::int32_t* out);
void and_popcounts(const std::uint64_t* rows, std::ptrdiff_t stride, std::ptrdiff_t n,
                   const std::uint64_t* v, std::int32_t* out);
std::int64_t masked_sum(const std::uint64_t* bits, const std::int32_t* m, std::ptrdiff_t p);
void signed_update(std::int32_t* m, const std::uint64_t* bits, std::ptrdiff_t p,
                   std::int32_t delta);
void matvec_i16(const std::int16_t* m, std::ptrdiff_t ld, std::ptrdiff_t n, const std::int16_t* s,
                std::int32_t* g);
void matvec_i8(const std::int8_t* m, std::ptrdiff_t ld, std::ptrdiff_t n, const std::int16_t* s,
               std::int32_t* g);
void add_scaled_i16(std::int32_t* g, const std::int16_t* row, std::ptrdiff_t n, std::int32_t delta);
void add_scaled_i8(std::int32_t* g, const std::int8_t* row, std::ptrdiff_t n, std::int32_t delta);
void matmul_i16(const std::int16_t* m, std::ptrdiff_t ld, const std::int32_t* s2,
                std::ptrdiff_t pairs, std::ptrdiff_t cols, std::ptrdiff_t i_begin,
                std::ptrdiff_t i_end, std::int32_t* g);
void matmul_i8(const std::int8_t* m, std::ptrdiff_t ld, const std::int32_t* s2,
               std::ptrdiff_t pairs, std::ptrdiff_t cols, std::ptrdiff_t i_begin,
               std::ptrdiff_t i_end, std::int32_t* g);
}  // namespace avx512

namespace {

std::atomic<bool> portable_forced{false};

bool detect_avx512() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
         __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512dq") &&
         __builtin_cpu_supports("avx512vpopcntdq") && __builtin_cpu_supports("avx512vnni");
}

// ---- portable versions -------------------------------------------------------------------

void gram_tile_portable(const BitRows& x, std::ptrdiff_t i0, std::ptrdiff_t j0, std::ptrdiff_t n,
                        std::int32_t* counts) {
  const std::ptrdiff_t stride = x.stride();
  for (std::ptrdiff_t r = 0; r < 32; ++r) {
    for (std::ptrdiff_t c = 0; c < 32; ++c) {
      const std::ptrdiff_t i = i0 + r;
      const std::ptrdiff_t j = j0 + c;
      std::int32_t count = 0;
      if (i < n && j < n) {
        const std::uint64_t* a = x.row(i);
        const std::uint64_t* b = x.row(j);
        for (std::ptrdiff_t w = 0; w < stride; ++w) count += std::popcount(a[w] ^ b[w]);
      }
      counts[r * 32 + c] = count;
    }
  }
}

std::int64_t masked_sum_portable(const std::uint64_t* bits, const std::int32_t* m,
                                 std::ptrdiff_t p) {
  std::int64_t sum = 0;
  const std::ptrdiff_t words = (p + 63) / 64;
  for (std::ptrdiff_t w = 0; w < words; ++w) {
    std::uint64_t b = bits[w];
    while (b != 0) {
      const int k = std::countr_zero(b);
      sum += m[64 * w + k];
      b &= b - 1;
    }
  }
  return sum;
}

template <class T>
void matvec_portable(const T* m, std::ptrdiff_t ld, std::ptrdiff_t n, const std::int16_t* s,
                     std::int32_t* g) {
  for (std::ptrdiff_t i = 0; i < n; ++i) {
    const T* row = m + i * ld;
    std::int64_t sum = 0;
    for (std::ptrdiff_t j = 0; j < ld; ++j) sum += std::int64_t{row[j]} * s[j];
    g[i] = static_cast<std::int32_t>(sum);
  }
}

template <class T>
void matmul_portable(const T* m, std::ptrdiff_t ld, const std::int32_t* s2, std::ptrdiff_t pairs,
                     std::ptrdiff_t cols, std::ptrdiff_t i_begin, std::ptrdiff_t i_end,
                     std::int32_t* g) {
  for (std::ptrdiff_t i = i_begin; i < i_end; ++i) {
    std::int32_t* out = g + i * cols;
    for (std::ptrdiff_t b = 0; b < cols; ++b) out[b] = 0;
    const T* row = m + i * ld;
    for (std::ptrdiff_t q = 0; q < pairs; ++q) {
      const std::int32_t lo = row[2 * q];
      const std::int32_t hi = row[2 * q + 1];
      const std::int32_t* pair = s2 + q * cols;
      for (std::ptrdiff_t b = 0; b < cols; ++b) {
        const auto word = static_cast<std::uint32_t>(pair[b]);
        const auto s_lo = static_cast<std::int16_t>(word & 0xFFFFU);
        const auto s_hi = static_cast<std::int16_t>(word >> 16U);
        out[b] += lo * s_lo + hi * s_hi;
      }
    }
  }
}

/// Word-major copy of the bit rows as 32-bit words: t[w·ldt + j] = word w of row j, with ldt a
/// multiple of 32 (zero columns beyond the rows), so a tile's 32 columns are one aligned pair of
/// AVX-512 registers.
AlignedVector<std::uint32_t> word_major(const BitRows& x, std::ptrdiff_t ldt,
                                        std::ptrdiff_t words) {
  AlignedVector<std::uint32_t> t(static_cast<std::size_t>(words * ldt), 0);
  for (std::ptrdiff_t j = 0; j < x.rows(); ++j) {
    const std::uint64_t* row = x.row(j);
    for (std::ptrdiff_t w = 0; w < words; ++w) {
      const std::uint64_t word = row[w / 2];
      t[static_cast<std::size_t>(w * ldt + j)] =
          static_cast<std::uint32_t>(w % 2 == 0 ? word : word >> 32U);
    }
  }
  return t;
}

template <class T>
T convert(std::int32_t v) {
  return static_cast<T>(v);
}

}  // namespace

bool avx512_available() {
  static const bool available = detect_avx512();
  return available;
}

void force_portable(bool on) {
  portable_forced.store(on);
}

bool use_avx512() {
  return avx512_available() && !portable_forced.load(std::memory_order_relaxed);
}

std::string_view active_isa() {
  return use_avx512() ? "avx512" : "portable";
}

template <class T>
void gram(const BitRows& x, std::int32_t p, std::int32_t diagonal, T* out, std::ptrdiff_t ld,
          int threads) {
  const std::ptrdiff_t n = x.rows();
  if (n == 0) return;
  const bool fast = use_avx512();
  const std::ptrdiff_t ldt = round_up(n, 32);
  const std::ptrdiff_t words = round_up(std::max<std::ptrdiff_t>(x.bits(), 1), 32) / 32;
  AlignedVector<std::uint32_t> t;
  if (fast) t = word_major(x, ldt, words);
  const std::ptrdiff_t tiles = ldt / 32;
  // Tile rows are independent; dynamic scheduling balances the triangle (row I has I+1 tiles).
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
  for (std::ptrdiff_t ti = tiles - 1; ti >= 0; --ti) {
    alignas(64) std::int32_t counts[32 * 32];
    T values[32 * 32];
    const std::ptrdiff_t i0 = ti * 32;
    const std::ptrdiff_t rows = std::min<std::ptrdiff_t>(32, n - i0);
    for (std::ptrdiff_t tj = 0; tj <= ti; ++tj) {
      const std::ptrdiff_t j0 = tj * 32;
      const std::ptrdiff_t cols = std::min<std::ptrdiff_t>(32, n - j0);
      if (fast) {
        avx512::gram_tile(t.data(), ldt, words, i0, j0, counts);
      } else {
        gram_tile_portable(x, i0, j0, n, counts);
      }
      for (std::ptrdiff_t r = 0; r < 32; ++r)
        for (std::ptrdiff_t c = 0; c < 32; ++c)
          values[r * 32 + c] = convert<T>(p - 2 * counts[r * 32 + c]);
      if (ti == tj)
        for (std::ptrdiff_t r = 0; r < 32; ++r) values[r * 32 + r] = convert<T>(diagonal);
      // Row-major block (i0.., j0..) and its transpose (j0.., i0..).
      for (std::ptrdiff_t r = 0; r < rows; ++r) {
        T* dst = out + (i0 + r) * ld + j0;
        for (std::ptrdiff_t c = 0; c < cols; ++c) dst[c] = values[r * 32 + c];
      }
      if (ti != tj) {
        for (std::ptrdiff_t c = 0; c < cols; ++c) {
          T* dst = out + (j0 + c) * ld + i0;
          for (std::ptrdiff_t r = 0; r < rows; ++r) dst[r] = values[r * 32 + c];
        }
      }
    }
  }
}

template void gram<std::int8_t>(const BitRows&, std::int32_t, std::int32_t, std::int8_t*,
                                std::ptrdiff_t, int);
template void gram<std::int16_t>(const BitRows&, std::int32_t, std::int32_t, std::int16_t*,
                                 std::ptrdiff_t, int);
template void gram<float>(const BitRows&, std::int32_t, std::int32_t, float*, std::ptrdiff_t, int);
template void gram<double>(const BitRows&, std::int32_t, std::int32_t, double*, std::ptrdiff_t,
                           int);

void xor_popcounts(const BitRows& rows, const std::uint64_t* v, std::int32_t* out) {
  if (use_avx512()) {
    avx512::xor_popcounts(rows.data(), rows.stride(), rows.rows(), v, out);
    return;
  }
  for (std::ptrdiff_t r = 0; r < rows.rows(); ++r) {
    const std::uint64_t* row = rows.row(r);
    std::int32_t count = 0;
    for (std::ptrdiff_t w = 0; w < rows.stride(); ++w) count += std::popcount(row[w] ^ v[w]);
    out[r] = count;
  }
}

void and_popcounts(const BitRows& rows, const std::uint64_t* v, std::int32_t* out) {
  if (use_avx512()) {
    avx512::and_popcounts(rows.data(), rows.stride(), rows.rows(), v, out);
    return;
  }
  for (std::ptrdiff_t r = 0; r < rows.rows(); ++r) {
    const std::uint64_t* row = rows.row(r);
    std::int32_t count = 0;
    for (std::ptrdiff_t w = 0; w < rows.stride(); ++w) count += std::popcount(row[w] & v[w]);
    out[r] = count;
  }
}

std::int64_t popcount_row(const std::uint64_t* row, std::ptrdiff_t stride) {
  std::int64_t count = 0;
  for (std::ptrdiff_t w = 0; w < stride; ++w) count += std::popcount(row[w]);
  return count;
}

std::int64_t masked_sum(const std::uint64_t* bits, const std::int32_t* m, std::ptrdiff_t p) {
  if (use_avx512()) return avx512::masked_sum(bits, m, p);
  return masked_sum_portable(bits, m, p);
}

void signed_update(std::int32_t* m, const std::uint64_t* bits, std::ptrdiff_t p,
                   std::int32_t delta) {
  if (use_avx512()) {
    avx512::signed_update(m, bits, p, delta);
    return;
  }
  for (std::ptrdiff_t mu = 0; mu < p; ++mu)
    m[mu] += ((bits[mu / 64] >> (mu % 64)) & 1U) != 0 ? -delta : delta;
}

void matvec(const std::int16_t* m, std::ptrdiff_t ld, std::ptrdiff_t n, const std::int16_t* s,
            std::int32_t* g) {
  if (use_avx512()) {
    avx512::matvec_i16(m, ld, n, s, g);
    return;
  }
  matvec_portable(m, ld, n, s, g);
}

void matvec(const std::int8_t* m, std::ptrdiff_t ld, std::ptrdiff_t n, const std::int16_t* s,
            std::int32_t* g) {
  if (use_avx512()) {
    avx512::matvec_i8(m, ld, n, s, g);
    return;
  }
  matvec_portable(m, ld, n, s, g);
}

void add_scaled(std::int32_t* g, const std::int16_t* row, std::ptrdiff_t n, std::int32_t delta) {
  if (use_avx512()) {
    avx512::add_scaled_i16(g, row, n, delta);
    return;
  }
  for (std::ptrdiff_t i = 0; i < n; ++i) g[i] += delta * row[i];
}

void add_scaled(std::int32_t* g, const std::int8_t* row, std::ptrdiff_t n, std::int32_t delta) {
  if (use_avx512()) {
    avx512::add_scaled_i8(g, row, n, delta);
    return;
  }
  for (std::ptrdiff_t i = 0; i < n; ++i) g[i] += delta * row[i];
}

namespace {

template <class T>
void matmul_dispatch(const T* m, std::ptrdiff_t ld, std::ptrdiff_t n, const PackedBatch& s,
                     std::int32_t* g, int threads) {
  // Row blocks of 64: the rows' slice of M (64·ld elements) stays in L2 while every batch
  // column passes over it. The partition does not depend on the thread count.
  constexpr std::ptrdiff_t rows_per_block = 64;
  const std::ptrdiff_t blocks = (n + rows_per_block - 1) / rows_per_block;
  const bool fast = use_avx512();
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
  for (std::ptrdiff_t blk = 0; blk < blocks; ++blk) {
    const std::ptrdiff_t i0 = blk * rows_per_block;
    const std::ptrdiff_t i1 = std::min(n, i0 + rows_per_block);
    if (fast) {
      if constexpr (std::is_same_v<T, std::int16_t>) {
        avx512::matmul_i16(m, ld, s.pairs.data(), s.rows, s.cols, i0, i1, g);
      } else {
        avx512::matmul_i8(m, ld, s.pairs.data(), s.rows, s.cols, i0, i1, g);
      }
    } else {
      matmul_portable(m, ld, s.pairs.data(), s.rows, s.cols, i0, i1, g);
    }
  }
}

}  // namespace

void matmul(const std::int16_t* m, std::ptrdiff_t ld, std::ptrdiff_t n, const PackedBatch& s,
            std::int32_t* g, int threads) {
  matmul_dispatch(m, ld, n, s, g, threads);
}

void matmul(const std::int8_t* m, std::ptrdiff_t ld, std::ptrdiff_t n, const PackedBatch& s,
            std::int32_t* g, int threads) {
  matmul_dispatch(m, ld, n, s, g, threads);
}

}  // namespace hopfield::kernels
