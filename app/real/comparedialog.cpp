#include "app/real/comparedialog.h"

#include "app/real/realworker.h"
#include "labs/shell/shell_parser.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
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
    m_source = new QLabel(this);
    m_source->setObjectName(QStringLiteral("compareSource"));
    m_source->setWordWrap(true);
    m_clean = new QCheckBox(tr("Afterwards, delete the topics and groups the script created on the cluster"), this);
    m_clean->setObjectName(QStringLiteral("compareClean"));
    m_clean->setToolTip(tr("Only the topics the script's own kafka-topics.sh --create commands created, and the groups its consumers used that were not on the cluster before; never what another client created meanwhile (fluxolab-cli compare-real --clean)."));
    m_run = new QPushButton(tr("Compare"), this);
    m_run->setObjectName(QStringLiteral("compareRun"));
    m_run->setEnabled(false);
    connect(m_run, &QPushButton::clicked, this, [this] { start(); });
    m_useTerminal = new QPushButton(tr("Terminal commands"), this);
    m_useTerminal->setObjectName(QStringLiteral("compareUseTerminal"));
    m_useTerminal->setToolTip(tr("Compare the commands typed in the terminal since the app started"));
    m_useTerminal->setEnabled(false);
    connect(m_useTerminal, &QPushButton::clicked, this, [this] { setTerminalScript(m_terminalScript); });
    m_useFile = new QPushButton(tr("Script file…"), this);
    m_useFile->setObjectName(QStringLiteral("compareUseFile"));
    connect(m_useFile, &QPushButton::clicked, this, &CompareRealDialog::chooseScriptFile);
    auto* source = new QHBoxLayout;
    source->addWidget(m_source, 1);
    source->addWidget(m_useTerminal);
    source->addWidget(m_useFile);
    auto* setup = new QHBoxLayout;
    setup->addWidget(m_clean, 1);
    setup->addWidget(m_run);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("compareSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail = new QLabel(this);
    m_detail->setObjectName(QStringLiteral("compareDetail"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_detail->hide();
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
    layout->addLayout(source);
    layout->addLayout(setup);
    layout->addWidget(m_summary);
    layout->addWidget(m_detail);
    layout->addWidget(m_progress);
    layout->addLayout(panes, 1);
    layout->addWidget(buttons);
    resize(1000, 560);
}

CompareRealDialog::~CompareRealDialog() {
    // Never waited for here: the job stops soon (the flag) and its thread ends on the ThreadReaper,
    // which the program waits for at exit. Its answer goes nowhere (the Mailbox drops it).
    if (m_cancelFlag) m_cancelFlag->store(true);
}

void CompareRealDialog::setScript(const QString& script, const QString& baseDir, const QString& source) {
    m_script = script;
    m_baseDir = baseDir;
    const int commands = static_cast<int>(labs::parseScript(script.toStdString()).commands.size());
    m_source->setText(tr("Script: %1 (%n command(s)).", nullptr, commands).arg(source));
    m_source->setToolTip(script);
    m_run->setEnabled(!m_running && m_connection.bootstrap_servers.size() > 0);
}

void CompareRealDialog::setTerminalScript(const QString& script) {
    m_terminalScript = script;
    m_useTerminal->setEnabled(true);
    setScript(script, QDir::currentPath(), tr("the commands typed in the terminal"));
}

bool CompareRealDialog::chooseScriptFile() {
    const QString file = QFileDialog::getOpenFileName(this, tr("Script to compare"), QString(),
                                                      tr("Terminal scripts (*.sh *.txt);;All files (*)"));
    if (file.isEmpty()) return false;
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly)) return false;
    setScript(QString::fromUtf8(in.readAll()), QFileInfo(file).absolutePath(), QFileInfo(file).fileName());
    return true;
}

