// The "Parameters" page of the scenario panel: the scenario's numeric parameters as rows of
// slider + spin box, grouped (policies, production, firms, ...), filtered by a search box and
// by "key uncertain parameters / changed / all". Edits go to the document as overrides.
#pragma once

#include <QWidget>

#include <map>
#include <string>

class QComboBox;
class QLabel;
class QLineEdit;
class QVBoxLayout;

namespace cp::gui {

class ParamRow;
class ScenarioDocument;

class ParamEditor : public QWidget {
    Q_OBJECT
public:
    enum class Show { Key, Changed, All };

    explicit ParamEditor(ScenarioDocument* document, QWidget* parent = nullptr);

    void setShow(Show show);
    void setSearchText(const QString& text);
    [[nodiscard]] ParamRow* row(const std::string& path) const;
    [[nodiscard]] int visibleRowCount() const;

private:
    void rebuild();
    void refresh(const std::string& path);
    void applyFilter();

    ScenarioDocument* m_document; // not owned
    QComboBox* m_show = nullptr;
    QLineEdit* m_search = nullptr;
    QVBoxLayout* m_rows = nullptr;
    QLabel* m_empty = nullptr;
    std::map<std::string, ParamRow*> m_byPath;
    std::map<QString, QLabel*> m_headers;       ///< by group
    std::map<QString, QLabel*> m_entityHeaders; ///< by group + entity
};

} // namespace cp::gui
