#include "app/terminal/terminalconsole.h"

#include "app/terminal/clihost.h"
#include "app/core/errortexts.h"
#include "app/core/simulationcontroller.h"
#include "labs/shell/builtins.h"

#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDir>
#include <QFile>
#include <QFontMetricsF>
#include <QKeyEvent>
#include <QMenu>
#include <QMimeData>
#include <QMouseEvent>
#include <QRegularExpression>
#include <QResizeEvent>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTimer>

#include <algorithm>
#include <cmath>

namespace fluxolab::app {

namespace {
const QColor kBackground(0x1d, 0x20, 0x24);
const QColor kText(0xe8, 0xe8, 0xe3);
const QColor kPrompt(0x8a, 0xe2, 0x34);
const QColor kError(0xff, 0x8a, 0x80);
const QColor kNote(0xf5, 0xc2, 0x42);
/// The folded Java trace line: a link-like sky blue, not the teaching notes' italic yellow (what the tool
/// printed is not advice). About 9:1 against kBackground, so it stays legible on a projector.
const QColor kTrace(0x7c, 0xc4, 0xff);
const QColor kSelection(0x3d, 0x5a, 0x80);

const char* const kTools[] = {"kafka-topics.sh",          "kafka-console-producer.sh", "kafka-console-consumer.sh",
                              "kafka-consumer-groups.sh", "kafka-leader-election.sh",  "kafka-configs.sh",
                              "kafka-get-offsets.sh"};
/// The terminal's own commands; the shell built-ins (sleep, echo, kill) come from labs::kBuiltins.
const char* const kTerminalCommands[] = {"clear", "help", "history"};
const char* const kProperties[] = {"parse.key=true",       "key.separator=",        "print.key=true",
                                   "print.value=false",    "print.partition=true",  "print.offset=true",
                                   "print.timestamp=true", "null.marker=",          "ignore.error=true"};
const char* const kGroupProperties[] = {"group.id=", "auto.offset.reset=earliest", "enable.auto.commit=false",
                                        "client.id="};

QString commonPrefix(const QStringList& words) {
    if (words.isEmpty()) return {};
    QString p = words.front();
    for (const QString& w : words) {
        int n = 0;
        while (n < p.size() && n < w.size() && p[n] == w[n]) ++n;
        p.truncate(n);
    }
    return p;
}
} // namespace

TerminalConsole::TerminalConsole(CliHost* host, QWidget* parent)
    : QPlainTextEdit(parent), m_host(host), m_id(host->newConsoleId()) {
    setObjectName(QStringLiteral("terminalConsole"));
    setUndoRedoEnabled(false);
    // Long lines wrap at the view's edge, as a terminal window wraps them: nothing scrolls sideways
    // (a class cannot follow a line that runs off the projector's edge). Prose (the KIP-848 banner,
    // the teaching notes) wraps between words; a word wider than the view breaks where it must. A
    // table's rows get a smaller font so that each row fits one line (fitTables()).
    setLineWrapMode(QPlainTextEdit::WidgetWidth);
    setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setMaximumBlockCount(5000);
    setTabChangesFocus(false);
    setCursorWidth(2);
    QPalette pal = palette();
    pal.setColor(QPalette::Base, kBackground);
    pal.setColor(QPalette::Text, kText);
    pal.setColor(QPalette::Highlight, kSelection);
    pal.setColor(QPalette::HighlightedText, kText);
    setPalette(pal);
    setPointSize(12);
    connect(m_host, &CliHost::tick, this, &TerminalConsole::pump);
    connect(m_host, &CliHost::backendAboutToReset, this, &TerminalConsole::dropSession);
    // A new cluster plays the log the tabs wrote before: this tab's work from now on gets an id
    // of its own, so that a replay never confuses it with a command of the log in the old id.
    connect(m_host, &CliHost::backendReady, this, [this] { m_id = m_host->newConsoleId(); });
    connect(m_host, &CliHost::targetChanged, this, &TerminalConsole::dropSession);
    // As a terminal window does, the view stays on its last line when it is resized (a dock placed,
    // a panel folded, the window resized), unless the user scrolled up: the screenshot path
    // (`--lab --run --screenshot`) showed the prompt cut in half after the docks took their sizes.
    QScrollBar* v = verticalScrollBar();
    connect(v, &QScrollBar::valueChanged, this, [this, v](int value) {
        if (!m_keepingBottom) m_atBottom = value >= v->maximum();
    });
    connect(v, &QScrollBar::rangeChanged, this, [this, v](int, int max) {
        if (!m_atBottom || v->value() == max) return;
        m_keepingBottom = true;
        v->setValue(max);
        m_keepingBottom = false;
    });
    // The viewport's width also changes without a resize of the console (its vertical scroll bar
    // coming and going): the tables are fitted to the width they are drawn in.
    viewport()->installEventFilter(this);
    showPrompt();
}

bool TerminalConsole::eventFilter(QObject* watched, QEvent* event) {
    if (watched == viewport() && event->type() == QEvent::Resize && viewport()->width() != m_fittedWidth) fitTables(0);
    return QPlainTextEdit::eventFilter(watched, event);
}

TerminalConsole::~TerminalConsole() {
    if (m_holding) m_host->releaseClock();
    for (std::size_t i = 0; i < m_jobs.size(); ++i) m_host->releaseClock();
}

void TerminalConsole::setPointSize(double points) {
    QFont f(QStringLiteral("DejaVu Sans Mono"));
    f.setStyleHint(QFont::Monospace);
    f.setPointSizeF(points);
    setFont(f);
    document()->setDefaultFont(f);
    setTabStopDistance(8 * QFontMetricsF(f).horizontalAdvance(QLatin1Char(' '))); // tabs every 8 columns, as in a terminal
    fitTables(0);
}

namespace {
/// A row of a table the Kafka tools print: columns padded with spaces (kafka-consumer-groups.sh
/// --describe) or separated by tabs (kafka-topics.sh --describe).
bool isTableRow(const QTextBlock& b) {
    static const QRegularExpression padded(QStringLiteral("\\S {2,}\\S"));
    if (b.userState() == TerminalConsole::kTraceSummary || b.userState() == TerminalConsole::kTraceLine) return false;
    const QString text = b.text();
    if (text.startsWith(TerminalConsole::prompt())) return false; // a command line, not output
    return text.contains(QLatin1Char('\t')) || padded.match(text).hasMatch();
}

/// A row's layout in a monospace font of advance `charW` with tab stops every `tab` pixels, as a
/// terminal moves its cursor at a tab: to the next stop, never less than a column away. Qt's layout
/// moves a tab to the first stop past the pen, however close: where a smaller table font put a text's
/// end just short of a stop of the terminal's font, "PartitionCount: 3" and "ReplicationFactor" met
/// with no gap. Such a text gets the room to that stop after its last character (letter spacing), and
/// its tab goes on to the next stop.
struct RowLayout {
    qreal width = 0;
    std::vector<std::pair<int, qreal>> spacing; ///< (index of the character before a tab, extra px)
};
RowLayout rowLayout(const QString& text, qreal charW, qreal tab) {
    RowLayout out;
    qreal x = 0;
    for (int i = 0; i < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('\t') || tab <= 0) {
            x += charW;
            continue;
        }
        qreal stop = (std::floor(x / tab) + 1) * tab;
        if (stop - x < 0.9 * charW && i > 0 && text.at(i - 1) != QLatin1Char('\t')) {
            const qreal extra = stop - x + 0.25 * charW; // past the stop, a quarter column clear of rounding
            out.spacing.emplace_back(i - 1, extra);
            x += extra;
            stop += tab;
        }
        x = stop;
    }
    out.width = x;
    return out;
}
qreal rowWidth(const QString& text, qreal charW, qreal tab) {
    return rowLayout(text, charW, tab).width;
}
/// Block property: the point size and tab distance a table row's gaps were laid out for.
constexpr int kRowFitProperty = QTextFormat::UserProperty + 0x7a;
} // namespace

