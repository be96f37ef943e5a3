// Reader for IDX files, the format of MNIST and Fashion-MNIST (LeCun et al. 1998): a big-endian
// magic 0x000008DD (unsigned bytes, DD dimensions), the dimension sizes, then the data.
// Plain and gzip-compressed files are read alike (zlib reads both transparently).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace hopfield::io {

/// Images of an IDX3 file (magic 0x00000803): count × rows × cols unsigned bytes.
struct IdxImages {
  std::size_t count = 0;
  std::size_t rows = 0;
  std::size_t cols = 0;
  std::vector<std::uint8_t> pixels;  ///< image after image, each row-major

  [[nodiscard]] std::size_t pixels_per_image() const { return rows * cols; }
  [[nodiscard]] std::span<const std::uint8_t> image(std::size_t index) const {
    return std::span<const std::uint8_t>(pixels).subspan(index * rows * cols, rows * cols);
  }
};

/// An unsigned-byte IDX array of any rank: its dimension sizes and its data, row-major.
struct IdxArray {
  std::vector<std::size_t> dims;
  std::vector<std::uint8_t> data;
};

/// Reads any unsigned-byte IDX file. A missing file, a bad magic, truncated data or trailing
/// bytes are InputErrors naming the file and what is wrong.
IdxArray read_idx(const std::string& path);
/// Reads an image file (magic 0x00000803).
IdxImages read_idx_images(const std::string& path);
/// Reads a label file (magic 0x00000801).
std::vector<std::uint8_t> read_idx_labels(const std::string& path);
/// Reads images and their labels; a different count in the two files is an InputError.
IdxImages read_idx_images(const std::string& images_path, const std::string& labels_path,
                          std::vector<std::uint8_t>& labels);

}  // namespace hopfield::io
