// Help > About: version, what the model is, and the public data sources its scenario values
// cite (each value names its own source; hover a control to read it).
#pragma once

#include <QString>

class QWidget;

namespace cp::gui {

[[nodiscard]] QString aboutHtml();
void showAbout(QWidget* parent);

} // namespace cp::gui
