// `extends:` and `--set` on the YAML tree, before typing. Mappings merge key by key; lists
// of objects merge item by item, matched by `id` (production lines by `chip`, models by
// `name`); an item with `remove: true` deletes the base item; anything else replaces.
#pragma once

#include "sim/scenario/loader.hpp"
#include "sim/scenario/yaml_tree.hpp"

#include <filesystem>

namespace cp::scenario {

/// Reads `path`, follows its `extends:` chain (sandboxed, acyclic, bounded) and returns the
/// merged tree. `chain` holds the files already being loaded (for cycle detection).
YamlNode loadMergedTree(const std::filesystem::path& path, const std::filesystem::path& sandbox,
                        std::vector<std::filesystem::path>& chain);
/// Same, for text already in memory.
YamlNode mergeFromText(const std::string& text, const std::string& name, const std::filesystem::path& baseDir,
                       const std::filesystem::path& sandbox, std::vector<std::filesystem::path>& chain);

/// The identity of a list item for merging: its `id`, `chip` or `name` scalar, else null.
[[nodiscard]] const YamlNode* identityOf(const YamlNode& item);
/// Values written as mappings that are replaced whole, never merged key by key: numeric
/// leaves with provenance, schedules, fleets, distributions.
[[nodiscard]] bool isValueMap(const std::string& key, const YamlNode& n);

void mergeInto(YamlNode& base, const YamlNode& child);
/// Applies overrides; reports unknown paths with did-you-mean.
void applyOverrides(YamlNode& root, const std::vector<Override>& overrides);

} // namespace cp::scenario
