#include "app/terminal/terminalpanel.h"

#include "app/terminal/clihost.h"
#include "app/terminal/terminalconsole.h"

#include <QEvent>
#include <QFontMetricsF>
#include <QTabBar>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace fluxolab::app {

TerminalPanel::TerminalPanel(CliHost* host, QWidget* parent) : QWidget(parent), m_host(host) {
    setObjectName(QStringLiteral("terminalPanel"));
    auto* l = new QVBoxLayout(this);
    l->setContentsMargins(0, 0, 0, 0);
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_add = new QToolButton(m_tabs);
    m_add->setObjectName(QStringLiteral("newTerminalTab"));
    m_add->setText(QStringLiteral("+"));
    m_add->setAutoRaise(true);
    m_tabs->setCornerWidget(m_add, Qt::TopRightCorner);
    connect(m_add, &QToolButton::clicked, this, [this] { addConsole(); });
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &TerminalPanel::closeConsole);
    l->addWidget(m_tabs);
    addConsole();
    retranslate();
}

int TerminalPanel::count() const { return m_tabs->count(); }

TerminalConsole* TerminalPanel::console(int index) const { return qobject_cast<TerminalConsole*>(m_tabs->widget(index)); }

TerminalConsole* TerminalPanel::currentConsole() const { return qobject_cast<TerminalConsole*>(m_tabs->currentWidget()); }

TerminalConsole* TerminalPanel::addConsole() {
    auto* c = new TerminalConsole(m_host, m_tabs);
    c->setPointSize(pointSize());
    c->setProperty("terminalNumber", m_next++);
    const int i = m_tabs->addTab(c, QString());
    connect(c, &TerminalConsole::busyChanged, this, &TerminalPanel::retranslate);
    m_tabs->setCurrentIndex(i);
    retranslate();
    c->setFocus();
    return c;
}

void TerminalPanel::closeConsole(int index) {
    if (m_tabs->count() <= 1) return; // always keep one terminal
    QWidget* w = m_tabs->widget(index);
    m_tabs->removeTab(index);
    delete w;
}

TerminalConsole* TerminalPanel::consoleFor(const QString& command, QString* text) {
    // ">line" is input for a running console producer (as the course material shows it).
    const bool producerInput = command.startsWith(QLatin1Char('>'));
    *text = producerInput ? command.mid(1) : command;
    auto fits = [producerInput](TerminalConsole* c) { return c && (producerInput ? c->isProducing() : !c->isBusy()); };
    TerminalConsole* c = currentConsole();
    if (!fits(c)) {
        c = nullptr;
        for (int i = 0; i < count() && !c; ++i)
            if (fits(console(i))) c = console(i);
        if (!c) c = producerInput ? currentConsole() : addConsole();
        m_tabs->setCurrentWidget(c);
    }
    return c;
}

void TerminalPanel::runCommand(const QString& command) {
    QString text;
    TerminalConsole* c = consoleFor(command, &text);
    c->setFocus(Qt::MouseFocusReason);
    c->submit(text);
}

void TerminalPanel::pasteCommand(const QString& command) {
    QString text;
    TerminalConsole* c = consoleFor(command, &text);
    c->setInput(text);
    c->showLineStart();
    c->setFocus();
}

void TerminalPanel::setPresentation(bool on) {
    m_presentation = on;
    applyPointSize();
    QFont f = font();
    f.setPointSizeF(on ? 14 : 10);
    m_tabs->tabBar()->setFont(f);
    m_add->setFont(f);
}

double TerminalPanel::pointSize() const {
    const double preferred = m_presentation ? kPresentationPointSize : kPointSize;
    QFont f(QStringLiteral("DejaVu Sans Mono"));
    f.setStyleHint(QFont::Monospace);
    f.setPointSizeF(preferred);
    const double charW = QFontMetricsF(f).horizontalAdvance(QLatin1Char('M'));
    const double room = width() - 24; // frame and scroll bar
    if (charW <= 0 || room <= 0 || room >= kMinimumColumns * charW) return preferred;
    return std::max(kMinimumPointSize, std::floor(preferred * room / (kMinimumColumns * charW) * 2) / 2);
}

void TerminalPanel::applyPointSize() {
    const double pts = pointSize();
    for (int i = 0; i < count(); ++i)
        if (std::abs(console(i)->font().pointSizeF() - pts) > 0.01) console(i)->setPointSize(pts);
}

void TerminalPanel::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    applyPointSize();
}

void TerminalPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

void TerminalPanel::retranslate() {
    m_add->setToolTip(tr("New terminal tab"));
    for (int i = 0; i < count(); ++i) {
        TerminalConsole* c = console(i);
        const int n = c->property("terminalNumber").toInt();
        m_tabs->setTabText(i, c->isBusy() ? tr("Terminal %1 (running)").arg(n) : tr("Terminal %1").arg(n));
    }
}

} // namespace fluxolab::app
