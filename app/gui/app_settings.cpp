#include "app/gui/app_settings.hpp"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace cp::gui {

QStringList AppSettings::recentFiles() const
{
    QStringList out;
    for (const QString& f : m_settings.value(QStringLiteral("files/recent")).toStringList())
        if (QFileInfo::exists(f))
            out << f;
    return out;
}

void AppSettings::addRecentFile(const QString& path)
{
    const QString abs = QFileInfo(path).absoluteFilePath();
    QStringList files = m_settings.value(QStringLiteral("files/recent")).toStringList();
    files.removeAll(abs);
    files.prepend(abs);
    while (files.size() > kMaxRecent)
        files.removeLast();
    m_settings.setValue(QStringLiteral("files/recent"), files);
}

void AppSettings::clearRecentFiles()
{
    m_settings.remove(QStringLiteral("files/recent"));
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings.value(QStringLiteral("window/geometry")).toByteArray();
}

QByteArray AppSettings::windowState() const
{
    return m_settings.value(QStringLiteral("window/state")).toByteArray();
}

void AppSettings::setWindowLayout(const QByteArray& geometry, const QByteArray& state)
{
    m_settings.setValue(QStringLiteral("window/geometry"), geometry);
    m_settings.setValue(QStringLiteral("window/state"), state);
}

double AppSettings::playbackSpeed() const
{
    return m_settings.value(QStringLiteral("playback/speed"), 4.0).toDouble();
}

void AppSettings::setPlaybackSpeed(double monthsPerSecond)
{
    m_settings.setValue(QStringLiteral("playback/speed"), monthsPerSecond);
}

QString AppSettings::lastDir(const QString& purpose) const
{
    const QString dir = m_settings.value(QStringLiteral("dirs/") + purpose).toString();
    if (!dir.isEmpty() && QFileInfo(dir).isDir())
        return dir;
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

void AppSettings::setLastDir(const QString& purpose, const QString& dir)
{
    m_settings.setValue(QStringLiteral("dirs/") + purpose, dir);
}

} // namespace cp::gui
