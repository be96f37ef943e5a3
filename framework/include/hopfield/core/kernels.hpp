// Integer and bit-packed kernels behind the coupling storages (DESIGN.md §3): Gram matrices of
// bit-packed ±1 vectors (Hebbian learning, M_ij = P − 2·popcount(x_i ⊕ x_j)), popcount
// overlaps, masked sums of integer overlaps (matrix-free fields), and int16/int8 matrix–vector
// and matrix–matrix products with exact int32 accumulation (integer storage).
//
// Every kernel has a portable C++ version and an AVX-512 version (VPOPCNTDQ, VNNI, BW), chosen
// at run time by what the CPU reports, so a portable build (HOPFIELD_NATIVE=OFF) still uses
// AVX-512 where it exists. All results are exact integers: both versions, any thread count and
// any blocking give bitwise the same numbers.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <string_view>
#include <utility>
#include <vector>

namespace hopfield::kernels {

/// True when the CPU has AVX-512 F/BW/VL/VPOPCNTDQ/VNNI.
bool avx512_available();
/// Tests: force the portable kernels (true) or let the CPU decide (false).
void force_portable(bool on);
/// True when the AVX-512 kernels run.
bool use_avx512();
/// "avx512" or "portable": the kernels in use.
std::string_view active_isa();

/// Marks [p, p + bytes) for transparent huge pages (madvise MADV_HUGEPAGE; p aligned to
/// huge_page_bytes). A 4 KiB page fault costs microseconds on a virtual machine, so the first
/// touch of a 32 MB coupling matrix otherwise costs more than computing it. Harmless where the
/// kernel has no transparent huge pages.
void advise_huge_pages(void* p, std::size_t bytes);

/// Blocks of at least this many bytes are aligned to huge_page_bytes and advised for huge pages.
inline constexpr std::size_t huge_block_bytes = std::size_t{4} << 20U;
inline constexpr std::size_t huge_page_bytes = std::size_t{2} << 20U;

/// Allocator aligned to 64 bytes (one cache line, one AVX-512 register); large blocks are
/// aligned to 2 MiB and backed by huge pages where the kernel allows it (advise_huge_pages).
template <class T>
struct AlignedAllocator {
  using value_type = T;
  AlignedAllocator() = default;
  template <class U>
  explicit AlignedAllocator(const AlignedAllocator<U>& /*other*/) {}
  T* allocate(std::size_t n) {
    if (n == 0) return nullptr;
    const std::size_t bytes = n * sizeof(T);
    if (bytes < huge_block_bytes)
      return static_cast<T*>(::operator new (bytes, std::align_val_t{64}));
    void* p = ::operator new (bytes, std::align_val_t{huge_page_bytes});
    advise_huge_pages(p, bytes);
    return static_cast<T*>(p);
  }
  void deallocate(T* p, std::size_t n) {
    if (n * sizeof(T) < huge_block_bytes)
      ::operator delete (p, std::align_val_t{64});
    else
      ::operator delete (p, std::align_val_t{huge_page_bytes});
  }
  template <class U>
  bool operator==(const AlignedAllocator<U>& /*other*/) const {
    return true;
  }
};

template <class T>
using AlignedVector = std::vector<T, AlignedAllocator<T>>;

/// A fixed-size array of trivially constructible T from AlignedAllocator, left uninitialised
/// (for buffers that are written in full right away, such as a coupling matrix: a zero fill
/// first would be a whole extra pass over it).
template <class T>
class AlignedBuffer {
 public:
  AlignedBuffer() = default;
  explicit AlignedBuffer(std::size_t n) : data_(AlignedAllocator<T>().allocate(n)), size_(n) {}
  AlignedBuffer(const AlignedBuffer&) = delete;
  AlignedBuffer& operator=(const AlignedBuffer&) = delete;
  AlignedBuffer(AlignedBuffer&& other) noexcept
      : data_(std::exchange(other.data_, nullptr)), size_(std::exchange(other.size_, 0)) {}
  AlignedBuffer& operator=(AlignedBuffer&& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
    return *this;
  }
  ~AlignedBuffer() {
    if (data_ != nullptr) AlignedAllocator<T>().deallocate(data_, size_);
  }
  [[nodiscard]] T* data() { return data_; }
  [[nodiscard]] const T* data() const { return data_; }
  [[nodiscard]] std::size_t size() const { return size_; }

 private:
  T* data_ = nullptr;
  std::size_t size_ = 0;
};

/// Rounds n up to a multiple of m.
constexpr std::ptrdiff_t round_up(std::ptrdiff_t n, std::ptrdiff_t m) {
  return (n + m - 1) / m * m;
}

/// Rows of bits, each padded with zero bits to a multiple of 512 (8 words), 64-byte aligned.
/// A ±1 vector is stored with bit 1 for −1 ("off"), so the dot product of two stored vectors of
/// length L is L − 2·popcount(a ⊕ b).
class BitRows {
 public:
  BitRows() = default;
  BitRows(std::ptrdiff_t rows, std::ptrdiff_t bits)
      : rows_(rows),
        bits_(bits),
        stride_(round_up(std::max<std::ptrdiff_t>(bits, 1), 512) / 64),
        words_(static_cast<std::size_t>(rows * stride_), 0) {}

