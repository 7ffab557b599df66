// Values and tooltips of parameter controls (see param_catalog.hpp).
#include "app/gui/param_catalog.hpp"

#include "app/gui/yaml_text.hpp"

#include <QFileInfo>
#include <QObject>
#include <QStringList>

#include <cmath>

namespace cp::gui {
namespace {

double roundSignificant(double v, int digits)
{
    if (v == 0 || !std::isfinite(v))
        return v;
    const double scale = std::pow(10.0, digits - std::ceil(std::log10(std::fabs(v))));
    return std::round(v * scale) / scale;
}

double peakOf(const scenario::Schedule& s)
{
    double peak = 0;
    for (const auto& pt : s.points)
        peak = std::max(peak, pt.second);
    return peak;
}

QString number(double v)
{
    return QString::fromStdString(yaml::formatNumber(roundSignificant(v, 6)));
}

QString distText(const scenario::Distribution& d)
{
    using Kind = scenario::Distribution::Kind;
    switch (d.kind) {
    case Kind::Uniform: return QObject::tr("uniform %1 to %2").arg(number(d.a), number(d.b));
    case Kind::Triangular: return QObject::tr("triangular %1 to %2").arg(number(d.a), number(d.b));
    case Kind::Normal: return QObject::tr("normal, mean %1, sd %2").arg(number(d.a), number(d.b));
    case Kind::LogNormal: return QObject::tr("log-normal, mu %1, sigma %2").arg(number(d.a), number(d.b));
    case Kind::None: break;
    }
    return {};
}

} // namespace

std::optional<std::string> overrideFor(const ParamControl& c, double value)
{
    if (!c.scheduleFactor) {
        const std::string text = yaml::formatNumber(value);
        return text == yaml::formatNumber(c.baseValue) ? std::nullopt : std::optional<std::string>(text);
    }
    if (std::fabs(value - 1.0) < 1e-9)
        return std::nullopt;
    std::string points;
    for (const auto& [t, v] : c.schedule.points)
        points += (points.empty() ? "" : ", ") + core::formatDate(t) + ": " +
                  yaml::formatNumber(roundSignificant(v * value, 6));
    std::string text = "{points: {" + points + "}, mode: ";
    text += c.schedule.mode == scenario::Schedule::Mode::Step ? "step" : "linear";
    if (!c.info.source.empty())
        text += ", source: " + yaml::quoteScalar(c.info.source);
    if (c.info.confidence != scenario::Confidence::Unspecified)
        text += std::string(", confidence: ") + scenario::toString(c.info.confidence);
    return text + "}";
}

double controlValue(const ParamControl& c, const std::optional<std::string>& overrideValue)
{
    if (!overrideValue)
        return c.baseValue;
    double v = 0;
    if (yaml::parseNumber(*overrideValue, v))
        return c.scheduleFactor ? NAN : v; // a schedule replaced by a constant: not a factor
    const scenario::YamlNode node = yaml::parseValue(*overrideValue);
    if (!node.isMap())
        return NAN;
    if (!c.scheduleFactor) {
        const auto* value = node.find("value");
        return value && value->isScalar() && yaml::parseNumber(value->scalar, v) ? v : NAN;
    }
    const scenario::YamlNode* points = node.find("points") ? node.find("points") : &node;
    double peak = 0;
    for (const auto& e : points->map)
        if (yaml::parseNumber(e.value.scalar, v))
            peak = std::max(peak, v);
    const double basePeak = peakOf(c.schedule);
    return basePeak > 0 ? roundSignificant(peak / basePeak, 4) : NAN;
}

QString tooltipFor(const ParamControl& c, double current)
{
    const auto esc = [](const QString& s) { return s.toHtmlEscaped(); };
    QString html = QStringLiteral("<b>%1</b><br/><code>%2</code><br/>").arg(esc(c.label()), esc(QString::fromStdString(c.path)));
    const QString unit = esc(QString::fromStdString(c.info.unit));
    if (c.scheduleFactor) {
        html += QObject::tr("A dated schedule (%1), scaled as a whole: now %2 × the scenario's values.<br/>")
                    .arg(unit, number(current));
        QStringList pts;
        for (const auto& [t, v] : c.schedule.points)
            pts << QStringLiteral("%1: %2").arg(QString::fromStdString(core::formatDate(t)), number(v));
        html += QObject::tr("Scenario values: %1<br/>").arg(esc(pts.join(QStringLiteral(", "))));
    } else {
        html += QObject::tr("Value: %1 %2 (scenario: %3)<br/>").arg(number(current), unit, number(c.baseValue));
    }
    if (c.validMax < 1e299)
        html += QObject::tr("Valid range: %1 to %2<br/>").arg(number(c.validMin), number(c.validMax));
    if (c.info.dist.kind != scenario::Distribution::Kind::None)
        html += (c.info.scheduleFactor ? QObject::tr("Uncertainty (Monte Carlo): a factor on every point, %1<br/>")
                                       : QObject::tr("Uncertainty (Monte Carlo): %1<br/>"))
                    .arg(esc(distText(c.info.dist)));
    html += QObject::tr("Source: %1").arg(c.info.source.empty() ? QObject::tr("<i>none given</i>")
                                                                 : esc(QString::fromStdString(c.info.source)));
    if (c.info.confidence != scenario::Confidence::Unspecified)
        html += QObject::tr(" (%1)").arg(QString::fromUtf8(scenario::toString(c.info.confidence)));
    if (!c.info.file.empty())
        html += QObject::tr("<br/>Set in %1, line %2")
                    .arg(esc(QFileInfo(QString::fromStdString(c.info.file)).fileName()))
                    .arg(c.info.line);
    return html;
}

} // namespace cp::gui
