#pragma once
// The classic picture of event time: processing order (arrival) on X, event time on Y, every element a
// dot as it arrives, the operator watermark as a climbing line, windows as bands that fill and turn
// "fired" with their result, late elements as red triangles routed to the side output strip; below it,
// one lane per partition (split) with its watermark, idle spans greyed, and the operator's (their
// minimum over the active ones). Draws a StreamObservation (labs/stream_observe) at one step.

#ifndef Q_MOC_RUN
#include "labs/stream_observe/stream_observation.h"
#endif

#include "app/core/theme.h"
#include "app/stream/devicelayer.h"
#include "app/stream/eventrange.h"
#include "app/stream/placedtext.h"

#include <QImage>
#include <QLineF>
#include <QStringList>
#include <QTransform>
#include <QWidget>

#include <memory>

namespace fluxolab::app {

class StreamCanvas : public QWidget {
    Q_OBJECT
public:
    explicit StreamCanvas(QWidget* parent = nullptr);

    void setObservation(const stream_observe::StreamObservation* observation);
    void setStep(std::uint64_t step);
    std::uint64_t step() const { return m_step; }
    /// Only this key's windows and elements ("" = every key).
    void setKeyFilter(const QString& key);
    void setSelectedWindow(int index);
    int selectedWindow() const { return m_selected; }
    void setTheme(const Theme& theme);
    const Theme& theme() const { return m_theme; }
    /// Paints the whole picture into `size` (exports use it: PNG at any scale, SVG).
    void render(QPainter& painter, QSizeF size) const;
    /// The window under a point (index into observation().windows), or -1.
    int windowAt(QPointF pos) const;
    /// Rectangle of the main plot and of a window's band, in widget coordinates (tests, clicks).
    QRectF plotRect(QSizeF size) const;
    QRectF bandRect(int window, QSizeF size) const;
    /// Where the plot draws a point of event (or watermark) time `t` at `step` (tests measure labels).
    QPointF pointAt(double step, labs::Millis t, QSizeF size) const;

    /// The elements' dots and the late side output's marks are kept in two images between frames and only
    /// the elements read since the last frame are added (a frame costs what changed, not the run). Off:
    /// every element drawn with QPainter on every frame (exports to SVG and scaled painters always do).
    void setCachedLayers(bool on);
    /// Times the layers were redrawn from the first element (seek back, resize, zoom, key filter): tests.
    std::uint64_t layerRebuilds() const { return m_layers.rebuilds; }
    /// Times the still layers (background: legend, axes, frames, lane names; the watermark staircases up to
    /// the last finished piece) were redrawn from scratch (resize, zoom, theme, seek back): tests.
    std::uint64_t stillRebuilds() const { return m_still.rebuilds; }

