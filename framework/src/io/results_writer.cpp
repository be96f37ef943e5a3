// Record → HDF5 results file, written atomically (partial file + rename), and back.
#include "hopfield/io/results_writer.hpp"

#include "hopfield/core/error.hpp"
#include "hopfield/io/hdf5_file.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <span>

#ifndef HOPFIELD_VERSION
#define HOPFIELD_VERSION "unknown"
#endif
#ifndef HOPFIELD_GIT_COMMIT
#define HOPFIELD_GIT_COMMIT "unknown"
#endif

namespace hopfield::io {
namespace {

namespace fs = std::filesystem;

std::size_t element_count(const Dataset& dataset) {
  std::size_t count = 1;
  for (auto d : dataset.shape) count *= d;
  return count;
}

std::string utc_timestamp() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

bool has_text(const Record& record, const std::string& name) {
  for (const auto& [key, value] : record.text_attributes) {
    if (key == name) return true;
  }
  return false;
}

bool has_integer(const Record& record, const std::string& name) {
  for (const auto& [key, value] : record.integer_attributes) {
    if (key == name) return true;
  }
  return false;
}

// Catches a malformed record before anything is written.
void check_dataset(const Dataset& dataset) {
  const std::size_t expected = element_count(dataset);
  std::size_t stored = 0;
  switch (dataset.dtype) {
    case DType::f64:
      stored = dataset.f64.size();
      break;
    case DType::i64:
      stored = dataset.i64.size();
      break;
    case DType::i8:
      stored = dataset.i8.size();
      break;
    case DType::u64:
      stored = dataset.u64.size();
      break;
    case DType::text:
      stored = dataset.text.size();
      break;
  }
  if (stored != expected) {
    throw Error(fmt::format("results dataset '{}' holds {} values but its shape needs {}",
                            dataset.path, stored, expected));
  }
  if (!dataset.dims.empty() && dataset.dims.size() != dataset.shape.size()) {
    throw Error(fmt::format("results dataset '{}' has {} dimension names for {} dimensions",
                            dataset.path, dataset.dims.size(), dataset.shape.size()));
  }
}

void write_dataset(Hdf5File& file, const Dataset& dataset) {
  switch (dataset.dtype) {
    case DType::f64:
      file.write_dataset(dataset.path, dataset.shape, std::span<const double>(dataset.f64));
      break;
    case DType::i64:
      file.write_dataset(dataset.path, dataset.shape, std::span<const std::int64_t>(dataset.i64));
      break;
    case DType::i8:
      file.write_dataset(dataset.path, dataset.shape, std::span<const std::int8_t>(dataset.i8));
      break;
    case DType::u64:
      file.write_dataset(dataset.path, dataset.shape, std::span<const std::uint64_t>(dataset.u64));
      break;
    case DType::text:
      file.write_text_dataset(dataset.path, dataset.shape, dataset.text);
      break;
  }
  file.write_text_attribute(dataset.path, "description", dataset.description);
  file.write_text_attribute(dataset.path, "unit", dataset.unit);
  file.write_text_list_attribute(dataset.path, "dims", dataset.dims);
  for (const auto& [name, value] : dataset.integer_attributes)
    file.write_integer_attribute(dataset.path, name, value);
}

/// Writes all bytes to path and makes them durable (fsync) before the rename that publishes
/// them; every failure (ENOSPC, EDQUOT, EIO, EFBIG) is an IoError naming the file.
void write_bytes_durably(const std::vector<char>& bytes, const std::string& path) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) throw IoError("cannot create '" + path + "': " + std::strerror(errno));
  const auto fail = [&](const char* what) {
    const int error = errno;
    ::close(fd);
    throw IoError(fmt::format("cannot {} '{}': {}", what, path, std::strerror(error)));
  };
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (n == 0) errno = EIO;
      fail("write");
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd) != 0) fail("flush");
  if (::close(fd) != 0) throw IoError("cannot close '" + path + "': " + std::strerror(errno));
}

void write_file(const Record& record, const std::string& path) {
  // Built in memory, written by write_bytes_durably: the disk I/O and its errors are ours.
  Hdf5File file = Hdf5File::create_in_memory(path);
  for (const auto& [name, value] : record.text_attributes) {
    file.write_text_attribute("/", name, value);
  }
  for (const auto& [name, value] : record.integer_attributes) {
    file.write_integer_attribute("/", name, value);
  }
  if (!has_text(record, "format")) file.write_text_attribute("/", "format", "hopfield-results");
  if (!has_integer(record, "format_version")) {
    file.write_integer_attribute("/", "format_version", results_format_version);
  }
  if (!has_text(record, "software_version")) {
    file.write_text_attribute("/", "software_version", HOPFIELD_VERSION);
  }
  if (!has_text(record, "git_commit")) {
    file.write_text_attribute("/", "git_commit", HOPFIELD_GIT_COMMIT);
  }
  if (!has_text(record, "created")) file.write_text_attribute("/", "created", utc_timestamp());
  for (const auto& dataset : record.datasets) write_dataset(file, dataset);
  const std::vector<char> bytes = file.image();
  file.close();
  write_bytes_durably(bytes, path);
}

