#include "app/labs/labpanel.h"
#include "labs/lab_engine/check_reason_text.h"

#include "app/core/errortexts.h"
#include "app/terminal/clihost.h"
#include "app/core/language.h"
#include "app/core/presentationdialogs.h"
#include "app/core/simulationcontroller.h"

#include <QAbstractTextDocumentLayout>
#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QFontMetricsF>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPointer>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopedValueRollback>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocumentFragment>
#include <QTextLayout>
#include <QTimer>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <vector>

namespace fluxolab::app {

namespace {
const QString kCmdScheme = QStringLiteral("fluxolab-cmd");
const QString kLabScheme = QStringLiteral("fluxolab-lab");
constexpr QChar kNoBreakSpace(0x00A0);
constexpr QChar kWordJoiner(0x2060);
const QColor kPassed(0x00, 0x8a, 0x5e);
const QColor kCurrent(0x00, 0x5f, 0x9e);
const QColor kPending(0x80, 0x86, 0x8c);

labs::Language lang() { return CliHost::noteLanguage(); }
QString q(const std::string& s) { return QString::fromStdString(s); }

/// `code` spans of prose (options such as `--formatter-property`) do not wrap inside either.
QString nonBreakingCodeSpans(const QString& markdown) {
    static const QRegularExpression span(QStringLiteral("`([^`\n]+)`"));
    QString out;
    qsizetype last = 0;
    for (auto it = span.globalMatch(markdown); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += markdown.mid(last, m.capturedStart() - last);
        out += QLatin1Char('`') + LabPanel::nonBreakingCommand(m.captured(1)) + QLatin1Char('`');
        last = m.capturedEnd();
    }
    return out + markdown.mid(last);
}

/// The instructions: what is copied by hand is the plain command (no no-break spaces, no word joiners).
class InstructionsBrowser : public QTextBrowser {
public:
    using QTextBrowser::QTextBrowser;

protected:
    QMimeData* createMimeDataFromSelection() const override {
        QString text = textCursor().selection().toPlainText();
        text.remove(kWordJoiner);
        text.replace(kNoBreakSpace, QLatin1Char(' '));
        auto* data = new QMimeData;
        data->setText(text);
        return data;
    }
};
} // namespace

LabPanel::LabPanel(CliHost* host, QWidget* parent) : QWidget(parent), m_host(host) {
    setObjectName(QStringLiteral("labPanel"));
    const labs::LabCatalog catalog = labs::loadLabCatalog(labs::defaultLabDirectory());
    m_labs = catalog.labs;
    m_errors = catalog.errors;

    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(6, 6, 6, 6);
    m_noticeBox = new QFrame(this);
    m_noticeBox->setObjectName(QStringLiteral("labDetached"));
    m_noticeBox->setFrameShape(QFrame::StyledPanel);
    m_noticeBox->setStyleSheet(QStringLiteral(
        "#labDetached { background: #fff4d6; border: 1px solid #d9a400; border-radius: 4px }"));
    auto* noticeRow = new QHBoxLayout(m_noticeBox);
    noticeRow->setContentsMargins(8, 6, 8, 6);
    m_notice = new QLabel(m_noticeBox);
    m_notice->setWordWrap(true);
    m_resume = new QPushButton(m_noticeBox);
    m_resume->setObjectName(QStringLiteral("labResume"));
    noticeRow->addWidget(m_notice, 1);
    noticeRow->addWidget(m_resume, 0, Qt::AlignVCenter);
    m_noticeBox->hide();
    m_realNotice = new QLabel(this);
    m_realNotice->setObjectName(QStringLiteral("labRealCluster"));
    m_realNotice->setWordWrap(true);
    m_realNotice->setStyleSheet(QStringLiteral(
        "#labRealCluster { background: #e3f0fa; border: 1px solid #005f9e; border-radius: 4px; padding: 6px }"));
    m_realNotice->hide();
    m_remoteTimer = new QTimer(this);
    m_remoteTimer->setInterval(1000); // lag and group state change with time: checked every second
    connect(m_remoteTimer, &QTimer::timeout, this, &LabPanel::update);
    auto* top = new QHBoxLayout;
    m_combo = new QComboBox(this);
    m_combo->setObjectName(QStringLiteral("labCombo"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_combo->setMinimumContentsLength(16);
    m_restart = new QPushButton(this);
    m_restart->setObjectName(QStringLiteral("labRestart"));
    top->addWidget(m_combo, 1);
    top->addWidget(m_restart);
    column->addLayout(top);
    column->addWidget(m_noticeBox);
    column->addWidget(m_realNotice);
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    m_title->setStyleSheet(QStringLiteral("font-weight: bold; font-size: 13pt"));
    m_meta = new QLabel(this);
    m_meta->setWordWrap(true);
    m_meta->setStyleSheet(QStringLiteral("color: #5a6168"));
    column->addWidget(m_title);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("labProgress"));
    m_progress->setTextVisible(false);
    m_progress->setFixedWidth(64);
    m_progressText = new QLabel(this);
    m_progressText->setObjectName(QStringLiteral("labProgressText"));
    m_progressText->setTextFormat(Qt::PlainText);
    m_progressText->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Preferred); // never cut: the level text wraps instead
    // The level and the progress share a row: a row more for the instructions (1366x768 in
    // presentation mode: the first step's objectives fit whole).
    auto* metaRow = new QHBoxLayout;
    metaRow->setContentsMargins(0, 0, 0, 0);
    metaRow->addWidget(m_meta, 1);
    metaRow->addWidget(m_progressText, 0, Qt::AlignVCenter);
    metaRow->addWidget(m_progress, 0, Qt::AlignVCenter);
    column->addLayout(metaRow);

    auto* split = new QSplitter(Qt::Vertical, this);
    m_steps = new QListWidget(split);
    m_steps->setObjectName(QStringLiteral("labSteps"));
    m_steps->setUniformItemSizes(true);
    auto* textBox = new QWidget(split);
    auto* textColumn = new QVBoxLayout(textBox);
    textColumn->setContentsMargins(0, 0, 0, 0);
    // The step's heading stays above the text that scrolls (presentation mode at 1366x768: the
    // instructions scroll to the step's command, and the heading used to scroll away or be cut).
    m_stepHeading = new QLabel(textBox);
    m_stepHeading->setObjectName(QStringLiteral("labStepHeading"));
    m_stepHeading->setWordWrap(true); // at word boundaries only (QLabel never breaks inside a word)
    m_stepHeading->setTextFormat(Qt::PlainText);
    m_stepHeading->setContentsMargins(8, 4, 8, 2);
    m_stepHeading->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    QFont headingFont = m_stepHeading->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(11.5);
    m_stepHeading->setFont(headingFont);
    m_text = new InstructionsBrowser(textBox);
    m_text->setObjectName(QStringLiteral("labText"));
    m_text->setOpenLinks(false);
    m_text->document()->setDocumentMargin(8);
    // Words wrap at word boundaries only, never inside a word (the default also breaks anywhere
    // once a word is wider than the line): a command too wide scrolls sideways instead.
    m_text->setWordWrapMode(QTextOption::WordWrap);
    m_hint = new QPushButton(textBox);
    m_hint->setObjectName(QStringLiteral("labHint"));
    // Folded (the terminal under the panel has the keyboard): the heading and this button only.
    m_unfold = new QToolButton(textBox);
    m_unfold->setObjectName(QStringLiteral("labUnfold"));
    m_unfold->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_unfold->setArrowType(Qt::DownArrow);
    m_unfold->setAutoRaise(true);
    m_unfold->setVisible(false);
    m_stepHeading->installEventFilter(this);
    m_foldedReason = new QLabel(textBox);
    m_foldedReason->setObjectName(QStringLiteral("labFoldedReason"));
    m_foldedReason->setTextFormat(Qt::PlainText);
    m_foldedReason->setContentsMargins(8, 0, 8, 2);
    // Its width is the panel's (the text is elided to it), never the text's.
    m_foldedReason->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_foldedReason->setVisible(false);
    m_foldedReason->installEventFilter(this);
    textColumn->addWidget(m_stepHeading);
    textColumn->addWidget(m_foldedReason);
    textColumn->addWidget(m_text, 1);
    auto* hintRow = new QHBoxLayout;
    hintRow->addWidget(m_unfold);
    hintRow->addStretch(1);
    hintRow->addWidget(m_hint);
    textColumn->addLayout(hintRow);
    split->addWidget(m_steps);
    split->addWidget(textBox);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 4);
    column->addWidget(split, 1);

