#include "app/labpanel.h"

#include "app/clihost.h"
#include "app/language.h"
#include "app/simulationcontroller.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>

#include <optional>

namespace fluxolab::app {

namespace {
const QString kCmdScheme = QStringLiteral("fluxolab-cmd");
const QColor kPassed(0x00, 0x8a, 0x5e);
const QColor kCurrent(0x00, 0x5f, 0x9e);
const QColor kPending(0x80, 0x86, 0x8c);
/// Virtual time a lab cluster can run (the timeline's length).
constexpr sim::TimeMs kLabDurationMs = 2 * 60 * 60 * 1000;

labs::Language lang() { return CliHost::noteLanguage(); }
QString q(const std::string& s) { return QString::fromStdString(s); }
} // namespace

LabPanel::LabPanel(CliHost* host, QWidget* parent) : QWidget(parent), m_host(host) {
    setObjectName(QStringLiteral("labPanel"));
    const labs::LabCatalog catalog = labs::loadLabCatalog(labs::defaultLabDirectory());
    m_labs = catalog.labs;
    m_errors = catalog.errors;

    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(6, 6, 6, 6);
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
    m_title = new QLabel(this);
    m_title->setWordWrap(true);
    m_title->setStyleSheet(QStringLiteral("font-weight: bold; font-size: 13pt"));
    m_meta = new QLabel(this);
    m_meta->setWordWrap(true);
    m_meta->setStyleSheet(QStringLiteral("color: #5a6168"));
    column->addWidget(m_title);
    column->addWidget(m_meta);
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("labProgress"));
    column->addWidget(m_progress);

    auto* split = new QSplitter(Qt::Vertical, this);
    m_steps = new QListWidget(split);
    m_steps->setObjectName(QStringLiteral("labSteps"));
    m_steps->setUniformItemSizes(true);
    auto* textBox = new QWidget(split);
    auto* textColumn = new QVBoxLayout(textBox);
    textColumn->setContentsMargins(0, 0, 0, 0);
    m_text = new QTextBrowser(textBox);
    m_text->setObjectName(QStringLiteral("labText"));
    m_text->setOpenLinks(false);
    m_text->document()->setDocumentMargin(8);
    m_hint = new QPushButton(textBox);
    m_hint->setObjectName(QStringLiteral("labHint"));
    textColumn->addWidget(m_text, 1);
    auto* hintRow = new QHBoxLayout;
    hintRow->addStretch(1);
    hintRow->addWidget(m_hint);
    textColumn->addLayout(hintRow);
    split->addWidget(m_steps);
    split->addWidget(textBox);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 4);
    column->addWidget(split, 1);

    connect(m_text, &QTextBrowser::anchorClicked, this, &LabPanel::onLink);
    connect(m_restart, &QPushButton::clicked, this, &LabPanel::restart);
    connect(m_hint, &QPushButton::clicked, this, &LabPanel::revealHint);
    connect(m_steps, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row == m_selected) return;
        m_selected = row;
        renderStep();
    });
    connect(m_combo, &QComboBox::activated, this, [this](int i) {
        if (i >= 0 && i < static_cast<int>(m_labs.size())) loadLab(q(m_labs[static_cast<std::size_t>(i)].id));
    });
    connect(m_host, &CliHost::historyChanged, this, &LabPanel::update);
    connect(m_host, &CliHost::tick, this, [this] {
        // Checks on lag or group state change as time passes: re-evaluate a few times a second.
        ++m_ticks;
        if (m_ticks % 3 == 0) update();
        if (m_ticks % 10 == 0) saveJournal(); // the ticks of a running consumer, once a second
    });
    connect(m_host, &CliHost::journalChanged, this, &LabPanel::saveJournal);
    connect(m_host, &CliHost::backendAboutToReset, this, [this] {
        if (!m_loading) m_engine.reset(); // another scenario replaces the lab's cluster
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

int LabPanel::stepCount() const { return m_labIndex >= 0 ? static_cast<int>(m_labs[static_cast<std::size_t>(m_labIndex)].steps.size()) : 0; }

bool LabPanel::stepPassed(int step) const {
    return m_engine && step >= 0 && step < stepCount() && m_engine->stepPassed(static_cast<std::size_t>(step));
}

int LabPanel::passedCount() const {
    int n = 0;
    for (int i = 0; i < stepCount(); ++i) n += stepPassed(i) ? 1 : 0;
    return n;
}

void LabPanel::populateCombo() {
    const int keep = m_labIndex;
    m_combo->clear();
    for (const auto& l : m_labs) m_combo->addItem(q(l.title.get(lang())), q(l.id));
    if (m_labs.empty()) m_combo->addItem(tr("No labs found"));
    m_combo->setCurrentIndex(keep >= 0 ? keep : -1);
    if (keep < 0 && !m_labs.empty()) m_combo->setPlaceholderText(tr("Choose a lab…"));
}

bool LabPanel::loadLab(const QString& id) {
    int index = -1;
    for (std::size_t i = 0; i < m_labs.size(); ++i)
        if (q(m_labs[i].id) == id) index = static_cast<int>(i);
    if (index < 0) return false;
    const labs::Lab& lab = m_labs[static_cast<std::size_t>(index)];
    m_labIndex = index;
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
    // A fresh cluster like the course's local KRaft install.
    sim::Scenario s;
    s.name = "lab-" + lab.id;
    s.title = sim::LocalizedText{lab.title.pt, lab.title.en};
    s.duration_ms = kLabDurationMs;
    s.cluster.brokers = lab.brokers;
    s.seed = m_seed;
    m_loading = true;
    m_engine.reset();
    m_host->controller()->load(s, m_seed);
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
        m_engine->start();
        m_replaying = true;
        replayed = m_host->replay(*journal);
        m_replaying = false;
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
            m_engine->restoreProgress(saved.toStdString(), nullptr, nowPassed >= savedPassed);
        }
    } else {
        // Progress saved without a journal (older versions): the steps, on an empty cluster.
        if (!saved.isEmpty()) m_engine->restoreProgress(saved.toStdString());
        m_engine->start();
    }
    m_host->syncViews();
    QSettings().setValue(currentLabKey(), id);
    m_selected = static_cast<int>(std::min(m_engine->currentStep(), lab.steps.size() - 1));
    update();
    refresh();
    Q_EMIT labLoaded(id);
    if (corrupt)
        Q_EMIT notice(tr("The saved progress of this lab could not be read: the lab starts over on a fresh cluster."));
    else if (replayed > 0)
        Q_EMIT notice(tr("Progress restored: %n command(s) replayed", nullptr, static_cast<int>(replayed)));
    return true;
}