void read_group(const Hdf5File& file, const std::string& group, Record& record) {
  for (const auto& name : file.children(group)) {
    const std::string path = (group == "/" ? "/" : group + "/") + name;
    const auto kind = file.kind(path);
    if (kind == Hdf5File::ObjectKind::group) {
      read_group(file, path, record);
      continue;
    }
    if (kind != Hdf5File::ObjectKind::dataset) continue;
    const auto info = file.dataset_info(path);
    Dataset dataset;
    dataset.path = path;
    dataset.shape = info.shape;
    switch (info.element) {
      case Hdf5File::Element::f64:
        dataset.dtype = DType::f64;
        dataset.f64 = file.read_dataset<double>(path);
        break;
      case Hdf5File::Element::i64:
        dataset.dtype = DType::i64;
        dataset.i64 = file.read_dataset<std::int64_t>(path);
        break;
      case Hdf5File::Element::i8:
        dataset.dtype = DType::i8;
        dataset.i8 = file.read_dataset<std::int8_t>(path);
        break;
      case Hdf5File::Element::u64:
        dataset.dtype = DType::u64;
        dataset.u64 = file.read_dataset<std::uint64_t>(path);
        break;
      case Hdf5File::Element::text:
        dataset.dtype = DType::text;
        dataset.text = file.read_text_dataset(path);
        break;
      case Hdf5File::Element::other:
        throw InputError(fmt::format("results file '{}': dataset '{}' has an unsupported type",
                                     file.path(), path));
    }
    using Kind = Hdf5File::AttributeKind;
    if (file.has_attribute(path, "description") &&
        file.attribute_kind(path, "description") == Kind::text) {
      dataset.description = file.read_text_attribute(path, "description");
    }
    if (file.has_attribute(path, "unit") && file.attribute_kind(path, "unit") == Kind::text) {
      dataset.unit = file.read_text_attribute(path, "unit");
    }
    if (file.has_attribute(path, "dims") && file.attribute_kind(path, "dims") == Kind::text_list) {
      dataset.dims = file.read_text_list_attribute(path, "dims");
    }
    record.datasets.push_back(std::move(dataset));
  }
}

}  // namespace

void check_output_path(const std::string& path, bool overwrite) {
  if (path.empty()) throw InputError("the results path is empty");
  const fs::path target(path);
  if (!target.has_filename()) {
    throw InputError("results path '" + path + "' names a directory, not a file");
  }
  std::error_code ec;
  const auto status = fs::status(target, ec);
  if (fs::exists(status)) {
    if (fs::is_directory(status)) {
      throw InputError("results path '" + path + "' is a directory, not a file");
    }
    if (!overwrite) {
      throw InputError("refusing to overwrite existing results file '" + path +
                       "' (use --overwrite)");
    }
  }
  const fs::path directory = target.has_parent_path() ? target.parent_path() : fs::path(".");
  if (!fs::exists(directory, ec)) {
    fs::create_directories(directory, ec);
    if (ec) {
      throw IoError("cannot create directory '" + directory.string() + "': " + ec.message());
    }
  } else if (!fs::is_directory(directory, ec)) {
    throw IoError("cannot write '" + path + "': '" + directory.string() + "' is not a directory");
  }
  if (::access(directory.c_str(), W_OK | X_OK) != 0) {
    throw IoError("cannot write in directory '" + directory.string() +
                  "': " + std::strerror(errno));
  }
}

void write_results(const Record& record, const std::string& path, bool overwrite) {
  check_output_path(path, overwrite);
  for (const auto& dataset : record.datasets) check_dataset(dataset);
  const std::string partial = path + ".partial";
  std::error_code ignored;
  try {
    write_file(record, partial);
  } catch (...) {
    fs::remove(partial, ignored);
    throw;
  }
  if (!overwrite && fs::exists(path, ignored)) {
    fs::remove(partial, ignored);
    throw InputError("refusing to overwrite existing results file '" + path +
                     "' (use --overwrite)");
  }
  std::error_code ec;
  fs::rename(partial, path, ec);
  if (ec) {
    fs::remove(partial, ignored);
    throw IoError("cannot rename '" + partial + "' to '" + path + "': " + ec.message());
  }
  // Make the rename itself durable (best effort: the file is complete either way).
  const fs::path parent = fs::path(path).has_parent_path() ? fs::path(path).parent_path() : ".";
  if (const int dir = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
    (void)::fsync(dir);
    ::close(dir);
  }
}

Record read_results(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) {
    throw InputError("cannot read results file '" + path + "': no such file");
  }
  const Hdf5File file = Hdf5File::open_read_only(path);
  Record record;
  for (const auto& name : file.attribute_names("/")) {
    switch (file.attribute_kind("/", name)) {
      case Hdf5File::AttributeKind::text:
        record.text_attributes.emplace_back(name, file.read_text_attribute("/", name));
        break;
      case Hdf5File::AttributeKind::integer:
        record.integer_attributes.emplace_back(name, file.read_integer_attribute("/", name));
        break;
      default:
        break;  // a Record holds only text and integer attributes
    }
  }
  read_group(file, "/", record);
  return record;
}

}  // namespace hopfield::io