double TerminalConsole::tablePointSize(const QStringList& rows) const {
    const double base = font().pointSizeF();
    const qreal room = viewport()->width() - 2 * document()->documentMargin() - cursorWidth() - 1;
    QFont f = font();
    double size = base;
    for (; size > kTableMinimumPointSize; size -= 0.5) {
        f.setPointSizeF(size);
        const qreal charW = QFontMetricsF(f).horizontalAdvance(QLatin1Char('M'));
        qreal widest = 0;
        for (const QString& row : rows) widest = std::max(widest, rowWidth(row, charW, tabStopDistance()));
        if (widest <= room) return size;
    }
    return kTableMinimumPointSize; // still wider: its rows wrap
}

void TerminalConsole::fitTables(int fromBlock) {
    m_fittedWidth = viewport()->width();
    QTextBlock b = document()->findBlockByNumber(std::clamp(fromBlock, 0, std::max(0, document()->blockCount() - 1)));
    while (b.isValid() && b.previous().isValid() && isTableRow(b.previous())) b = b.previous(); // the table's first row
    const QTextBlock input = document()->findBlock(m_inputStart);
    while (b.isValid() && b != input) {
        if (!isTableRow(b)) {
            b = b.next();
            continue;
        }
        QList<QTextBlock> table;
        QStringList rows;
        for (; b.isValid() && b != input && isTableRow(b); b = b.next()) {
            table << b;
            rows << b.text();
        }
        if (table.size() < 2) continue; // a header and a row at least
        const double size = tablePointSize(rows);
        QFont tableFont = font();
        tableFont.setPointSizeF(size);
        const qreal charW = QFontMetricsF(tableFont).horizontalAdvance(QLatin1Char('M'));
        const QString fit = QStringLiteral("%1/%2").arg(size).arg(tabStopDistance());
        for (const QTextBlock& row : table) {
            bool same = row.blockFormat().property(kRowFitProperty).toString() == fit;
            for (auto it = row.begin(); !it.atEnd() && same; ++it)
                same = std::abs(it.fragment().charFormat().fontPointSize() - size) < 0.01;
            if (same) continue;
            QTextCursor c(row);
            c.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
            QTextCharFormat f;
            f.setFontPointSize(size);
            f.setFontLetterSpacingType(QFont::AbsoluteSpacing);
            f.setFontLetterSpacing(0);
            c.mergeCharFormat(f);
            // Every tab a gap: the room to its stop after the text before it, where it would have none.
            for (const auto& [at, extra] : rowLayout(row.text(), charW, tabStopDistance()).spacing) {
                QTextCursor one(row);
                one.setPosition(row.position() + at);
                one.setPosition(row.position() + at + 1, QTextCursor::KeepAnchor);
                QTextCharFormat spaced;
                spaced.setFontLetterSpacingType(QFont::AbsoluteSpacing);
                spaced.setFontLetterSpacing(extra);
                one.mergeCharFormat(spaced);
            }
            QTextBlockFormat bf = row.blockFormat();
            bf.setProperty(kRowFitProperty, fit);
            QTextCursor(row).setBlockFormat(bf);
        }
    }
}

void TerminalConsole::resizeEvent(QResizeEvent* event) {
    const int before = viewport()->width();
    QPlainTextEdit::resizeEvent(event);
    if (viewport()->width() != before) fitTables(0);
}

QString TerminalConsole::input() const {
    QTextCursor c(document());
    c.setPosition(m_inputStart);
    c.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    QString text = c.selectedText();
    text.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    return text;
}

void TerminalConsole::setInput(const QString& text) {
    QTextCursor c(document());
    c.setPosition(m_inputStart);
    c.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    QTextCharFormat f;
    f.setForeground(kText);
    c.insertText(text, f);
    setTextCursor(c);
    ensureCursorVisible();
    keepPromptInView();
}

