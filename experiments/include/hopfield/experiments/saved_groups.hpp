// The optional groups a task saves when `output.save` asks (DESIGN.md §6): /probes (target,
// start state, final state), /patterns/xi and /couplings/w — declared and filled in one place
// for every experiment that presents probes.
#pragma once

#include "hopfield/experiments/experiment.hpp"

#include <string>
#include <vector>

namespace hopfield {

/// Rows of states as one (rows, N) slice.
Slice state_rows(const std::vector<State>& states, Eigen::Index n);

/// Appends the columns of the requested groups, in the order add_saved_slices fills them.
void add_saved_columns(std::vector<Column>& columns, const TaskContext& context,
                       const std::string& target_description, const std::string& start_description);

/// Appends the slices of the requested groups for one task.
void add_saved_slices(TaskResult& result, const TaskContext& context, const Trial& trial,
                      const std::vector<double>& targets, const std::vector<State>& starts,
                      const std::vector<State>& finals);

}  // namespace hopfield
