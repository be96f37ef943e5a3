// Progress on stderr (see hopfield/experiments/progress.hpp).
#include "hopfield/experiments/progress.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <cstdio>

namespace hopfield {

Progress::Progress(std::string label, bool enabled)
    : label_(std::move(label)),
      enabled_(enabled),
      terminal_(isatty(STDERR_FILENO) != 0),
      start_(Clock::now()),
      last_(start_) {}

Progress::~Progress() {
  finish();
}

void Progress::update(std::uint64_t done, std::uint64_t total) {
  if (!enabled_) return;
  const auto now = Clock::now();
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double since = std::chrono::duration<double>(now - last_).count();
  if (elapsed < 1.0 || since < (terminal_ ? 0.2 : 5.0)) return;
  last_ = now;
  const double rate = static_cast<double>(done) / elapsed;
  const double eta = rate > 0 ? static_cast<double>(total - done) / rate : 0.0;
  const std::string line = fmt::format(
      "[{}] {}/{} tasks ({:.0f}%), {:.1f}/s, ETA {:.0f}s", label_, done, total,
      total ? 100.0 * static_cast<double>(done) / static_cast<double>(total) : 100.0, rate, eta);
  if (terminal_) {
    std::fprintf(stderr, "\r%s\033[K", line.c_str());
    drawn_ = true;
  } else {
    std::fprintf(stderr, "%s\n", line.c_str());
  }
  std::fflush(stderr);
}

void Progress::finish() {
  if (drawn_) {
    std::fprintf(stderr, "\n");
    drawn_ = false;
  }
}

}  // namespace hopfield
