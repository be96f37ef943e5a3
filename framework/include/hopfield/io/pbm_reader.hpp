// Reader for netpbm bitmaps (Poskanzer's PBM): P1 (plain text, `#` comments) and P4 (raw, each
// row padded to whole bytes, most significant bit first). 1 = black = "on".
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace hopfield::io {

struct Bitmap {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> bits;  ///< height × width, row-major; 1 = black

  [[nodiscard]] bool at(int row, int col) const {
    return bits[static_cast<std::size_t>(row) * static_cast<std::size_t>(width) +
                static_cast<std::size_t>(col)] != 0;
  }
};

/// Reads a P1 or P4 file; a missing or malformed file is an InputError naming it and the fault.
Bitmap read_pbm(const std::string& path);
/// Parses P1 or P4 bytes; `name` is used in messages.
Bitmap parse_pbm(const std::string& bytes, const std::string& name);

}  // namespace hopfield::io