  [[nodiscard]] std::ptrdiff_t rows() const { return rows_; }
  [[nodiscard]] std::ptrdiff_t bits() const { return bits_; }
  /// 64-bit words per row (a multiple of 8).
  [[nodiscard]] std::ptrdiff_t stride() const { return stride_; }
  [[nodiscard]] const std::uint64_t* row(std::ptrdiff_t r) const {
    return words_.data() + r * stride_;
  }
  [[nodiscard]] std::uint64_t* row(std::ptrdiff_t r) { return words_.data() + r * stride_; }
  [[nodiscard]] const std::uint64_t* data() const { return words_.data(); }
  [[nodiscard]] bool get(std::ptrdiff_t r, std::ptrdiff_t c) const {
    return ((row(r)[c / 64] >> (c % 64)) & 1U) != 0;
  }
  void set(std::ptrdiff_t r, std::ptrdiff_t c) { row(r)[c / 64] |= std::uint64_t{1} << (c % 64); }
  [[nodiscard]] std::size_t bytes() const { return words_.size() * sizeof(std::uint64_t); }

 private:
  std::ptrdiff_t rows_ = 0;
  std::ptrdiff_t bits_ = 0;
  std::ptrdiff_t stride_ = 0;
  AlignedVector<std::uint64_t> words_;
};

/// The transposed bit matrix: row c of the result holds bit c of every row of x (x.bits() rows
/// of x.rows() bits), by 64 × 64 block transposes.
BitRows transpose(const BitRows& x);

/// Gram matrix of the n bit rows of x (each p bits long): out[i·ld + j] = p − 2·popcount(x_i ⊕
/// x_j) for i ≠ j, and `diagonal` on the diagonal, each row written once front to back. T is
/// int8_t, int16_t, float or double (any column- or row-major n × n matrix: it is symmetric).
/// Parallel over `threads` OpenMP threads; exact.
template <class T>
void gram(const BitRows& x, std::int32_t p, std::int32_t diagonal, T* out, std::ptrdiff_t ld,
          int threads);

/// out[r] = popcount(rows_r ⊕ v) for every row (v has the rows' stride).
void xor_popcounts(const BitRows& rows, const std::uint64_t* v, std::int32_t* out);
/// out[r] = popcount(rows_r ∧ v) for every row.
void and_popcounts(const BitRows& rows, const std::uint64_t* v, std::int32_t* out);
/// popcount of one row (stride words).
std::int64_t popcount_row(const std::uint64_t* row, std::ptrdiff_t stride);

/// Σ_{μ < p, bit μ of bits set} m[μ] in int64. m holds round_up(p, 16) values (zero padding).
std::int64_t masked_sum(const std::uint64_t* bits, const std::int32_t* m, std::ptrdiff_t p);
/// m[μ] += (bit μ set ? −delta : +delta) for μ < p: the overlaps after one neuron of a ±1
/// pattern column changed.
void signed_update(std::int32_t* m, const std::uint64_t* bits, std::ptrdiff_t p,
                   std::int32_t delta);

/// g[i] = Σ_j m[i·ld + j]·s[j] for i < n, j < ld (rows zero-padded to ld, a multiple of 64).
void matvec(const std::int16_t* m, std::ptrdiff_t ld, std::ptrdiff_t n, const std::int16_t* s,
            std::int32_t* g);
void matvec(const std::int8_t* m, std::ptrdiff_t ld, std::ptrdiff_t n, const std::int16_t* s,
            std::int32_t* g);
/// g[i] += delta·row[i] for i < n.
void add_scaled(std::int32_t* g, const std::int16_t* row, std::ptrdiff_t n, std::int32_t delta);
void add_scaled(std::int32_t* g, const std::int8_t* row, std::ptrdiff_t n, std::int32_t delta);

/// States of a batch packed for the integer matrix product: pair q of batch column b holds
/// (s[2q][b], s[2q+1][b]) as two int16 in one int32, at s2[q·cols + b]; rows beyond n and
/// columns beyond the batch are zero. cols is a multiple of 16.
struct PackedBatch {
  AlignedVector<std::int32_t> pairs;
  std::ptrdiff_t rows = 0;  ///< ld / 2 pairs
  std::ptrdiff_t cols = 0;  ///< batch columns, padded to a multiple of 16
};

/// G = M·S for a batch: g[i·pb.cols + b] = Σ_j m[i·ld + j]·s[j][b] (int32, exact), for i < n.
/// Parallel over `threads` (fixed partition, exact).
void matmul(const std::int16_t* m, std::ptrdiff_t ld, std::ptrdiff_t n, const PackedBatch& s,
            std::int32_t* g, int threads);
void matmul(const std::int8_t* m, std::ptrdiff_t ld, std::ptrdiff_t n, const PackedBatch& s,
            std::int32_t* g, int threads);

}  // namespace hopfield::kernels
