// The checkpoint journal (see hopfield/experiments/journal.hpp).
#include "hopfield/experiments/journal.hpp"

#include "hopfield/io/yaml_loader.hpp"

#include <zlib.h>

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace hopfield {

namespace {

// Record layout: magic "HJ" | kind (1 byte: 'H' header, 'T' task) | payload length (u64) |
// payload | CRC-32 of kind+payload (u32).
constexpr char magic[2] = {'H', 'J'};
constexpr std::size_t frame_bytes = 2 + 1 + 8 + 4;

template <class T>
void put(std::string& out, T value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  out.append(bytes, sizeof(T));
}

template <class T>
T take(std::string_view bytes, std::size_t& at) {
  if (at + sizeof(T) > bytes.size()) throw Error("task record is truncated");
  T value;
  std::memcpy(&value, bytes.data() + at, sizeof(T));
  at += sizeof(T);
  return value;
}

std::uint32_t crc_of(char kind, std::string_view payload) {
  uLong crc = crc32(0L, Z_NULL, 0);
  const auto k = static_cast<Bytef>(kind);
  crc = crc32(crc, &k, 1);
  // zlib takes uInt lengths: feed large payloads in pieces.
  std::size_t done = 0;
  while (done < payload.size()) {
    const std::size_t piece = std::min<std::size_t>(payload.size() - done, 1u << 30);
    crc =
        crc32(crc, reinterpret_cast<const Bytef*>(payload.data() + done), static_cast<uInt>(piece));
    done += piece;
  }
  return static_cast<std::uint32_t>(crc);
}

void collect(const config::Node& a, const config::Node& b, const std::string& path,
             std::vector<std::string>& out) {
  const std::string here = path.empty() ? "(top level)" : path;
  if (a.kind() != b.kind()) {
    out.push_back(here);
    return;
  }
  switch (a.kind()) {
    case config::Node::Kind::null:
      return;
    case config::Node::Kind::scalar:
      if (a.text() != b.text()) out.push_back(here);
      return;
    case config::Node::Kind::sequence:
      if (a.items().size() != b.items().size()) {
        out.push_back(here);
        return;
      }
      for (std::size_t i = 0; i < a.items().size(); ++i)
        collect(a.items()[i], b.items()[i], path + "[" + std::to_string(i) + "]", out);
      return;
    case config::Node::Kind::map:
      for (const auto& [key, value] : a.entries()) {
        const std::string child = path.empty() ? key : path + "." + key;
        if (const auto* other = b.find(key)) {
          collect(value, *other, child, out);
        } else {
          out.push_back(child);
        }
      }
      for (const auto& [key, value] : b.entries())
        if (!a.has(key)) out.push_back(path.empty() ? key : path + "." + key);
      return;
  }
}

}  // namespace

std::string encode_task(const TaskResult& result) {
  std::string out;
  put<std::uint64_t>(out, result.point);
  put<std::uint64_t>(out, result.trial);
  put<std::uint32_t>(out, static_cast<std::uint32_t>(result.slices.size()));
  for (const auto& s : result.slices) {
    put<std::uint32_t>(out, static_cast<std::uint32_t>(s.shape.size()));
    for (auto d : s.shape) put<std::uint64_t>(out, d);
    put<std::uint64_t>(out, s.data.size());
    out.append(reinterpret_cast<const char*>(s.data.data()), s.data.size() * sizeof(double));
    put<std::uint64_t>(out, s.words.size());
    out.append(reinterpret_cast<const char*>(s.words.data()),
               s.words.size() * sizeof(std::uint64_t));
  }
  return out;
}

TaskResult decode_task(std::string_view bytes) {
  TaskResult r;
  std::size_t at = 0;
  r.point = take<std::uint64_t>(bytes, at);
  r.trial = take<std::uint64_t>(bytes, at);
  const auto n = take<std::uint32_t>(bytes, at);
  r.slices.resize(n);
  for (auto& s : r.slices) {
    const auto rank = take<std::uint32_t>(bytes, at);
    if (rank > 16) throw Error("task record: implausible rank");
    std::size_t expected = 1;
    for (std::uint32_t d = 0; d < rank; ++d) {
      s.shape.push_back(take<std::uint64_t>(bytes, at));
      expected *= s.shape.back();
    }
    // A slice holds its values either as doubles or as u64 words (one of the two is empty).
    const auto count = take<std::uint64_t>(bytes, at);
    if (count > expected || at + count * sizeof(double) > bytes.size())
      throw Error("task record: slice size does not match its shape");
    s.data.resize(count);
    if (count > 0) std::memcpy(s.data.data(), bytes.data() + at, count * sizeof(double));
    at += count * sizeof(double);
    const auto words = take<std::uint64_t>(bytes, at);
    const bool sized = (count == expected && words == 0) || (count == 0 && words == expected);
    if (!sized || at + words * sizeof(std::uint64_t) > bytes.size())
      throw Error("task record: slice size does not match its shape");
    s.words.resize(words);
    if (words > 0) std::memcpy(s.words.data(), bytes.data() + at, words * sizeof(std::uint64_t));
    at += words * sizeof(std::uint64_t);
  }
  if (at != bytes.size()) throw Error("task record: trailing bytes");
  return r;
}

JournalContents read_journal(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError("cannot read journal '" + path + "': " + std::strerror(errno));
  std::ostringstream buffer;
  buffer << in.rdbuf();
  const std::string bytes = buffer.str();
  JournalContents contents;
  std::size_t at = 0;
  bool have_header = false;
  while (at < bytes.size()) {
    if (bytes.size() - at < frame_bytes || bytes[at] != magic[0] || bytes[at + 1] != magic[1]) {
      contents.torn_tail = true;
      break;
    }
    const char kind = bytes[at + 2];
    std::uint64_t length = 0;
    std::memcpy(&length, bytes.data() + at + 3, 8);
    if (length > bytes.size() - at - frame_bytes) {
      contents.torn_tail = true;
      break;
    }
    const std::string_view payload(bytes.data() + at + 11, length);
    std::uint32_t crc = 0;
    std::memcpy(&crc, bytes.data() + at + 11 + length, 4);
    if (crc != crc_of(kind, payload)) {
      contents.torn_tail = true;
      break;
    }
    if (kind == 'H' && !have_header) {
      contents.header = std::string(payload);
      have_header = true;
    } else if (kind == 'T' && have_header) {
      try {
        contents.results.push_back(decode_task(payload));
      } catch (const Error&) {
        contents.torn_tail = true;
        break;
      }
    } else {
      throw InputError("'" + path + "' is not a hopfield journal");
    }
    at += frame_bytes + length;
  }
  if (!have_header) throw InputError("'" + path + "' is not a hopfield journal (no header)");
  if (contents.torn_tail) {
    // Cut the file back to its last intact record so appends continue a valid journal.
    std::filesystem::resize_file(path, at);
  }
  return contents;
}

Journal Journal::create(const std::string& path, const std::string& header) {
  // Written beside and renamed into place once the header is flushed, so a journal under its
  // name always has a whole header: kill -9 during creation cannot leave one --resume refuses.
  const std::string fresh = path + ".new";
  std::FILE* f = std::fopen(fresh.c_str(), "wb");
  if (f == nullptr) throw IoError("cannot create journal '" + path + "': " + std::strerror(errno));
  Journal j(path, f);
  j.write_record('H', header);
  if (std::rename(fresh.c_str(), path.c_str()) != 0)
    throw IoError("cannot create journal '" + path + "': " + std::strerror(errno));
  return j;
}

Journal Journal::append_to(const std::string& path) {
  std::FILE* f = std::fopen(path.c_str(), "ab");
  if (f == nullptr) throw IoError("cannot open journal '" + path + "': " + std::strerror(errno));
  return Journal(path, f);
}

Journal::Journal(Journal&& other) noexcept : path_(std::move(other.path_)), file_(other.file_) {
  other.file_ = nullptr;
}

Journal::~Journal() {
  if (file_ != nullptr) std::fclose(file_);
}

void Journal::append(const TaskResult& result) {
  write_record('T', encode_task(result));
}

void Journal::write_record(char kind, std::string_view payload) {
  std::string frame(magic, 2);
  frame.push_back(kind);
  put<std::uint64_t>(frame, payload.size());
  frame.append(payload);
  put<std::uint32_t>(frame, crc_of(kind, payload));
  if (std::fwrite(frame.data(), 1, frame.size(), file_) != frame.size() || std::fflush(file_) != 0)
    throw IoError("cannot write journal '" + path_ + "': " + std::strerror(errno));
}

std::vector<std::string> differing_keys(const std::string& yaml_a, const std::string& yaml_b) {
  const config::Node a = io::load_yaml_text(yaml_a, "journal");
  const config::Node b = io::load_yaml_text(yaml_b, "config");
  std::vector<std::string> out;
  collect(a, b, "", out);
  return out;
}

}  // namespace hopfield
