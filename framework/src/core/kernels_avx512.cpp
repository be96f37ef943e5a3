// AVX-512 versions of the kernels in hopfield/core/kernels.hpp (VPOPCNTDQ for popcounts, VNNI
// VPDPWSSD for int16 dot products, BW masks for masked sums). Compiled for that target whatever
// the build's -march; called only when the CPU has it (kernels.cpp dispatches at run time).
//
// This file includes nothing but the intrinsics header and <cstdint>/<cstddef>, and keeps its
// helpers in an anonymous namespace: an inline function instantiated here with AVX-512 code must
// not be merged by the linker with the copy that portable code calls.
// GCC 12 reports _mm512_undefined_*() inside the intrinsics headers as uninitialised (GCC PR
// 105593, fixed in GCC 13). Clang (the fuzz and tsan presets) takes the target as a function
// attribute applied to every function below.
#if defined(__clang__)
#include <immintrin.h>
#else
#pragma GCC diagnostic ignored "-Wuninitialized"
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <immintrin.h>
#endif

#include <cstddef>
#include <cstdint>

#if defined(__clang__)
#pragma clang attribute push(                                                                  \
    __attribute__((                                                                            \
        target("avx512f,avx512bw,avx512vl,avx512dq,avx512vpopcntdq,avx512vnni,popcnt,bmi2"))), \
    apply_to = function)
#else
#pragma GCC push_options
#pragma GCC target("avx512f,avx512bw,avx512vl,avx512dq,avx512vpopcntdq,avx512vnni,popcnt,bmi2")
#endif