    connect(m_text, &QTextBrowser::anchorClicked, this, &LabPanel::onLink);
    // The step's command stays in view as the panel is laid out again (window shown or resized,
    // presentation mode), until the student scrolls the instructions by hand.
    connect(m_text->verticalScrollBar(), &QScrollBar::actionTriggered, this, [this] {
        if (!m_scrolling) m_followStep = false;
    });
    // Queued: the text browser sets its scroll range (and shows its scroll bar, which narrows the
    // text and wraps it again) on the same signals first.
    connect(
        m_text->document()->documentLayout(), &QAbstractTextDocumentLayout::documentSizeChanged, this,
        [this] {
            if (m_followStep && m_labIndex >= 0) scrollToStep();
        },
        Qt::QueuedConnection);
    m_text->viewport()->installEventFilter(this);
    m_steps->viewport()->installEventFilter(this);
    m_stepSplit = split;
    split->installEventFilter(this); // a taller panel: more of the step list (fitStepList)
    connect(m_restart, &QPushButton::clicked, this, &LabPanel::confirmRestart);
    connect(m_resume, &QPushButton::clicked, this, &LabPanel::resume);
    connect(m_hint, &QPushButton::clicked, this, &LabPanel::revealHint);
    // Unfolded by hand: the keyboard goes to the step (and back to the terminal folds it again).
    connect(m_unfold, &QToolButton::clicked, this, [this] {
        setFolded(false);
        m_text->setFocus(Qt::MouseFocusReason);
    });
    connect(m_steps, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row == m_selected) return;
        m_selected = row;
        fitStepList();
        renderStep();
    });
    connect(m_combo, &QComboBox::activated, this, [this](int i) {
        const QString id = m_combo->itemData(i).toString();
        if (!id.isEmpty()) loadLab(id);
    });
    connect(m_host, &CliHost::historyChanged, this, &LabPanel::update);
    connect(m_host, &CliHost::tick, this, [this] {
        // Checks on lag or group state change as time passes: re-evaluate a few times a second.
        ++m_ticks;
        if (m_ticks % 3 == 0 && !m_remote) update(); // on a real cluster: the one-second timer
        if (m_ticks % 10 == 0) saveJournal(); // the ticks of a running consumer, once a second
    });
    connect(m_host, &CliHost::journalChanged, this, &LabPanel::saveJournal);
    connect(m_host, &CliHost::targetSwitched, this, &LabPanel::onTargetSwitched);
    m_remote = m_host->isRemote();
    connect(m_host, &CliHost::backendAboutToReset, this, [this] {
        if (m_loading || !m_engine) return;
        // Another scenario replaces the lab's cluster: the checks stop (they would read the other
        // cluster); the progress and the journal stay saved, and "Resume" brings the lab back.
        save();
        m_detachedPassed.assign(static_cast<std::size_t>(stepCount()), false);
        for (int i = 0; i < stepCount(); ++i)
            m_detachedPassed[static_cast<std::size_t>(i)] = m_engine->stepPassed(static_cast<std::size_t>(i));
        m_engine.reset();
        m_detached = true;
        refresh();
    });
    populateCombo();
    retranslate();
    refresh();
}

LabPanel::~LabPanel() = default;

QString LabPanel::progressKey(const QString& labId) { return QStringLiteral("labs/progress/") + labId; }

QString LabPanel::journalKey(const QString& labId) { return QStringLiteral("labs/journal/") + labId; }

QStringList LabPanel::labIds() const {
    QStringList out;
    for (const auto& l : m_labs) out << q(l.id);
    return out;
}

QString LabPanel::currentLabId() const { return m_labIndex >= 0 ? q(m_labs[static_cast<std::size_t>(m_labIndex)].id) : QString(); }

QStringList LabPanel::streamViewArgs() const {
    QStringList args;
    if (m_labIndex >= 0)
        for (const std::string& a : m_labs[static_cast<std::size_t>(m_labIndex)].stream_view) args << q(a);
    return args;
}

int LabPanel::stepCount() const { return m_labIndex >= 0 ? static_cast<int>(m_labs[static_cast<std::size_t>(m_labIndex)].steps.size()) : 0; }

bool LabPanel::stepPassed(int step) const {
    if (step < 0 || step >= stepCount()) return false;
    if (m_remote)
        return static_cast<std::size_t>(step) < m_remotePassed.size() && m_remotePassed[static_cast<std::size_t>(step)];
    if (m_detached)
        return static_cast<std::size_t>(step) < m_detachedPassed.size() &&
               m_detachedPassed[static_cast<std::size_t>(step)];
    return m_engine && m_engine->stepPassed(static_cast<std::size_t>(step));
}

int LabPanel::currentStep() const {
    if (m_labIndex < 0) return 0;
    if (m_remote) return static_cast<int>(m_remoteCurrent);
    if (m_detached || !m_engine) {
        int current = 0;
        while (current < stepCount() && stepPassed(current)) ++current;
        return current;
    }
    return static_cast<int>(m_engine->currentStep());
}

int LabPanel::hintsRevealed(int step) const {
    if (m_remote)
        return step >= 0 && static_cast<std::size_t>(step) < m_remoteHints.size() ? m_remoteHints[static_cast<std::size_t>(step)] : 0;
    return m_engine ? m_engine->hintsRevealed(static_cast<std::size_t>(step)) : 0;
}

