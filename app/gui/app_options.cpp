#include "app/gui/app_options.hpp"

#include <QCommandLineParser>
#include <QRegularExpression>

namespace cp::gui {

AppOptions parseAppOptions(const QStringList& arguments)
{
    AppOptions o;
    QCommandLineParser p;
    p.setApplicationDescription(QObject::tr(
        "Chokepoint: AI-chip export controls and firms' model capability, explored live.\n"
        "Opens SCENARIO (the bundled baseline by default), simulates it and charts the result.\n"
        "Headless runs, sweeps and Monte Carlo: chokepoint-batch."));
    p.addPositionalArgument(QStringLiteral("scenario"), QObject::tr("Scenario file to open."), QStringLiteral("[SCENARIO]"));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")}, QObject::tr("Show this help."));
    const QCommandLineOption version({QStringLiteral("v"), QStringLiteral("version")}, QObject::tr("Show the version."));
    const QCommandLineOption set(QStringLiteral("set"), QObject::tr("Edit a value after opening, as chokepoint-batch --set (repeatable)."), QStringLiteral("KEY=VALUE"));
    const QCommandLineOption shot(QStringLiteral("screenshot"), QObject::tr("Render the window after the first run to FILE.png and exit."), QStringLiteral("FILE"));
    const QCommandLineOption size(QStringLiteral("size"), QObject::tr("Window size, e.g. 1280x800."), QStringLiteral("WxH"));
    const QCommandLineOption view(QStringLiteral("view"), QObject::tr("Central view: charts or network."), QStringLiteral("VIEW"));
    const QCommandLineOption chart(QStringLiteral("chart"), QObject::tr("Chart tab: 0 capability, 1 gap, 2 compute, 3 chips."), QStringLiteral("N"));
    const QCommandLineOption panel(QStringLiteral("panel"), QObject::tr("Scenario panel page: policies or parameters."), QStringLiteral("PAGE"));
    const QCommandLineOption date(QStringLiteral("date"), QObject::tr("Put the date cursor here (YYYY-MM)."), QStringLiteral("DATE"));
    const QCommandLineOption diff(QStringLiteral("difference"), QObject::tr("Charts show the difference from the reference."));
    const QCommandLineOption ref(QStringLiteral("reference"), QObject::tr("Pin this scenario file as the reference."), QStringLiteral("FILE"));
    const QCommandLineOption noRestore(QStringLiteral("no-restore"), QObject::tr("Do not offer to restore unsaved edits."));
    const QCommandLineOption measure(QStringLiteral("measure"), QObject::tr("Timing harness: make N edits, print timings, exit."), QStringLiteral("N"));
    for (const auto& opt : {help, version, set, shot, size, view, chart, panel, date, diff, ref, noRestore, measure})
        p.addOption(opt);
    o.helpText = p.helpText().replace(QStringLiteral("<executable_name>"), QStringLiteral("chokepoint"));
    if (!p.parse(arguments)) {
        o.error = p.errorText();
        return o;
    }
    o.help = p.isSet(help);
    o.version = p.isSet(version);
    o.sets = p.values(set);
    o.screenshot = p.value(shot);
    o.view = p.value(view);
    o.panel = p.value(panel);
    o.date = p.value(date);
    o.difference = p.isSet(diff);
    o.referencePreset = p.value(ref);
    o.noRestore = p.isSet(noRestore);
    const QStringList positional = p.positionalArguments();
    if (positional.size() > 1)
        o.error = QObject::tr("expected at most one scenario file, found %1").arg(positional.join(QLatin1Char(' ')));
    else if (!positional.isEmpty())
        o.scenario = positional.front();
    for (const QString& s : o.sets)
        if (s.indexOf(QLatin1Char('=')) <= 0)
            o.error = QObject::tr("--set: expected KEY=VALUE (e.g. firms.deepseek.mfu=0.3), found '%1'").arg(s);
    if (p.isSet(size)) {
        static const QRegularExpression re(QStringLiteral("^(\\d{3,5})x(\\d{3,5})$"));
        const auto m = re.match(p.value(size));
        if (m.hasMatch())
            o.size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
        else
            o.error = QObject::tr("--size: expected WxH such as 1280x800, found '%1'").arg(p.value(size));
    }
    if (!o.view.isEmpty() && o.view != QLatin1String("charts") && o.view != QLatin1String("network"))
        o.error = QObject::tr("--view: expected charts or network, found '%1'").arg(o.view);
    if (!o.panel.isEmpty() && o.panel != QLatin1String("policies") && o.panel != QLatin1String("parameters"))
        o.error = QObject::tr("--panel: expected policies or parameters, found '%1'").arg(o.panel);
    bool ok = true;
    if (p.isSet(chart)) {
        o.chart = p.value(chart).toInt(&ok);
        if (!ok || o.chart < 0)
            o.error = QObject::tr("--chart: expected a tab number, found '%1'").arg(p.value(chart));
    }
    if (p.isSet(measure)) {
        o.measure = p.value(measure).toInt(&ok);
        if (!ok || o.measure <= 0)
            o.error = QObject::tr("--measure: expected a number of edits, found '%1'").arg(p.value(measure));
    }
    return o;
}

bool haveDisplay()
{
    const QString platform = qEnvironmentVariable("QT_QPA_PLATFORM");
    if (platform.startsWith(QLatin1String("offscreen")) || platform.startsWith(QLatin1String("minimal")) ||
        platform.startsWith(QLatin1String("vnc")) || platform.startsWith(QLatin1String("eglfs")) ||
        platform.startsWith(QLatin1String("linuxfb")))
        return true;
    return !qEnvironmentVariableIsEmpty("DISPLAY") || !qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY");
}

QString noDisplayHint()
{
    return QObject::tr(
        "chokepoint: no display found (DISPLAY and WAYLAND_DISPLAY are not set).\n"
        "For headless runs use the batch tool, e.g.\n"
        "  chokepoint-batch run scenarios/baseline.yaml --out results/\n"
        "or render the window to an image: chokepoint --screenshot window.png\n"
        "(or set QT_QPA_PLATFORM=offscreen).");
}

} // namespace cp::gui