void LabPanel::restart() {
    if (m_labIndex < 0) return;
    const QString id = currentLabId();
    QSettings().remove(progressKey(id));
    QSettings().remove(journalKey(id));
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
    if (!m_engine || m_loading) return;
    if (m_replaying) {
        m_engine->update(m_host->history()); // the views and the saved progress catch up at the end
        return;
    }
    const std::size_t before = m_engine->currentStep();
    const auto passed = m_engine->update(m_host->history());
    if (!passed.empty()) {
        m_host->syncViews(); // the next step's setup may have changed the cluster
        save();
        // Follow the student to the next step, unless they were reading another one.
        if (m_selected == static_cast<int>(before))
            m_selected = static_cast<int>(std::min(m_engine->currentStep(), static_cast<std::size_t>(stepCount() - 1)));
        refresh();
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
    m_progress->setVisible(have);
    if (!have) {
        m_title->setText(tr("Guided labs"));
        m_meta->setText(tr("Choose a lab above. Each step is checked against the simulated cluster while you type the "
                           "commands in the terminal."));
        m_steps->clear();
        m_text->clear();
        m_hint->setVisible(false);
        return;
    }
    const labs::Lab& lab = m_labs[static_cast<std::size_t>(m_labIndex)];
    m_title->setText(q(lab.title.get(lang())));
    const QString level = lab.level == "beginner" ? tr("beginner") : lab.level == "intermediate" ? tr("intermediate") : tr("advanced");
    m_meta->setText(tr("Level: %1 · about %2 min · %3 steps").arg(level).arg(lab.duration_minutes).arg(lab.steps.size()));
    const int n = stepCount();
    const int done = passedCount();
    m_progress->setRange(0, n);
    m_progress->setValue(done);
    m_progress->setFormat(tr("%1 of %2 steps").arg(done).arg(n));
    m_steps->blockSignals(true);
    if (m_steps->count() != n) {
        m_steps->clear();
        for (int i = 0; i < n; ++i) m_steps->addItem(QString());
    }
    const std::size_t current = m_engine ? m_engine->currentStep() : 0;
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
        item->setToolTip(ok ? tr("Done") : cur ? tr("In progress: checked after every command") : tr("Not reached yet"));
    }
    m_steps->setCurrentRow(m_selected);
    m_steps->blockSignals(false);
    renderStep();
}

QString LabPanel::instructionsMarkdown(const std::string& markdown) {
    // Fenced blocks become one link per line: a click copies that command into the terminal.
    const QString text = q(markdown);
    QString out;
    const QStringList lines = text.split(QLatin1Char('\n'));
    bool inBlock = false;
    bool firstBlock = true;
    for (const QString& line : lines) {
        if (line.trimmed().startsWith(QStringLiteral("```"))) {
            inBlock = !inBlock;
            if (inBlock && firstBlock) {
                out += QStringLiteral("\n*") + tr("Click a command to copy it into the terminal.") + QStringLiteral("*\n\n");
                firstBlock = false;
            }
            out += QLatin1Char('\n');
            continue;
        }
        if (!inBlock) {
            out += line + QLatin1Char('\n');
            continue;
        }
        if (line.trimmed().isEmpty()) continue;
        const int index = static_cast<int>(m_commands.size());
        m_commands << line;
        QString shown = line;
        shown.replace(QLatin1Char('`'), QStringLiteral("'"));
        out += QStringLiteral("[`%1`](%2:%3)\n\n").arg(shown, kCmdScheme).arg(index);
    }
    return out;
}