QString LabPanel::shown(const std::string& text) const {
    QString t = q(text);
    if (m_remote) {
        const QStringList servers = m_host->bootstrapServers();
        if (!servers.isEmpty()) t.replace(QStringLiteral("localhost:9092"), servers.join(QLatin1Char(',')));
    }
    return t;
}

void LabPanel::onTargetSwitched() {
    m_remote = m_host->isRemote();
    ++m_remoteGen; // answers from the previous cluster's engine are dropped
    m_remoteBusy = m_remoteDirty = false;
    if (m_remote) {
        m_remoteTimer->start();
        if (m_labIndex >= 0) startRemote();
    } else {
        m_remoteTimer->stop();
    }
    if (m_labIndex >= 0) {
        m_selected = std::min(currentStep(), stepCount() - 1);
        m_text->setProperty("markdown", QString()); // the commands name another cluster
    }
    refresh();
}

QString LabPanel::remoteProgressKey() const {
    return currentLabId() + QLatin1Char('@') + m_host->bootstrapServers().join(QLatin1Char(','));
}

QString LabPanel::realProgressKey(const QString& bootstrapServers, const QString& labId) {
    // The cluster (its bootstrap servers) names the profile; ':' and ',' are kept out of the key.
    return QStringLiteral("labs/realProgress/") +
           QString::fromLatin1(QUrl::toPercentEncoding(bootstrapServers, QByteArray(), QByteArrayLiteral(":,"))) +
           QLatin1Char('/') + labId;
}

QString LabPanel::realProgressKey() const {
    return realProgressKey(m_host->bootstrapServers().join(QLatin1Char(',')), currentLabId());
}

void LabPanel::startRemote() {
    RemoteCommands* remote = m_host->remote();
    if (!remote || m_labIndex < 0) return;
    const labs::Lab& lab = m_labs[static_cast<std::size_t>(m_labIndex)];
    const auto saved = m_remoteProgress.find(remoteProgressKey());
    // This session's, else the one saved by an earlier run of the app on the same cluster.
    const std::string progress = saved != m_remoteProgress.end()
                                     ? saved->second
                                     : QSettings().value(realProgressKey()).toString().toStdString();
    const int gen = ++m_remoteGen;
    m_remoteHistoryBase = m_host->remoteHistory().size();
    m_remoteCurrent = 0;
    m_remotePassed.assign(lab.steps.size(), false);
    m_remoteHints.assign(lab.steps.size(), 0);
    m_remoteAnswers = 0;
    m_remoteNotYet.reset();
    m_remoteDirty = false;
    m_remoteBusy = remote->startLab(lab, progress, this, [this, gen](const RemoteLabStatus& s) {
        if (gen == m_remoteGen) onRemoteStatus(s);
    });
}

void LabPanel::onRemoteStatus(const RemoteLabStatus& status) {
    m_remoteBusy = false;
    ++m_remoteAnswers;
    const int before = static_cast<int>(m_remoteCurrent);
    if (status.passed.size() == m_remotePassed.size()) {
        m_remoteCurrent = status.current;
        m_remotePassed = status.passed;
        m_remoteNotYet = status.notYet;
        if (!status.progress.empty()) {
            m_remoteProgress[remoteProgressKey()] = status.progress;
            QSettings().setValue(realProgressKey(), QString::fromStdString(status.progress)); // survives a restart
        }
    }
    // Follow the student to the next step, unless they were reading another one.
    const bool moved = static_cast<int>(m_remoteCurrent) != before;
    if (moved && m_selected == before) {
        m_selected = std::min(currentStep(), stepCount() - 1);
        m_followStep = true;
    }
    // A step passed on the real cluster (not the first answer, the saved progress): the panel
    // unfolds as it does on the simulated cluster; the keyboard stays where it is.
    const bool wasFolded = isFolded();
    if (moved && m_remoteAnswers > 1) m_folded = false;
    refresh();
    if (wasFolded && !isFolded()) Q_EMIT foldedChanged(false);
    if (m_remoteDirty) {
        m_remoteDirty = false;
        update();
    }
}

int LabPanel::passedCount() const {
    int n = 0;
    for (int i = 0; i < stepCount(); ++i) n += stepPassed(i) ? 1 : 0;
    return n;
}

void LabPanel::populateCombo() {
    const int keep = m_labIndex;
    m_combo->clear();
    // Course order, numbered as the course numbers them.
    for (std::size_t i = 0; i < m_labs.size(); ++i)
        m_combo->addItem(QStringLiteral("%1. %2").arg(i + 1).arg(q(m_labs[i].title.get(lang()))),
                         q(m_labs[i].id));
    // Broken lab files stay in the list (disabled), with their errors as the tooltip.
    std::map<std::string, QStringList> byFile;
    for (const auto& e : m_errors)
        byFile[e.file] << ErrorTexts::labError(e);
    auto* model = qobject_cast<QStandardItemModel*>(m_combo->model());
    for (const auto& [file, errors] : byFile) {
        m_combo->addItem(tr("%1 (cannot be loaded)").arg(QFileInfo(q(file)).fileName()));
        if (QStandardItem* item = model ? model->item(m_combo->count() - 1) : nullptr) {
            item->setEnabled(false);
            item->setToolTip(errors.join(QLatin1Char('\n')));
        }
    }
    if (m_labs.empty() && byFile.empty()) m_combo->addItem(tr("No labs found"));
    m_combo->setCurrentIndex(keep >= 0 ? keep : -1);
    m_combo->setPlaceholderText(tr("Choose a lab…"));
}

