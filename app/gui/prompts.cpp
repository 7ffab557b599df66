#include "app/gui/prompts.hpp"

#include "app/gui/plural.hpp"
#include "app/gui/run_types.hpp"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>
#include <QFileInfo>
#include <QMessageBox>

#include <cstdio>

namespace cp::gui {

namespace {
void show(QWidget* parent, QMessageBox::Icon icon, const QString& title, const QString& text, const QString& details)
{
    QMessageBox box(icon, title, text, QMessageBox::Ok, parent);
    box.setTextFormat(Qt::PlainText);
    if (!details.isEmpty())
        box.setDetailedText(details);
    box.exec();
}
} // namespace

void DialogPrompts::error(QWidget* parent, const QString& title, const QString& text, const QString& details)
{
    show(parent, QMessageBox::Warning, title, text, details);
}

void DialogPrompts::information(QWidget* parent, const QString& title, const QString& text, const QString& details)
{
    show(parent, QMessageBox::Information, title, text, details);
}

void DialogPrompts::report(QWidget* parent, const QString& title, const QString& intro, const QString& text)
{
    QDialog dialog(parent);
    dialog.setWindowTitle(title);
    auto* layout = new QVBoxLayout(&dialog);
    auto* label = new QLabel(intro, &dialog);
    label->setWordWrap(true);
    auto* view = new QPlainTextEdit(text, &dialog);
    view->setReadOnly(true);
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(label);
    layout->addWidget(view, 1);
    layout->addWidget(buttons);
    dialog.resize(760, 480);
    dialog.exec();
}

Prompts::SaveChoice DialogPrompts::askSaveChanges(QWidget* parent, const QString& documentName)
{
    const auto answer = QMessageBox::warning(
        parent, QObject::tr("Unsaved changes"),
        QObject::tr("Save the changes to %1 before closing it?\nWithout saving, your edits are lost.").arg(documentName),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
    if (answer == QMessageBox::Save)
        return SaveChoice::Save;
    return answer == QMessageBox::Discard ? SaveChoice::Discard : SaveChoice::Cancel;
}

bool DialogPrompts::askYesNo(QWidget* parent, const QString& title, const QString& text)
{
    return QMessageBox::question(parent, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes) ==
           QMessageBox::Yes;
}

QString DialogPrompts::openFileName(QWidget* parent, const QString& caption, const QString& dir, const QString& filter)
{
    return QFileDialog::getOpenFileName(parent, caption, dir, filter);
}

QString DialogPrompts::saveFileName(QWidget* parent, const QString& caption, const QString& path, const QString& filter)
{
    return QFileDialog::getSaveFileName(parent, caption, path, filter);
}

QString DialogPrompts::directory(QWidget* parent, const QString& caption, const QString& dir)
{
    return QFileDialog::getExistingDirectory(parent, caption, dir);
}

void ConsolePrompts::error(QWidget*, const QString& title, const QString& text, const QString& details)
{
    std::fprintf(stderr, "chokepoint: %s\n%s\n%s%s", qPrintable(title), qPrintable(text), qPrintable(details),
                 details.isEmpty() ? "" : "\n");
}

void ConsolePrompts::information(QWidget*, const QString& title, const QString& text, const QString& details)
{
    std::fprintf(stderr, "chokepoint: %s\n%s\n%s", qPrintable(title), qPrintable(text), qPrintable(details));
}

void ConsolePrompts::report(QWidget*, const QString& title, const QString& intro, const QString& text)
{
    std::fprintf(stderr, "%s\n%s\n%s\n", qPrintable(title), qPrintable(intro), qPrintable(text));
}

ErrorReport describeScenarioError(const scenario::ScenarioError& error)
{
    QStringList lines;
    for (const auto& d : error.diagnostics()) {
        if (d.severity == scenario::Diagnostic::Severity::Note)
            continue;
        QString where = QFileInfo(QString::fromStdString(d.file)).fileName();
        if (d.file.rfind("--set", 0) == 0)
            where = QObject::tr("the edit %1").arg(QString::fromStdString(d.file.substr(6)));
        if (d.line > 0)
            where += QObject::tr(", line %1, column %2").arg(d.line).arg(d.column);
        if (!d.keyPath.empty())
            where += QObject::tr(", key %1").arg(QString::fromStdString(d.keyPath));
        lines << QStringLiteral("• %1: %2").arg(where, QString::fromStdString(d.message));
    }
    const int n = static_cast<int>(lines.size());
    return {QObject::tr("The scenario has %1:").arg(countOf(n, QObject::tr("problem"), QObject::tr("problems"))) +
                QLatin1Char('\n') + lines.join(QLatin1Char('\n')),
            diagnosticLines(error.diagnostics()).join(QLatin1Char('\n'))};
}

} // namespace cp::gui
