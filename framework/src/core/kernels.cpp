// Portable kernels and the run-time dispatch to their AVX-512 versions (see
// hopfield/core/kernels.hpp). Both versions compute the same exact integers.
#include "hopfield/core/kernels.hpp"

#include <atomic>
#include <bit>
#include <type_traits>

#include <sys/mman.h>

namespace hopfield::kernels {

namespace avx512 {
void gram_rows_i8(const std::uint32_t* t, std::ptrdiff_t ldt, std::ptrdiff_t words,
                  std::ptrdiff_t n, std::ptrdiff_t i0, std::ptrdiff_t rows, std::int32_t p,
                  std::int8_t* out, std::ptrdiff_t ld);
void gram_rows_i16(const std::uint32_t* t, std::ptrdiff_t ldt, std::ptrdiff_t words,
                   std::ptrdiff_t n, std::ptrdiff_t i0, std::ptrdiff_t rows, std::int32_t p,
                   std::int16_t* out, std::ptrdiff_t ld);
void gram_rows_f32(const std::uint32_t* t, std::ptrdiff_t ldt, std::ptrdiff_t words,
                   std::ptrdiff_t n, std::ptrdiff_t i0, std::ptrdiff_t rows, std::int32_t p,
                   float* out, std::ptrdiff_t ld);
void gram_rows_f64(const std::uint32_t* t, std::ptrdiff_t ldt, std::ptrdiff_t words,
                   std::ptrdiff_t n, std::ptrdiff_t i0, std::ptrdiff_t rows, std::int32_t p,
                   double* out, std::ptrdiff_t ld);
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

template <class T>
void gram_rows_portable(const BitRows& x, std::ptrdiff_t i0, std::ptrdiff_t rows, std::int32_t p,
                        T* out, std::ptrdiff_t ld) {
  const std::ptrdiff_t stride = x.stride();
  const std::ptrdiff_t n = x.rows();
  for (std::ptrdiff_t i = i0; i < i0 + rows; ++i) {
    const std::uint64_t* a = x.row(i);
    T* dst = out + i * ld;
    for (std::ptrdiff_t j = 0; j < n; ++j) {
      const std::uint64_t* b = x.row(j);
      std::int32_t count = 0;
      for (std::ptrdiff_t w = 0; w < stride; ++w) count += std::popcount(a[w] ^ b[w]);
      dst[j] = static_cast<T>(p - 2 * count);
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

}  // namespace

namespace {

/// In place: bit c of a[r] becomes bit r of a[c] (Hacker's Delight §7-3, on 64-bit words).
void transpose64(std::uint64_t* a) {
  std::uint64_t m = 0x00000000FFFFFFFFULL;
  for (int j = 32; j != 0; j >>= 1, m ^= (m << j)) {
    for (int k = 0; k < 64; k = ((k | j) + 1) & ~j) {
      const std::uint64_t t = ((a[k] >> j) ^ a[k | j]) & m;
      a[k] ^= t << j;
      a[k | j] ^= t;
    }
  }
}

}  // namespace

BitRows transpose(const BitRows& x) {
  const std::ptrdiff_t rows = x.rows();
  const std::ptrdiff_t bits = x.bits();
  BitRows out(bits, rows);
  std::uint64_t block[64];
  for (std::ptrdiff_t r0 = 0; r0 < rows; r0 += 64) {
    const std::ptrdiff_t r_end = std::min<std::ptrdiff_t>(64, rows - r0);
    for (std::ptrdiff_t c0 = 0; c0 < bits; c0 += 64) {
      for (std::ptrdiff_t r = 0; r < 64; ++r) block[r] = r < r_end ? x.row(r0 + r)[c0 / 64] : 0;
      transpose64(block);
      const std::ptrdiff_t c_end = std::min<std::ptrdiff_t>(64, bits - c0);
      for (std::ptrdiff_t c = 0; c < c_end; ++c) out.row(c0 + c)[r0 / 64] = block[c];
    }
  }
  return out;
}

void advise_huge_pages(void* p, std::size_t bytes) {
#ifdef MADV_HUGEPAGE
  // Only whole huge pages inside the block; a failure (no THP) leaves ordinary pages.
  const auto begin = reinterpret_cast<std::uintptr_t>(p);
  const std::uintptr_t first = (begin + huge_page_bytes - 1) / huge_page_bytes * huge_page_bytes;
  const std::uintptr_t last = (begin + bytes) / huge_page_bytes * huge_page_bytes;
  if (last > first)
    (void)::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);  // NOLINT
#else
  (void)p;
  (void)bytes;
#endif
}

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
  // Both triangles are computed: the popcounts cost a few per cent of the time, and every row
  // of the output is then written once, front to back (no transposed scatter). Blocks of 32
  // rows are independent, so any thread count writes the same numbers.
  constexpr std::ptrdiff_t block = 32;
  const std::ptrdiff_t blocks = (n + block - 1) / block;
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
  for (std::ptrdiff_t b = 0; b < blocks; ++b) {
    const std::ptrdiff_t i0 = b * block;
    const std::ptrdiff_t rows = std::min(block, n - i0);
    if (fast) {
      if constexpr (std::is_same_v<T, std::int8_t>) {
        avx512::gram_rows_i8(t.data(), ldt, words, n, i0, rows, p, out, ld);
      } else if constexpr (std::is_same_v<T, std::int16_t>) {
        avx512::gram_rows_i16(t.data(), ldt, words, n, i0, rows, p, out, ld);
      } else if constexpr (std::is_same_v<T, float>) {
        avx512::gram_rows_f32(t.data(), ldt, words, n, i0, rows, p, out, ld);
      } else {
        avx512::gram_rows_f64(t.data(), ldt, words, n, i0, rows, p, out, ld);
      }
    } else {
      gram_rows_portable(x, i0, rows, p, out, ld);
    }
    for (std::ptrdiff_t i = i0; i < i0 + rows; ++i) out[i * ld + i] = static_cast<T>(diagonal);
  }
}

template void gram<std::int8_t>(const BitRows&, std::int32_t, std::int32_t, std::int8_t*,
                                std::ptrdiff_t, int);
template void gram<std::int16_t>(const BitRows&, std::int32_t, std::int32_t, std::int16_t*,
                                 std::ptrdiff_t, int);
template void gram<float>(const BitRows&, std::int32_t, std::int32_t, float*, std::ptrdiff_t, int);
template void gram<double>(const BitRows&, std::int32_t, std::int32_t, double*, std::ptrdiff_t,
                           int);

namespace {

/// out[r] = popcount(op(row r, v)) for every row, portable.
template <class Op>
void popcounts_portable(const BitRows& rows, const std::uint64_t* v, std::int32_t* out, Op op) {
  for (std::ptrdiff_t r = 0; r < rows.rows(); ++r) {
    const std::uint64_t* row = rows.row(r);
    std::int32_t count = 0;
    for (std::ptrdiff_t w = 0; w < rows.stride(); ++w) count += std::popcount(op(row[w], v[w]));
    out[r] = count;
  }
}

}  // namespace

void xor_popcounts(const BitRows& rows, const std::uint64_t* v, std::int32_t* out) {
  if (use_avx512()) {
    avx512::xor_popcounts(rows.data(), rows.stride(), rows.rows(), v, out);
    return;
  }
  popcounts_portable(rows, v, out, [](std::uint64_t a, std::uint64_t b) { return a ^ b; });
}

void and_popcounts(const BitRows& rows, const std::uint64_t* v, std::int32_t* out) {
  if (use_avx512()) {
    avx512::and_popcounts(rows.data(), rows.stride(), rows.rows(), v, out);
    return;
  }
  popcounts_portable(rows, v, out, [](std::uint64_t a, std::uint64_t b) { return a & b; });
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