void TerminalConsole::keepPromptInView(bool fromStart) {
    if (textCursor().block() != document()->lastBlock()) return; // not on the prompt's line
    QScrollBar* h = horizontalScrollBar();
    // The cursor's right edge in document coordinates, and the room the view has for it.
    const int cursorRight = cursorRect().right() + h->value();
    const int room = viewport()->width() - 2 * static_cast<int>(document()->documentMargin());
    const int want = fromStart ? 0 : std::max(0, cursorRight - room);
    if (h->value() != want) h->setValue(want);
}

bool TerminalConsole::cursorInInput() const {
    const QTextCursor c = textCursor();
    return std::min(c.position(), c.anchor()) >= m_inputStart;
}

void TerminalConsole::moveToEnd() {
    QTextCursor c = textCursor();
    c.movePosition(QTextCursor::End);
    setTextCursor(c);
}

void TerminalConsole::append(const QString& text, Style style) {
    if (text.isEmpty()) return;
    // Output arrives while the user may be typing: keep the typed text after it.
    const QString typed = input();
    QTextCursor c(document());
    c.setPosition(m_inputStart);
    c.movePosition(QTextCursor::End, QTextCursor::KeepAnchor);
    c.removeSelectedText();
    QTextCharFormat f;
    f.setForeground(style == Style::Prompt ? kPrompt : style == Style::Error ? kError : style == Style::Note ? kNote : kText);
    f.setFontItalic(style == Style::Note);
    const int blocksBefore = document()->blockCount();
    const int from = c.blockNumber();
    insertOutput(c, text, f);
    m_inputStart = c.position();
    // The rows just printed, from the first one (the blocks over the 5000-line limit went from the top).
    const int removed = std::max(0, blocksBefore + static_cast<int>(text.count(QLatin1Char('\n'))) - document()->blockCount());
    fitTables(from - removed);
    QTextCharFormat plain;
    plain.setForeground(kText);
    c.insertText(typed, plain);
    setTextCursor(c);
    ensureCursorVisible();
}

namespace {
/// A frame of a Java stack trace: "\tat ..." or "\t... N more".
bool isFrame(const QString& line) {
    static const QRegularExpression more(QStringLiteral("^\\t\\.\\.\\. \\d+ more$"));
    return line.startsWith(QLatin1String("\tat ")) || more.match(line).hasMatch();
}
} // namespace

QString TerminalConsole::traceSummary(int lines, bool open) const {
    return (open ? QStringLiteral("\u25BE ") : QStringLiteral("\u25B8 ")) +
           (open ? tr("Java stack trace (%n line(s)) — click to hide", nullptr, lines)
                 : tr("Java stack trace (%n line(s)) — click to view", nullptr, lines));
}

void TerminalConsole::insertOutput(QTextCursor& c, const QString& text, const QTextCharFormat& f) {
    // A Java stack trace (its "\tat ..." frames and the "Caused by: ..." blocks after them) is
    // folded into one summary line that a click expands; beginners are not buried in it.
    const QStringList lines = text.split(QLatin1Char('\n'));
    int i = 0;
    bool folded = false;
    QString plain;
    auto flushPlain = [&] {
        c.insertText(plain, f);
        plain.clear();
    };
    while (i < lines.size()) {
        // A trace starts at a frame that follows an exception line, and takes the frames and causes after it.
        const bool complete = i + 1 < lines.size(); // the last piece has no '\n' yet
        if (!(complete && isFrame(lines[i]))) {
            plain += lines[i] + (complete ? QStringLiteral("\n") : QString());
            ++i;
            continue;
        }
        int end = i;
        while (end + 1 < lines.size() &&
               (isFrame(lines[end]) || lines[end].startsWith(QLatin1String("Caused by: "))))
            ++end;
        flushPlain();
        if (c.positionInBlock() != 0) c.insertText(QStringLiteral("\n"), f);
        const int count = end - i;
        QTextCharFormat summaryFormat = f;
        summaryFormat.setFontUnderline(true);
        summaryFormat.setFontItalic(false);
        summaryFormat.setForeground(kTrace);
        c.insertText(traceSummary(count, false), summaryFormat);
        c.block().setUserState(kTraceSummary);
        c.insertText(QStringLiteral("\n"), f);
        const int first = c.blockNumber();
        c.insertText(QStringList(lines.mid(i, count)).join(QLatin1Char('\n')) + QLatin1Char('\n'), f);
        for (QTextBlock b = document()->findBlockByNumber(first);
             b.isValid() && b.blockNumber() < c.blockNumber(); b = b.next()) {
            b.setUserState(kTraceLine);
            b.setVisible(false);
        }
        folded = true;
        i = end;
    }
    flushPlain();
    if (folded) document()->markContentsDirty(0, document()->characterCount());
}

void TerminalConsole::toggleTrace(const QTextBlock& summary) {
    if (!summary.isValid() || summary.userState() != kTraceSummary) return;
    int count = 0;
    bool open = false;
    QTextBlock b = summary.next();
    for (; b.isValid() && b.userState() == kTraceLine; b = b.next()) {
        open = !b.isVisible();
        b.setVisible(open);
        ++count;
    }
    // The summary line keeps its length, so the input position does not move.
    QTextCursor c(summary);
    c.movePosition(QTextCursor::EndOfBlock, QTextCursor::KeepAnchor);
    QTextCharFormat f = c.charFormat();
    c.insertText(traceSummary(count, open), f);
    const int from = summary.position();
    const int to = b.isValid() ? b.position() : document()->characterCount();
    m_inputStart += traceSummary(count, open).size() - traceSummary(count, !open).size();
    document()->markContentsDirty(from, to - from);
    viewport()->update();
}

void TerminalConsole::mousePressEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton) {
        const QTextBlock b = cursorForPosition(event->position().toPoint()).block();
        if (b.userState() == kTraceSummary) {
            toggleTrace(b);
            event->accept();
            return;
        }
    }
    QPlainTextEdit::mousePressEvent(event);
}

