// Option tree → block-style YAML (yaml-cpp's emitter decides which plain scalars need quotes).
#include "hopfield/io/yaml_emitter.hpp"

#include "hopfield/core/error.hpp"

#include <yaml-cpp/yaml.h>

namespace hopfield::io {
namespace {

// Lists of scalars ([overlap, energy], a pattern row) and empty containers read best inline;
// everything else is block style.
bool inline_style(const config::Node& node) {
  if (node.is_map()) return node.entries().empty();
  for (const auto& item : node.items()) {
    if (!item.is_scalar() && !item.is_null()) return false;
  }
  return true;
}

void emit(YAML::Emitter& out, const config::Node& node) {
  switch (node.kind()) {
    case config::Node::Kind::null:
      out << YAML::Null;
      break;
    case config::Node::Kind::scalar:
      if (node.quoted()) out << YAML::DoubleQuoted;
      out << node.text();
      break;
    case config::Node::Kind::sequence:
      if (inline_style(node)) out << YAML::Flow;
      out << YAML::BeginSeq;
      for (const auto& item : node.items()) emit(out, item);
      out << YAML::EndSeq;
      break;
    case config::Node::Kind::map:
      if (inline_style(node)) out << YAML::Flow;
      out << YAML::BeginMap;
      for (const auto& [key, value] : node.entries()) {
        out << YAML::Key << key << YAML::Value;
        emit(out, value);
      }
      out << YAML::EndMap;
      break;
  }
}

}  // namespace

std::string to_yaml(const config::Node& root) {
  YAML::Emitter out;
  out.SetIndent(2);
  out << YAML::Block;
  emit(out, root);
  if (!out.good()) throw Error("cannot write the configuration as YAML: " + out.GetLastError());
  std::string text = out.c_str();
  if (!text.empty() && text.back() != '\n') text += '\n';
  return text;
}

}  // namespace hopfield::io

namespace hopfield::io {

std::string to_flow_yaml(const config::Node& node) {
  YAML::Emitter out;
  out << YAML::Flow;
  emit(out, node);
  return out.c_str();
}

}  // namespace hopfield::io