bool LabPanel::loadLab(const QString& id) {
    int index = -1;
    for (std::size_t i = 0; i < m_labs.size(); ++i)
        if (q(m_labs[i].id) == id) index = static_cast<int>(i);
    if (index < 0) return false;
    const labs::Lab& lab = m_labs[static_cast<std::size_t>(index)];
    if (m_replayDialog) { // another lab while one was being restored (its replay is abandoned with its cluster)
        m_replayDialog->hide();
        m_replayDialog->deleteLater();
        m_replayDialog = nullptr;
    }
    m_replaying = false;
    m_labIndex = index;
    m_detached = false;
    m_detachedPassed.clear();
    m_combo->setCurrentIndex(index);
    // Saved progress and the journal of the student's commands; unreadable data starts the lab over.
    QSettings settings;
    const QString saved = settings.value(progressKey(id)).toString();
    const QString savedJournal = settings.value(journalKey(id)).toString();
    std::optional<labs::SessionJournal> journal;
    bool corrupt = false;
    if (!savedJournal.isEmpty()) {
        journal = labs::SessionJournal::fromJson(savedJournal.toStdString());
        if (!journal || journal->lab != lab.id) {
            journal.reset();
            corrupt = true;
        }
    }
    m_seed = journal ? journal->seed : lab.seed;
    // A fresh cluster like the course's local KRaft install, as fluxolab-cli lab builds it.
    m_loading = true;
    m_engine.reset();
    m_host->controller()->load(labs::labScenario(lab, m_seed), m_seed);
    m_loading = false;
    if (!m_host->backend()) return false;
    m_engine = std::make_unique<labs::LabEngine>(lab, *m_host->backend());
    m_ticks = 0;
    std::size_t replayed = 0;
    if (!corrupt && !saved.isEmpty()) {
        // A trial restore first: corrupt progress must not leave a half-restored engine.
        labs::LabEngine probe(lab, *m_host->backend());
        corrupt = !probe.restoreProgress(saved.toStdString());
    }
    if (corrupt) {
        settings.remove(progressKey(id));
        settings.remove(journalKey(id));
        m_engine->start();
    } else if (journal) {
        // The student's commands again, headlessly: the cluster and the steps come back as they were.
        // A journal may cover hours of cluster time: it replays in slices, the window responsive and
        // a progress dialog (with a button to stop there) up while it takes longer than one slice.
        m_engine->start();
        m_replaying = true;
        const bool finished = m_host->replayInSlices(*journal, [self = QPointer<LabPanel>(this), this, id, saved](std::size_t n, bool complete) {
            if (!self) return;
            m_replaying = false;
            if (m_replayDialog) {
                m_replayDialog->hide();
                m_replayDialog->deleteLater();
                m_replayDialog = nullptr;
            }
            afterReplay(id, saved, n, complete);
        });
        if (!finished) {
            m_replayDialog = new QProgressDialog(tr("Restoring the lab: replaying your saved commands…"), tr("Stop here"), 0,
                                                 1000, window());
            m_replayDialog->setWindowTitle(tr("Restoring the lab"));
            m_replayDialog->setWindowModality(Qt::WindowModal);
            m_replayDialog->setMinimumDuration(0);
            m_replayDialog->setAutoClose(false);
            m_replayDialog->setAutoReset(false);
            connect(m_replayDialog, &QProgressDialog::canceled, m_host, &CliHost::cancelReplay);
            connect(m_host, &CliHost::replayProgressed, m_replayDialog,
                    [d = m_replayDialog](double p) { d->setValue(static_cast<int>(p * 1000)); });
            // Shown, not setValue() here: a modal progress dialog's setValue() runs the event loop,
            // which would run the next slice (and maybe the end of the replay) inside loadLab.
            m_replayDialog->show();
        }
        return true;
    } else {
        // Progress saved without a journal (older versions): the steps, on an empty cluster.
        if (!saved.isEmpty()) m_engine->restoreProgress(saved.toStdString());
        m_engine->start();
    }
    finishLoad(id, corrupt, replayed, true);
    return true;
}

void LabPanel::afterReplay(const QString& id, const QString& saved, std::size_t replayed, bool complete) {
    if (m_labIndex < 0 || !m_engine) return;
    const labs::Lab& lab = m_labs[static_cast<std::size_t>(m_labIndex)];
    {
        if (!saved.isEmpty()) {
            labs::LabEngine before(lab, *m_host->backend());
            before.restoreProgress(saved.toStdString());
            int savedPassed = 0;
            int nowPassed = 0;
            for (std::size_t i = 0; i < lab.steps.size(); ++i) {
                savedPassed += before.stepPassed(i) ? 1 : 0;
                nowPassed += m_engine->stepPassed(i) ? 1 : 0;
            }
            // The hints shown; and the steps, should the replay not reach them all (the lab changed).
            // A replay stopped midway keeps the steps its commands pass, not the saved ones.
            m_engine->restoreProgress(saved.toStdString(), nullptr, complete && nowPassed >= savedPassed);
        }
    }
    finishLoad(id, false, replayed, complete);
}

void LabPanel::finishLoad(const QString& id, bool corrupt, std::size_t replayed, bool complete) {
    const labs::Lab& lab = m_labs[static_cast<std::size_t>(m_labIndex)];
    m_host->syncViews();
    QSettings().setValue(currentLabKey(), id);
    if (m_remote) startRemote(); // the lab starts over on the real cluster
    m_selected = std::min(currentStep(), static_cast<int>(lab.steps.size()) - 1);
    update();
    refresh();
    Q_EMIT labLoaded(id);
    if (corrupt)
        Q_EMIT notice(tr("The saved progress of this lab could not be read: the lab starts over on a fresh cluster."));
    else if (!complete)
        Q_EMIT notice(tr("Restoring stopped: %n command(s) replayed; the rest of the saved session is not restored.",
                         nullptr, static_cast<int>(replayed)));
    else if (replayed > 0)
        Q_EMIT notice(tr("Progress restored: %n command(s) replayed", nullptr, static_cast<int>(replayed)));
}

bool LabPanel::confirmRestart() {
    if (m_labIndex < 0) return false;
    QMessageBox box(
        QMessageBox::Question, tr("Restart the lab"),
        tr("Start “%1” over?").arg(q(m_labs[static_cast<std::size_t>(m_labIndex)].title.get(lang()))),
        QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("labRestartConfirm"));
    box.setInformativeText(
        tr("The steps you passed, the hints shown and the commands you typed in this lab are forgotten, and "
           "the lab gets a fresh cluster (1 broker, %1). This cannot be undone.")
            .arg(nonBreakingCommand(QStringLiteral("localhost:9092"))));
    QPushButton* yes = box.addButton(tr("Restart"), QMessageBox::DestructiveRole);
    QPushButton* no = box.addButton(tr("Keep my progress"), QMessageBox::RejectRole);
    box.setDefaultButton(no);
    box.setEscapeButton(no);
    box.exec();
    if (box.clickedButton() != yes) return false;
    restart();
    return true;
}

bool LabPanel::reopenLastLab() {
    const QString id = QSettings().value(currentLabKey()).toString();
    if (id.isEmpty() || !labIds().contains(id)) return false;
    return loadLab(id);
}

bool LabPanel::resume() {
    return m_labIndex >= 0 && loadLab(currentLabId());
}

void LabPanel::restart() {
    if (m_labIndex < 0) return;
    const QString id = currentLabId();
    QSettings().remove(progressKey(id));
    QSettings().remove(journalKey(id));
    if (m_remote) {
        m_remoteProgress.erase(remoteProgressKey());
        QSettings().remove(realProgressKey());
    }
    loadLab(id);
}

void LabPanel::save() {
    if (m_engine) QSettings().setValue(progressKey(currentLabId()), QString::fromStdString(m_engine->saveProgress()));
}

void LabPanel::saveJournal() {
    if (!m_engine || m_loading || m_replaying || m_labIndex < 0) return;
    labs::SessionJournal journal = m_host->journal();
    journal.lab = m_labs[static_cast<std::size_t>(m_labIndex)].id;
    journal.seed = m_seed;
    QSettings().setValue(journalKey(currentLabId()), QString::fromStdString(journal.toJson()));
}