void LabPanel::renderStep() {
    m_commands.clear();
    if (m_labIndex < 0 || m_selected < 0 || m_selected >= stepCount()) return;
    const labs::Lab& lab = m_labs[static_cast<std::size_t>(m_labIndex)];
    const labs::LabStep& step = lab.steps[static_cast<std::size_t>(m_selected)];
    const bool ok = stepPassed(m_selected);
    const bool cur = m_engine && m_engine->currentStep() == static_cast<std::size_t>(m_selected);
    QString md;
    if (m_selected == 0 && !lab.objectives.empty()) {
        md += QStringLiteral("**") + tr("Objectives") + QStringLiteral("**\n\n");
        for (const auto& o : lab.objectives) md += QStringLiteral("- ") + q(o.get(lang())) + QLatin1Char('\n');
        md += QStringLiteral("\n---\n\n");
    }
    md += QStringLiteral("### ") + tr("Step %1 of %2: %3").arg(m_selected + 1).arg(stepCount()).arg(q(step.title.get(lang()))) +
          QStringLiteral("\n\n");
    md += ok ? QStringLiteral("**✔ ") + tr("Done") + QStringLiteral("**\n\n")
         : cur ? QStringLiteral("*") + tr("In progress: checked after every command") + QStringLiteral("*\n\n")
               : QStringLiteral("*") + tr("Not reached yet") + QStringLiteral("*\n\n");
    md += instructionsMarkdown(step.instructions.get(lang()));
    const int shown = m_engine ? m_engine->hintsRevealed(static_cast<std::size_t>(m_selected)) : 0;
    for (int i = 0; i < shown && i < static_cast<int>(step.hints.size()); ++i)
        md += QStringLiteral("\n> **") + tr("Hint %1").arg(i + 1) + QStringLiteral(":** ") +
              q(step.hints[static_cast<std::size_t>(i)].get(lang())) + QStringLiteral("\n\n");
    if (ok && !step.explanation.get(lang()).empty())
        md += QStringLiteral("\n---\n\n**") + tr("Why it works") + QStringLiteral("**\n\n") + q(step.explanation.get(lang())) +
              QStringLiteral("\n");
    if (m_engine && m_engine->finished() && m_selected == stepCount() - 1)
        md += QStringLiteral("\n---\n\n**🎉 ") + tr("Lab complete!") + QStringLiteral("**\n");
    const int scroll = m_text->verticalScrollBar() ? m_text->verticalScrollBar()->value() : 0;
    const QString previous = m_text->property("markdown").toString();
    if (previous != md) {
        m_text->setMarkdown(md);
        m_text->setProperty("markdown", md);
        if (m_text->property("step").toInt() == m_selected) m_text->verticalScrollBar()->setValue(scroll);
        m_text->setProperty("step", m_selected);
    }
    const int total = static_cast<int>(step.hints.size());
    m_hint->setVisible(total > 0 && !ok);
    m_hint->setEnabled(shown < total);
    m_hint->setText(shown < total ? tr("Show a hint (%1 of %2)").arg(shown + 1).arg(total) : tr("No more hints"));
}

void LabPanel::revealHint() {
    if (!m_engine || m_selected < 0 || m_selected >= stepCount()) return;
    if (m_engine->revealHint(static_cast<std::size_t>(m_selected), lang())) save();
    renderStep();
}

void LabPanel::onLink(const QUrl& url) {
    if (url.scheme() != kCmdScheme) return;
    bool ok = false;
    const int i = url.path().toInt(&ok);
    if (ok && i >= 0 && i < m_commands.size()) Q_EMIT commandClicked(m_commands[i]);
}

void LabPanel::setPresentation(bool on) {
    QFont f = font();
    f.setPointSizeF(on ? 15 : 10);
    m_steps->setFont(f);
    m_text->setFont(f);
    m_text->document()->setDefaultFont(f);
    m_text->setProperty("markdown", QString());
    renderStep();
}

void LabPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        populateCombo();
        refresh();
    }
    QWidget::changeEvent(event);
}

void LabPanel::retranslate() {
    m_restart->setText(tr("Restart"));
    m_restart->setToolTip(tr("Start the lab over on a fresh cluster (1 broker, localhost:9092)"));
    m_combo->setToolTip(tr("Guided labs"));
}

} // namespace fluxolab::app
