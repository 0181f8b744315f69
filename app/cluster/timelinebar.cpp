#include "app/cluster/timelinebar.h"

#include "app/core/simulationcontroller.h"
#include "app/core/texts.h"

#include <QApplication>

#include <algorithm>
#include <QClipboard>
#include <QComboBox>
#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QProxyStyle>
#include <QRegularExpressionValidator>
#include <QSlider>
#include <QStyleOptionSlider>
#include <QStyle>
#include <QTextLayout>
#include <QToolButton>
#include <QVBoxLayout>

namespace fluxolab::app {

namespace {
constexpr double kSpeeds[] = {0.25, 0.5, 1, 2, 4, 8, 16, 32, 64};

/// The event text, on a row of its own under the controls (the whole width of the view): whole,
/// wrapped onto a second line where the row is narrow (lab panel open, presentation mode's larger
/// font). Its height depends on its width only, never on the text shown, so that the views above
/// do not jump while events play. A text longer than two full lines (never one the app makes) ends
/// in "…"; the whole text is in the tooltip.
class EventLabel : public QLabel {
public:
    using QLabel::QLabel;
    /// Two lines when a long event text (about kLongEvent characters of running text) would not fit
    /// on one: measured as that many "n" (wider than the average letter; LayoutTest checks the
    /// real texts).
    static constexpr int kLongEvent = 90;
    int lines() const { return m_lines; }
    void refit() { updateLines(); }
    QSize minimumSizeHint() const override { return {fontMetrics().averageCharWidth() * 8, heightFor(m_lines)}; }
    QSize sizeHint() const override { return {fontMetrics().averageCharWidth() * 40, heightFor(m_lines)}; }
    /// The rectangle the text goes in and whether `text` fits it whole.
    QRect textRect() const { return contentsRect(); }
    bool fits(const QString& text) const {
        const QRect r = textRect();
        const QRect need = fontMetrics().boundingRect(QRect(0, 0, r.width(), 10000), Qt::AlignLeft | Qt::TextWordWrap, text);
        return need.width() <= r.width() && need.height() <= r.height();
    }

protected:
    void resizeEvent(QResizeEvent* event) override {
        QLabel::resizeEvent(event);
        updateLines();
    }
    void changeEvent(QEvent* event) override {
        QLabel::changeEvent(event);
        if (event->type() == QEvent::FontChange) updateLines();
    }
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        p.setPen(palette().color(QPalette::WindowText));
        const QRect r = textRect();
        if (fits(text())) {
            p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter | Qt::TextWordWrap, text());
            return;
        }
        // Longer than its lines: the first line whole, then the rest shortened.
        QTextLayout layout(text(), font());
        layout.beginLayout();
        QTextLine first = layout.createLine();
        first.setLineWidth(r.width());
        layout.endLayout();
        const QString head = text().left(first.textLength());
        const QString rest = fontMetrics().elidedText(text().mid(first.textLength()), Qt::ElideRight, r.width());
        p.drawText(r, Qt::AlignLeft | Qt::AlignVCenter, head.trimmed() + QLatin1Char('\n') + rest);
    }

private:
    int heightFor(int lines) const {
        const QMargins m = contentsMargins();
        // As tall as `lines` lines of text measure when wrapped (what fits() compares with).
        const QString sample = lines > 1 ? QStringLiteral("Ág\nÁg") : QStringLiteral("Ág");
        return fontMetrics().boundingRect(QRect(0, 0, 10000, 10000), Qt::AlignLeft | Qt::TextWordWrap, sample).height() + m.top() +
               m.bottom();
    }
    /// One line in the bar's font where a long text fits; else in a smaller one, down to the normal
    /// mode's 10 pt (presentation mode's 14 pt beside the lab panel), so that the terminal below
    /// keeps its lines; two lines only when even that is too wide.
    void updateLines() {
        if (m_fitting) return;
        m_fitting = true;
        const QFont base = parentWidget() ? parentWidget()->font() : font();
        QFont f = base;
        const QString sample(kLongEvent, QLatin1Char('n'));
        const int width = contentsRect().width();
        while (f.pointSizeF() > 10.25 && QFontMetrics(f).horizontalAdvance(sample) > width) f.setPointSizeF(f.pointSizeF() - 0.5);
        if (f != font()) setFont(f);
        m_lines = QFontMetrics(f).horizontalAdvance(sample) > width ? 2 : 1;
        if (height() != heightFor(m_lines)) {
            setFixedHeight(heightFor(m_lines));
            updateGeometry();
        }
        m_fitting = false;
    }
    int m_lines = 1;
    bool m_fitting = false;
};
/// The scrubber, with a tick for each marker of the observation (TimeTravel): where a group
/// rebalanced (a new generation), a broker stopped, partitions got a new leader.
class MarkerSlider : public QSlider {
public:
    using QSlider::QSlider;
    void setMarkers(labs::observe::TimelineMarkers markers) {
        if (markers.sharesStorageWith(m_markers) || (markers.empty() && m_markers.empty())) return; // the same markers
        m_markers = std::move(markers); // shared with the observation: a pointer, not a copy
        update();
    }
    std::size_t markerCount() const { return m_markers.size(); }

protected:
    void paintEvent(QPaintEvent* event) override {
        QSlider::paintEvent(event);
        if (m_markers.empty() || maximum() <= minimum()) return;
        QStyleOptionSlider opt;
        initStyleOption(&opt);
        const QRect groove = style()->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderGroove, this);
        const QRect handle = style()->subControlRect(QStyle::CC_Slider, &opt, QStyle::SC_SliderHandle, this);
        const int span = groove.width() - handle.width();
        QPainter p(this);
        for (const auto& m : m_markers) {
            if (m.position > static_cast<std::size_t>(maximum())) continue;
            const int x = groove.left() + handle.width() / 2 +
                          QStyle::sliderPositionFromValue(minimum(), maximum(), static_cast<int>(m.position), span);
            QColor c;
            switch (m.kind) {
            case labs::observe::TimelineMarker::Kind::Rebalance: c = QColor(0xe6, 0x7e, 0x22); break;
            case labs::observe::TimelineMarker::Kind::BrokerDown: c = QColor(0xc0, 0x39, 0x2b); break;
            case labs::observe::TimelineMarker::Kind::Election: c = QColor(0x29, 0x80, 0xb9); break;
            }
            p.fillRect(QRect(x - 1, rect().top() + 1, 2, std::max(3, height() / 4)), c);
        }
    }

