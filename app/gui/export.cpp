#include "app/gui/export.hpp"

#include "app/gui/plural.hpp"

#include "sim/core/rng.hpp"

#include <QFileInfo>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace cp::gui {


runner::SummaryBuilder::Provenance provenanceFor(const std::string& scenarioPath,
                                                 const std::vector<scenario::Override>& overrides, std::uint64_t seed,
                                                 std::size_t runs)
{
    std::vector<std::string> sets;
    for (const auto& o : overrides)
        sets.push_back(o.path + "=" + o.value);
    return {CHOKEPOINT_VERSION, scenarioPath, runner::hashFile(scenarioPath), seed, runs, sets};
}

QStringList writeRunData(const QString& dir, const scenario::Scenario& scenario, const model::RunResult& result,
                         const std::string& scenarioPath, const std::vector<scenario::Override>& overrides)
{
    const std::filesystem::path out(dir.toStdString());
    std::filesystem::create_directories(out);
    runner::TimeseriesCsvWriter csv(out / "timeseries.csv");
    runner::SummaryBuilder summary(scenario);
    csv.write(0, result.seed, result);
    summary.add(0, result.seed, result);
    runner::AtomicFile json(out / "summary.json");
    json.stream() << summary.json(provenanceFor(scenarioPath, overrides, result.seed, 1));
    csv.commit();
    json.commit();
    return {QString::fromStdString((out / "timeseries.csv").string()),
            QString::fromStdString((out / "summary.json").string())};
}

QString provenanceFooter(const scenario::Scenario& scenario, const QString& basePath,
                         const std::vector<scenario::Override>& overrides)
{
    QString changes;
    if (!overrides.empty()) {
        QStringList shown;
        for (std::size_t i = 0; i < overrides.size() && i < 2; ++i)
            shown << QString::fromStdString(overrides[i].path + "=" + overrides[i].value).left(60);
        changes = QStringLiteral(" + %1: %2")
                      .arg(countOf(static_cast<long long>(overrides.size()), QObject::tr("change"), QObject::tr("changes")),
                           shown.join(QStringLiteral(", ")));
        if (overrides.size() > 2)
            changes += QStringLiteral(", …");
    }
    return QObject::tr("Chokepoint %1 · scenario %2 (%3%4) · seed %5")
        .arg(QStringLiteral(CHOKEPOINT_VERSION), QString::fromStdString(scenario.id), QFileInfo(basePath).fileName(),
             changes)
        .arg(scenario.run.seed);
}

} // namespace cp::gui