void LabPanel::update() {
    if (m_remote) {
        RemoteCommands* remote = m_host->remote();
        if (!remote || m_labIndex < 0 || m_detached || m_loading) return;
        if (m_remoteBusy) {
            m_remoteDirty = true; // one check at a time; the next one when it answers
            return;
        }
        if (finished()) return;
        const auto& all = m_host->remoteHistory();
        std::vector<labs::HistoryEntry> since(all.begin() + static_cast<std::ptrdiff_t>(std::min(m_remoteHistoryBase, all.size())),
                                              all.end());
        const int gen = m_remoteGen;
        m_remoteBusy = remote->checkLab(std::move(since), this, [this, gen](const RemoteLabStatus& s) {
            if (gen == m_remoteGen) onRemoteStatus(s);
        });
        return;
    }
    if (!m_engine || m_loading) return;
    if (m_replaying) {
        m_engine->update(m_host->history()); // the views and the saved progress catch up at the end
        return;
    }
    const std::size_t before = m_engine->currentStep();
    const bool wasFolded = isFolded();
    const auto passed = m_engine->update(m_host->history());
    if (passed.empty()) {
        // The step is still in progress: its reason line may have changed with this command.
        if (m_selected == static_cast<int>(before)) renderStep();
    } else {
        m_host->syncViews(); // the next step's setup may have changed the cluster
        save();
        // Follow the student to the next step, unless they were reading another one.
        if (m_selected == static_cast<int>(before)) {
            m_selected = std::min(currentStep(), stepCount() - 1);
            m_followStep = true; // the new step's command (or "Lab complete") comes into view
        }
        // A step passed: the panel unfolds, so that the student sees the tick and what comes next.
        // The keyboard stays in the terminal (the student may be typing the next command).
        m_folded = false;
        refresh();
        if (wasFolded && !isFolded()) Q_EMIT foldedChanged(false);
    }
}

void LabPanel::selectStep(int step) {
    if (step < 0 || step >= stepCount()) return;
    m_selected = step;
    refresh();
}

void LabPanel::refresh() {
    const bool have = m_labIndex >= 0;
    m_restart->setEnabled(have);
    // In presentation mode the step list's marks (✔ ▶ ○) say the progress: the level and the progress
    // bar give their row to the instructions (1366x768: the first step's objectives fit whole).
    m_progress->setVisible(have && !m_presentation);
    m_progressText->setVisible(have && !m_presentation);
    m_meta->setVisible(!have || !m_presentation);
    m_noticeBox->setVisible(have && m_detached && !m_remote);
    m_realNotice->setVisible(have && m_remote);
    if (have && m_remote)
        m_realNotice->setText(
            tr("This lab runs on the real cluster %1: its setup and its checks act on that cluster, and the commands "
               "shown name it. A real cluster is not reset: what an earlier attempt created stays there.")
                .arg(m_host->bootstrapServers().join(QLatin1Char(','))));
    if (!have) {
        m_title->setVisible(true);
        m_title->setText(tr("Guided labs"));
        m_meta->setText(m_labs.empty() ? tr("No lab could be loaded.") : tr("No lab open yet."));
        m_steps->clear();
        m_steps->setVisible(false);
        const QString md = emptyStateMarkdown();
        if (m_text->property("markdown").toString() != md) {
            m_text->setMarkdown(md);
            m_text->setProperty("markdown", md);
            m_text->setProperty("step", -1);
        }
        m_hint->setVisible(false);
        m_stepHeading->setVisible(false);
        applyFold();
        return;
    }
    m_steps->setVisible(true);
    m_stepHeading->setVisible(true);
    const labs::Lab& lab = m_labs[static_cast<std::size_t>(m_labIndex)];
    // The list above names the lab: its room goes to the instructions (1366×768, presentation mode).
    m_title->setText(q(lab.title.get(lang())));
    m_title->setVisible(false);
    const QString level = lab.level == "beginner" ? tr("beginner") : lab.level == "intermediate" ? tr("intermediate") : tr("advanced");
    m_meta->setText(tr("Level: %1 · about %2 min · %3 steps").arg(level).arg(lab.duration_minutes).arg(lab.steps.size()));
    const int n = stepCount();
    const int done = passedCount();
    m_progress->setRange(0, n);
    m_progress->setValue(done);
    m_progressText->setText(tr("%1 of %2 steps").arg(done).arg(n));
    m_progress->setToolTip(m_progressText->text());
    m_steps->blockSignals(true);
    if (m_steps->count() != n) {
        m_steps->clear();
        for (int i = 0; i < n; ++i) m_steps->addItem(QString());
    }
    // Detached: no step is being checked (the first one not passed is still where the student is).
    const auto current = static_cast<std::size_t>(currentStep());
    for (int i = 0; i < n; ++i) {
        QListWidgetItem* item = m_steps->item(i);
        const bool ok = stepPassed(i);
        const bool cur = static_cast<std::size_t>(i) == current;
        const QString mark = ok ? QStringLiteral("✔") : cur ? QStringLiteral("▶") : QStringLiteral("○");
        item->setText(QStringLiteral("%1  %2. %3").arg(mark).arg(i + 1).arg(q(lab.steps[static_cast<std::size_t>(i)].title.get(lang()))));
        item->setForeground(ok ? kPassed : cur ? kCurrent : kPending);
        QFont f = item->font();
        f.setBold(cur);
        item->setFont(f);
        item->setToolTip(ok    ? tr("Done")
                         : cur ? (m_detached && !m_remote ? tr("Not checked: another scenario replaced the lab's cluster")
                                             : tr("In progress: checked after every command"))
                               : tr("Not reached yet"));
    }
    m_steps->setCurrentRow(m_selected);
    m_steps->blockSignals(false);
    fitStepList();
    renderStep();
}

void LabPanel::fitStepList() {
    const int n = m_steps->count();
    if (n == 0) return;
    // The step being done and the next ones: 4 rows, 3 in presentation mode (its larger rows took the
    // room of the longest commands at 1366x768: lab 4 step 5's replay was 224 px in 211 px).
    const int kRows = m_presentation ? 3 : 4;
    const int rowH = m_steps->sizeHintForRow(0);
    const int chrome = 2 * m_steps->frameWidth() + (m_steps->horizontalScrollBar()->isVisible() ? m_steps->horizontalScrollBar()->height() : 0);
    // More where the panel is tall (1920x1080: lab 3's 7 steps were a 4-row box with a scroll bar over
    // instructions that left ~40 % of the panel empty): every step, or as many whole rows as a quarter of
    // the list and the instructions' height holds; the instructions keep three quarters.
    const int fit = rowH > 0 ? (m_stepSplit->height() / 4 - chrome) / rowH : 0;
    const int rows = std::clamp(fit, std::min(n, kRows), n);
    // Whole rows only: a list taller than its rows showed half a row cut mid-line (1366x768 presentation).
    m_steps->setFixedHeight(rows * rowH + chrome);
    // The rows after the selected one first, then the selected one: both in view when they fit.
    const int row = std::clamp(m_selected, 0, n - 1);
    m_steps->scrollToItem(m_steps->item(std::min(n - 1, row + rows - 1)), QAbstractItemView::EnsureVisible);
    m_steps->scrollToItem(m_steps->item(row), QAbstractItemView::EnsureVisible);
}

