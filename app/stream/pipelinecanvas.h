#pragma once
// The job drawn as operators and subtasks at the cursor's step: the trace's partitions (Kafka splits) →
// source subtasks with their timestamps/watermarks → keyBy (every source subtask feeds every window
// subtask) → window subtasks → sink, plus the late side output. Each box shows its current watermark;
// every window subtask shows the watermark of each of its input channels (one per source subtask) and
// which one holds its watermark back (the minimum over the active channels, FIDELITY §5.4). The last
// records read are drawn on their way through the pipeline. Draws a StreamObservation
// (labs/stream_observe), like StreamCanvas.

#ifndef Q_MOC_RUN
#include "labs/stream_observe/stream_observation.h"
#endif

#include "app/core/theme.h"
#include "app/stream/placedtext.h"

#include <QBrush>
#include <QFont>
#include <QImage>
#include <QLineF>
#include <QPen>
#include <QTransform>
#include <tuple>
#include <vector>
#include <QStringList>
#include <QWidget>

namespace fluxolab::app {

class PipelineCanvas : public QWidget {
    Q_OBJECT
public:
    explicit PipelineCanvas(QWidget* parent = nullptr);

    void setObservation(const stream_observe::StreamObservation* observation);
    void setStep(std::uint64_t step);
    std::uint64_t step() const { return m_step; }
    void setTheme(const Theme& theme);
    /// Paints the pipeline into `size` (exports, tests).
    void render(QPainter& painter, QSizeF size) const;

    /// The input channel (source subtask) holding window subtask `subtask`'s watermark back at `step`:
    /// the active channel with the smallest watermark; -1 when every channel is idle.
    static int holdingChannel(const stream_observe::StreamObservation& obs, int subtask, std::uint64_t step);
    /// Every text the last render() drew, as drawn (after any eliding): tests check that no watermark
    /// is cut at the classroom size.
    const QStringList& drawnTexts() const { return m_drawn; }
    /// The same texts with their boxes and ink (role "pipeline"; `full` is what was drawn).
    const std::vector<PlacedText>& placedTexts() const;
    /// Every line the last render() drew between the boxes (edges, records flowing): tests check that
    /// none crosses a text.
    const std::vector<QLineF>& drawnLines() const { return m_lines; }
    /// How many of the last records read are drawn flowing.
    static constexpr int kFlowing = 6;

    /// What does not move between frames (the background, the headers, the edges and the boxes with their
    /// fills and borders) is kept in one image in device pixels while it stays the same (the same
    /// things drawn, device transform, size and resolution); a frame copies it and draws the boxes' texts
    /// and the records flowing over it. Off: everything drawn with QPainter on every frame (exports to
    /// SVG, scaled or rotated painters always do). Either way the boxes are drawn before the texts.
    void setCachedLayer(bool on);
    /// Times that image was drawn (tests: not while playing, once per change of what it holds).
    std::uint64_t layerRebuilds() const { return m_layer.rebuilds; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    const stream_observe::StreamObservation* m_obs = nullptr;
    std::uint64_t m_step = 0;
    Theme m_theme = Theme::normal();
    /// Counts up to m_step, moved incrementally while playing.
    mutable stream_observe::StreamObservation::Flow m_flow;
    /// The keys' lanes (a process function's pending timers), moved like m_flow.
    mutable stream_observe::KeyLanes m_lanes;
    /// Jumps back start from the nearest copy kept every few thousand steps, not from the first element.
    mutable stream_observe::FlowSeeker m_flowSeeker{&stream_observe::StreamObservation::flowAt};
    mutable stream_observe::KeyLanesSeeker m_lanesSeeker{&stream_observe::StreamObservation::keyLanesAt};
    /// Open windows per window subtask at a step, kept between frames: recounting every window of a
    /// million-element run on each frame cost milliseconds; forward moves apply only the windows whose
    /// state changed in between (created, fired or gone), in step order.
    class OpenWindowCount {
    public:
        const std::vector<int>& at(const stream_observe::StreamObservation& o, std::uint64_t step);

    private:
        const stream_observe::StreamObservation* m_for = nullptr;
        std::size_t m_windows = 0;
        std::uint64_t m_step = 0;
        std::vector<int> m_count;
        /// (step, subtask, +1/-1) in step order: a window opens at its creation and stops being open at
        /// its first firing, purge or merge.
        std::vector<std::tuple<std::uint64_t, int, int>> m_changes;
        std::size_t m_applied = 0;
    };
    mutable OpenWindowCount m_openWindows;
    mutable QStringList m_drawn;
    /// The texts' ink is measured when placedTexts() is asked (tests), not on every frame.
    mutable std::vector<PlacedText> m_placed;
    mutable std::vector<int> m_placedFlags;
    mutable std::size_t m_placedMeasured = 0;
    mutable std::vector<QLineF> m_lines;

public:
    /// One thing drawn: a text, a line or a rounded box, with the pen (and brush, font) it is drawn with.
    struct Drawn {
        enum class Kind : std::uint8_t { Text, Line, Box };
        Kind kind = Kind::Box;
        QRectF rect; ///< a box's or a text's
        QLineF line;
        QPen pen;
        QBrush brush;
        double radius = 0;
        QFont font;
        int flags = 0;
        QString text;
        bool operator==(const Drawn& o) const;
    };

private:
    struct Layer {
        std::vector<Drawn> drawn; ///< what it holds, in order, after the background
        QTransform device;
        QSizeF size;
        QColor background;
        int dpiX = 0, dpiY = 0;
        QImage image;
        QPoint origin;
        std::uint64_t rebuilds = 0;
        /// Boxes drawn over the image on every frame (a window subtask's row of input channel cells: their
        /// fill follows the channel holding the watermark back) as the image's pixels under them with the
        /// boxes drawn over them, one per row and look, made when first needed: a frame copies it instead
        /// of filling and stroking. (A row as a whole: a sprite per cell would reach over its neighbour.)
        struct Sprite {
            std::vector<Drawn> drawn;
            QImage image;
            QPoint at; ///< device pixels, like `origin`
        };
        std::vector<Sprite> sprites;
    };
    mutable Layer m_layer;
    bool m_cacheLayer = true;
};

} // namespace fluxolab::app
