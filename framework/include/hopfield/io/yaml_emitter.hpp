// Option tree → YAML text: block-style YAML of a (resolved) config, keys in their order, used to
// store the exact configuration in every results file and for `hopfield validate --print`.
#pragma once

#include "hopfield/config/node.hpp"

#include <string>

namespace hopfield::io {

/// Block-style YAML of the tree (lists of scalars and empty containers inline: [a, b], {}). Scalars
/// that were quoted, or that would not read back as the same plain text, are double-quoted, so
/// load_yaml_text(to_yaml(n)) gives the same tree.
std::string to_yaml(const config::Node& root);

/// One-line flow-style YAML of a node ("{type: krauth_mezard, kappa: 0.5}", "hebbian").
std::string to_flow_yaml(const config::Node& node);

}  // namespace hopfield::io