QMimeData* TerminalConsole::createMimeDataFromSelection() const {
    const QTextCursor sel = textCursor();
    const int from = sel.selectionStart(), to = sel.selectionEnd();
    QString text;
    for (QTextBlock b = document()->findBlock(from); b.isValid() && b.position() <= to; b = b.next()) {
        const int blockEnd = b.position() + b.length() - 1; // before the block's line break
        if (b.userState() != kTraceSummary) {
            const int start = std::max(from, b.position()), end = std::min(to, blockEnd);
            text += b.text().mid(start - b.position(), std::max(0, end - start));
            if (to > blockEnd) text += QLatin1Char('\n');
        }
        if (to <= blockEnd) break;
    }
    auto* data = new QMimeData;
    data->setText(text);
    return data;
}

void TerminalConsole::commitInput() {
    // The typed line becomes part of the transcript; output goes after it.
    moveToEnd();
    m_inputStart = textCursor().position();
    append(QStringLiteral("\n"), Style::Plain);
}

void TerminalConsole::showPrompt(bool continuation) {
    const QString all = document()->toPlainText();
    if (!all.isEmpty() && !all.endsWith(QLatin1Char('\n'))) append(QStringLiteral("\n"), Style::Plain);
    append(continuation ? QStringLiteral("> ") : prompt(), Style::Prompt);
}

bool TerminalConsole::event(QEvent* event) {
    // The terminal's keys win over the window's shortcuts (Space = play, arrows = step, ...).
    if (event->type() == QEvent::ShortcutOverride) {
        auto* k = static_cast<QKeyEvent*>(event);
        const Qt::KeyboardModifiers mods = k->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier | Qt::AltModifier);
        const bool ctrlKey = (mods == Qt::ControlModifier || mods == (Qt::ControlModifier | Qt::ShiftModifier)) &&
                             (k->key() == Qt::Key_C || k->key() == Qt::Key_V || k->key() == Qt::Key_L || k->key() == Qt::Key_D ||
                              k->key() == Qt::Key_A || k->key() == Qt::Key_E || k->key() == Qt::Key_U || k->key() == Qt::Key_W);
        const bool plain = (mods == Qt::NoModifier || mods == Qt::ShiftModifier) && k->key() != Qt::Key_Escape &&
                           (k->key() < Qt::Key_Escape || (k->key() >= Qt::Key_Tab && k->key() <= Qt::Key_PageDown));
        if (ctrlKey || plain) {
            event->accept();
            return true;
        }
    }
    return QPlainTextEdit::event(event);
}

void TerminalConsole::keyPressEvent(QKeyEvent* e) {
    const Qt::KeyboardModifiers mods = e->modifiers() & (Qt::ControlModifier | Qt::ShiftModifier | Qt::AltModifier | Qt::MetaModifier);
    const bool ctrl = mods == Qt::ControlModifier;
    const bool ctrlShift = mods == (Qt::ControlModifier | Qt::ShiftModifier);
    const int key = e->key();
    if ((ctrl && key == Qt::Key_C)) {
        if (textCursor().hasSelection()) copy();
        else interrupt();
        return;
    }
    if (ctrlShift && key == Qt::Key_C) {
        copy();
        return;
    }
    if ((ctrl || ctrlShift) && key == Qt::Key_V) {
        paste();
        keepPromptInView(true);
        return;
    }
    if (ctrl && key == Qt::Key_L) {
        clearScreen();
        return;
    }
    if (ctrl && key == Qt::Key_D) {
        if (m_session && m_session->readsInput() && input().isEmpty()) {
            journal(labs::JournalEvent::Type::EndOfInput);
            m_session->endOfInput();
            if (m_session->settling()) m_ending = true; // its last output and exit code come later
            else finishSession();
        }
        return;
    }
    // Line editing as in bash (readline): Ctrl+A start of the line, Ctrl+E end, Ctrl+U deletes
    // up to the cursor, Ctrl+W deletes the word before the cursor.
    if (ctrl && (key == Qt::Key_A || key == Qt::Key_E)) {
        QTextCursor c = textCursor();
        if (key == Qt::Key_A) c.setPosition(m_inputStart);
        else c.movePosition(QTextCursor::End);
        setTextCursor(c);
        keepPromptInView();
        return;
    }
    if (ctrl && (key == Qt::Key_U || key == Qt::Key_W)) {
        if (m_session && !m_session->readsInput()) return;
        QTextCursor c = textCursor();
        if (!cursorInInput()) c.movePosition(QTextCursor::End);
        c.clearSelection();
        const int end = c.position();
        int start = m_inputStart;
        if (key == Qt::Key_W) {
            const QString typed = input();
            int i = end - m_inputStart;
            while (i > 0 && typed.at(i - 1).isSpace()) --i;
            while (i > 0 && !typed.at(i - 1).isSpace()) --i;
            start = m_inputStart + i;
        }
        c.setPosition(start);
        c.setPosition(end, QTextCursor::KeepAnchor);
        c.removeSelectedText();
        setTextCursor(c);
        keepPromptInView();
        return;
    }
    const bool consumerRunning = m_session && !m_session->readsInput();
    switch (key) {
    case Qt::Key_Return:
    case Qt::Key_Enter: {
        if (consumerRunning) return;
        const QString line = input();
        commitInput();
        m_historyIndex = -1;
        handleLine(line);
        return;
    }
    case Qt::Key_Up:
    case Qt::Key_Down:
        if (mods == Qt::NoModifier && !m_session) {
            historyMove(key == Qt::Key_Up ? -1 : 1);
            return;
        }
        break;
    case Qt::Key_Tab:
        if (!m_session) complete();
        return;
    case Qt::Key_Backtab: return;
    case Qt::Key_Backspace:
        if (!cursorInInput() || (textCursor().position() <= m_inputStart && !textCursor().hasSelection())) {
            if (!cursorInInput()) moveToEnd();
            return;
        }
        break;
    case Qt::Key_Left:
        if (mods == Qt::NoModifier && textCursor().position() <= m_inputStart) return;
        break;
    case Qt::Key_Home:
        if (mods == Qt::NoModifier || mods == Qt::ShiftModifier) {
            QTextCursor c = textCursor();
            c.setPosition(m_inputStart, mods == Qt::ShiftModifier ? QTextCursor::KeepAnchor : QTextCursor::MoveAnchor);
            setTextCursor(c);
            keepPromptInView();
            return;
        }
        break;
    default: break;
    }
    const bool edits = !e->text().isEmpty() && e->text().at(0).isPrint();
    if (edits || key == Qt::Key_Delete) {
        if (consumerRunning) return;
        if (!cursorInInput()) moveToEnd();
    }
    QPlainTextEdit::keyPressEvent(e);
    // Only after a key that edits or moves along the line: a lone Shift or Page Up leaves a wide
    // output line the user scrolled to where it is.
    if (edits || key == Qt::Key_Backspace || key == Qt::Key_Delete || key == Qt::Key_Left || key == Qt::Key_Right ||
        key == Qt::Key_End)
        keepPromptInView();
}

