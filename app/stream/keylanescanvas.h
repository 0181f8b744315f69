#pragma once
// A lane per key at the cursor's step (issue #10, "a lane per key with its state and pending timers"):
// the key, how many of its elements were read, its keyed state (name = value), its pending timers
// (event time or processing time, with their times and how far away they are), its windows holding
// state (window operators) and its last output (a process function's alert, a window's result).
// The selected key comes first, then the busiest; many keys scroll. Above the lanes: the job's
// checkpoints, a crash and the restore. Draws a StreamObservation (labs/stream_observe) and moves its
// KeyLanes incrementally while playing.

#ifndef Q_MOC_RUN
#include "labs/stream_observe/stream_observation.h"
#endif

#include "app/core/theme.h"

#include <QAbstractScrollArea>
#include <QStringList>

namespace fluxolab::app {

class KeyLanesCanvas : public QAbstractScrollArea {
    Q_OBJECT
public:
    explicit KeyLanesCanvas(QWidget* parent = nullptr);

    void setObservation(const stream_observe::StreamObservation* observation);
    void setStep(std::uint64_t step);
    std::uint64_t step() const { return m_step; }
    /// The key drawn first (the view's key filter); empty: the busiest first.
    void setFirstKey(const QString& key);
    void setTheme(const Theme& theme);
    /// Paints the lanes into `size` from the top (exports, tests, the bench).
    void render(QPainter& painter, QSizeF size);
    /// The lanes at the step (folded up to it now: the fold is lazy, done when the lanes are painted or
    /// asked for, so that a hidden tab costs the playback nothing).
    const stream_observe::KeyLanes& lanes() const;
    /// Every text the last paint drew: tests read what a lane says.
    const QStringList& drawnTexts() const { return m_drawn; }
    /// The headline above the lanes (checkpoints, crash, restore).
    QString headline() const;
    /// The text of one lane's state, timers, windows and output lines (tests).
    QStringList laneTexts(const stream_observe::KeyLane& lane) const;
    /// A lane's height and the headline's with `lines` text lines per lane: 3 (key and element count on
    /// the left; state or windows, timers, output on the right), 2 (state and timers on one line, output
    /// on the next) or 1 (everything on one line). 0: the lines the viewport uses now.
    int rowHeight(int lines = 0) const;
    /// The headline's height with `lines` per lane in `width` (−1: the viewport's): its text wrapped.
    int headerHeight(int lines = 0, double width = -1) const;
    /// The lines the headline takes wrapped in `width` (1 to 3).
    int headlineLines(double width) const;
    /// The height `lanes` lanes of `lines` lines need with the headline.
    int heightFor(int lanes, int lines) const { return headerHeight(lines) + lanes * rowHeight(lines) + 1; }
    /// The text lines per lane in the viewport: 3 when three whole lanes fit that way, else the most that
    /// lets three fit (a short tab at 1366x768 in presentation mode with the terminal open).
    int linesPerLane() const;
    /// How many lanes the viewport shows whole (at most the number of keys).
    int lanesInView() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void paintInto(QPainter& p, QSizeF size, int scrollY, int lines);
    void updateScroll();

    const stream_observe::StreamObservation* m_obs = nullptr;
    std::uint64_t m_step = 0;
    std::string m_first;
    Theme m_theme = Theme::normal();
    mutable stream_observe::KeyLanes m_lanes;
    /// Seeking back starts from the nearest copy of the lanes kept every few thousand steps.
    mutable stream_observe::KeyLanesSeeker m_seeker{&stream_observe::StreamObservation::keyLanesAt};
    QStringList m_drawn;
};

} // namespace fluxolab::app