QString LabPanel::checkReasonText(const labs::CheckResult& r) {
    // Worded at the edge, in the UI language, by the same function as fluxolab-cli lab check's.
    const labs::Language lang = currentLanguage() == QStringLiteral("en") ? labs::Language::English : labs::Language::Portuguese;
    return QString::fromStdString(labs::checkReasonText(r, lang, labs::ReasonQuotes::Markdown));
}

QString LabPanel::instructionsMarkdown(const std::string& markdown) {
    // Fenced blocks become one link per line: a click copies that command into the terminal.
    const QString text = shown(markdown);
    QString out;
    const QStringList lines = text.split(QLatin1Char('\n'));
    bool inBlock = false;
    for (const QString& line : lines) {
        if (line.trimmed().startsWith(QStringLiteral("```"))) {
            inBlock = !inBlock;

            out += QLatin1Char('\n');
            continue;
        }
        if (!inBlock) {
            out += nonBreakingCodeSpans(line) + QLatin1Char('\n');
            continue;
        }
        if (line.trimmed().isEmpty()) continue;
        const int index = static_cast<int>(m_commands.size());
        m_commands << line;
        QString shown = nonBreakingCommand(line);
        shown.replace(QLatin1Char('`'), QStringLiteral("'"));
        out += QStringLiteral("[`%1`](%2:%3)\n\n").arg(shown, kCmdScheme).arg(index);
    }
    return out;
}

void LabPanel::renderStep() {
    m_commands.clear();
    m_notYet.clear();
    if (m_labIndex < 0 || m_selected < 0 || m_selected >= stepCount()) return;
    const labs::Lab& lab = m_labs[static_cast<std::size_t>(m_labIndex)];
    const labs::LabStep& step = lab.steps[static_cast<std::size_t>(m_selected)];
    const bool ok = stepPassed(m_selected);
    const bool detached = m_detached && !m_remote;
    const bool cur = (m_remote || (m_engine && !detached)) && currentStep() == m_selected;
    QString md;
    if (detached)
        md += QStringLiteral("> **") + tr("The steps are not being checked.") + QStringLiteral("** ") +
              tr("Click “Resume the lab” above to get the lab's cluster back.") + QStringLiteral("\n\n");
    if (m_selected == 0 && !lab.objectives.empty()) {
        md += QStringLiteral("**") + tr("Objectives") + QStringLiteral("**\n\n");
        for (const auto& o : lab.objectives) md += QStringLiteral("- ") + nonBreakingCodeSpans(q(o.get(lang()))) + QLatin1Char('\n');
        // Said once, above the first step: every step's room goes to its own text (1366×768).
        md += QStringLiteral("\n*") + tr("Click a command to copy it into the terminal.") + QStringLiteral("*\n");
        md += QStringLiteral("\n---\n\n");
    }
    m_stepHeading->setText(tr("Step %1 of %2: %3").arg(m_selected + 1).arg(stepCount()).arg(q(step.title.get(lang()))));
    md +=
        ok           ? QStringLiteral("**✔ ") + tr("Done") + QStringLiteral("**\n\n")
        : detached ? QStringLiteral("*") + tr("Not checked: another scenario replaced the lab's cluster") +
                           QStringLiteral("*\n\n")
        : cur ? QStringLiteral("*") + tr("In progress: checked after every command") + QStringLiteral("*\n\n")
              : QStringLiteral("*") + tr("Not reached yet") + QStringLiteral("*\n\n");
    // Once the student has run a command in this step: what the check still waits for (the reason
    // fluxolab-cli's lab check prints, in the UI language), under the status line.
    // On a real cluster the remote engine sends the reason with its answer (RemoteLabStatus::notYet).
    if (cur && !ok && m_remote) {
        if (m_remoteNotYet && static_cast<std::size_t>(m_selected) == m_remoteCurrent) {
            const QString why = checkReasonText(*m_remoteNotYet);
            if (!why.isEmpty()) m_notYet = tr("Not yet: %1").arg(why);
        }
    } else if (cur && !ok && m_engine) {
        const auto& history = m_host->history();
        const auto index = static_cast<std::size_t>(m_selected);
        if (history.size() > m_engine->stepHistoryStart(index)) {
            const QString why = checkReasonText(m_engine->evaluate(index, history));
            if (!why.isEmpty()) m_notYet = tr("Not yet: %1").arg(why);
        }
    }
    if (!m_notYet.isEmpty()) md += QStringLiteral("*") + m_notYet + QStringLiteral("*\n\n");
    md += instructionsMarkdown(step.instructions.get(lang()));
    const int revealed = hintsRevealed(m_selected);
    for (int i = 0; i < revealed && i < static_cast<int>(step.hints.size()); ++i)
        md += QStringLiteral("\n> **") + tr("Hint %1").arg(i + 1) + QStringLiteral(":** ") +
              nonBreakingCodeSpans(shown(step.hints[static_cast<std::size_t>(i)].get(lang()))) +
              QStringLiteral("\n\n");
    if (ok && !step.explanation.get(lang()).empty())
        md += QStringLiteral("\n---\n\n**") + tr("Why it works") + QStringLiteral("**\n\n") +
              nonBreakingCodeSpans(q(step.explanation.get(lang()))) + QStringLiteral("\n");
    // Plain text and glyphs the bundled DejaVu fonts draw (an emoji would show as a box).
    if (passedCount() == stepCount() && m_selected == stepCount() - 1)
        md += QStringLiteral("\n---\n\n**✔ ") + tr("Lab complete!") + QStringLiteral("** ") +
              tr("Every step passed. Choose the next lab in the list above, or “Restart” to do this one "
                 "again.") +
              QStringLiteral("\n");
    const int scroll = m_text->verticalScrollBar() ? m_text->verticalScrollBar()->value() : 0;
    const QString previous = m_text->property("markdown").toString();
    if (previous != md) {
        const bool sameStep = m_text->property("step").toInt() == m_selected;
        {
            QScopedValueRollback guard(m_scrolling, true); // no scrolling half-way through the new text
            m_text->setMarkdown(md);
        }
        m_text->setProperty("markdown", md); // (QTextEdit's own property: it sets the text again)
        m_text->setProperty("step", m_selected);
        // Room under the text for one more line (an empty paragraph): scrolled to a command at the
        // end, the top line is shown whole (scrollToStep() moves past a line it would cut; without
        // this room the end of the text stopped it half-way).
        QTextCursor end(m_text->document());
        end.movePosition(QTextCursor::End);
        QTextBlockFormat room;
        room.setTopMargin(0.5 * QFontMetricsF(m_text->font()).lineSpacing());
        end.insertBlock(room, QTextCharFormat());
        if (!sameStep) m_followStep = true;
        if (m_followStep) {
            scrollToStep();
            QTimer::singleShot(0, this, [this] { // again once the text browser has taken the new text in
                if (m_followStep) scrollToStep();
            });
        } else {
            m_text->verticalScrollBar()->setValue(scroll);
        }
    }
    const int total = static_cast<int>(step.hints.size());
    m_hint->setVisible(total > 0 && !ok);
    m_hint->setEnabled(revealed < total);
    m_hint->setText(revealed < total ? tr("Show a hint (%1 of %2)").arg(revealed + 1).arg(total) : tr("No more hints"));
    applyFold();
}

