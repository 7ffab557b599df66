#include "app/gui/charts/chart_style.hpp"

#include <QApplication>
#include <QDate>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLocale>
#include <QRegularExpression>
#include <QTime>
#include <QValueAxis>

#include <algorithm>
#include <array>
#include <cmath>

namespace cp::gui::charts {

QColor paletteColor(int index)
{
    static const std::array<QColor, 14> colours{
        QColor(0x00, 0x72, 0xB2), // blue
        QColor(0xD5, 0x5E, 0x00), // vermillion
        QColor(0x00, 0x9E, 0x73), // bluish green
        QColor(0xCC, 0x79, 0xA7), // reddish purple
        QColor(0xE6, 0x9F, 0x00), // orange
        QColor(0x56, 0xB4, 0xE9), // sky blue
        QColor(0x00, 0x00, 0x00), // black
        QColor(0x88, 0x22, 0x55), // wine (Tol)
        QColor(0x44, 0xAA, 0x99), // teal (Tol)
        QColor(0x99, 0x99, 0x33), // olive (Tol)
        QColor(0x33, 0x22, 0x88), // indigo (Tol)
        QColor(0xAA, 0x44, 0x99), // purple (Tol)
        QColor(0x88, 0x88, 0x88), // grey
        QColor(0xC9, 0xB8, 0x00), // darkened Okabe-Ito yellow
    };
    const auto n = static_cast<int>(colours.size());
    return colours[static_cast<std::size_t>(((index % n) + n) % n)];
}

QColor parseColor(const std::string& text)
{
    if (text.empty())
        return {};
    QColor c(QString::fromStdString(text));
    return c.isValid() ? c : QColor();
}

double toChartX(core::SimTime t)
{
    const auto d = core::toDate(t);
    const QDateTime dt(QDate(d.year, d.month, d.day), QTime(0, 0));
    return static_cast<double>(dt.toMSecsSinceEpoch());
}

core::SimTime fromChartX(double x)
{
    const auto dt = QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(std::llround(x)));
    const QDate d = dt.date();
    return core::fromDate(d.year(), d.month(), d.day());
}

QString monthLabel(core::SimTime t)
{
    const auto d = core::toDate(t);
    return QLocale::c().toString(QDate(d.year, d.month, 1), QStringLiteral("MMM yyyy"));
}

UnitScale chooseScale(double maxAbs)
{
    if (maxAbs >= 2e9)
        return {1e9, QStringLiteral("billion")};
    if (maxAbs >= 2e6)
        return {1e6, QStringLiteral("million")};
    if (maxAbs >= 2e4)
        return {1e3, QStringLiteral("thousand")};
    return {1, QString()};
}

namespace {
double niceStep(double span, int targetTicks)
{
    const double rough = span / std::max(1, targetTicks);
    const double mag = std::pow(10.0, std::floor(std::log10(rough)));
    const double norm = rough / mag;
    double nice = 10;
    if (norm <= 1.0)
        nice = 1;
    else if (norm <= 2.0)
        nice = 2;
    else if (norm <= 2.5)
        nice = 2.5;
    else if (norm <= 5.0)
        nice = 5;
    return nice * mag;
}
} // namespace

void configureValueAxis(QValueAxis* axis, double lo, double hi, const QString& title, bool includeZero)
{
    if (!std::isfinite(lo) || !std::isfinite(hi)) {
        lo = 0;
        hi = 1;
    }
    if (includeZero) {
        lo = std::min(lo, 0.0);
        hi = std::max(hi, 0.0);
        // A sliver below zero (rounding in a difference) should not add a whole tick interval.
        if (lo < 0 && -lo < 0.01 * (hi - lo))
            lo = 0;
        if (hi > 0 && hi < 0.01 * (hi - lo))
            hi = 0;
    }
    if (hi - lo < 1e-12) {
        const double pad = std::max(1.0, std::abs(hi) * 0.1);
        hi += pad;
        if (!includeZero || lo != 0)
            lo -= pad;
    }
    const double step = niceStep(hi - lo, 5);
    const double niceLo = std::floor(lo / step + 1e-9) * step;
    const double niceHi = std::ceil(hi / step - 1e-9) * step;
    const int ticks = static_cast<int>(std::llround((niceHi - niceLo) / step)) + 1;
    int decimals = std::max(0, static_cast<int>(-std::floor(std::log10(step) + 1e-9)));
    if (std::abs(step / std::pow(10.0, -decimals) - std::round(step / std::pow(10.0, -decimals))) > 1e-6)
        ++decimals; // 2.5 x 10^k
    axis->setRange(niceLo, niceHi);
    axis->setTickCount(std::clamp(ticks, 2, 12));
    axis->setMinorTickCount(0);
    axis->setLabelFormat(QStringLiteral("%.%1f").arg(decimals));
    if (axis->titleText() != title)
        axis->setTitleText(title);
}