    /// The texts of the last render, where they went (tests measure them).
    const std::vector<PlacedText>& placedTexts() const { return m_placed; }
    /// The last render's fired windows (bands of bounds with a result at the step), how many of them
    /// got their result drawn (whole or in its short form, role "window") and how many are counted by
    /// the note "+N fired windows without a label" instead (role "window-note"): tests check that the
    /// two add up, that no result is left out silently.
    /// `labels` is the texts drawn (role "window"): windows of overlapping bounds that fire at one step
    /// share one ("12 windows fired at one watermark · 131 results: 3–851"), counted in `labelled` each.
    struct ResultCounts {
        int fired = 0, labelled = 0, brief = 0, unlabelled = 0, labels = 0;
    };
    const ResultCounts& resultCounts() const { return m_resultCounts; }
    /// The lines of the last render that tie a result placed away from its band to it: none longer
    /// than maxLeaderLines() heights of the result's font (tests bound them).
    const std::vector<QLineF>& leaderLines() const { return m_leaders; }
    static constexpr double maxLeaderLines() { return 3.0; }

Q_SIGNALS:
    void windowClicked(int index);

protected:
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    struct Geometry;
    /// The layout for `size`, kept for the last size, theme and observation (a frame reuses it).
    const Geometry& geometry(QSizeF size) const;
    Geometry computeGeometry(QSizeF size) const;
    mutable std::shared_ptr<const Geometry> m_geometry;
    mutable QSizeF m_geometrySize;
    mutable std::uint64_t m_geometryKey[4] = {~0ULL, ~0ULL, ~0ULL, ~0ULL};
    /// Bumped by setTheme and a language change: layouts and still layers belong to one theme and language.
    std::uint64_t m_themeGeneration = 0;
    /// What does not move between frames: the background, legend, plot frame, axes and their texts, the
    /// side output's frame and title, the lanes' frames and names. Returns the ink of the "↑ event time"
    /// title (window results keep clear of it). `placed` gets the texts drawn.
    QRectF drawStill(QPainter& p, const Geometry& g, std::vector<PlacedText>& placed) const;
    /// The still picture and the watermark staircases as layers in device pixels, for one geometry, device
    /// transform, theme and observation. A staircase is kept in pieces of `pieceSteps` steps: pieces
    /// [0, pieces * pieceSteps] are in its layer (drawn piece by piece, so a layer played into equals one
    /// built at once), and the rest up to the cursor is drawn on every frame.
    struct StairLayer {
        QImage image;
        QPoint origin;
        device_layer::Tiles tiles; ///< where its pieces went (a frame copies those tiles only)
    };
    struct StillLayers {
        std::uint64_t generation = ~0ULL, theme = ~0ULL;
        QTransform device;
        int dpi = 0; ///< the target's logical resolution (texts in points)
        QSizeF size;
        labs::Millis ymin = 0, ymax = 0;
        std::uint64_t last = 0;
        std::size_t history = 0; ///< points in every watermark history when built (the observation grows)
        QString key; ///< the key filter (the settled bands are those of its windows)
        /// The still picture, then the window bands settled in the finished pieces (fired and gone: they
        /// no longer change), drawn piece by piece in band order; `still` is the picture without them (a
        /// seek back starts from it again).
        QImage background, still;
        QPoint backgroundOrigin;
        std::vector<PlacedText> placed;
        QRectF yTitleInk;
        std::vector<StairLayer> stairs; ///< one per partition lane, the operator lane, then the plot's watermark
        std::uint64_t pieceSteps = 1, pieces = 0;
        std::uint64_t rebuilds = 0;
    };
    mutable StillLayers m_still;
    /// Makes m_still current for this frame (true when the layers can be used).
    void updateStill(const Geometry& g, const QTransform& device, QSizeF size, std::uint64_t step,
                     const QPaintDevice* target) const;
    /// One watermark staircase's piece [from, to] into `p` (from 0: the staircase from its first point).
    /// `lastPiece`: the one that ends at the cursor; `raster`: filled as rectangles (else stroked). Returns
    /// a rectangle (logical) that holds what it drew, but for antialiasing.
    QRectF drawStairPiece(QPainter& p, const Geometry& g, int which, std::uint64_t from, std::uint64_t to,
                        bool lastPiece, bool raster) const;
    bool visibleKey(const std::string& key) const;
    struct BandEntry;
    /// A window band's rectangle at `step`, and the band drawn into `p` (when not null).
    QRectF drawBand(QPainter* p, const Geometry& g, const BandEntry& band, std::uint64_t step) const;