void CompareRealDialog::setConnection(const labs::RdKafkaConnection& connection) {
    m_connection = connection;
    m_rightTitle->setText(tr("Real cluster %1").arg(QString::fromStdString(connection.bootstrap_servers)));
    m_run->setEnabled(!m_running && !m_script.isNull());
}

void CompareRealDialog::start(const QString& script, const QString& baseDir, const labs::RdKafkaConnection& connection,
                              int probeTimeoutMs) {
    setScript(script, baseDir, tr("given"));
    setConnection(connection);
    start(probeTimeoutMs);
}

void CompareRealDialog::start(int probeTimeoutMs) {
    if (m_running) return;
    m_running = true;
    m_cancelling = false;
    const QString bootstrap = QString::fromStdString(m_connection.bootstrap_servers);
    m_left->clear();
    m_right->clear();
    m_left->setExtraSelections({});
    m_right->setExtraSelections({});
    m_detail->clear();
    m_detail->hide();
    m_summary->setPalette(QPalette());
    m_summary->setFont(QFont());
    m_summary->setText(tr("Running the script on the simulation and on the cluster %1…").arg(bootstrap));
    m_progress->show();
    m_cancel->setEnabled(true);
    m_run->setEnabled(false);
    m_clean->setEnabled(false);
    m_useTerminal->setEnabled(false);
    m_useFile->setEnabled(false);
    m_cancelFlag = std::make_shared<std::atomic<bool>>(false);
    m_jobAlive = std::make_shared<std::atomic<bool>>(true);

    labs::CompareOptions options;
    options.clean = m_clean->isChecked();
    options.probe_timeout_ms = probeTimeoutMs;
    // The outcome crosses threads through the Mailbox (a std::mutex that ThreadSanitizer follows);
    // a job of an earlier run, or one whose dialog is gone, answers nobody.
    Mailbox* mailbox = Mailbox::instance();
    m_ticket = mailbox->open(this);
    auto flag = m_cancelFlag;
    auto alive = m_jobAlive;
    QThread* thread = QThread::create([mailbox, ticket = m_ticket, flag, alive, options, s = m_script.toStdString(),
                                       dir = m_baseDir.toStdString(), conn = m_connection, this]() mutable {
        options.cancel = flag.get();
        auto outcome = std::make_shared<const labs::CompareOutcome>(labs::compareReal(s, dir, conn, options));
        // The job's librdkafka clients are closed by now (compareReal's backend went out of scope).
        alive->store(false);
        mailbox->post(ticket, [this, flag, outcome] {
            if (flag == m_cancelFlag) onDone(*outcome);
        });
    });
    thread->setObjectName(QStringLiteral("compare-real"));
    thread->start();
    // Nobody here waits for it: the reaper deletes the thread when it has ended (at exit it waits
    // for it, ThreadReaper::kExitWaitMs at most).
    ThreadReaper::instance().retire(thread);
}

void CompareRealDialog::cancel() {
    if (!m_running) return;
    m_cancelFlag->store(true);
    m_running = false;
    m_cancelling = true;
    m_cancel->setEnabled(false);
    m_summary->setText(tr("Cancelling: the job stops sending commands to the cluster…"));
    Q_EMIT finished();
}

QString CompareRealDialog::summary() const { return m_summary->text(); }
QString CompareRealDialog::detail() const { return m_detail->text(); }

