// The `chokepoint` executable itself: --screenshot renders the window to a PNG and exits, a
// bad scenario fails cleanly, and without a display it points to chokepoint-batch.
#include "test_support.hpp"

#include <QImage>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <gtest/gtest.h>

using namespace cp::gui::test;

namespace {

struct AppRun {
    int exitCode = -1;
    QString out, err;
};

AppRun runApp(const QStringList& args, const QProcessEnvironment& env)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(CHOKEPOINT_GUI_EXE), args);
    AppRun r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromLocal8Bit(p.readAllStandardOutput());
    r.err = QString::fromLocal8Bit(p.readAllStandardError());
    return r;
}

QProcessEnvironment offscreen(const QTemporaryDir& home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("QT_QPA_PLATFORM", "offscreen");
    env.insert("HOME", home.path()); // no settings or recovery files of the user's
    env.insert("XDG_CONFIG_HOME", home.filePath("config"));
    env.insert("XDG_DATA_HOME", home.filePath("data"));
    return env;
}

} // namespace

TEST(CommandLine, ScreenshotWritesAPngOfTheRequestedSize)
{
    QTemporaryDir dir;
    const AppRun r = runApp({"--screenshot", dir.filePath("shot.png"), "--size", "1024x700", baselinePath()}, offscreen(dir));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    const QImage image(dir.filePath("shot.png"));
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(1024, 700));
}

TEST(CommandLine, TheTimingHarnessEditsDragsReportsAndExits)
{
    QTemporaryDir dir;
    const AppRun r = runApp({"--no-restore", "--measure", "3", baselinePath()}, offscreen(dir));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_TRUE(r.out.contains("3 edits, edit -> redrawn charts")) << r.out.toStdString();
    // The drag ends once its last move's run is drawn: 60 moves, so 1 to 60 redraws.
    const QRegularExpression drag(QStringLiteral("drag, 60 moves .* charts redrawn (\\d+) times"));
    const auto m = drag.match(r.out);
    ASSERT_TRUE(m.hasMatch()) << r.out.toStdString();
    EXPECT_GE(m.captured(1).toInt(), 1);
    EXPECT_LE(m.captured(1).toInt(), 60);
}

TEST(CommandLine, ScreenshotOfTheNetworkViewWithEditsAndAReference)
{
    QTemporaryDir dir;
    const AppRun r = runApp({"--screenshot", dir.filePath("net.png"), "--view", "network", "--date", "2025-06", "--set",
                          "policies.us-diffusion-rule.enabled=true", "--reference", scenariosDir() + "/baseline.yaml"},
                         offscreen(dir));
    ASSERT_EQ(r.exitCode, 0) << r.err.toStdString();
    EXPECT_FALSE(QImage(dir.filePath("net.png")).isNull());
}

TEST(CommandLine, ABadScenarioFailsWithFileLineAndKey)
{
    QTemporaryDir dir;
    writeFile(dir.filePath("bad.yaml"), "schema: 1\nrun:\n  start: 2022-01-01\n  end: 2021-01-01\n");
    const AppRun r = runApp({"--screenshot", dir.filePath("x.png"), dir.filePath("bad.yaml")}, offscreen(dir));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("bad.yaml")) << r.err.toStdString();
    EXPECT_TRUE(r.err.contains("line")) << r.err.toStdString();
    EXPECT_FALSE(QFileInfo::exists(dir.filePath("x.png")));
}

TEST(CommandLine, WithoutADisplayItPointsToTheBatchTool)
{
    QTemporaryDir dir;
    QProcessEnvironment env = offscreen(dir);
    env.remove("QT_QPA_PLATFORM");
    env.remove("DISPLAY");
    env.remove("WAYLAND_DISPLAY");
    const AppRun r = runApp({baselinePath()}, env);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(r.err.contains("chokepoint-batch run")) << r.err.toStdString();
}

TEST(CommandLine, VersionAndHelpNeedNoDisplay)
{
    QTemporaryDir dir;
    QProcessEnvironment env = offscreen(dir);
    env.remove("QT_QPA_PLATFORM");
    env.remove("DISPLAY");
    const AppRun v = runApp({"--version"}, env);
    EXPECT_EQ(v.exitCode, 0);
    EXPECT_TRUE(v.out.startsWith("chokepoint " CHOKEPOINT_VERSION));
    const AppRun h = runApp({"--help"}, env);
    EXPECT_EQ(h.exitCode, 0);
    EXPECT_TRUE(h.out.contains("--screenshot"));
}