private:
    labs::observe::TimelineMarkers m_markers;
};

class JumpSliderStyle : public QProxyStyle {
public:
    using QProxyStyle::QProxyStyle;
    int styleHint(StyleHint hint, const QStyleOption* option, const QWidget* widget, QStyleHintReturn* ret) const override {
        if (hint == QStyle::SH_Slider_AbsoluteSetButtons) return Qt::LeftButton | Qt::MiddleButton;
        return QProxyStyle::styleHint(hint, option, widget, ret);
    }
};
} // namespace

void jumpToClick(QSlider* slider) {
    auto* style = new JumpSliderStyle(); // over the application's style
    style->setParent(slider);
    slider->setStyle(style);
}

TimelineBar::TimelineBar(SimulationController* controller, QWidget* parent) : QWidget(parent), m_controller(controller) {
    // Two rows: the controls, then the event text across the whole width.
    auto* rows = new QVBoxLayout(this);
    rows->setContentsMargins(8, 1, 8, 0); // the second row costs the terminal below as little as it can
    rows->setSpacing(0);
    auto* row = new QHBoxLayout;
    rows->addLayout(row);
    m_back = new QToolButton(this);
    m_back->setIcon(style()->standardIcon(QStyle::SP_MediaSeekBackward));
    m_play = new QToolButton(this);
    m_step = new QToolButton(this);
    m_step->setIcon(style()->standardIcon(QStyle::SP_MediaSeekForward));
    m_now = new QToolButton(this);
    m_now->setIcon(style()->standardIcon(QStyle::SP_MediaSkipForward));
    m_now->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_speed = new QComboBox(this);
    for (double s : kSpeeds) m_speed->addItem(Texts::speed(s), s);
    m_speed->setCurrentIndex(2);
    m_speed->setSizeAdjustPolicy(QComboBox::AdjustToContents); // "0.25×" stays whole in presentation mode's larger font
    m_slider = new MarkerSlider(Qt::Horizontal, this);
    m_slider->setMinimumWidth(200);
    jumpToClick(m_slider);
    m_time = new QLabel(this);
    m_time->setMinimumWidth(120);
    m_event = new EventLabel(this);
    m_event->setObjectName(QStringLiteral("eventText"));
    m_event->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_event->setMinimumWidth(0);
    m_seedLabel = new QLabel(this);
    m_seed = new QLineEdit(this);
    m_seed->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,19}")), m_seed));
    m_seed->setMaximumWidth(110);
    m_copySeed = new QToolButton(this);
    m_copySeed->setIcon(style()->standardIcon(QStyle::SP_FileDialogContentsView));

    for (QWidget* w : {static_cast<QWidget*>(m_back), static_cast<QWidget*>(m_play), static_cast<QWidget*>(m_step),
                       static_cast<QWidget*>(m_now), static_cast<QWidget*>(m_speed)})
        row->addWidget(w);
    row->addWidget(m_slider, 1);
    row->addSpacing(8); // the handle at the end of the groove does not touch "t = …"
    row->addWidget(m_time);
    row->addSpacing(12);
    row->addWidget(m_seedLabel);
    row->addSpacing(4);
    row->addWidget(m_seed);
    row->addWidget(m_copySeed);
    rows->addWidget(m_event);

    connect(m_back, &QToolButton::clicked, m_controller, &SimulationController::stepBack);
    connect(m_step, &QToolButton::clicked, m_controller, &SimulationController::stepForward);
    connect(m_play, &QToolButton::clicked, m_controller, &SimulationController::togglePlaying);
    connect(m_now, &QToolButton::clicked, m_controller, &SimulationController::goLive);
    connect(m_speed, &QComboBox::currentIndexChanged, this,
            [this](int i) { m_controller->setSpeed(m_speed->itemData(i).toDouble()); });
    connect(m_controller, &SimulationController::speedChanged, this, [this](double s) {
        const int i = m_speed->findData(s);
        if (i >= 0) m_speed->setCurrentIndex(i);
    });
    connect(m_slider, &QSlider::valueChanged, this, [this](int v) {
        if (!m_updating) m_controller->seek(static_cast<std::size_t>(v));
    });
    connect(m_seed, &QLineEdit::returnPressed, this, &TimelineBar::applySeed);
    connect(m_copySeed, &QToolButton::clicked, this, [this] { QApplication::clipboard()->setText(m_seed->text()); });
    connect(m_controller, &SimulationController::changed, this, &TimelineBar::refresh);
    connect(m_controller, &SimulationController::playingChanged, this, &TimelineBar::refresh);
    connect(m_controller, &SimulationController::reset, this, [this] { m_seed->setText(QString::number(m_controller->seed())); });
    retranslate();
    refresh();
}