void LabPanel::setFolded(bool on) {
    const bool was = isFolded();
    m_folded = on;
    if (on) {
        applyFold();
    } else {
        applyFold();
        refresh(); // what the lab shows again (the steps, the hint button)
    }
    if (isFolded() != was) Q_EMIT foldedChanged(isFolded());
}

void LabPanel::applyFold() {
    const bool folded = isFolded();
    for (QWidget* w : {static_cast<QWidget*>(m_combo), static_cast<QWidget*>(m_restart), static_cast<QWidget*>(m_text)})
        w->setVisible(!folded);
    m_unfold->setVisible(folded);
    m_foldedReason->setVisible(folded && m_labIndex >= 0 && !m_notYet.isEmpty());
    elideFoldedReason();
    m_stepHeading->setToolTip(folded ? tr("Folded while you type in the terminal: click to show the step") : QString());
    m_stepHeading->setCursor(folded ? Qt::PointingHandCursor : Qt::ArrowCursor);
    if (!folded) return;
    for (QWidget* w : {static_cast<QWidget*>(m_title), static_cast<QWidget*>(m_meta), static_cast<QWidget*>(m_progress), static_cast<QWidget*>(m_progressText),
                       static_cast<QWidget*>(m_steps), static_cast<QWidget*>(m_hint)})
        w->setVisible(false);
}

void LabPanel::elideFoldedReason() {
    // Plain text: the reason's names without the Markdown code quotes the instructions render.
    const QString plain = QString(m_notYet).remove(QLatin1Char('`'));
    m_foldedReason->setToolTip(plain);
    const QMargins m = m_foldedReason->contentsMargins();
    const int w = std::max(0, m_foldedReason->width() - m.left() - m.right());
    m_foldedReason->setText(m_foldedReason->fontMetrics().elidedText(plain, Qt::ElideRight, w));
}

void LabPanel::scrollToStep() {
    if (m_scrolling) return;
    QScopedValueRollback guard(m_scrolling, true);
    QTextDocument* doc = m_text->document();
    QAbstractTextDocumentLayout* layout = doc->documentLayout();
    (void)layout->documentSize(); // lays the whole text out
    const QString link = kCmdScheme + QLatin1Char(':');
    qreal commandTop = -1, commandBottom = -1;
    for (QTextBlock b = doc->begin(); b.isValid() && commandBottom < 0; b = b.next()) {
        // The objectives above the first step have no command links: the first link is the step's.
        for (auto it = b.begin(); !it.atEnd(); ++it)
            if (it.fragment().charFormat().anchorHref().startsWith(link)) {
                commandTop = layout->blockBoundingRect(b).top();
                commandBottom = layout->blockBoundingRect(b).bottom();
                break;
            }
    }
    // The lab's last step once every step passed: "Lab complete" at the bottom.
    if (finished() && m_selected == stepCount() - 1) {
        m_text->verticalScrollBar()->setValue(m_text->verticalScrollBar()->maximum());
        return;
    }
    // The first step opens on the lab's objectives: what the class is about to do comes first (at
    // 1366x768 in presentation mode the objectives and the step's first command do not fit together;
    // scrolling to the command hid the objectives). Below them the step's text leads to the command.
    if (m_selected == 0 && hasObjectives()) {
        m_text->verticalScrollBar()->setValue(0);
        return;
    }
    // As little as needed: from the top when everything down to the command fits.
    const int margin = static_cast<int>(doc->documentMargin());
    // Never past the command's first line: a command taller than the view shows from its start.
    int y = commandBottom < 0 ? 0
                              : std::max(0, std::min(static_cast<int>(std::ceil(commandBottom)) + margin - m_text->viewport()->height(),
                                                     static_cast<int>(std::floor(commandTop))));
    // The top line is whole: a line the scroll position cuts goes out of view (its next line is the
    // first one shown; the command, below it, stays in view).
    y = std::min(firstWholeLineFrom(y), std::max(0, static_cast<int>(std::floor(commandTop))));
    m_text->verticalScrollBar()->setValue(y);
}

bool LabPanel::hasObjectives() const {
    return m_labIndex >= 0 && !m_labs[static_cast<std::size_t>(m_labIndex)].objectives.empty();
}

int LabPanel::firstWholeLineFrom(int y) const {
    QTextDocument* doc = m_text->document();
    QAbstractTextDocumentLayout* layout = doc->documentLayout();
    for (QTextBlock b = doc->begin(); b.isValid(); b = b.next()) {
        const QRectF r = layout->blockBoundingRect(b);
        if (r.bottom() <= y) continue;
        if (r.top() >= y) return y; // between blocks: nothing is cut
        const QTextLayout* lines = b.layout();
        if (!lines) return y;
        for (int i = 0; i < lines->lineCount(); ++i) {
            const QTextLine line = lines->lineAt(i);
            const qreal top = r.top() + line.y();
            if (top >= y) return y; // y falls between two lines
            if (top + line.height() > y) return static_cast<int>(std::ceil(top + line.height()));
        }
        return y;
    }
    return y;
}

void LabPanel::revealHint() {
    if (m_remote && m_selected >= 0 && static_cast<std::size_t>(m_selected) < m_remoteHints.size()) {
        // On the real cluster the hints shown are this session's (the simulation's progress is kept).
        int& n = m_remoteHints[static_cast<std::size_t>(m_selected)];
        n = std::min(n + 1, static_cast<int>(m_labs[static_cast<std::size_t>(m_labIndex)].steps[static_cast<std::size_t>(m_selected)].hints.size()));
        renderStep();
        return;
    }
    if (!m_engine || m_selected < 0 || m_selected >= stepCount()) return;
    if (m_engine->revealHint(static_cast<std::size_t>(m_selected), lang())) save();
    renderStep();
}