bool TerminalConsole::canInsertFromMimeData(const QMimeData* source) const { return source->hasText(); }

void TerminalConsole::insertFromMimeData(const QMimeData* source) {
    if (!source->hasText() || (m_session && !m_session->readsInput())) return;
    if (!cursorInInput()) moveToEnd();
    QString text = source->text();
    text.remove(QLatin1Char('\r'));
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (int i = 0; i < lines.size(); ++i) {
        if (i + 1 < lines.size()) {
            // Every complete line runs, as in a terminal.
            textCursor().insertText(lines[i]);
            const QString line = input();
            commitInput();
            handleLine(line);
        } else {
            textCursor().insertText(lines[i]);
        }
    }
    // The view scrolls to the cursor after this returns (a paste from the context menu): the
    // command's start, with the prompt, is shown once it has.
    QTimer::singleShot(0, this, [this] { keepPromptInView(true); });
}

void TerminalConsole::contextMenuEvent(QContextMenuEvent* event) {
    QMenu menu(this);
    QAction* c = menu.addAction(tr("Copy (Ctrl+Shift+C)"), this, &QPlainTextEdit::copy);
    c->setEnabled(textCursor().hasSelection());
    menu.addAction(tr("Paste (Ctrl+V)"), this, &QPlainTextEdit::paste);
    menu.addSeparator();
    QAction* i = menu.addAction(tr("Stop the command (Ctrl+C)"), this, &TerminalConsole::interrupt);
    i->setEnabled(m_session != nullptr);
    menu.addAction(tr("Clear (Ctrl+L)"), this, &TerminalConsole::clearScreen);
    menu.exec(event->globalPos());
}

void TerminalConsole::submit(const QString& line) {
    setInput(line);
    commitInput();
    m_historyIndex = -1;
    handleLine(line);
}

void TerminalConsole::handleLine(const QString& line) {
    if (m_session) {
        if (!m_session->readsInput()) return;
        journal(labs::JournalEvent::Type::Input, line);
        m_host->noteTypedInput(m_id, line); // the session's script (compare with the real cluster)
        m_session->inputLine(line.toStdString());
        flush();
        m_host->syncViews();
        if (m_session->finished()) finishSession();
        return;
    }
    if (line.endsWith(QLatin1Char('\\'))) {
        m_pending += line + QLatin1Char('\n');
        showPrompt(true);
        return;
    }
    const QString full = m_pending + line;
    m_pending.clear();
    QString oneLine = full;
    oneLine.replace(QStringLiteral("\\\n"), QString());
    m_host->addTypedLine(oneLine);
    runCommand(full);
}

QString TerminalConsole::unsupportedOperatorText(const labs::ShellParseError& e) {
    using K = labs::ShellOperatorKind;
    QString what;
    switch (e.kind) {
    case K::Pipe: what = tr("a pipe"); break;
    case K::Redirection: what = tr("an output redirection"); break;
    case K::List: what = tr("a command list"); break;
    case K::Substitution: what = tr("a command substitution"); break;
    }
    const QString op = QString::fromStdString(labs::shellOperatorShown(e));
    //: %1: the shell operator as typed (|, >, &&, `...`, $(...)); %2: what it does in bash ("a pipe").
    return tr("FluxoLab's terminal is not bash and does not run %1 (%2): it runs one command per line. Type each "
              "command on its own line, without |, >, >>, ;, &&, ||, `...` or $(...); only < file, <<EOF and a "
              "trailing & work here.")
        .arg(op, what);
}

