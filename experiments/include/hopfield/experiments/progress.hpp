// Progress on stderr (DESIGN.md §7): tasks done/total, rate and ETA, for runs longer than a
// second; redrawn in place on a terminal, one line every few seconds otherwise.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace hopfield {

class Progress {
 public:
  Progress(std::string label, bool enabled);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  /// Reports that done of total tasks are finished.
  void update(std::uint64_t done, std::uint64_t total);
  /// Ends the line drawn in place, if any.
  void finish();

 private:
  using Clock = std::chrono::steady_clock;
  std::string label_;
  bool enabled_;
  bool terminal_;
  bool drawn_ = false;
  Clock::time_point start_;
  Clock::time_point last_;
};

}  // namespace hopfield