void LabPanel::onLink(const QUrl& url) {
    if (url.scheme() == kLabScheme) {
        loadLab(url.path());
        return;
    }
    if (url.scheme() != kCmdScheme) return;
    bool ok = false;
    const int i = url.path().toInt(&ok);
    if (ok && i >= 0 && i < m_commands.size()) Q_EMIT commandClicked(m_commands[i]);
}

void LabPanel::setPresentation(bool on) {
    m_presentation = on;
    refresh(); // the level and the progress bar (not in presentation mode)
    QFont f = font();
    // 14 pt in presentation mode, as the dialogs (15 pt left the first step's objectives cut at 1366x768).
    f.setPointSizeF(on ? kPresentationPointSize : 10);
    // The step list a little smaller than the text: four rows of it (the step being done and the
    // next ones) and the step's first command both fit at 1366x768 (the full title is the heading).
    QFont list = f;
    list.setPointSizeF(on ? 13 : 10);
    m_steps->setFont(list);
    fitStepList(); // taller rows
    QFont heading = f;
    heading.setBold(true);
    heading.setPointSizeF(on ? 16 : 11.5);
    m_stepHeading->setFont(heading);
    QFont reason = f;
    reason.setItalic(true);
    m_foldedReason->setFont(reason);
    m_text->setFont(f);
    m_text->document()->setDefaultFont(f);
    m_text->setProperty("markdown", QString());
    renderStep();
}

bool LabPanel::eventFilter(QObject* watched, QEvent* event) {
    // A click on the heading of a folded panel unfolds it.
    if (watched == m_stepHeading && event->type() == QEvent::MouseButtonRelease && isFolded()) {
        setFolded(false);
        m_text->setFocus(Qt::MouseFocusReason);
        return true;
    }
    if (watched == m_foldedReason && event->type() == QEvent::Resize) elideFoldedReason();
    // A list resized (the splitter, presentation mode): the selected step and the next ones stay in view.
    if ((watched == m_steps->viewport() || watched == m_stepSplit) && event->type() == QEvent::Resize && m_labIndex >= 0)
        QTimer::singleShot(0, this, [this] {
            if (m_steps->isVisible()) fitStepList();
        });
    // A taller or shorter panel (window resized, docks moved): the step's command stays in view.
    if (watched == m_text->viewport() && event->type() == QEvent::Resize && m_followStep && m_labIndex >= 0)
        QTimer::singleShot(0, this, [this] {
            if (m_followStep) scrollToStep();
        });
    return QWidget::eventFilter(watched, event);
}

void LabPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        populateCombo();
        refresh();
    }
    QWidget::changeEvent(event);
}

QString LabPanel::nonBreakingCommand(const QString& command) {
    // Word joiners inside every word (--bootstrap-server, localhost:9092) and a no-break space between
    // an option and its value: the line can only wrap before an option.
    const QStringList words = command.split(QLatin1Char(' '));
    QString out;
    for (int i = 0; i < words.size(); ++i) {
        QString w;
        for (int k = 0; k < words[i].size(); ++k) {
            if (k > 0) w += kWordJoiner; // no break inside a word, whatever its characters (- / : = .)
            w += words[i][k];
        }
        if (i > 0) {
            const bool value =
                !words[i].startsWith(QLatin1Char('-')) && words[i - 1].startsWith(QStringLiteral("--"));
            out += value ? kNoBreakSpace : QLatin1Char(' ');
        }
        out += w;
    }
    return out;
}

QString LabPanel::emptyStateMarkdown() const {
    QString md;
    if (!m_labs.empty()) {
        md += tr("A guided lab is a short exercise in steps: you type commands in the terminal (the real "
                 "Kafka tools, or fluxolab-cli replay in the stream labs) and each step is checked as you "
                 "go, against the simulated cluster or what the command printed.") +
              QStringLiteral("\n\n");
        md += QStringLiteral("1. ") +
              tr("Choose a lab in the list above (they are in the course's order) or below.") +
              QLatin1Char('\n');
        md += QStringLiteral("2. ") +
              tr("The lab gets its own fresh cluster (1 broker at localhost:9092, as the course's install): "
                 "it replaces the "
                 "scenario that is open.") +
              QLatin1Char('\n');
        md += QStringLiteral("3. ") +
              tr("Click a command in the instructions to copy it into the terminal, then press Enter.") +
              QLatin1Char('\n');
        md +=
            QStringLiteral("4. ") +
            tr("Your progress is saved: the lab continues where you left it, even after closing FluxoLab.") +
            QStringLiteral("\n\n");
        md += QStringLiteral("**") + tr("Labs") + QStringLiteral("**\n\n");
        for (std::size_t i = 0; i < m_labs.size(); ++i) {
            const labs::Lab& l = m_labs[i];
            const QString level = l.level == "beginner"       ? tr("beginner")
                                  : l.level == "intermediate" ? tr("intermediate")
                                                              : tr("advanced");
            md += QStringLiteral("%1. [%2](%3:%4) · ")
                      .arg(i + 1)
                      .arg(q(l.title.get(lang())), kLabScheme, q(l.id)) +
                  tr("%1 · about %2 min · %3 steps").arg(level).arg(l.duration_minutes).arg(l.steps.size()) +
                  QLatin1Char('\n');
        }
        md += QLatin1Char('\n');
    } else {
        md += tr("No lab was found in the folder %1. FluxoLab reads the *.json files of that folder (another "
                 "folder can be "
                 "chosen with the environment variable FLUXOLAB_LABS_DIR).")
                  .arg(QStringLiteral("`") + q(labs::defaultLabDirectory()) + QStringLiteral("`")) +
              QStringLiteral("\n\n");
    }
    if (!m_errors.empty()) {
        md += QStringLiteral("**") + tr("Lab files that could not be loaded") + QStringLiteral("**\n\n");
        md += tr("These files are left out until they are fixed (docs/labs.md describes the format):") +
              QStringLiteral("\n\n");
        for (const auto& e : m_errors) {
            QString line = ErrorTexts::labError(e);
            line.replace(QLatin1Char('`'), QLatin1Char('\''));
            md += QStringLiteral("- `") + line + QStringLiteral("`\n");
        }
    }
    return md;
}

void LabPanel::retranslate() {
    m_resume->setText(tr("Resume the lab"));
    m_resume->setToolTip(
        tr("Give the lab its cluster back: your commands are replayed and the steps checked again"));
    m_notice->setText(tr(
        "Another scenario replaced this lab's cluster, so its steps are no longer checked. Your progress is "
        "kept."));
    m_restart->setText(tr("Restart"));
    m_restart->setToolTip(tr("Start the lab over on a fresh cluster (1 broker, localhost:9092); asks first"));
    m_combo->setToolTip(tr("Guided labs"));
    m_unfold->setText(tr("Show the step"));
    m_unfold->setToolTip(tr("Unfold the lab panel: the step's instructions, the list of steps and the hints"));
    applyFold();
}

} // namespace fluxolab::app
