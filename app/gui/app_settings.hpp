// User preferences that persist between sessions (QSettings): recent files, window layout,
// playback speed, the folders last used. Model parameters never live here: they belong in
// scenario files.
#pragma once

#include <QByteArray>
#include <QSettings>
#include <QStringList>

namespace cp::gui {

class AppSettings {
public:
    static constexpr int kMaxRecent = 8;

    [[nodiscard]] QStringList recentFiles() const;
    void addRecentFile(const QString& path);
    void clearRecentFiles();

    [[nodiscard]] QByteArray windowGeometry() const;
    [[nodiscard]] QByteArray windowState() const;
    void setWindowLayout(const QByteArray& geometry, const QByteArray& state);

    [[nodiscard]] double playbackSpeed() const;
    void setPlaybackSpeed(double monthsPerSecond);

    /// Last folder used for "open", "save", "export".
    [[nodiscard]] QString lastDir(const QString& purpose) const;
    void setLastDir(const QString& purpose, const QString& dir);

private:
    QSettings m_settings;
};

} // namespace cp::gui
