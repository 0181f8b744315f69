#pragma once
// The terminal panel: several TerminalConsole tabs over the shared CliHost (a producer in one,
// a consumer in another, as in class), a "+" button for a new tab.

#include <QWidget>

class QTabWidget;
class QToolButton;

namespace fluxolab::app {

class CliHost;
class TerminalConsole;

class TerminalPanel : public QWidget {
    Q_OBJECT
public:
    explicit TerminalPanel(CliHost* host, QWidget* parent = nullptr);

    CliHost* host() const { return m_host; }
    int count() const;
    TerminalConsole* console(int index) const;
    TerminalConsole* currentConsole() const;
    /// Opens a new tab and makes it current.
    TerminalConsole* addConsole();
    /// Puts `command` on the input line of the current tab (a free one if it is busy) and focuses it.
    void pasteCommand(const QString& command);
    /// Runs `command` as if typed and Enter pressed, in the tab pasteCommand would put it in: the
    /// current one if free, else another free one, else a new one ("fluxolab --run"); ">LINE" is a
    /// line for a running console producer.
    void runCommand(const QString& command);
    void setPresentation(bool on);

    static constexpr double kPointSize = 12.0;
    static constexpr double kPresentationPointSize = 20.0;
    /// Columns a terminal keeps at least (a kafka-topics --describe line) when the panel is too narrow
    /// for the preferred font size: the font gets smaller instead (never below kMinimumPointSize).
    static constexpr int kMinimumColumns = 136;
    static constexpr double kMinimumPointSize = 10.0;
    /// The font size the consoles use at the panel's current width.
    double pointSize() const;

protected:
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    /// The tab for `command` (made current) and the text to give it (without a leading '>').
    TerminalConsole* consoleFor(const QString& command, QString* text);
    void retranslate();
    void closeConsole(int index);
    void applyPointSize();

    CliHost* m_host;
    QTabWidget* m_tabs;
    QToolButton* m_add;
    int m_next = 1;
    bool m_presentation = false;
};

} // namespace fluxolab::app
