#include "app/real/comparedialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBlock>
#include <QThread>
#include <QVBoxLayout>

#include <mutex>

namespace fluxolab::app {

namespace {

QPlainTextEdit* makePane(QWidget* parent, const QString& name) {
    auto* pane = new QPlainTextEdit(parent);
    pane->setObjectName(name);
    pane->setReadOnly(true);
    pane->setLineWrapMode(QPlainTextEdit::NoWrap);
    pane->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return pane;
}

/// Marks the given lines (block numbers) of `pane` with a full-width background.
void highlight(QPlainTextEdit* pane, const std::vector<int>& lines) {
    QList<QTextEdit::ExtraSelection> selections;
    for (const int line : lines) {
        QTextEdit::ExtraSelection sel;
        sel.cursor = QTextCursor(pane->document()->findBlockByNumber(line));
        sel.format.setBackground(QColor(0xff, 0xe0, 0x8a));
        sel.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections.append(sel);
    }
    pane->setExtraSelections(selections);
}

} // namespace

CompareRealDialog::CompareRealDialog(QWidget* parent) : QDialog(parent) {
    setObjectName(QStringLiteral("compareRealDialog"));
    setWindowTitle(tr("Compare with the real cluster"));
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("compareProgress"));
    m_progress->setRange(0, 0); // busy: the real run gives no steps
    m_progress->hide();
    m_leftTitle = new QLabel(tr("Simulation"), this);
    m_rightTitle = new QLabel(this);
    m_left = makePane(this, QStringLiteral("compareSimulation"));
    m_right = makePane(this, QStringLiteral("compareReal"));
    // The two panes scroll together: line N of one faces line N of the other.
    connect(m_left->verticalScrollBar(), &QScrollBar::valueChanged, m_right->verticalScrollBar(), &QScrollBar::setValue);
    connect(m_right->verticalScrollBar(), &QScrollBar::valueChanged, m_left->verticalScrollBar(), &QScrollBar::setValue);

    auto* panes = new QGridLayout;
    panes->addWidget(m_leftTitle, 0, 0);
    panes->addWidget(m_rightTitle, 0, 1);
    panes->addWidget(m_left, 1, 0);
    panes->addWidget(m_right, 1, 1);

    auto* buttons = new QDialogButtonBox(this);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("compareCancel"));
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("compareClose"));
    m_cancel->setText(tr("Cancel"));
    m_close->setText(tr("Close"));
    m_cancel->setEnabled(false);
    connect(m_cancel, &QPushButton::clicked, this, &CompareRealDialog::cancel);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_progress);
    layout->addLayout(panes, 1);
    layout->addWidget(buttons);
    resize(1000, 560);
}

CompareRealDialog::~CompareRealDialog() {
    // A job still running ends in the background; its answer goes nowhere.
    if (m_cancelFlag) m_cancelFlag->store(true);
}

void CompareRealDialog::start(const QString& script, const QString& baseDir, const QString& bootstrap,
                              int probeTimeoutMs) {
    if (m_running) return;
    m_running = true;
    m_bootstrap = bootstrap;
    m_rightTitle->setText(tr("Real cluster %1").arg(bootstrap));
    m_left->clear();
    m_right->clear();
    m_summary->setStyleSheet(QString());
    m_summary->setText(tr("Running the script on the simulation and on the cluster %1…").arg(bootstrap));
    m_progress->show();
    m_cancel->setEnabled(true);
    m_cancelFlag = std::make_shared<std::atomic<bool>>(false);

    // The outcome crosses threads under a std::mutex (a happens-before that ThreadSanitizer sees;
    // Qt's queued signal alone goes through futexes it cannot follow).
    struct Handover {
        std::mutex mutex;
        labs::CompareOutcome outcome;
    };
    auto result = std::make_shared<Handover>();
    auto flag = m_cancelFlag;
    QThread* thread = QThread::create([result, flag, s = script.toStdString(), dir = baseDir.toStdString(),
                                       b = bootstrap.toStdString(), probeTimeoutMs] {
        labs::CompareOutcome outcome = labs::compareReal(s, dir, b, 1, 5000, false, flag.get(), probeTimeoutMs);
        std::lock_guard lock(result->mutex);
        result->outcome = std::move(outcome);
    });
    thread->setObjectName(QStringLiteral("compare-real"));
    // QThread::finished comes from the job's thread: queued to this dialog (dropped if it is gone).
    connect(thread, &QThread::finished, this, [this, result, flag] {
        if (flag != m_cancelFlag) return;
        labs::CompareOutcome outcome;
        {
            std::lock_guard lock(result->mutex);
            outcome = std::move(result->outcome);
        }
        onDone(outcome);
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

void CompareRealDialog::cancel() {
    if (!m_running) return;
    m_cancelFlag->store(true);
    m_running = false;
    m_progress->hide();
    m_cancel->setEnabled(false);
    m_summary->setText(tr("Cancelled. A run already sent to the cluster ends in the background."));
    Q_EMIT finished();
}

QString CompareRealDialog::summary() const { return m_summary->text(); }

void CompareRealDialog::onDone(const labs::CompareOutcome& r) {
    if (!m_running) return; // cancelled meanwhile
    m_running = false;
    m_progress->hide();
    m_cancel->setEnabled(false);
    using Status = labs::CompareOutcome::Status;
    switch (r.status) {
    case Status::Cancelled:
        m_summary->setText(tr("Cancelled."));
        break;
    case Status::BadScript:
        m_summary->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold"));
        m_summary->setText(r.error_line > 0 ? tr("The script cannot run (line %1): %2")
                                                  .arg(r.error_line)
                                                  .arg(QString::fromStdString(r.error))
                                            : tr("The script cannot run: %1").arg(QString::fromStdString(r.error)));
        break;
    case Status::Unreachable:
        m_summary->setStyleSheet(QStringLiteral("color: #b00020; font-weight: bold"));
        m_summary->setText(tr("The broker %1 cannot be reached: nothing was compared (%2).")
                               .arg(m_bootstrap, QString::fromStdString(r.error)));
        break;
    case Status::Done: {
        QStringList left, right;
        std::vector<int> marked;
        for (std::size_t i = 0; i < r.diff.size(); ++i) {
            left << QString::fromStdString(r.diff[i].left);
            right << QString::fromStdString(r.diff[i].right);
            if (r.diff[i].mark != ' ') marked.push_back(static_cast<int>(i));
        }
        m_left->setPlainText(left.join(QLatin1Char('\n')));
        m_right->setPlainText(right.join(QLatin1Char('\n')));
        highlight(m_left, marked);
        highlight(m_right, marked);
        QString text = r.differing == 0
                           ? tr("No differences: the outputs are the same (ids, hosts and times masked).")
                           : tr("%n difference(s) (lines highlighted; ids, hosts and times masked).", nullptr,
                                static_cast<int>(r.differing));
        if (!r.warning.empty())
            text += QLatin1Char(' ') + tr("Note: the cluster already had topics or groups; the simulation starts empty.");
        m_summary->setText(text);
        break;
    }
    }
    Q_EMIT finished();
}

} // namespace fluxolab::app
