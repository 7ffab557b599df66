// Opening and saving scenario files. A saved scenario is a small YAML file that `extends:` its
// base and holds only the overrides, expanded as nested YAML (list items by `id`, production
// lines by `chip`, prior models by `name`), so a saved file reads like a hand-written
// counterfactual and loads in chokepoint-batch unchanged. Files Chokepoint saved open back as
// base + overrides, so edits stay relative to the base (which stays the comparison reference).
#pragma once

#include "app/gui/run_types.hpp"

#include <QString>
#include <QStringList>

#include <stdexcept>

namespace cp::gui {

struct OpenedScenario {
    QString basePath; ///< the file loadScenario reads (absolute)
    QString filePath; ///< where Save writes; empty = Save asks for a name
    std::vector<scenario::Override> overrides;
    ScenarioPtr baseScenario; ///< loaded without overrides
};

/// Opens `path`. A file Chokepoint saved becomes (its base, its overrides, itself as the save
/// target); any other file is the base itself with no overrides and no save target, so it is
/// never rewritten (a bundled scenario, or a hand-written file with comments). Throws
/// scenario::ScenarioError for a bad file.
[[nodiscard]] OpenedScenario openScenarioFile(const QString& path);

class SaveError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct SaveResult {
    QString filePath;
    QString extendsPath;      ///< as written in the file, relative to it
    QStringList copiedFiles;  ///< base files copied next to it (extends: must stay in its folder)
};

/// Writes `target` atomically (QSaveFile). `extends:` may only reach files inside the saved
/// file's folder, so when the base lies elsewhere (a bundled scenario, saved to Documents) the
/// base and its own `extends:` chain are copied alongside first; into "<name>-base/" when a
/// different file of the same name is already there. Throws SaveError.
SaveResult saveScenarioFile(const QString& target, const QString& basePath,
                            const std::vector<scenario::Override>& overrides);

/// The text saveScenarioFile writes, for `extendsPath` (relative to the saved file).
[[nodiscard]] std::string scenarioFileText(const std::string& extendsPath, const QString& basePath,
                                           const std::vector<scenario::Override>& overrides);

/// Same values, citations, rules and entities (file and line positions aside).
[[nodiscard]] bool scenariosEquivalent(const scenario::Scenario& a, const scenario::Scenario& b,
                                       std::string* firstDifference = nullptr);

/// A valid scenario id from a file name: "My Edit.yaml" -> "my-edit".
[[nodiscard]] std::string scenarioIdFromFileName(const QString& path);

/// The first line of every file Chokepoint saves.
inline constexpr const char* kSavedMarker = "# Saved by Chokepoint";

} // namespace cp::gui
