// Main window: opening, saving, exporting, crash recovery (see main_window.hpp).
#include "app/gui/main_window.hpp"

#include "app/gui/app_paths.hpp"
#include "app/gui/charts/charts_panel.hpp"
#include "app/gui/export.hpp"
#include "app/gui/plural.hpp"
#include "app/gui/scenario_document.hpp"
#include "app/gui/scenario_files.hpp"
#include "app/gui/simulation_controller.hpp"
#include "app/gui/yaml_text.hpp"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QRegularExpression>
#include <QStatusBar>

namespace cp::gui {

bool MainWindow::openScenario(const QString& path)
{
    if (!maybeSave())
        return false;
    OpenedScenario opened;
    try {
        opened = openScenarioFile(path);
    } catch (const scenario::ScenarioError& e) {
        const ErrorReport report = describeScenarioError(e);
        m_prompts->error(this, tr("Cannot open %1").arg(QFileInfo(path).fileName()), report.text, report.details);
        return false;
    }
    if (m_recovery)
        m_recovery->clear();
    m_document->reset(opened.baseScenario, opened.basePath, opened.filePath, std::move(opened.overrides));
    if (m_options.persistSettings)
        m_settings.addRecentFile(path);
    statusBar()->showMessage(tr("Opened %1").arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath())), 5000);
    return true;
}

void MainWindow::applyEdits(const QStringList& sets)
{
    for (const QString& s : sets) {
        const int eq = s.indexOf(QLatin1Char('='));
        if (eq > 0)
            m_document->edit(s.left(eq).toStdString(), s.mid(eq + 1).toStdString(), tr("Set %1").arg(s));
    }
}

bool MainWindow::maybeSave()
{
    if (!m_document->isModified())
        return true;
    switch (m_prompts->askSaveChanges(this, m_document->displayName())) {
    case Prompts::SaveChoice::Save: return save();
    case Prompts::SaveChoice::Discard:
        if (m_recovery)
            m_recovery->clear();
        return true;
    case Prompts::SaveChoice::Cancel: break;
    }
    return false;
}

bool MainWindow::save()
{
    if (!m_document->isOpen())
        return false;
    if (m_document->filePath().isEmpty())
        return saveAs();
    return writeScenario(m_document->filePath());
}

bool MainWindow::saveAs(const QString& requested)
{
    if (!m_document->isOpen())
        return false;
    QString path = requested;
    if (path.isEmpty()) {
        const QString dir = m_document->filePath().isEmpty() ? m_settings.lastDir(QStringLiteral("save"))
                                                             : QFileInfo(m_document->filePath()).absolutePath();
        const QString name = m_document->filePath().isEmpty()
                                 ? QFileInfo(m_document->basePath()).completeBaseName() + QStringLiteral("-edited.yaml")
                                 : QFileInfo(m_document->filePath()).fileName();
        path = m_prompts->saveFileName(this, tr("Save scenario"), QDir(dir).filePath(name), tr("Scenarios (*.yaml)"));
        if (path.isEmpty())
            return false;
    }
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".yaml");
    if (!writeScenario(path))
        return false;
    m_settings.setLastDir(QStringLiteral("save"), QFileInfo(path).absolutePath());
    return true;
}

bool MainWindow::writeScenario(const QString& path)
{
    // The saved scenario gets its own id (outputs then say which file they came from) and, unless
    // the user named it, a name that says it was edited.
    const auto idBefore = m_document->overrideValue("id");
    const auto nameBefore = m_document->overrideValue("name");
    m_document->applyOverride("id", scenarioIdFromFileName(path));
    if (!nameBefore)
        m_document->applyOverride("name", yaml::quoteScalar(m_document->baseScenario()->name + " (edited)"));
    SaveResult result;
    try {
        result = saveScenarioFile(path, m_document->basePath(), m_document->overrides());
    } catch (const SaveError& e) {
        m_document->applyOverride("id", idBefore);
        m_document->applyOverride("name", nameBefore);
        m_prompts->error(this, tr("Cannot save %1").arg(QFileInfo(path).fileName()), QString::fromUtf8(e.what()));
        return false;
    }
    m_document->markSaved(result.filePath);
    if (m_recovery)
        m_recovery->clear();
    if (m_options.persistSettings)
        m_settings.addRecentFile(result.filePath);
    QString message = tr("Saved %1").arg(QDir::toNativeSeparators(result.filePath));
    if (!result.copiedFiles.isEmpty())
        message += tr(" (with a copy of %1 beside it: a scenario may only extend files in its own folder)")
                       .arg(QFileInfo(result.copiedFiles.front()).fileName());
    statusBar()->showMessage(message, 10000);
    return true;
}

