// Where the app finds its bundled scenarios and keeps its own files.
#pragma once

#include <QList>
#include <QString>

namespace cp::gui {

/// The bundled scenarios folder: $CHOKEPOINT_SCENARIOS_DIR, else next to the executable when
/// installed (../share/chokepoint/scenarios), else the source tree's scenarios/. Empty if none.
[[nodiscard]] QString bundledScenariosDir();
/// The bundled baseline.yaml, or empty.
[[nodiscard]] QString defaultScenarioPath();

struct Preset {
    QString path;
    QString name; ///< the scenario's `name:` ("Counterfactual: the AI diffusion rule is kept")
};
/// The bundled scenarios, baseline first.
[[nodiscard]] QList<Preset> bundledPresets();

[[nodiscard]] QString versionString();

} // namespace cp::gui
