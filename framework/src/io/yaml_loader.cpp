// YAML → option tree with locations, duplicate-key detection and --set overrides.
#include "hopfield/io/yaml_loader.hpp"

#include "hopfield/core/error.hpp"

#include <yaml-cpp/eventhandler.h>
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

/// Notes where each document of a YAML stream starts, without building it.
class DocumentStarts final : public YAML::EventHandler {
 public:
  std::vector<YAML::Mark> starts;
  void OnDocumentStart(const YAML::Mark& mark) override { starts.push_back(mark); }
  void OnDocumentEnd() override {}
  void OnNull(const YAML::Mark& /*mark*/, YAML::anchor_t /*anchor*/) override {}
  void OnAlias(const YAML::Mark& /*mark*/, YAML::anchor_t /*anchor*/) override {}
  void OnScalar(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                const std::string& /*value*/) override {}
  void OnSequenceStart(const YAML::Mark& /*mark*/, const std::string& /*tag*/,
                       YAML::anchor_t /*anchor*/, YAML::EmitterStyle::value /*style*/) override {}
  void OnSequenceEnd() override {}
  void OnMapStart(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                  YAML::EmitterStyle::value /*style*/) override {}
  void OnMapEnd() override {}
};

[[noreturn]] void syntax_error(const YAML::Exception& error, const std::string& name) {
  const Location where = error.mark.is_null()
                             ? Location{name, 0, 0}
                             : Location{name, error.mark.line + 1, error.mark.column + 1};
  throw ConfigError(where, "YAML syntax error: " + error.msg);
}

}  // namespace

Node load_yaml_text(const std::string& text, const std::string& name) {
  // A configuration is one document. YAML::LoadAll is not used to find out: yaml-cpp 0.7 loops
  // forever, allocating, on a stray token such as a lone ',' (jbeder/yaml-cpp#1040; fixed
  // upstream by #1319): the parser hands out the same empty document again and again without
  // consuming the token. Found by fuzz/config.cpp. Counting document starts, at most two, and
  // comparing their positions tells a second document from that loop.
  DocumentStarts documents;
  YAML::Node first;
  try {
    std::istringstream in(text);
    YAML::Parser parser(in);
    while (documents.starts.size() < 2 && parser.HandleNextDocument(documents)) {
    }
    if (documents.starts.size() >= 2) {
      const YAML::Mark& a = documents.starts[0];
      const YAML::Mark& b = documents.starts[1];
      if (a.pos == b.pos) {
        const auto at = static_cast<std::size_t>(b.pos);
        throw ConfigError(Location{name, b.line + 1, b.column + 1},
                          "YAML syntax error: unexpected " +
                              (at < text.size() ? "'" + std::string(1, text[at]) + "'"
                                                : std::string("end of the text")));
      }
      throw ConfigError(Location{name, b.line + 1, b.column + 1},
                        "a second YAML document ('---') starts here; a configuration is one "
                        "document");
    }
    if (!documents.starts.empty()) first = YAML::Load(text);
  } catch (const YAML::Exception& error) {
    syntax_error(error, name);
  }
  const Location start{name, 1, 1};
  Node root = documents.starts.empty() ? Node::make_null(start) : convert(first, name, start);
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
  Node value = load_yaml_text(assignment.substr(eq + 1), here.file);
  relocate(value, here);
  config::set_path(root, key, std::move(value), here);
}

}  // namespace hopfield::io