    const stream_observe::StreamObservation* m_obs = nullptr;
    std::uint64_t m_step = 0;
    QString m_key;
    std::string m_keyUtf8;
    int m_selected = -1;
    Theme m_theme = Theme::normal();
    mutable std::vector<PlacedText> m_placed;
    EventTimeRange m_range;
    /// The operator watermark (minimum over the window subtasks) where it changes, merged once per
    /// observation (and again when the observation grows), not on every frame.
    const std::vector<stream_observe::WatermarkPoint>& operatorHistory() const;
    mutable const stream_observe::StreamObservation* m_opFor = nullptr;
    mutable std::size_t m_opSize = 0;
    mutable std::vector<stream_observe::WatermarkPoint> m_opHistory;
    /// The job's checkpoints, crash, restore and the process function's outputs, kept per observation.
    const std::vector<const stream_observe::KeyedChange*>& jobMarks() const;
    mutable const stream_observe::StreamObservation* m_marksFor = nullptr;
    mutable std::size_t m_marksSize = 0;
    mutable std::vector<const stream_observe::KeyedChange*> m_marks;
    /// Bumped by setObservation: the caches below belong to one observation.
    std::uint64_t m_generation = 0;
    bool m_cacheLayers = true;
    /// The dots layer (plot) and the side output layer, in device pixels, for one geometry, device
    /// transform, key filter and observation; elements [0, upto) are in them.
    struct DotLayers {
        std::uint64_t generation = ~0ULL;
        QString key;
        QTransform device;
        QRectF plot, clip, side;
        labs::Millis ymin = 0, ymax = 0;
        std::uint64_t last = 0;
        double dot = 0, pointDot = 0;
        QPoint plotOrigin, sideOrigin;
        QImage plotImage, sideImage;
        device_layer::Tiles plotTiles, sideTiles; ///< where marks went (a frame copies those tiles only)
        std::vector<std::uint8_t> drawn; ///< bit 0: a dot, bit 1: a late mark in this cell
        std::size_t cols = 0, rows = 0;
        double cell = 1;
        /// Each mark pre-drawn at 4x4 sub-pixel offsets (antialiased as QPainter draws it), centred at
        /// (half + dx/4, half + dy/4).
        std::vector<QImage> dotSprites, lateSprites, sideSprites;
        int dotHalf = 0, lateHalf = 0, sideHalf = 0;
        std::uint64_t upto = 0;    ///< steps added (0..N + 1: the end of input flushes Flink SQL's late rows)
        std::uint64_t lates = 0;   ///< visible late elements among them
        std::uint64_t rebuilds = 0;
        /// Every mark stamped, in step order, for the steps [1, scanned]: a seek back clears the
        /// images and stamps the log's prefix again (the marks a build up to there makes: the first element
        /// to reach a cell does not depend on where the build stops), a few thousand marks instead of a
        /// scan of a million elements; playing forward again stamps the log up to `scanned`, then scans.
        struct Stamp {
            std::uint32_t element = 0;
            std::uint32_t at = 0;        ///< the step from which it is drawn (arrival, or when judged late)
            std::int32_t x4 = 0, y4 = 0; ///< the centre in quarter device pixels, from the layer's origin
            std::uint8_t kind = 0;       ///< 0: a dot, 1: a late mark in the plot, 2: a side output mark
        };
        std::vector<Stamp> log;
        std::size_t logged = 0; ///< log entries in the images
        std::uint64_t scanned = 0;
        std::size_t elements = 0; ///< the observation's elements when it was scanned last
    };
    mutable DotLayers m_layers;
    void updateLayers(const Geometry& g, const QTransform& device, double dot, double pointDot, const QRectF& clip,
                      const QRectF& side, std::uint64_t upto) const;
    /// Windows grouped by bounds (one band per bounds), built once per observation and key filter; a
    /// band's label is rebuilt only when a firing of one of its windows enters or leaves the cursor.
    struct BandEntry {
        labs::Millis start = 0, end = 0;
        std::uint64_t created = 0, fired = ~0ULL, gone = ~0ULL;
        std::vector<int> windows;
        std::vector<std::uint64_t> firingSteps; ///< sorted
        std::size_t version = ~std::size_t{0};  ///< firings at or before the step its label was made for
        QString label;
        /// The same results in a short form for a narrow plot: "4 results: 7–12" (their count and the
        /// range of their values), "4 results: 12" when they are equal; the label itself when it holds one.
        QString brief;
        /// The results at the step its label was made for: how many, and the range of their values when
        /// all are numbers (a label shared by the bands that fire together sums them up).
        int results = 0;
        bool numbers = true;
        double lo = 0, hi = 0;
        QString loText, hiText;
        double labelWidth = -1; ///< horizontalAdvance in the bold font of `widthScale`
        double briefWidth = -1;
        double widthScale = 0;
    };
    struct BandCache {
        std::uint64_t generation = ~0ULL;
        QString key;
        std::vector<BandEntry> bands;
    };
    mutable BandCache m_bands;
    const std::vector<BandEntry>& bands() const;
    const QString& bandLabel(const BandEntry& band, std::uint64_t step) const;

public:
    /// The marks the last render drew ("CP 1", "✖ crash", "↺ #1", "⚠"): tests read them.
    const QStringList& drawnMarks() const { return m_drawnMarks; }

private:
    mutable QStringList m_drawnMarks;
    mutable ResultCounts m_resultCounts;
    mutable std::vector<QLineF> m_leaders;
};

} // namespace fluxolab::app
