// YAML → option tree (DESIGN.md §4): loads a YAML file or text with yaml-cpp and converts it to a
// config::Node that keeps every value's file:line:col, rejecting duplicate keys (which yaml-cpp
// accepts silently); applies `--set key=value` command-line overrides to a tree.
#pragma once

#include "hopfield/config/node.hpp"

#include <string>

namespace hopfield::io {

/// Loads a YAML file. A missing or unreadable file is an InputError naming the path; a syntax
/// error, a duplicate key or a non-scalar key is a ConfigError at its file:line:col.
config::Node load_yaml_file(const std::string& path);

/// Loads YAML text; `name` is the file name that locations report.
config::Node load_yaml_text(const std::string& text, const std::string& name);

/// Applies one `--set key=value` override: key is a dotted path with list indices
/// ("noise[0].fraction"), value is parsed as YAML (so a whole mapping may be given). Missing
/// intermediate mappings are created; a bare module name on the path ("learning: hebbian") is
/// expanded to {type: hebbian} first. The new nodes are located at "--set <assignment>".
void apply_override(config::Node& root, const std::string& assignment);

}  // namespace hopfield::io