void TimelineBar::applySeed() {
    bool ok = false;
    const auto seed = m_seed->text().toULongLong(&ok);
    if (ok && m_controller->hasRun()) m_controller->restart(seed);
}

QString TimelineBar::timeText() const { return m_time->text(); }

QString TimelineBar::eventText() const { return m_event->text(); }

bool TimelineBar::eventFits(const QString& text) const { return static_cast<EventLabel*>(m_event)->fits(text); }

QRect TimelineBar::eventRect() const { return static_cast<EventLabel*>(m_event)->textRect(); }

std::size_t TimelineBar::markerCount() const { return static_cast<MarkerSlider*>(m_slider)->markerCount(); }

void TimelineBar::retranslate() {
    m_back->setToolTip(tr("Step back one event (←)"));
    m_step->setToolTip(tr("Step to the next event (→)"));
    m_now->setText(tr("Now"));
    m_now->setToolTip(tr("Back to the newest state of the simulation"));
    m_speed->setToolTip(tr("Playback speed (virtual time per real second)"));
    for (int i = 0; i < m_speed->count(); ++i) m_speed->setItemText(i, Texts::speed(m_speed->itemData(i).toDouble()));
    m_slider->setToolTip(tr("Drag to see any past moment: every journal event is a position"));
    m_seedLabel->setText(tr("Seed:"));
    m_seed->setToolTip(tr("The random seed. Same scenario + same seed = the same run. Edit it and press Enter to restart."));
    m_copySeed->setToolTip(tr("Copy the seed"));
    refresh();
}

void TimelineBar::refresh() {
    const bool playing = m_controller->isPlaying();
    m_play->setIcon(style()->standardIcon(playing ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay));
    m_play->setToolTip(playing ? tr("Pause (Space)") : tr("Play (Space)"));
    if (!m_controller->hasRun()) {
        m_time->clear();
        m_event->clear();
        return;
    }
    const labs::observe::Observation& o = m_controller->observation();
    static_cast<MarkerSlider*>(m_slider)->setMarkers(o.has(labs::observe::Capability::TimeTravel) ? o.markers
                                                                                                   : labs::observe::TimelineMarkers{});
    m_updating = true;
    m_slider->setRange(0, static_cast<int>(std::min<std::size_t>(o.journal_events, INT32_MAX)));
    m_slider->setValue(static_cast<int>(std::min<std::size_t>(o.position, INT32_MAX)));
    m_updating = false;
    m_time->setText(tr("t = %1").arg(Texts::virtualTime(o.time)));
    m_time->setToolTip(tr("Virtual time (minutes:seconds.milliseconds) · event %1 of %2").arg(o.position).arg(o.journal_events));
    const QString text = o.event ? Texts::event(*o.event) : QString();
    m_event->setText(o.live ? text : tr("past: %1").arg(text));
    m_event->setToolTip(text);
    if (!m_seed->hasFocus()) m_seed->setText(QString::number(m_controller->seed()));
}

void TimelineBar::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslate();
    if (event->type() == QEvent::FontChange) static_cast<EventLabel*>(m_event)->refit(); // presentation mode's font
    QWidget::changeEvent(event);
}

} // namespace fluxolab::app
