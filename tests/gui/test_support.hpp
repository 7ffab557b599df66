// Helpers for the GUI tests: paths of the bundled scenarios, a scripted Prompts that answers
// without dialogs and records what the window said, waiting on the event loop, opening files.
#pragma once

#include "app/gui/prompts.hpp"
#include "app/gui/scenario_document.hpp"
#include "app/gui/scenario_files.hpp"

#include <QDir>
#include <QFile>
#include <QStringList>
#include <QTest>

#include <deque>
#include <functional>

namespace cp::gui::test {

inline QString scenariosDir()
{
    return QStringLiteral(CHOKEPOINT_SOURCE_DIR "/scenarios");
}

inline QString baselinePath()
{
    return scenariosDir() + QStringLiteral("/baseline.yaml");
}

/// Answers from queues; records every message.
class ScriptedPrompts : public Prompts {
public:
    struct Message {
        QString title, text, details;
    };
    std::vector<Message> errors, infos, reports;
    std::deque<SaveChoice> saveChoices;
    std::deque<bool> yesNo;
    std::deque<QString> fileNames, directories;
    int saveQuestions = 0;

    void error(QWidget*, const QString& t, const QString& x, const QString& d) override { errors.push_back({t, x, d}); }
    void information(QWidget*, const QString& t, const QString& x, const QString& d) override { infos.push_back({t, x, d}); }
    void report(QWidget*, const QString& t, const QString& x, const QString& d) override { reports.push_back({t, x, d}); }
    SaveChoice askSaveChanges(QWidget*, const QString&) override
    {
        ++saveQuestions;
        return pop(saveChoices, SaveChoice::Cancel);
    }
    bool askYesNo(QWidget*, const QString&, const QString&) override { return pop(yesNo, false); }
    QString openFileName(QWidget*, const QString&, const QString&, const QString&) override { return pop(fileNames, {}); }
    QString saveFileName(QWidget*, const QString&, const QString&, const QString&) override { return pop(fileNames, {}); }
    QString directory(QWidget*, const QString&, const QString&) override { return pop(directories, {}); }

private:
    template <class T>
    static T pop(std::deque<T>& q, T fallback)
    {
        if (q.empty())
            return fallback;
        T v = q.front();
        q.pop_front();
        return v;
    }
};

/// Runs the event loop until `done` or the timeout; true when done.
inline bool waitUntil(const std::function<bool()>& done, int timeoutMs = 20000)
{
    return QTest::qWaitFor(done, timeoutMs);
}

inline void openInto(ScenarioDocument& document, const QString& path)
{
    OpenedScenario o = openScenarioFile(path);
    document.reset(o.baseScenario, o.basePath, o.filePath, std::move(o.overrides));
}

inline void writeFile(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    f.open(QIODevice::WriteOnly);
    f.write(bytes);
}

inline QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace cp::gui::test
