// Documentation printed from the registry: `hopfield list`, `hopfield describe TYPE` and
// docs/config.md (`hopfield describe --all --markdown`), so the docs cannot drift from the code.
#pragma once

#include "hopfield/config/registry.hpp"

#include <string>

namespace hopfield {

/// One module: name, help, and a table of its options (type, default, allowed range, help).
std::string describe_module(const config::ModuleDoc& doc, bool markdown);
/// The families and their module names, one line each.
std::string list_modules(const config::Registry& registry, const std::string& family = "");
/// The whole configuration reference in Markdown (top-level sections, then every module).
std::string config_reference(const config::Registry& registry);

}  // namespace hopfield