void TerminalConsole::runCommand(const QString& text) {
    if (text.trimmed().isEmpty()) {
        showPrompt();
        return;
    }
    const labs::ParsedScript parsed = labs::parseScript(text.toStdString());
    if (parsed.error) {
        // bash's own syntax errors are bash's; an operator bash runs but this shell does not is
        // FluxoLab's limit, said only as its note (real bash never prints "unsupported operator").
        if (parsed.error->unsupported) {
            append(QStringLiteral("# %1\n").arg(unsupportedOperatorText(*parsed.error)), Style::Note);
        } else {
            append(QStringLiteral("bash: %1\n").arg(QString::fromStdString(parsed.error->message)), Style::Error);
            append(QStringLiteral("# %1\n").arg(QString::fromUtf8(
                       labs::noteText(labs::NoteId::ShellSyntax, CliHost::noteLanguage()).data())),
                   Style::Note);
        }
        labs::HistoryEntry h;
        h.kind = "shell-error";
        h.exit_code = 2;
        if (m_host->hasCluster()) h.at_ms = m_host->nowMs();
        m_host->recordBuiltin(m_id, std::move(h));
        showPrompt();
        return;
    }
    if (parsed.commands.empty()) {
        showPrompt();
        return;
    }
    const labs::ShellCommand& cmd = parsed.commands.front();
    const QString name = QString::fromStdString(cmd.argv.front());
    labs::HistoryEntry h;
    h.argv = cmd.argv;
    m_host->beginPiece(); // where a replay of the terminal's log would run it
    if (m_host->hasCluster()) h.at_ms = m_host->nowMs();
    if (name == QStringLiteral("clear")) {
        clearScreen();
        return;
    }
    if (name == QStringLiteral("history")) {
        const QStringList& lines = m_host->typedLines();
        QString out;
        for (int i = 0; i < lines.size(); ++i) out += QStringLiteral("%1  %2\n").arg(i + 1, 5).arg(lines[i]);
        append(out, Style::Plain);
        showPrompt();
        return;
    }
    if (name == QStringLiteral("help")) {
        append(tr("Kafka tools: kafka-topics.sh, kafka-console-producer.sh, kafka-console-consumer.sh, "
                  "kafka-consumer-groups.sh, kafka-leader-election.sh, kafka-configs.sh, kafka-get-offsets.sh (with "
                  "or without bin/).\n"
                  "Stream engine: fluxolab-cli replay TRACE ... (fluxolab-cli replay --help lists the options).\n"
                  "Keys: Tab completes, ↑/↓ history, Ctrl+C stops a consumer or producer, Ctrl+D ends the "
                  "producer's input, Ctrl+L clears, Ctrl+Shift+C / Ctrl+V copy and paste.\n"
                  "Open another tab (+) to run a producer and a consumer side by side.\n"),
               Style::Plain);
        showPrompt();
        return;
    }
    // The session's script (compare with the real cluster): Kafka commands, sleep and echo (`kill %N`
    // names this tab's jobs, which a script has not).
    if (labs::builtinNamed(cmd.argv.front()) != labs::Builtin::Kill) m_host->noteTypedCommand(m_id, text);
    if (const auto builtin = labs::builtinNamed(cmd.argv.front())) {
        if (*builtin == labs::Builtin::Sleep && !m_host->hasCluster()) {
            append(tr("No cluster is loaded: open a scenario or a lab first.") + QLatin1Char('\n'), Style::Error);
            showPrompt();
            return;
        }
        // The same built-ins as fluxolab-cli script (labs/shell/builtins.h); `kill %N` stops this
        // tab's background job N.
        const labs::BuiltinOutcome o = labs::runBuiltin(*builtin, cmd.argv, [this](int n) { return killJob(n); });
        if (!o.out.empty()) append(QString::fromStdString(o.out), Style::Plain);
        if (!o.err.empty()) append(QString::fromStdString(o.err), Style::Error);
        if (*builtin == labs::Builtin::Sleep && o.exit_code == 0) m_host->tickNow(o.advance_ms);
        h.kind = labs::builtinName(*builtin);
        h.exit_code = o.exit_code;
        m_host->recordBuiltin(m_id, std::move(h));
        showPrompt();
        return;
    }
    if (!m_host->hasCluster()) {
        append(tr("No cluster is loaded: open a scenario or a lab first.") + QLatin1Char('\n'), Style::Error);
        showPrompt();
        return;
    }

    // Input from a here-document or a file is not a terminal: no prompts (System.console() is null).
    m_session = m_host->start(cmd.argv, !cmd.heredoc && !cmd.input_file);
    m_entry = h;
    m_recorded = false;
    m_notesShown = 0;
    if (m_session->settling()) {
        // On a real cluster the command starts on the worker thread: the rest when it reports.
        m_startingCommand = cmd;
        waitWhileSettling();
        return;
    }
    commandStarted(cmd);
}

bool TerminalConsole::waitWhileSettling() {
    if (!m_session || !m_session->settling()) return false;
    if (!m_holding) {
        m_holding = true;
        m_host->holdClock(); // its ticks pump the session
    }
    Q_EMIT busyChanged(true);
    return true;
}

void TerminalConsole::commandStarted(const labs::ShellCommand& cmd) {
    if (m_holding) {
        // The wait for the start is over (real cluster): held again below if the command runs on.
        m_holding = false;
        m_host->releaseClock();
        Q_EMIT busyChanged(false);
    }
    m_entry.kind = labs::commandKindName(m_session->kind());
    // Journaled with its input, so that a lab's cluster can be rebuilt by replaying it. A background
    // job (`command &`) is journaled as if it ran in a tab of its own.
    labs::JournalEvent start;
    start.type = labs::JournalEvent::Type::Start;
    start.tab = cmd.background ? m_host->newConsoleId() : m_id;
    start.at_ms = m_entry.at_ms;
    start.argv = cmd.argv;
    if (m_session->readsInput() && cmd.background && !cmd.heredoc && !cmd.input_file) {
        // A background job does not read the terminal: its input ends at once (as in fluxolab-cli script).
        start.input.emplace();
        m_host->journal(std::move(start));
        m_session->endOfInput();
    } else if (m_session->readsInput() && (cmd.heredoc || cmd.input_file)) {
        QString inputText;
        if (cmd.heredoc) {
            inputText = QString::fromStdString(*cmd.heredoc);
        } else {
            QFile f(QDir::current().absoluteFilePath(QString::fromStdString(*cmd.input_file)));
            if (!f.open(QIODevice::ReadOnly)) {
                start.failed = true;
                m_host->journal(std::move(start));
                append(QStringLiteral("bash: %1: No such file or directory\n").arg(QString::fromStdString(*cmd.input_file)), Style::Error);
                m_session->interrupt();
                m_session->takeOutput();
                m_session.reset();
                m_entry.exit_code = 1;
                m_host->record(m_entry);
                m_host->syncViews();
                showPrompt();
                return;
            }
            inputText = QString::fromUtf8(f.readAll());
        }
        inputText.remove(QLatin1Char('\r'));
        QStringList lines = inputText.split(QLatin1Char('\n'));
        if (!lines.isEmpty() && lines.back().isEmpty()) lines.removeLast();
        start.input.emplace();
        for (const QString& l : lines) start.input->push_back(l.toStdString());
        m_host->journal(std::move(start));
        for (const QString& l : lines) {
            if (m_session->finished()) break;
            m_session->inputLine(l.toStdString());
        }
        m_session->endOfInput();
    } else {
        m_host->journal(std::move(start));
    }
    if (cmd.background && !m_session->finished()) {
        // The shell prints "[N] PID" when it starts the job, before anything the job writes; the
        // prompt comes back at once.
        const int number = m_nextJob++;
        append(QStringLiteral("[%1] %2\n").arg(number).arg(4000 + number), Style::Plain);
        Job job{number, start.tab, std::move(m_session), 0};
        flushSession(*job.session, job.notes_shown);
        m_host->syncViews();
        m_entry.notes = job.session->notes();
        m_host->record(m_entry);
        if (job.session->finished()) {
            m_host->commandEnded();
        } else {
            m_host->holdClock();
            m_jobs.push_back(std::move(job));
        }
        showPrompt();
        Q_EMIT commandFinished();
        return;
    }
    flush();
    m_host->syncViews();
    if (m_session->finished()) {
        finishSession();
        return;
    }
    if (m_session->settling()) {
        // Its input was given all at once (a here-document) and ends on the worker thread.
        m_ending = true;
        waitWhileSettling();
        return;
    }
    // Runs until Ctrl+C (or end of input): counts for the lab checks from now on, as a job in
    // another terminal would.
    m_entry.notes = m_session->notes();
    m_entry.output = m_session->recordedOutput();
    m_host->record(m_entry);
    m_recorded = true;
    if (!m_holding) m_host->holdClock();
    m_holding = true;
    Q_EMIT busyChanged(true);
}

