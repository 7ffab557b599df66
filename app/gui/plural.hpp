// "1 change", "3 changes": English counts without shipping an English .qm file for Qt's %n.
#pragma once

#include <QString>

namespace cp::gui {

[[nodiscard]] inline QString countOf(long long n, const QString& singular, const QString& plural)
{
    return QStringLiteral("%1 %2").arg(n).arg(n == 1 ? singular : plural);
}

} // namespace cp::gui
