#include "app/cluster/comparewindow.h"

#include "app/cluster/clustercanvas.h"
#include "app/core/simulationcontroller.h"
#include "app/core/screenfit.h"
#include "app/core/texts.h"
#include "app/cluster/timelinebar.h"

#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLayout>
#include <QResizeEvent>
#include <QSlider>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <initializer_list>
#include <limits>

namespace fluxolab::app {

namespace {

constexpr double kSpeeds[] = {0.25, 0.5, 1, 2, 4, 8, 16, 32, 64};

void fill(QComboBox* box) {
    for (std::int32_t k : SimulationController::assignorKinds()) box->addItem(QString(), k);
}

} // namespace

CompareWindow::CompareWindow(SimulationController* source, QWidget* parent)
    : QWidget(parent, Qt::Window), m_source(source), m_left(new SimulationController(this)),
      m_right(new SimulationController(this)) {
    setObjectName(QStringLiteral("CompareWindow"));
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(6, 6, 6, 6);
    m_explain = new QLabel(this);
    m_explain->setWordWrap(true);
    column->addWidget(m_explain);
    auto* grid = new QGridLayout;
    m_leftTitle = new QLabel(this);
    m_rightTitle = new QLabel(this);
    m_leftAssignor = new QComboBox(this);
    m_rightAssignor = new QComboBox(this);
    fill(m_leftAssignor);
    fill(m_rightAssignor);
    m_leftAssignor->setCurrentIndex(0);
    m_rightAssignor->setCurrentIndex(3);
    m_leftView = new ClusterCanvas(m_left, this);
    m_rightView = new ClusterCanvas(m_right, this);
    m_leftView->setMinimumSize(400, 300);
    m_rightView->setMinimumSize(400, 300);
    // Both sides draw brokers and groups; the producers and the legend are drawn once, left of
    // them (a second copy took ~100 px of each side's width: at 1366x768 presentation the sides
    // stayed at scale 1.0).
    for (ClusterCanvas* side : {m_leftView, m_rightView}) side->setOptions({ClusterLayoutOptions::Part::Cluster});
    m_clientsView = new ClusterCanvas(m_left, this);
    m_clientsView->setObjectName(QStringLiteral("CompareProducers"));
    m_clientsView->setOptions({ClusterLayoutOptions::Part::Clients});
    m_clientsView->setSides(m_leftView, m_rightView);
    m_clientsView->setInteractive(false);
    m_clientsView->setMinimumSize(0, 300);
    m_clientsView->setFixedWidth(120);
    auto* lh = new QHBoxLayout;
    lh->addWidget(m_leftTitle);
    lh->addWidget(m_leftAssignor, 1);
    auto* rh = new QHBoxLayout;
    rh->addWidget(m_rightTitle);
    rh->addWidget(m_rightAssignor, 1);
    grid->addWidget(m_clientsView, 0, 0, 2, 1);
    grid->addLayout(lh, 0, 1);
    grid->addLayout(rh, 0, 2);
    grid->addWidget(m_leftView, 1, 1);
    grid->addWidget(m_rightView, 1, 2);
    grid->setColumnStretch(0, 0);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(2, 1);
    grid->setRowStretch(1, 1);
    m_noGroups = new QLabel(this);
    m_noGroups->setObjectName(QStringLiteral("CompareNoGroups"));
    m_noGroups->setWordWrap(true);
    m_noGroups->hide();
    column->addWidget(m_noGroups);
    column->addLayout(grid, 1);

    auto* bar = new QHBoxLayout;
    m_play = new QToolButton(this);
    m_step = new QToolButton(this);
    m_step->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    m_speed = new QComboBox(this);
    for (double s : kSpeeds) m_speed->addItem(Texts::speed(s), s);
    m_speed->setCurrentIndex(2);
    if (m_source) // the source's speed: its playback is the clock
        if (const int i = m_speed->findData(m_source->speed()); i >= 0) m_speed->setCurrentIndex(i);
    m_slider = new QSlider(Qt::Horizontal, this);
    jumpToClick(m_slider);
    m_timeLabel = new QLabel(this);
    m_timeLabel->setMinimumWidth(110);
    m_catchUpLabel = new QLabel(this);
    m_catchUpLabel->setObjectName(QStringLiteral("CompareCatchUp"));
    m_catchUpLabel->hide();
    column->addWidget(m_catchUpLabel);
    bar->addWidget(m_play);
    bar->addWidget(m_step);
    bar->addWidget(m_speed);
    bar->addWidget(m_slider, 1);
    bar->addWidget(m_timeLabel);
    column->addLayout(bar);

    connect(m_play, &QToolButton::clicked, this, [this] { setPlaying(!isPlaying()); });
    connect(m_step, &QToolButton::clicked, this, &CompareWindow::stepForward);
    connect(m_speed, &QComboBox::currentIndexChanged, this, [this](int i) {
        if (m_updating) return;
        if (m_source) m_source->setSpeed(m_speed->itemData(i).toDouble()); // its speedChanged sets the sides'
    });
    // The one clock: the source's playback, scrubbing and steps move the sides; a new load (another
    // scenario, a restart with a seed, a scenario edit) loads both sides again.
    if (m_source) {
        connect(m_source.data(), &SimulationController::changed, this, &CompareWindow::follow);
        connect(m_source.data(), &SimulationController::reset, this, &CompareWindow::reload);
        connect(m_source.data(), &SimulationController::playingChanged, this, &CompareWindow::refresh);
        connect(m_source.data(), &SimulationController::speedChanged, this, [this](double s) {
            m_left->setSpeed(s); // the views scale their animations with the speed
            m_right->setSpeed(s);
            m_updating = true;
            if (const int i = m_speed->findData(s); i >= 0) m_speed->setCurrentIndex(i);
            m_updating = false;
        });
    }
    connect(m_slider, &QSlider::valueChanged, this, [this](int v) {
        if (!m_updating) seekTime(v);
    });
    auto reloadKeepingTime = [this] {
        if (!m_updating) reload();
    };
    connect(m_leftAssignor, &QComboBox::currentIndexChanged, this, reloadKeepingTime);
    connect(m_rightAssignor, &QComboBox::currentIndexChanged, this, reloadKeepingTime);
    retranslate();
    reload();
    fitToScreen(this, QSize(1600, 860));
}

CompareWindow::~CompareWindow() = default;

void CompareWindow::setAssignors(int left, int right) {
    m_updating = true;
    m_leftAssignor->setCurrentIndex(m_leftAssignor->findData(left));
    m_rightAssignor->setCurrentIndex(m_rightAssignor->findData(right));
    m_updating = false;
    reload();
}

void CompareWindow::reload() {
    if (!m_source || !m_source->hasRun()) return;
    m_left->loadWithAssignor(*m_source, m_leftAssignor->currentData().toInt());
    m_right->loadWithAssignor(*m_source, m_rightAssignor->currentData().toInt());
    m_left->setSpeed(m_source->speed());
    m_right->setSpeed(m_source->speed());
    m_time = -1; // both sides at 0: they catch up with the source's time, in slices
    m_catchingUp = true;
    ++m_catchUpGeneration;
    catchUpSlice(kFirstCatchUpSliceMs);
    fitProducersStrip();
}

void CompareWindow::fitProducersStrip() {
    if (!m_left->hasRun()) return;
    // The strip's width moves the sides' scale, which moves the strip's width: a few rounds (each
    // a fraction of the one before: the sides are ~500 px at scale 1, the strip ~100).
    int widest = 0;
    for (int round = 0; round < 4; ++round) {
        Theme theme = m_leftView->theme();
        theme.scale = std::min(m_leftView->layout().theme.scale, m_rightView->layout().theme.scale);
        int w = static_cast<int>(ClusterLayoutBuilder::clientsWidth(m_left->observation(), theme));
        widest = std::max(widest, w);
        if (round == 3) w = widest; // no fixed point (a label line more or less): room for the larger
        m_stripScale = theme.scale;
        if (w == m_clientsView->width() && w == m_clientsView->minimumWidth()) break;
        m_clientsView->setFixedWidth(w);
        if (QLayout* l = layout()) {
            l->invalidate();
            l->activate();
        }
    }
}

void CompareWindow::resizeEvent(QResizeEvent* event) {
    QWidget::resizeEvent(event);
    fitProducersStrip();
}

void CompareWindow::catchUpSlice(int budget_ms) {
    if (!m_catchingUp) return;
    if (!m_source || !m_source->hasRun() || !m_left->hasRun() || !m_right->hasRun()) {
        m_catchingUp = false;
        m_catchUpLabel->hide();
        return;
    }
    // The source's time now (it may play meanwhile): each side simulates towards it for its half of
    // the slice (SimulationController::runTowards, the pieces its playback uses); a side that got
    // there has its cursor at it.
    const std::int64_t t = m_source->time();
    const int half = budget_ms > 0 ? std::max(1, budget_ms / 2) : std::numeric_limits<int>::max();
    bool left = false, right = false;
    do {
        left = m_left->runTowards(t, half);
        right = m_right->runTowards(t, half);
    } while (budget_ms == 0 && !(left && right));
    if (left && right) {
        m_catchingUp = false;
        m_catchUpLabel->hide();
        m_time = t;
        m_furthest = std::max(m_furthest, m_time);
        refresh();
        if (m_source->time() != m_time) follow(); // it moved during the last slice
        return;
    }
    m_catchUpLabel->setText(tr("Both sides are catching up with the main run: %1 of %2 (%3%)")
                                .arg(Texts::virtualTime(std::min(m_left->simulatedTime(), m_right->simulatedTime())),
                                     Texts::virtualTime(t))
                                .arg(static_cast<int>(catchUpProgress() * 100)));
    m_catchUpLabel->show();
    const std::uint64_t generation = m_catchUpGeneration;
    QTimer::singleShot(0, this, [this, generation] {
        if (generation == m_catchUpGeneration) catchUpSlice(kCatchUpSliceMs);
    });
}

double CompareWindow::catchUpProgress() const {
    if (!m_catchingUp) return 1.0;
    const std::int64_t t = m_source ? m_source->time() : 0;
    if (t <= 0) return 1.0;
    const std::int64_t at = std::min(m_left->simulatedTime(), m_right->simulatedTime());
    return std::clamp(static_cast<double>(at) / static_cast<double>(t), 0.0, 1.0);
}

void CompareWindow::finishCatchUp() {
    if (m_catchingUp) catchUpSlice(0);
}

void CompareWindow::follow() {
    if (!m_source || !m_source->hasRun() || !m_left->hasRun() || !m_right->hasRun()) return;
    if (m_catchingUp) return; // the catch-up's next slice goes to the source's time then
    const std::int64_t t = m_source->time();
    if (t == m_time) return; // the source repainted without moving its clock
    m_time = t;
    m_furthest = std::max(m_furthest, m_time);
    // The same virtual time on both sides: each shows every event of its own journal up to it.
    m_left->runTo(m_time);
    m_right->runTo(m_time);
    refresh();
}

void CompareWindow::setPresentation(bool on) {
    m_presentation = on;
    const Theme theme = on ? Theme::projector() : Theme::normal();
    // The views at the projector's scale, or the largest that fits their width (ClusterLayoutBuilder:
    // two sides of a 1366 px screen fit three broker columns at 1.0 only).
    m_leftView->setTheme(theme);
    m_rightView->setTheme(theme);
    m_clientsView->setTheme(theme);
    // The window's own texts as the main window's panels have them in presentation mode (14 pt): the
    // explanation, the assignors, the playback bar.
    QFont f = QApplication::font();
    f.setPointSizeF(14);
    for (QWidget* w : std::initializer_list<QWidget*>{m_explain, m_noGroups, m_leftTitle, m_rightTitle, m_leftAssignor, m_rightAssignor,
                                                      m_play, m_step, m_speed, m_slider, m_timeLabel})
        w->setFont(on ? f : QFont());
    m_timeLabel->setMinimumWidth(on ? 160 : 110);
    fitProducersStrip();
}

bool CompareWindow::isPlaying() const { return m_source && m_source->isPlaying(); }

void CompareWindow::setPlaying(bool playing) {
    if (!m_source || !m_left->hasRun()) playing = false;
    if (m_source) m_source->setPlaying(playing); // playingChanged refreshes the button
    refresh();
}

void CompareWindow::advance(double wallMs) {
    if (!m_source || !m_left->hasRun()) return;
    // Like the main window, playback runs on past the scenario's duration until the user pauses it.
    m_source->advance(wallMs);
    follow();
}

void CompareWindow::seekTime(std::int64_t ms) {
    if (!m_source || !m_left->hasRun()) return;
    m_source->runTo(std::max<std::int64_t>(0, ms)); // its changed() moves the sides (follow)
    follow();
}

void CompareWindow::stepForward() {
    if (!m_left->hasRun() || m_catchingUp) return; // the next event after the moment it catches up with
    setPlaying(false);
    constexpr auto kNone = std::numeric_limits<std::int64_t>::max();
    auto nextOf = [this, kNone](const SimulationController* c) -> std::int64_t { return c->nextEventTime(m_time).value_or(kNone); };
    std::int64_t next = std::min(nextOf(m_left), nextOf(m_right));
    for (std::int64_t probe = m_time + 10; next == kNone && probe <= m_time + 10000; probe += 10) {
        m_left->runTo(probe);
        m_right->runTo(probe);
        next = std::min(nextOf(m_left), nextOf(m_right));
        if (m_left->eventCount() > m_left->cursor() || m_right->eventCount() > m_right->cursor()) break;
    }
    seekTime(next == kNone ? m_time + 10000 : next);
}

void CompareWindow::refresh() {
    m_play->setIcon(style()->standardIcon(isPlaying() ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setToolTip(isPlaying() ? tr("Pause") : tr("Play"));
    m_updating = true;
    // While the sides catch up, the moment they go to (the source's).
    const std::int64_t shown = m_catchingUp && m_source ? m_source->time() : std::max<std::int64_t>(0, m_time);
    m_slider->setRange(0, static_cast<int>(std::min<std::int64_t>(INT32_MAX, std::max({m_left->duration(), m_furthest, shown}))));
    m_slider->setValue(static_cast<int>(shown));
    m_updating = false;
    m_timeLabel->setText(tr("t = %1").arg(Texts::virtualTime(shown)));
    // Without a consumer group the assignors have nothing to do: the sides have no groups' column,
    // and this says why they are the same.
    bool groups = false;
    for (const SimulationController* side : {m_left, m_right})
        if (side->hasRun())
            for (const auto& g : side->observation().groups) groups = groups || !g.internal;
    const bool note = m_left->hasRun() && !groups;
    // The sides' scale follows what they show (longer offsets, another label line): the strip too.
    if (m_left->hasRun() && !m_catchingUp &&
        std::min(m_leftView->layout().theme.scale, m_rightView->layout().theme.scale) != m_stripScale)
        fitProducersStrip();
    if (note == m_noGroups->isHidden()) {
        m_noGroups->setVisible(note);
        fitProducersStrip();
    }
}

void CompareWindow::retranslate() {
    QString scenario;
    if (m_source && m_source->hasRun()) scenario = m_source->scenarioTitle(); // "New scenario", not "novo-cenario"
    setWindowTitle(tr("Compare assignors — %1").arg(scenario));
    m_explain->setText(tr("The same scenario and seed under two assignors, at the same virtual time. With an eager assignor "
                          "every consumer stops during a rebalance; with cooperative-sticky only the partitions that move "
                          "stop, in two phases."));
    m_leftTitle->setText(tr("Left:"));
    m_rightTitle->setText(tr("Right:"));
    for (QComboBox* box : {m_leftAssignor, m_rightAssignor})
        for (int i = 0; i < box->count(); ++i) {
            const int k = box->itemData(i).toInt();
            box->setItemText(i, Texts::assignor(k) + QStringLiteral(" · ") + Texts::rebalanceProtocol(k));
        }
    m_noGroups->setText(tr("No consumer group here at this moment: an assignor shares a group's partitions among the group's "
                           "members, so until a group has members both sides are the same."));
    m_step->setToolTip(tr("Both sides to the next event"));
    m_speed->setToolTip(tr("Playback speed (virtual time per real second)"));
    for (int i = 0; i < m_speed->count(); ++i) m_speed->setItemText(i, Texts::speed(m_speed->itemData(i).toDouble()));
    m_slider->setToolTip(tr("Virtual time, shared by both sides"));
    refresh();
}

void CompareWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    QWidget::changeEvent(event);
}

} // namespace fluxolab::app