bool MainWindow::exportChart(const QString& requested)
{
    const ScenarioPtr scenario = m_controller->currentScenario();
    if (!scenario) {
        m_prompts->error(this, tr("Export chart"), tr("There is no run to export yet."));
        return false;
    }
    QString path = requested;
    if (path.isEmpty()) {
        QString name = m_charts->currentChartTitle().toLower();
        name.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QStringLiteral("-"));
        name = QString::fromStdString(scenario->id) + QLatin1Char('-') + name + QStringLiteral(".png");
        path = m_prompts->saveFileName(this, tr("Export chart"),
                                       QDir(m_settings.lastDir(QStringLiteral("export"))).filePath(name),
                                       tr("PNG image (*.png);;SVG image (*.svg)"));
        if (path.isEmpty())
            return false;
    }
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".png");
    const QString footer = provenanceFooter(*scenario, QString::fromStdString(m_controller->currentPath()),
                                            m_controller->currentOverrides());
    const bool svg = QFileInfo(path).suffix().compare(QLatin1String("svg"), Qt::CaseInsensitive) == 0;
    const bool ok = svg ? m_charts->exportSvg(path, footer) : m_charts->exportPng(path, footer);
    if (!ok) {
        m_prompts->error(this, tr("Export chart"), tr("Could not write %1.").arg(QDir::toNativeSeparators(path)));
        return false;
    }
    m_settings.setLastDir(QStringLiteral("export"), QFileInfo(path).absolutePath());
    statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 8000);
    return true;
}

bool MainWindow::exportData(const QString& requested)
{
    const ScenarioPtr scenario = m_controller->currentScenario();
    const ResultPtr result = m_controller->currentResult();
    if (!scenario || !result) {
        m_prompts->error(this, tr("Export data"), tr("There is no run to export yet."));
        return false;
    }
    QString dir = requested;
    if (dir.isEmpty()) {
        dir = m_prompts->directory(this, tr("Folder for timeseries.csv and summary.json"),
                                   m_settings.lastDir(QStringLiteral("export")));
        if (dir.isEmpty())
            return false;
        const QDir d(dir);
        if ((d.exists(QStringLiteral("timeseries.csv")) || d.exists(QStringLiteral("summary.json"))) &&
            !m_prompts->askYesNo(this, tr("Export data"),
                                 tr("%1 already holds timeseries.csv or summary.json. Replace them?").arg(dir)))
            return false;
    }
    QStringList files;
    try {
        files = writeRunData(dir, *scenario, *result, m_controller->currentPath(), m_controller->currentOverrides());
    } catch (const std::exception& e) {
        m_prompts->error(this, tr("Export data"), tr("Could not write to %1: %2").arg(dir, QString::fromUtf8(e.what())));
        return false;
    }
    m_settings.setLastDir(QStringLiteral("export"), dir);
    statusBar()->showMessage(tr("Wrote %1").arg(files.join(QStringLiteral(", "))), 8000);
    return true;
}

void MainWindow::scheduleAutosave()
{
    if (m_recovery)
        m_autosave.start();
}

void MainWindow::autosave()
{
    if (!m_recovery)
        return;
    if (!m_document->isOpen() || !m_document->isModified()) {
        m_recovery->clear();
        return;
    }
    m_recovery->save({m_document->basePath(), m_document->filePath(), m_document->overrides(), {}, {}});
}

void MainWindow::offerRecovery()
{
    if (!m_recovery)
        return;
    const auto orphans = m_recovery->orphans();
    if (orphans.empty())
        return;
    const RecoverySnapshot& s = orphans.front();
    const QString name = QFileInfo(s.filePath.isEmpty() ? s.basePath : s.filePath).fileName();
    const bool restore = m_prompts->askYesNo(
        this, tr("Restore unsaved changes?"),
        tr("Chokepoint did not close properly. Restore %1 to %2 from %3?")
            .arg(countOf(static_cast<long long>(s.overrides.size()), tr("unsaved change"), tr("unsaved changes")), name,
                 QLocale().toString(s.savedAt, QLocale::ShortFormat)));
    for (const auto& o : orphans)
        m_recovery->discard(o);
    if (!restore)
        return;
    try {
        auto base = std::make_shared<scenario::Scenario>(scenario::loadScenario(s.basePath.toStdString()));
        m_document->reset(std::move(base), s.basePath, s.filePath, s.overrides, true);
    } catch (const scenario::ScenarioError& e) {
        const ErrorReport report = describeScenarioError(e);
        m_prompts->error(this, tr("Cannot restore %1").arg(name), report.text, report.details);
    }
}

} // namespace cp::gui
