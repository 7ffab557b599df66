#include "app/gui/about_dialog.hpp"

#include "app/gui/app_paths.hpp"

#include <QMessageBox>

namespace cp::gui {

QString aboutHtml()
{
    return QObject::tr(
               "<h3>Chokepoint %1</h3>"
               "<p>A simulator of compute geopolitics: who can get which AI chips, where, under which "
               "export rules, and what that does to each firm's frontier-model capability, 2022-2027.</p>"
               "<p><b>Data sources.</b> Every value in a scenario file cites its source; hover a control "
               "to read it. The bundled scenarios draw on the project's sourced reference notes "
               "(<i>shared/domain</i>), compiled from public reporting and data:</p>"
               "<ul>"
               "<li>Epoch AI: AI Models database, AI chip counts, Epoch Capabilities Index, hardware prices "
               "(CC-BY)</li>"
               "<li>SemiAnalysis: H20 volumes, Huawei Ascend production, HBM supply, cluster estimates</li>"
               "<li>Financial Times, Reuters, Bloomberg, The Wall Street Journal: offshore leasing in "
               "Singapore and Malaysia, Chinese purchase guidance, the H200 decisions</li>"
               "<li>US Bureau of Industry and Security (Federal Register rules of Oct 2022, Oct 2023, "
               "Jan 2025, Jan 2026) and Department of Justice smuggling cases</li>"
               "<li>China's MIIT and CAC notices; Malaysia's MITI permit directive</li>"
               "<li>TrendForce (chip prices), Moody's and JLL (data-centre capacity), GPU rental price "
               "indices</li>"
               "</ul>"
               "<p>Values the sources do not give are marked <i>assumption</i> in the files, with the "
               "reason. Built with Qt %2, Boost.Graph and yaml-cpp. Headless runs: "
               "<code>chokepoint-batch</code>.</p>")
        .arg(versionString(), QString::fromLatin1(qVersion()));
}

void showAbout(QWidget* parent)
{
    QMessageBox::about(parent, QObject::tr("About Chokepoint"), aboutHtml());
}

} // namespace cp::gui