void configureDateAxis(QDateTimeAxis* axis, core::SimTime from, core::SimTime to)
{
    auto first = core::toDate(from);
    auto last = core::toDate(to);
    const int lastYear = (last.month == 1 && last.day == 1) ? last.year : last.year + 1;
    int years = std::max(1, lastYear - first.year);
    if (years <= 2) {
        // Short runs: quarters labelled by month.
        const QDateTime a(QDate(first.year, first.month, 1), QTime(0, 0));
        const QDateTime b(QDate(last.year, last.month, 1).addMonths(last.day > 1 ? 1 : 0), QTime(0, 0));
        const auto months = std::max<qint64>(1, (b.date().year() - a.date().year()) * 12 + b.date().month() - a.date().month());
        axis->setRange(a, b);
        axis->setFormat(QStringLiteral("MMM yyyy"));
        axis->setTickCount(static_cast<int>(std::clamp<qint64>(months / 3 + 1, 2, 9)));
        return;
    }
    const int step = years <= 10 ? 1 : years <= 20 ? 2 : 5;
    years = (years + step - 1) / step * step;
    axis->setRange(QDateTime(QDate(first.year, 1, 1), QTime(0, 0)), QDateTime(QDate(first.year + years, 1, 1), QTime(0, 0)));
    axis->setFormat(QStringLiteral("yyyy"));
    axis->setTickCount(years / step + 1);
}

QFont titleFont()
{
    QFont f = QApplication::font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.1);
    return f;
}

QFont smallFont()
{
    QFont f = QApplication::font();
    f.setPointSizeF(f.pointSizeF() * 0.85);
    return f;
}

QFont axisFont()
{
    QFont f = QApplication::font();
    f.setPointSizeF(f.pointSizeF() * 0.9);
    return f;
}

QString shortPolicyName(const std::string& name)
{
    QString s = QString::fromStdString(name).trimmed();
    static const QRegularExpression parens(QStringLiteral("\\s*\\([^)]*\\)"));
    s.replace(parens, QString());
    // Keep the head of long names: "H20 licences resume with 15% revenue share" -> "H20 licences resume".
    static const QRegularExpression joint(QStringLiteral("\\s+(with|for|in|on|at|of|to|via)\\s+"));
    if (s.size() > 20) {
        auto m = joint.match(s, 8);
        if (m.hasMatch())
            s = s.left(m.capturedStart());
    }
    // Still long: cut at a word boundary, not after a small word ("block the…").
    constexpr int kMax = 36;
    if (s.size() > kMax) {
        static const QRegularExpression weakTail(QStringLiteral("\\s+(the|a|an|of|in|on|at|to|for|with|by|and|or|via)$"),
                                                 QRegularExpression::CaseInsensitiveOption);
        QString head = s.left(kMax - 1);
        const int cut = static_cast<int>(head.lastIndexOf(QLatin1Char(' ')));
        head = cut >= 12 ? head.left(cut) : head;
        for (auto m = weakTail.match(head); m.hasMatch() && m.capturedStart() >= 12; m = weakTail.match(head))
            head = head.left(m.capturedStart());
        s = head + QChar(0x2026);
    }
    return s.isEmpty() ? QString::fromStdString(name) : s;
}

QString compactNumber(double v)
{
    if (!std::isfinite(v))
        return QStringLiteral("n/a");
    const double a = std::abs(v);
    struct Unit {
        double factor;
        const char* suffix;
    };
    static constexpr Unit units[] = {{1e12, "T"}, {1e9, "B"}, {1e6, "M"}, {1e3, "k"}};
    for (const auto& u : units)
        if (a >= u.factor * (1 - 1e-9)) {
            const double x = v / u.factor;
            // One decimal at most, and none when it is zero: 1k, 2.5k, 10k.
            const double r = std::round(x * 10) / 10;
            const QString num = std::abs(r - std::round(r)) < 1e-9 ? QString::number(static_cast<qlonglong>(std::llround(r)))
                                                                   : QString::number(r, 'f', 1);
            return num + QLatin1String(u.suffix);
        }
    if (a == 0)
        return QStringLiteral("0");
    return QString::number(v, 'g', 3);
}

QString formatNumber(double v, int maxDecimals)
{
    if (!std::isfinite(v))
        return QStringLiteral("n/a");
    const double a = std::abs(v);
    int decimals = a >= 100 ? 0 : a >= 10 ? std::min(1, maxDecimals) : maxDecimals;
    return QLocale::system().toString(v, 'f', decimals);
}

} // namespace cp::gui::charts