void TerminalConsole::flush() {
    if (m_session) flushSession(*m_session, m_notesShown);
}

void TerminalConsole::flushSession(labs::CommandSession& s, std::size_t& notesShown) {
    std::vector<labs::OutputChunk> chunks = s.takeOutput();
    const auto& notes = s.notes();
    // The producer's '>' prompt comes after whatever note its last line caused.
    std::optional<labs::OutputChunk> trailingPrompt;
    if (notes.size() > notesShown && !chunks.empty() && chunks.back().text == ">") {
        trailingPrompt = chunks.back();
        chunks.pop_back();
    }
    for (const auto& c : chunks) {
        // fluxolab-cli's own refusals in the UI's language (the Kafka tools print Kafka's English).
        if (c.replayError) {
            append(ErrorTexts::replayError(*c.replayError) + QLatin1Char('\n'), Style::Error);
            continue;
        }
        append(QString::fromStdString(c.text), c.stream == labs::OutStream::Err ? Style::Error : Style::Plain);
    }
    for (; notesShown < notes.size(); ++notesShown) {
        const QString all = document()->toPlainText();
        if (!all.isEmpty() && !all.endsWith(QLatin1Char('\n'))) append(QStringLiteral("\n"), Style::Plain);
        append(QStringLiteral("# %1\n").arg(QString::fromUtf8(labs::noteText(notes[notesShown], CliHost::noteLanguage()).data())),
               Style::Note);
    }
    if (trailingPrompt) append(QString::fromStdString(trailingPrompt->text), Style::Plain);
}

void TerminalConsole::pumpJobs() {
    for (std::size_t i = 0; i < m_jobs.size();) {
        Job& j = m_jobs[i];
        j.session->pump(0);
        flushSession(*j.session, j.notes_shown);
        if (j.session->finished()) endJob(i);
        else ++i;
    }
}

void TerminalConsole::endJob(std::size_t index) {
    Job& j = m_jobs[index];
    flushSession(*j.session, j.notes_shown);
    m_jobs.erase(m_jobs.begin() + static_cast<std::ptrdiff_t>(index));
    m_host->releaseClock();
    m_host->commandEnded();
    m_host->syncViews();
}

bool TerminalConsole::killJob(int number) {
    for (std::size_t i = 0; i < m_jobs.size(); ++i) {
        Job& j = m_jobs[i];
        if (j.number != number) continue;
        labs::JournalEvent e;
        e.type = labs::JournalEvent::Type::Interrupt;
        e.tab = j.tab;
        m_host->journal(std::move(e));
        j.session->interrupt();
        endJob(i);
        return true;
    }
    return false;
}

void TerminalConsole::finishSession() {
    if (!m_session) return;
    m_startingCommand.reset();
    m_ending = false;
    flush();
    m_entry.kind = labs::commandKindName(m_session->kind());
    m_entry.exit_code = m_session->exitCode();
    m_entry.notes = m_session->notes();
    m_entry.output = m_session->recordedOutput();
    if (!m_recorded) m_host->record(m_entry);
    else m_host->commandEnded();
    m_session.reset();
    if (m_holding) {
        m_holding = false;
        m_host->releaseClock();
    }
    m_host->syncViews();
    showPrompt();
    Q_EMIT busyChanged(false);
    Q_EMIT commandFinished();
}

void TerminalConsole::dropSession() {
    if (!m_jobs.empty()) {
        // Background jobs die with the cluster too (journaled like a tab's command).
        for (Job& j : m_jobs) {
            if (m_host->controller()->keepsTerminalLog()) {
                labs::JournalEvent e;
                e.type = labs::JournalEvent::Type::Interrupt;
                e.tab = j.tab;
                m_host->journal(std::move(e));
            }
            m_host->releaseClock();
        }
        m_jobs.clear();
        if (!m_session) {
            append(QStringLiteral("\n") + tr("[the cluster was replaced: command stopped]") + QLatin1Char('\n'), Style::Note);
            showPrompt();
            return;
        }
    }
    if (!m_session) return;
    // The cluster is being replaced (a new scenario or "Restart" in a lab): the command dies with it.
    // A restart or a scenario edit replays the same action log: the journal says the command was
    // stopped here, so that its replay (now and whenever the log is replayed again) stops it at the
    // same moment.
    if (m_host->controller()->keepsTerminalLog()) journal(labs::JournalEvent::Type::Interrupt);
    m_session.reset();
    m_startingCommand.reset();
    m_ending = false;
    if (m_holding) {
        m_holding = false;
        m_host->releaseClock();
    }
    append(QStringLiteral("\n") + tr("[the cluster was replaced: command stopped]") + QLatin1Char('\n'), Style::Note);
    showPrompt();
    Q_EMIT busyChanged(false);
}