QString CompareRealDialog::problemText(const labs::CompareOutcome& r) const {
    const QString bootstrap = QString::fromStdString(m_connection.bootstrap_servers);
    using Status = labs::CompareOutcome::Status;
    if (r.status == Status::BadScript) {
        if (r.script_problem == labs::CompareOutcome::ScriptProblem::NoCommands)
            return tr("The script has no commands: type some in the terminal first, or choose a script file.");
        return r.error_line > 0 ? tr("The script cannot run: line %1 is not valid shell syntax.").arg(r.error_line)
                                : tr("The script cannot run: it is not valid shell syntax.");
    }
    switch (r.client) {
    case labs::ClientError::Unreachable:
        return tr("The broker %1 cannot be reached: no broker accepted a connection there. Nothing was compared.").arg(bootstrap);
    case labs::ClientError::TimedOut:
        return tr("Something at %1 accepted the connection but gave no Kafka answer in time (not a Kafka broker, or "
                  "one that does not respond). Nothing was compared.")
            .arg(bootstrap);
    case labs::ClientError::AuthenticationFailed:
        return tr("The cluster %1 refused the login: wrong user, password or SASL mechanism. Nothing was compared.").arg(bootstrap);
    case labs::ClientError::TlsFailed:
        return tr("The TLS connection to %1 failed (handshake or certificate check). Nothing was compared.").arg(bootstrap);
    case labs::ClientError::BadConfiguration:
        return tr("The client refused the connection settings for %1. Nothing was compared.").arg(bootstrap);
    case labs::ClientError::None:
    case labs::ClientError::Other: break;
    }
    return tr("The cluster %1 could not be used (client error). Nothing was compared.").arg(bootstrap);
}

void CompareRealDialog::onDone(const labs::CompareOutcome& r) {
    m_outcome = r;
    const bool wasCancelling = m_cancelling;
    if (!m_running && !wasCancelling) return;
    m_running = false;
    m_cancelling = false;
    m_progress->hide();
    m_cancel->setEnabled(false);
    m_run->setEnabled(true);
    m_clean->setEnabled(true);
    m_useTerminal->setEnabled(!m_terminalScript.isNull());
    m_useFile->setEnabled(true);
    using Status = labs::CompareOutcome::Status;
    switch (r.status) {
    case Status::Cancelled:
        m_summary->setText(tr("Cancelled: the job stopped and closed its connection; what it had already created "
                              "on the cluster stays there."));
        break;
    case Status::BadScript:
    case Status::Unreachable:
        {
            // Red and bold at the dialog's size (a style sheet's font-weight fixed it at the normal size
            // in presentation mode): a palette and a font that set only the colour and the weight.
            QPalette red;
            red.setColor(QPalette::WindowText, QColor(0xb0, 0x00, 0x20));
            m_summary->setPalette(red);
            QFont bold;
            bold.setBold(true);
            m_summary->setFont(bold);
        }
        m_summary->setText(problemText(r));
        if (!r.detail.empty()) {
            // The program's own words, as it wrote them (not a translated sentence).
            m_detail->setText((r.status == Status::BadScript ? QStringLiteral("bash: ") : QStringLiteral("librdkafka: ")) +
                              QString::fromStdString(r.detail));
            m_detail->show();
        }
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
        if (r.cluster_not_empty)
            text += QLatin1Char(' ') + tr("Note: the cluster already had topics or groups; the simulation starts empty.");
        const int topics = static_cast<int>(r.created_topics.size()), groups = static_cast<int>(r.created_groups.size());
        if (m_clean->isChecked()) {
            text += QLatin1Char(' ') + tr("Deleted from the cluster what the script created: %1 and %2.")
                                           .arg(tr("%n topic(s)", nullptr, static_cast<int>(r.deleted_topics.size())),
                                                tr("%n group(s)", nullptr, static_cast<int>(r.deleted_groups.size())));
            QStringList failed;
            for (const auto& t : r.not_deleted_topics) failed << QString::fromStdString(t);
            for (const auto& g : r.not_deleted_groups) failed << QString::fromStdString(g);
            if (!failed.isEmpty()) text += QLatin1Char(' ') + tr("Could not delete: %1.").arg(failed.join(QStringLiteral(", ")));
        } else if (topics + groups > 0) {
            text += QLatin1Char(' ') + tr("What the script created stays on the cluster: %1 and %2.")
                                           .arg(tr("%n topic(s)", nullptr, topics), tr("%n group(s)", nullptr, groups));
        }
        m_summary->setText(text);
        break;
    }
    }
    Q_EMIT finished();
}

} // namespace fluxolab::app
