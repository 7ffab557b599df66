#include "app/gui/app_paths.hpp"

#include "sim/scenario/yaml_tree.hpp"
#include "sim/scenario/errors.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>

namespace cp::gui {

QString bundledScenariosDir()
{
    QStringList candidates;
    if (const QString env = qEnvironmentVariable("CHOKEPOINT_SCENARIOS_DIR"); !env.isEmpty())
        candidates << env;
    if (QCoreApplication::instance()) {
        const QString exeDir = QCoreApplication::applicationDirPath();
        candidates << exeDir + QStringLiteral("/../share/chokepoint/scenarios") << exeDir + QStringLiteral("/../scenarios");
    }
    candidates << QStringLiteral(CHOKEPOINT_SOURCE_DIR "/scenarios");
    for (const QString& dir : candidates)
        if (QFileInfo::exists(dir + QStringLiteral("/baseline.yaml")))
            return QDir(dir).canonicalPath();
    return {};
}

QString defaultScenarioPath()
{
    const QString dir = bundledScenariosDir();
    return dir.isEmpty() ? QString() : dir + QStringLiteral("/baseline.yaml");
}

QList<Preset> bundledPresets()
{
    QList<Preset> out;
    const QString dir = bundledScenariosDir();
    if (dir.isEmpty())
        return out;
    for (const QFileInfo& fi : QDir(dir).entryInfoList({QStringLiteral("*.yaml")}, QDir::Files, QDir::Name)) {
        Preset p{fi.absoluteFilePath(), fi.completeBaseName()};
        QFile f(fi.absoluteFilePath());
        if (f.open(QIODevice::ReadOnly)) {
            try {
                const auto tree = scenario::parseYaml(f.readAll().toStdString(), fi.fileName().toStdString());
                if (const auto* name = tree.isMap() ? tree.find("name") : nullptr; name && name->isScalar())
                    p.name = QString::fromStdString(name->scalar);
            } catch (const scenario::ScenarioError&) {
                continue; // not a scenario the app can offer
            }
        }
        out << p;
    }
    std::stable_partition(out.begin(), out.end(), [](const Preset& p) { return p.path.endsWith(QLatin1String("/baseline.yaml")); });
    return out;
}

QString versionString()
{
    return QStringLiteral(CHOKEPOINT_VERSION);
}

} // namespace cp::gui