namespace hopfield::kernels::avx512 {

namespace {

inline __m512i popcnt32(__m512i v) {
  return _mm512_popcnt_epi32(v);
}

/// Stores p − 2·(lo, hi) (32 counts) as T into dst[0 … cols−1], cols ≤ 32.
template <class T>
inline void store_values(T* dst, __m512i p, __m512i lo, __m512i hi, std::ptrdiff_t cols) {
  const __m512i v0 = _mm512_sub_epi32(p, _mm512_slli_epi32(lo, 1));
  const __m512i v1 = _mm512_sub_epi32(p, _mm512_slli_epi32(hi, 1));
  const auto c0 = static_cast<unsigned>(cols >= 16 ? 16 : cols);
  const auto c1 = static_cast<unsigned>(cols >= 32 ? 16 : (cols > 16 ? cols - 16 : 0));
  const auto m0 = static_cast<__mmask16>(c0 == 16 ? 0xFFFFU : (1U << c0) - 1U);
  const auto m1 = static_cast<__mmask16>(c1 == 16 ? 0xFFFFU : (1U << c1) - 1U);
  if constexpr (sizeof(T) == 4) {  // float
    _mm512_mask_storeu_ps(dst, m0, _mm512_cvtepi32_ps(v0));
    _mm512_mask_storeu_ps(dst + 16, m1, _mm512_cvtepi32_ps(v1));
  } else if constexpr (sizeof(T) == 8) {  // double
    const auto ma = static_cast<__mmask8>(m0 & 0xFFU);
    const auto mb = static_cast<__mmask8>(m0 >> 8U);
    const auto mc = static_cast<__mmask8>(m1 & 0xFFU);
    const auto md = static_cast<__mmask8>(m1 >> 8U);
    _mm512_mask_storeu_pd(dst, ma, _mm512_cvtepi32_pd(_mm512_castsi512_si256(v0)));
    _mm512_mask_storeu_pd(dst + 8, mb, _mm512_cvtepi32_pd(_mm512_extracti64x4_epi64(v0, 1)));
    _mm512_mask_storeu_pd(dst + 16, mc, _mm512_cvtepi32_pd(_mm512_castsi512_si256(v1)));
    _mm512_mask_storeu_pd(dst + 24, md, _mm512_cvtepi32_pd(_mm512_extracti64x4_epi64(v1, 1)));
  } else if constexpr (sizeof(T) == 2) {  // int16
    _mm256_mask_storeu_epi16(dst, m0, _mm512_cvtepi32_epi16(v0));
    _mm256_mask_storeu_epi16(dst + 16, m1, _mm512_cvtepi32_epi16(v1));
  } else {  // int8
    _mm_mask_storeu_epi8(dst, m0, _mm512_cvtepi32_epi8(v0));
    _mm_mask_storeu_epi8(dst + 16, m1, _mm512_cvtepi32_epi8(v1));
  }
}

/// Rows i0 … i0+rows−1 (rows ≤ 8) against columns j0 … j0+cols−1 (cols ≤ 32) of the word-major
/// table t: counts popcount(x_i ⊕ x_j) in registers, stored as p − 2·count.
template <class T>
inline void gram_block8(const std::uint32_t* t, std::ptrdiff_t ldt, std::ptrdiff_t words,
                        std::ptrdiff_t i0, std::ptrdiff_t rows, std::ptrdiff_t j0,
                        std::ptrdiff_t cols, std::int32_t p, T* out, std::ptrdiff_t ld) {
  __m512i a00 = _mm512_setzero_si512(), a01 = _mm512_setzero_si512();
  __m512i a10 = _mm512_setzero_si512(), a11 = _mm512_setzero_si512();
  __m512i a20 = _mm512_setzero_si512(), a21 = _mm512_setzero_si512();
  __m512i a30 = _mm512_setzero_si512(), a31 = _mm512_setzero_si512();
  __m512i a40 = _mm512_setzero_si512(), a41 = _mm512_setzero_si512();
  __m512i a50 = _mm512_setzero_si512(), a51 = _mm512_setzero_si512();
  __m512i a60 = _mm512_setzero_si512(), a61 = _mm512_setzero_si512();
  __m512i a70 = _mm512_setzero_si512(), a71 = _mm512_setzero_si512();
  for (std::ptrdiff_t w = 0; w < words; ++w) {
    const std::uint32_t* row = t + w * ldt;
    const __m512i v0 = _mm512_load_si512(row + j0);
    const __m512i v1 = _mm512_load_si512(row + j0 + 16);
    const std::uint32_t* x = row + i0;
#define HOPFIELD_GRAM_ROW(r, lo, hi)                              \
  {                                                               \
    const __m512i b = _mm512_set1_epi32(static_cast<int>(x[r]));  \
    lo = _mm512_add_epi32(lo, popcnt32(_mm512_xor_si512(b, v0))); \
    hi = _mm512_add_epi32(hi, popcnt32(_mm512_xor_si512(b, v1))); \
  }
    HOPFIELD_GRAM_ROW(0, a00, a01)
    HOPFIELD_GRAM_ROW(1, a10, a11)
    HOPFIELD_GRAM_ROW(2, a20, a21)
    HOPFIELD_GRAM_ROW(3, a30, a31)
    HOPFIELD_GRAM_ROW(4, a40, a41)
    HOPFIELD_GRAM_ROW(5, a50, a51)
    HOPFIELD_GRAM_ROW(6, a60, a61)
    HOPFIELD_GRAM_ROW(7, a70, a71)
#undef HOPFIELD_GRAM_ROW
  }
  const __m512i pv = _mm512_set1_epi32(p);
  T* dst = out + i0 * ld + j0;
  // Rows past the end (when rows < 8) were computed from zero padding and are not stored.
  if (rows > 0) store_values(dst, pv, a00, a01, cols);
  if (rows > 1) store_values(dst + ld, pv, a10, a11, cols);
  if (rows > 2) store_values(dst + 2 * ld, pv, a20, a21, cols);
  if (rows > 3) store_values(dst + 3 * ld, pv, a30, a31, cols);
  if (rows > 4) store_values(dst + 4 * ld, pv, a40, a41, cols);
  if (rows > 5) store_values(dst + 5 * ld, pv, a50, a51, cols);
  if (rows > 6) store_values(dst + 6 * ld, pv, a60, a61, cols);
  if (rows > 7) store_values(dst + 7 * ld, pv, a70, a71, cols);
}

/// Rows i0 … i0+rows−1 (rows ≤ 32) of the Gram matrix, all n columns: for each block of 32
/// columns, the four groups of 8 rows reuse its slice of t from L1.
template <class T>
void gram_rows_impl(const std::uint32_t* t, std::ptrdiff_t ldt, std::ptrdiff_t words,
                    std::ptrdiff_t n, std::ptrdiff_t i0, std::ptrdiff_t rows, std::int32_t p,
                    T* out, std::ptrdiff_t ld) {
  for (std::ptrdiff_t j0 = 0; j0 < n; j0 += 32) {
    const std::ptrdiff_t cols = n - j0 < 32 ? n - j0 : 32;
    for (std::ptrdiff_t r = 0; r < rows; r += 8)
      gram_block8(t, ldt, words, i0 + r, rows - r < 8 ? rows - r : 8, j0, cols, p, out, ld);
  }
}

/// out[r] = popcount(row r XOR v) (Xor) or popcount(row r AND v) for the n rows of `stride`
/// words (a multiple of 8). A bool rather than a lambda: a lambda's conversion to a function
/// pointer is generated outside the target pragma, which g++ -O1 reports as an ABI change.
template <bool Xor>
inline void popcounts_impl(const std::uint64_t* rows, std::ptrdiff_t stride, std::ptrdiff_t n,
                           const std::uint64_t* v, std::int32_t* out) {
  for (std::ptrdiff_t r = 0; r < n; ++r) {
    const std::uint64_t* row = rows + r * stride;
    __m512i acc = _mm512_setzero_si512();
    for (std::ptrdiff_t w = 0; w < stride; w += 8) {
      const __m512i a = _mm512_load_si512(row + w);
      const __m512i b = _mm512_load_si512(v + w);
      acc = _mm512_add_epi64(
          acc, _mm512_popcnt_epi64(Xor ? _mm512_xor_si512(a, b) : _mm512_and_si512(a, b)));
    }
    out[r] = static_cast<std::int32_t>(_mm512_reduce_add_epi64(acc));
  }
}

inline std::int64_t reduce_epi32_to_64(__m512i v) {
  const __m512i lo = _mm512_cvtepi32_epi64(_mm512_castsi512_si256(v));
  const __m512i hi = _mm512_cvtepi32_epi64(_mm512_extracti64x4_epi64(v, 1));
  return _mm512_reduce_add_epi64(_mm512_add_epi64(lo, hi));
}

inline std::int32_t pair_of(const std::int16_t* row, std::ptrdiff_t q) {
  std::int32_t v;
  __builtin_memcpy(&v, row + 2 * q, sizeof v);
  return v;
}

inline std::int32_t pair_of(const std::int8_t* row, std::ptrdiff_t q) {
  const auto lo = static_cast<std::uint16_t>(static_cast<std::int16_t>(row[2 * q]));
  const auto hi = static_cast<std::uint16_t>(static_cast<std::int16_t>(row[2 * q + 1]));
  return static_cast<std::int32_t>(static_cast<std::uint32_t>(lo) |
                                   (static_cast<std::uint32_t>(hi) << 16U));
}

/// Rows i0 … i0+R−1, batch vectors b0 … b0+16Q−1, pairs [q0, q1): g += M·S (g row-major, cols).
template <int R, int Q, class T>
inline void matmul_block(const T* m, std::ptrdiff_t ld, const std::int32_t* s2, std::ptrdiff_t cols,
                         std::ptrdiff_t i0, std::ptrdiff_t b0, std::ptrdiff_t q0, std::ptrdiff_t q1,
                         std::int32_t* g) {
  __m512i acc[R][Q];
  for (int r = 0; r < R; ++r)
    for (int c = 0; c < Q; ++c) acc[r][c] = _mm512_loadu_si512(g + (i0 + r) * cols + b0 + 16 * c);
  const T* rows[R];
  for (int r = 0; r < R; ++r) rows[r] = m + (i0 + r) * ld;
  for (std::ptrdiff_t q = q0; q < q1; ++q) {
    __m512i sv[Q];
    for (int c = 0; c < Q; ++c) sv[c] = _mm512_load_si512(s2 + q * cols + b0 + 16 * c);
    for (int r = 0; r < R; ++r) {
      const __m512i mb = _mm512_set1_epi32(pair_of(rows[r], q));
      for (int c = 0; c < Q; ++c) acc[r][c] = _mm512_dpwssd_epi32(acc[r][c], sv[c], mb);
    }
  }
  for (int r = 0; r < R; ++r)
    for (int c = 0; c < Q; ++c) _mm512_storeu_si512(g + (i0 + r) * cols + b0 + 16 * c, acc[r][c]);
}

template <int Q, class T>
inline void matmul_columns(const T* m, std::ptrdiff_t ld, const std::int32_t* s2,
                           std::ptrdiff_t cols, std::ptrdiff_t i_begin, std::ptrdiff_t i_end,
                           std::ptrdiff_t b0, std::ptrdiff_t q0, std::ptrdiff_t q1,
                           std::int32_t* g) {
  std::ptrdiff_t i = i_begin;
  for (; i + 4 <= i_end; i += 4) matmul_block<4, Q>(m, ld, s2, cols, i, b0, q0, q1, g);
  for (; i < i_end; ++i) matmul_block<1, Q>(m, ld, s2, cols, i, b0, q0, q1, g);
}

template <class T>
void matmul_impl(const T* m, std::ptrdiff_t ld, const std::int32_t* s2, std::ptrdiff_t pairs,
                 std::ptrdiff_t cols, std::ptrdiff_t i_begin, std::ptrdiff_t i_end,
                 std::int32_t* g) {
  // Pairs in blocks whose slice of S (block × 64 columns × 4 bytes) stays in L2.
  constexpr std::ptrdiff_t block = 1024;
  for (std::ptrdiff_t i = i_begin; i < i_end; ++i)
    for (std::ptrdiff_t b = 0; b < cols; ++b) g[i * cols + b] = 0;
  for (std::ptrdiff_t b0 = 0; b0 < cols; b0 += 64) {
    const std::ptrdiff_t width = cols - b0 < 64 ? cols - b0 : 64;
    for (std::ptrdiff_t q0 = 0; q0 < pairs; q0 += block) {
      const std::ptrdiff_t q1 = q0 + block < pairs ? q0 + block : pairs;
      switch (width / 16) {
        case 4:
          matmul_columns<4>(m, ld, s2, cols, i_begin, i_end, b0, q0, q1, g);
          break;
        case 3:
          matmul_columns<3>(m, ld, s2, cols, i_begin, i_end, b0, q0, q1, g);
          break;
        case 2:
          matmul_columns<2>(m, ld, s2, cols, i_begin, i_end, b0, q0, q1, g);
          break;
        default:
          matmul_columns<1>(m, ld, s2, cols, i_begin, i_end, b0, q0, q1, g);
          break;
      }
    }
  }
}

}  // namespace

void gram_rows_i8(const std::uint32_t* t, std::ptrdiff_t ldt, std::ptrdiff_t words,
                  std::ptrdiff_t n, std::ptrdiff_t i0, std::ptrdiff_t rows, std::int32_t p,
                  std::int8_t* out, std::ptrdiff_t ld) {
  gram_rows_impl(t, ldt, words, n, i0, rows, p, out, ld);
}
void gram_rows_i16(const std::uint32_t* t, std::ptrdiff_t ldt, std::ptrdiff_t words,
                   std::ptrdiff_t n, std::ptrdiff_t i0, std::ptrdiff_t rows, std::int32_t p,
                   std::int16_t* out, std::ptrdiff_t ld) {
  gram_rows_impl(t, ldt, words, n, i0, rows, p, out, ld);
}
void gram_rows_f32(const std::uint32_t* t, std::ptrdiff_t ldt, std::ptrdiff_t words,
                   std::ptrdiff_t n, std::ptrdiff_t i0, std::ptrdiff_t rows, std::int32_t p,
                   float* out, std::ptrdiff_t ld) {
  gram_rows_impl(t, ldt, words, n, i0, rows, p, out, ld);
}
void gram_rows_f64(const std::uint32_t* t, std::ptrdiff_t ldt, std::ptrdiff_t words,
                   std::ptrdiff_t n, std::ptrdiff_t i0, std::ptrdiff_t rows, std::int32_t p,
                   double* out, std::ptrdiff_t ld) {
  gram_rows_impl(t, ldt, words, n, i0, rows, p, out, ld);
}

void xor_popcounts(const std::uint64_t* rows, std::ptrdiff_t stride, std::ptrdiff_t n,
                   const std::uint64_t* v, std::int32_t* out) {
  popcounts_impl<true>(rows, stride, n, v, out);
}

void and_popcounts(const std::uint64_t* rows, std::ptrdiff_t stride, std::ptrdiff_t n,
                   const std::uint64_t* v, std::int32_t* out) {
  popcounts_impl<false>(rows, stride, n, v, out);
}

std::int64_t masked_sum(const std::uint64_t* bits, const std::int32_t* m, std::ptrdiff_t p) {
  __m512i acc0 = _mm512_setzero_si512();
  __m512i acc1 = _mm512_setzero_si512();
  const std::ptrdiff_t chunks = (p + 15) / 16;
  std::ptrdiff_t c = 0;
  for (; c + 4 <= chunks; c += 4) {
    const std::uint64_t w = bits[c / 4];
    acc0 =
        _mm512_mask_add_epi32(acc0, static_cast<__mmask16>(w), acc0, _mm512_load_si512(m + 16 * c));
    acc1 = _mm512_mask_add_epi32(acc1, static_cast<__mmask16>(w >> 16U), acc1,
                                 _mm512_load_si512(m + 16 * c + 16));
    acc0 = _mm512_mask_add_epi32(acc0, static_cast<__mmask16>(w >> 32U), acc0,
                                 _mm512_load_si512(m + 16 * c + 32));
    acc1 = _mm512_mask_add_epi32(acc1, static_cast<__mmask16>(w >> 48U), acc1,
                                 _mm512_load_si512(m + 16 * c + 48));
  }
  for (; c < chunks; ++c) {
    const auto k = static_cast<__mmask16>(bits[c / 4] >> (16U * static_cast<unsigned>(c % 4)));
    acc0 = _mm512_mask_add_epi32(acc0, k, acc0, _mm512_load_si512(m + 16 * c));
  }
  return reduce_epi32_to_64(acc0) + reduce_epi32_to_64(acc1);
}

void signed_update(std::int32_t* m, const std::uint64_t* bits, std::ptrdiff_t p,
                   std::int32_t delta) {
  const __m512i d = _mm512_set1_epi32(delta);
  const std::ptrdiff_t chunks = (p + 15) / 16;
  for (std::ptrdiff_t c = 0; c < chunks; ++c) {
    const std::ptrdiff_t left = p - 16 * c;
    const auto valid = left >= 16
                           ? static_cast<__mmask16>(0xFFFF)
                           : static_cast<__mmask16>((1U << static_cast<unsigned>(left)) - 1U);
    const auto neg = static_cast<__mmask16>(bits[c / 4] >> (16U * static_cast<unsigned>(c % 4)));
    __m512i v = _mm512_load_si512(m + 16 * c);
    v = _mm512_mask_add_epi32(v, static_cast<__mmask16>(valid & ~neg), v, d);
    v = _mm512_mask_sub_epi32(v, static_cast<__mmask16>(valid & neg), v, d);
    _mm512_store_si512(m + 16 * c, v);
  }
}

void matvec_i16(const std::int16_t* m, std::ptrdiff_t ld, std::ptrdiff_t n, const std::int16_t* s,
                std::int32_t* g) {
  for (std::ptrdiff_t i = 0; i < n; ++i) {
    const std::int16_t* row = m + i * ld;
    __m512i acc0 = _mm512_setzero_si512();
    __m512i acc1 = _mm512_setzero_si512();
    for (std::ptrdiff_t j = 0; j < ld; j += 64) {
      acc0 = _mm512_dpwssd_epi32(acc0, _mm512_load_si512(row + j), _mm512_load_si512(s + j));
      acc1 =
          _mm512_dpwssd_epi32(acc1, _mm512_load_si512(row + j + 32), _mm512_load_si512(s + j + 32));
    }
    g[i] = static_cast<std::int32_t>(reduce_epi32_to_64(acc0) + reduce_epi32_to_64(acc1));
  }
}

void matvec_i8(const std::int8_t* m, std::ptrdiff_t ld, std::ptrdiff_t n, const std::int16_t* s,
               std::int32_t* g) {
  for (std::ptrdiff_t i = 0; i < n; ++i) {
    const std::int8_t* row = m + i * ld;
    __m512i acc0 = _mm512_setzero_si512();
    __m512i acc1 = _mm512_setzero_si512();
    for (std::ptrdiff_t j = 0; j < ld; j += 64) {
      const __m512i bytes = _mm512_load_si512(row + j);
      const __m512i lo = _mm512_cvtepi8_epi16(_mm512_castsi512_si256(bytes));
      const __m512i hi = _mm512_cvtepi8_epi16(_mm512_extracti64x4_epi64(bytes, 1));
      acc0 = _mm512_dpwssd_epi32(acc0, lo, _mm512_load_si512(s + j));
      acc1 = _mm512_dpwssd_epi32(acc1, hi, _mm512_load_si512(s + j + 32));
    }
    g[i] = static_cast<std::int32_t>(reduce_epi32_to_64(acc0) + reduce_epi32_to_64(acc1));
  }
}

void add_scaled_i16(std::int32_t* g, const std::int16_t* row, std::ptrdiff_t n,
                    std::int32_t delta) {
  const __m512i d = _mm512_set1_epi32(delta);
  std::ptrdiff_t i = 0;
  for (; i + 16 <= n; i += 16) {
    const __m512i v =
        _mm512_cvtepi16_epi32(_mm256_loadu_si256(reinterpret_cast<const __m256i*>(row + i)));
    _mm512_storeu_si512(g + i,
                        _mm512_add_epi32(_mm512_loadu_si512(g + i), _mm512_mullo_epi32(v, d)));
  }
  for (; i < n; ++i) g[i] += delta * row[i];
}

void add_scaled_i8(std::int32_t* g, const std::int8_t* row, std::ptrdiff_t n, std::int32_t delta) {
  const __m512i d = _mm512_set1_epi32(delta);
  std::ptrdiff_t i = 0;
  for (; i + 16 <= n; i += 16) {
    const __m512i v =
        _mm512_cvtepi8_epi32(_mm_loadu_si128(reinterpret_cast<const __m128i*>(row + i)));
    _mm512_storeu_si512(g + i,
                        _mm512_add_epi32(_mm512_loadu_si512(g + i), _mm512_mullo_epi32(v, d)));
  }
  for (; i < n; ++i) g[i] += delta * row[i];
}

void matmul_i16(const std::int16_t* m, std::ptrdiff_t ld, const std::int32_t* s2,
                std::ptrdiff_t pairs, std::ptrdiff_t cols, std::ptrdiff_t i_begin,
                std::ptrdiff_t i_end, std::int32_t* g) {
  matmul_impl(m, ld, s2, pairs, cols, i_begin, i_end, g);
}

void matmul_i8(const std::int8_t* m, std::ptrdiff_t ld, const std::int32_t* s2,
               std::ptrdiff_t pairs, std::ptrdiff_t cols, std::ptrdiff_t i_begin,
               std::ptrdiff_t i_end, std::int32_t* g) {
  matmul_impl(m, ld, s2, pairs, cols, i_begin, i_end, g);
}

}  // namespace hopfield::kernels::avx512

#if defined(__clang__)
#pragma clang attribute pop
#else
#pragma GCC pop_options
#endif
