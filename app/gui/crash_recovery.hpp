// Crash recovery for unsaved edits. While the document has unsaved changes, this session's
// overrides are written (atomically) to a small JSON file in the app's data folder next to a
// lock file the session holds. A file whose lock nobody holds was left by a session that died;
// on the next start the app offers to restore it.
#pragma once

#include "sim/scenario/loader.hpp"

#include <QDateTime>
#include <QString>

#include <memory>
#include <vector>

class QLockFile;

namespace cp::gui {

struct RecoverySnapshot {
    QString basePath;
    QString filePath;
    std::vector<scenario::Override> overrides;
    QDateTime savedAt;
    QString sourceFile; ///< the recovery file it was read from
};

class CrashRecovery {
public:
    /// `dir` empty = QStandardPaths::AppDataLocation/recovery.
    explicit CrashRecovery(QString dir = {});
    ~CrashRecovery();
    CrashRecovery(const CrashRecovery&) = delete;
    CrashRecovery& operator=(const CrashRecovery&) = delete;

    /// Snapshots left by sessions that ended without cleaning up, newest first.
    [[nodiscard]] std::vector<RecoverySnapshot> orphans() const;
    /// Removes a snapshot once restored or declined.
    void discard(const RecoverySnapshot& snapshot) const;

    /// Records this session's unsaved state (replaces the previous one).
    bool save(const RecoverySnapshot& snapshot);
    /// Nothing unsaved any more (saved, discarded, or closed cleanly).
    void clear();

    [[nodiscard]] const QString& directory() const { return m_dir; }

private:
    QString m_dir;
    QString m_file;
    std::unique_ptr<QLockFile> m_lock;
};

} // namespace cp::gui
