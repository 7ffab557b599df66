// Every question and message the window puts to the user goes through this interface, so
// tests can answer without a modal dialog blocking them (and check what was said).
#pragma once

#include "sim/scenario/errors.hpp"

#include <QString>

class QWidget;

namespace cp::gui {

class Prompts {
public:
    enum class SaveChoice { Save, Discard, Cancel };

    virtual ~Prompts() = default;
    virtual void error(QWidget* parent, const QString& title, const QString& text, const QString& details = {}) = 0;
    virtual void information(QWidget* parent, const QString& title, const QString& text,
                             const QString& details = {}) = 0;
    /// A longer text shown in a fixed-width font (e.g. the Monte Carlo summary table).
    virtual void report(QWidget* parent, const QString& title, const QString& intro, const QString& text) = 0;
    virtual SaveChoice askSaveChanges(QWidget* parent, const QString& documentName) = 0;
    virtual bool askYesNo(QWidget* parent, const QString& title, const QString& text) = 0;
    /// File dialogs; an empty string means the user cancelled.
    virtual QString openFileName(QWidget* parent, const QString& caption, const QString& dir, const QString& filter) = 0;
    virtual QString saveFileName(QWidget* parent, const QString& caption, const QString& path, const QString& filter) = 0;
    virtual QString directory(QWidget* parent, const QString& caption, const QString& dir) = 0;
};

/// The real thing: QMessageBox and QFileDialog.
class DialogPrompts : public Prompts {
public:
    void error(QWidget* parent, const QString& title, const QString& text, const QString& details) override;
    void information(QWidget* parent, const QString& title, const QString& text, const QString& details) override;
    void report(QWidget* parent, const QString& title, const QString& intro, const QString& text) override;
    SaveChoice askSaveChanges(QWidget* parent, const QString& documentName) override;
    bool askYesNo(QWidget* parent, const QString& title, const QString& text) override;
    QString openFileName(QWidget* parent, const QString& caption, const QString& dir, const QString& filter) override;
    QString saveFileName(QWidget* parent, const QString& caption, const QString& path, const QString& filter) override;
    QString directory(QWidget* parent, const QString& caption, const QString& dir) override;
};

/// For unattended runs (--screenshot, --measure): messages go to stderr, questions get the
/// cautious answer (cancel, no), and nothing waits for a user.
class ConsolePrompts : public Prompts {
public:
    void error(QWidget* parent, const QString& title, const QString& text, const QString& details) override;
    void information(QWidget* parent, const QString& title, const QString& text, const QString& details) override;
    void report(QWidget* parent, const QString& title, const QString& intro, const QString& text) override;
    SaveChoice askSaveChanges(QWidget*, const QString&) override { return SaveChoice::Cancel; }
    bool askYesNo(QWidget*, const QString&, const QString&) override { return false; }
    QString openFileName(QWidget*, const QString&, const QString&, const QString&) override { return {}; }
    QString saveFileName(QWidget*, const QString&, const QString&, const QString&) override { return {}; }
    QString directory(QWidget*, const QString&, const QString&) override { return {}; }
};

/// A bad scenario file in words: "baseline.yaml, line 12, column 5, key policies.x.from:
/// ..." per problem (text), and the compiler-style lines (details).
struct ErrorReport {
    QString text;
    QString details;
};
[[nodiscard]] ErrorReport describeScenarioError(const scenario::ScenarioError& error);

} // namespace cp::gui
