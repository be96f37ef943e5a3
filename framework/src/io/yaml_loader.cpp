// YAML → option tree with locations, duplicate-key detection and --set overrides.
#include "hopfield/io/yaml_loader.hpp"

#include "hopfield/core/error.hpp"

#include <yaml-cpp/yaml.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string_view>

namespace hopfield::io {
namespace {

using config::Node;

Location location_of(const YAML::Node& node, const std::string& file, const Location& fallback) {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null() || mark.line < 0 || mark.column < 0) return fallback;
  return Location{file, mark.line + 1, mark.column + 1};
}

// yaml-cpp tags a quoted (or otherwise non-plain) scalar "!" and a plain one "?"; an explicit
// !!str also makes the value a string whatever it looks like.
bool is_quoted(const YAML::Node& node) {
  const std::string& tag = node.Tag();
  return tag == "!" || tag == "tag:yaml.org,2002:str";
}

Node convert(const YAML::Node& node, const std::string& file, const Location& fallback);

Node convert_map(const YAML::Node& node, const std::string& file, const Location& where) {
  Node map = Node::make_map(where);
  std::set<std::string, std::less<>> seen;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const Location key_where = location_of(it->first, file, where);
    if (!it->first.IsScalar()) {
      throw ConfigError(key_where,
                        "a mapping key must be a plain word, not a list, a mapping or "
                        "null");
    }
    const std::string& key = it->first.Scalar();
    if (!seen.insert(key).second) throw ConfigError(key_where, "duplicate key '" + key + "'");
    map.set(key, convert(it->second, file, key_where));
  }
  return map;
}

Node convert(const YAML::Node& node, const std::string& file, const Location& fallback) {
  const Location where = location_of(node, file, fallback);
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      return Node::make_scalar(node.Scalar(), where, is_quoted(node));
    case YAML::NodeType::Sequence: {
      Node sequence = Node::make_sequence(where);
      for (const auto& item : node) sequence.push_back(convert(item, file, where));
      return sequence;
    }
    case YAML::NodeType::Map:
      return convert_map(node, file, where);
    case YAML::NodeType::Undefined:
    case YAML::NodeType::Null:
      break;
  }
  return Node::make_null(where);
}

void relocate(Node& node, const Location& where) {
  node.set_location(where);
  for (auto& entry : node.entries()) relocate(entry.second, where);
  for (auto& item : node.items()) relocate(item, where);
}

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

std::string join_path(const std::vector<std::string>& parts, std::size_t count) {
  std::string path;
  for (std::size_t i = 0; i < count; ++i) {
    if (!path.empty() && parts[i].front() != '[') path += '.';
    path += parts[i];
  }
  return path.empty() ? "the root" : "'" + path + "'";
}

// Walks one part of an override path from `node`, creating what is missing; returns the child.
Node& descend(Node& node, const std::string& part, const std::vector<std::string>& parts,
              std::size_t depth, const Location& here) {
  const std::string prefix = join_path(parts, depth);
  if (part.front() == '[') {
    if (!node.is_sequence()) throw ConfigError(here, prefix + " is not a list");
    const std::string digits = part.size() > 2 ? part.substr(1, part.size() - 2) : "";
    const bool valid = part.back() == ']' && !digits.empty() && digits.size() < 10 &&
                       digits.find_first_not_of("0123456789") == std::string::npos;
    if (!valid) throw ConfigError(here, "malformed list index '" + part + "'");
    const auto index = static_cast<std::size_t>(std::stoul(digits));
    if (index >= node.items().size()) {
      throw ConfigError(here, "index " + part + " is past the end of " + prefix + ", which has " +
                                  std::to_string(node.items().size()) + " item(s)");
    }
    return node.items()[index];
  }
  if (node.is_scalar()) {
    // A bare module name is shorthand for {type: name} (DESIGN.md §3).
    Node expanded = Node::make_map(node.location());
    expanded.set("type", node);
    node = std::move(expanded);
  } else if (node.is_null()) {
    node = Node::make_map(here);
  } else if (!node.is_map()) {
    throw ConfigError(here, prefix + " is a list: address its items as " +
                                (depth == 0 ? std::string("[i]") : prefix + "[i]"));
  }
  if (Node* child = node.find(part)) return *child;
  return node.set(part, Node::make_map(here));
}

}  // namespace

Node load_yaml_text(const std::string& text, const std::string& name) {
  std::vector<YAML::Node> documents;
  try {
    documents = YAML::LoadAll(text);
  } catch (const YAML::Exception& error) {
    const Location where = error.mark.is_null()
                               ? Location{name, 0, 0}
                               : Location{name, error.mark.line + 1, error.mark.column + 1};
    throw ConfigError(where, "YAML syntax error: " + error.msg);
  }
  if (documents.size() > 1) {
    throw ConfigError(Location{name, 0, 0},
                      "the text holds " + std::to_string(documents.size()) +
                          " YAML documents ('---'); a configuration is one document");
  }
  const Location start{name, 1, 1};
  Node root = documents.empty() ? Node::make_null(start) : convert(documents.front(), name, start);
  root.assign_paths();
  return root;
}

Node load_yaml_file(const std::string& path) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) {
    throw InputError("cannot read config file '" + path + "': it is a directory");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError("cannot read config file '" + path + "': " + std::strerror(errno));
  }
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw InputError("error while reading config file '" + path + "'");
  return load_yaml_text(text.str(), path);
}

void apply_override(Node& root, const std::string& assignment) {
  const auto eq = assignment.find('=');
  const std::string key = eq == std::string::npos ? "" : trim(assignment.substr(0, eq));
  if (key.empty()) {
    throw ConfigError(Location{"--set", 0, 0},
                      "malformed override '" + assignment + "': expected key=value");
  }
  const Location here{"--set " + assignment, 0, 0};
  std::vector<std::string> parts;
  try {
    parts = config::split_path(key);
  } catch (const ConfigError& error) {
    throw ConfigError(here, "malformed key '" + key + "': " + error.message());
  } catch (const Error& error) {
    throw ConfigError(here, "malformed key '" + key + "': " + error.what());
  }
  if (parts.empty()) throw ConfigError(here, "malformed key '" + key + "'");
  for (const auto& part : parts) {
    if (part.empty()) throw ConfigError(here, "malformed key '" + key + "'");
  }

  Node value = load_yaml_text(assignment.substr(eq + 1), here.file);
  relocate(value, here);

  Node* node = &root;
  for (std::size_t depth = 0; depth + 1 < parts.size(); ++depth) {
    node = &descend(*node, parts[depth], parts, depth, here);
  }
  descend(*node, parts.back(), parts, parts.size() - 1, here) = std::move(value);
  root.assign_paths();
}

}  // namespace hopfield::io
