// A strip above the charts that says, without a modal dialog, why the last edit could not be
// simulated (e.g. a policy that ends before it starts), with a button to undo that edit. The
// charts keep showing the last valid run meanwhile.
#pragma once

#include <QFrame>

class QLabel;
class QPushButton;

namespace cp::gui {

class ErrorBanner : public QFrame {
    Q_OBJECT
public:
    explicit ErrorBanner(QWidget* parent = nullptr);

    void showProblems(const QStringList& diagnostics);
    [[nodiscard]] QString text() const;

signals:
    void undoRequested();

private:
    QLabel* m_text = nullptr;
    QPushButton* m_undo = nullptr;
};

} // namespace cp::gui
