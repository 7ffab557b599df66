#include "app/gui/crash_recovery.hpp"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLockFile>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace cp::gui {

namespace {
QString lockPathFor(const QString& jsonPath)
{
    QString p = jsonPath;
    p.chop(5); // ".json"
    return p + QStringLiteral(".lock");
}
} // namespace

CrashRecovery::CrashRecovery(QString dir) : m_dir(std::move(dir))
{
    if (m_dir.isEmpty())
        m_dir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) + QStringLiteral("/recovery");
    QDir().mkpath(m_dir);
    const QString id = QStringLiteral("%1-%2").arg(QCoreApplication::applicationPid()).arg(QDateTime::currentMSecsSinceEpoch());
    m_file = m_dir + QStringLiteral("/session-") + id + QStringLiteral(".json");
    m_lock = std::make_unique<QLockFile>(lockPathFor(m_file));
    m_lock->setStaleLockTime(0); // a lock is stale only when its process is gone
    m_lock->tryLock(0);
}

CrashRecovery::~CrashRecovery()
{
    // A clean exit: whatever was unsaved has been saved or deliberately discarded by now.
    clear();
}

std::vector<RecoverySnapshot> CrashRecovery::orphans() const
{
    std::vector<RecoverySnapshot> out;
    for (const QFileInfo& fi : QDir(m_dir).entryInfoList({QStringLiteral("session-*.json")}, QDir::Files)) {
        const QString path = fi.absoluteFilePath();
        if (path == m_file)
            continue;
        QLockFile lock(lockPathFor(path));
        lock.setStaleLockTime(0);
        if (!lock.tryLock(0))
            continue; // its session is still running
        lock.unlock();
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
        RecoverySnapshot s;
        s.basePath = o.value(QStringLiteral("base")).toString();
        s.filePath = o.value(QStringLiteral("file")).toString();
        s.savedAt = QDateTime::fromString(o.value(QStringLiteral("savedAt")).toString(), Qt::ISODate);
        for (const auto& v : o.value(QStringLiteral("overrides")).toArray()) {
            const QJsonArray kv = v.toArray();
            s.overrides.push_back({kv.at(0).toString().toStdString(), kv.at(1).toString().toStdString()});
        }
        s.sourceFile = path;
        if (!s.basePath.isEmpty())
            out.push_back(std::move(s));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.savedAt > b.savedAt; });
    return out;
}

void CrashRecovery::discard(const RecoverySnapshot& snapshot) const
{
    QFile::remove(snapshot.sourceFile);
    QFile::remove(lockPathFor(snapshot.sourceFile));
}

bool CrashRecovery::save(const RecoverySnapshot& snapshot)
{
    QJsonArray overrides;
    for (const auto& o : snapshot.overrides)
        overrides.append(QJsonArray{QString::fromStdString(o.path), QString::fromStdString(o.value)});
    const QJsonObject obj{{QStringLiteral("base"), snapshot.basePath},
                          {QStringLiteral("file"), snapshot.filePath},
                          {QStringLiteral("savedAt"), QDateTime::currentDateTime().toString(Qt::ISODate)},
                          {QStringLiteral("overrides"), overrides}};
    QSaveFile f(m_file);
    return f.open(QIODevice::WriteOnly) && f.write(QJsonDocument(obj).toJson()) >= 0 && f.commit();
}

void CrashRecovery::clear()
{
    QFile::remove(m_file);
}

} // namespace cp::gui
