// A small RAII wrapper over the HDF5 C++ API, written once: one open file, datasets and
// attributes addressed by absolute path ("/results/overlap"), HDF5 failures turned into IoError.
// Groups are created with link and attribute creation order tracked, so a file reads back in
// the order it was written.
#pragma once

#include <H5Cpp.h>

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace hopfield::io {

class Hdf5File {
 public:
  enum class ObjectKind { group, dataset, other };
  /// Element type of a stored dataset, by the value type it is read as (f32 reads as f64,
  /// smaller integers as i64, …); `other` for strings, compounds and the like.
  enum class Element { f64, i64, i8, u64, text, other };
  enum class AttributeKind { text, text_list, integer, real, other };
  struct DatasetInfo {
    Element element = Element::other;
    std::vector<std::size_t> shape;  ///< empty for a scalar dataset
  };

  /// Datasets larger than this are written chunked and deflate-compressed.
  static constexpr std::size_t compress_threshold_bytes = 64 * 1024;

  /// Creates (truncating) a file for writing.
  static Hdf5File create(const std::string& path);
  /// Creates a file that lives in memory (HDF5's core driver, no backing store) until image()
  /// takes its bytes: the caller does the disk I/O and sees every write error itself. (After a
  /// failed write to disk, libhdf5 1.10 cannot close the file and crashes at exit.)
  static Hdf5File create_in_memory(const std::string& name);
  /// The complete bytes of a file created in memory (flushed first).
  [[nodiscard]] std::vector<char> image();
  /// Opens an existing file read-only.
  static Hdf5File open_read_only(const std::string& path);

  [[nodiscard]] const std::string& path() const { return path_; }
  /// Flushes and closes; failures are reported here rather than swallowed by the destructor.
  void close();

  // Writing. Missing intermediate groups are created; an existing object is an error.
  template <class T>
  void write_dataset(const std::string& path, const std::vector<std::size_t>& shape,
                     std::span<const T> data);
  /// A dataset of variable-length UTF-8 strings with the given shape (row-major).
  void write_text_dataset(const std::string& path, const std::vector<std::size_t>& shape,
                          const std::vector<std::string>& values);
  /// Reads a string dataset (variable or fixed length) in row-major order.
  [[nodiscard]] std::vector<std::string> read_text_dataset(const std::string& path) const;
  void write_text_attribute(const std::string& object, const std::string& name,
                            const std::string& value);
  void write_integer_attribute(const std::string& object, const std::string& name,
                               std::int64_t value);
  /// A 1-D array of variable-length UTF-8 strings.
  void write_text_list_attribute(const std::string& object, const std::string& name,
                                 const std::vector<std::string>& values);

  // Reading.
  [[nodiscard]] ObjectKind kind(const std::string& path) const;
  /// Names of the links in a group, in creation order where the file tracks it, else by name.
  [[nodiscard]] std::vector<std::string> children(const std::string& group) const;
  [[nodiscard]] DatasetInfo dataset_info(const std::string& path) const;
  /// The data converted to T, row-major.
  template <class T>
  [[nodiscard]] std::vector<T> read_dataset(const std::string& path) const;
  /// The block of `count` elements per dimension starting at `start` (one entry per dimension
  /// of the dataset), converted to T, row-major: reads only that part of the file.
  template <class T>
  [[nodiscard]] std::vector<T> read_block(const std::string& path,
                                          const std::vector<std::size_t>& start,
                                          const std::vector<std::size_t>& count) const;
  [[nodiscard]] std::vector<std::string> attribute_names(const std::string& object) const;
  [[nodiscard]] bool has_attribute(const std::string& object, const std::string& name) const;
  [[nodiscard]] AttributeKind attribute_kind(const std::string& object,
                                             const std::string& name) const;
  [[nodiscard]] std::string read_text_attribute(const std::string& object,
                                                const std::string& name) const;
  [[nodiscard]] std::int64_t read_integer_attribute(const std::string& object,
                                                    const std::string& name) const;
  [[nodiscard]] std::vector<std::string> read_text_list_attribute(const std::string& object,
                                                                  const std::string& name) const;

 private:
  Hdf5File(H5::H5File file, std::string path) : file_(std::move(file)), path_(std::move(path)) {}
  void ensure_groups(const std::string& path);
  [[nodiscard]] H5::Attribute open_attribute(const std::string& object,
                                             const std::string& name) const;
  H5::H5File file_;
  std::string path_;
};

}  // namespace hopfield::io