void TerminalConsole::pump() {
    pumpJobs();
    if (!m_session) return;
    m_session->pump(0);
    if (m_session->settling()) return; // a real cluster's command has not reported yet
    if (m_ending) {
        // Ctrl+C, Ctrl+D or the end of a here-document reached the worker: the command ends there.
        flush();
        if (m_session->finished()) finishSession();
        return;
    }
    if (m_startingCommand) {
        const labs::ShellCommand cmd = std::move(*m_startingCommand);
        m_startingCommand.reset();
        commandStarted(cmd);
        return;
    }
    flush();
    if (m_session->finished()) finishSession();
}

void TerminalConsole::journal(labs::JournalEvent::Type type, const QString& line) {
    labs::JournalEvent e;
    e.type = type;
    e.tab = m_id;
    e.line = line.toStdString();
    m_host->journal(std::move(e));
}

void TerminalConsole::interrupt() {
    if (m_session) {
        moveToEnd();
        append(QStringLiteral("^C"), Style::Plain);
        journal(labs::JournalEvent::Type::Interrupt);
        m_session->interrupt();
        if (m_session->settling()) m_ending = true; // a real cluster's command ends on its thread
        else finishSession();
        return;
    }
    // bash: abandons the line being typed.
    moveToEnd();
    m_inputStart = textCursor().position();
    append(QStringLiteral("^C\n"), Style::Plain);
    m_pending.clear();
    m_historyIndex = -1;
    showPrompt();
}

void TerminalConsole::showNotice(const QString& text) {
    if (!m_session) {
        // In place of the empty prompt: the notice, then the prompt again (with what was typed).
        QTextCursor c(document());
        c.setPosition(m_inputStart);
        c.movePosition(QTextCursor::StartOfBlock, QTextCursor::KeepAnchor);
        if (c.selectedText() == prompt()) {
            c.removeSelectedText();
            m_inputStart = c.position();
        }
    }
    append(text + QLatin1Char('\n'), Style::Note);
    if (!m_session) showPrompt(!m_pending.isEmpty());
}

void TerminalConsole::clearScreen() {
    const QString typed = input();
    const bool continuation = !m_pending.isEmpty();
    clear();
    m_inputStart = 0;
    if (!m_session) {
        showPrompt(continuation);
        setInput(typed);
    }
}

void TerminalConsole::historyMove(int delta) {
    const QStringList& lines = m_host->typedLines();
    if (lines.isEmpty()) return;
    if (m_historyIndex < 0) {
        if (delta > 0) return;
        m_draft = input();
        m_historyIndex = static_cast<int>(lines.size());
    }
    m_historyIndex += delta;
    if (m_historyIndex < 0) m_historyIndex = 0;
    if (m_historyIndex >= lines.size()) {
        m_historyIndex = -1;
        setInput(m_draft);
        return;
    }
    setInput(lines[m_historyIndex]);
}

void TerminalConsole::complete() {
    moveToEnd();
    const QString text = input();
    const int wordStart = static_cast<int>(text.lastIndexOf(QLatin1Char(' '))) + 1;
    const QString current = text.mid(wordStart);
    const QStringList before = text.left(wordStart).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    QStringList candidates;
    if (before.isEmpty()) {
        const bool bin = current.startsWith(QStringLiteral("bin/"));
        for (const char* t : kTools) candidates << (bin ? QStringLiteral("bin/") : QString()) + QString::fromLatin1(t);
        if (!bin) {
            candidates << QStringLiteral("bin/") << QStringLiteral("fluxolab-cli");
            for (const char* b : kTerminalCommands) candidates << QString::fromLatin1(b);
            for (labs::Builtin b : labs::kBuiltins) candidates << QString::fromLatin1(labs::builtinName(b));
        }
    } else {
        const std::string tool = labs::KafkaCli::toolName(before.front().toStdString());
        const QString prev = before.back();
        if (!current.startsWith(QLatin1Char('-')) && (prev == QStringLiteral("--topic") || prev == QStringLiteral("--include")))
            candidates = m_host->topicNames();
        else if (!current.startsWith(QLatin1Char('-')) && prev == QStringLiteral("--group"))
            candidates = m_host->groupNames();
        else if (!current.startsWith(QLatin1Char('-')) && (prev == QStringLiteral("--bootstrap-server") || prev == QStringLiteral("--broker-list")))
            candidates = m_host->bootstrapServers();
        else if (!current.startsWith(QLatin1Char('-')) && prev == QStringLiteral("--property"))
            for (const char* p : kProperties) candidates << QString::fromLatin1(p);
        else if (!current.startsWith(QLatin1Char('-')) && prev == QStringLiteral("--consumer-property"))
            for (const char* p : kGroupProperties) candidates << QString::fromLatin1(p);
        else
            for (const auto& o : labs::KafkaCli::toolOptions(tool)) candidates << QString::fromStdString(o);
    }
    QStringList matches;
    for (const QString& c : candidates)
        if (c.startsWith(current)) matches << c;
    if (matches.isEmpty()) return;
    if (matches.size() == 1) {
        const QString& m = matches.front();
        const bool open = m.endsWith(QLatin1Char('/')) || m.endsWith(QLatin1Char('='));
        setInput(text.left(wordStart) + m + (open ? QString() : QStringLiteral(" ")));
        return;
    }
    const QString prefix = commonPrefix(matches);
    if (prefix.size() > current.size()) {
        setInput(text.left(wordStart) + prefix);
        return;
    }
    // Ambiguous: list the choices under the line, as bash does on a second Tab.
    setInput(QString());
    append(text + QLatin1Char('\n') + matches.join(QStringLiteral("  ")) + QLatin1Char('\n'), Style::Plain);
    showPrompt(!m_pending.isEmpty());
    setInput(text);
}

} // namespace fluxolab::app
