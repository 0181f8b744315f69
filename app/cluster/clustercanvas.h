#pragma once
// The animated cluster picture: brokers as columns, partition replicas as log strips, producers on
// the left, consumer groups on the right. Paints a ClusterLayout; explains everything on hover.

#ifndef Q_MOC_RUN // moc (Qt 6.4) cannot parse the C++20 standard headers
#include "app/cluster/clusterlayout.h"
#include "app/cluster/textsprites.h"
#endif

#include <QPointer>
#include <QWidget>

#include <array>
#include <optional>
#include <utility>

namespace fluxolab::app {

class SimulationController;

class ClusterCanvas : public QWidget {
    Q_OBJECT
public:
    explicit ClusterCanvas(SimulationController* controller, QWidget* parent = nullptr);

    void setTheme(const Theme& theme);
    const Theme& theme() const { return m_theme; }
    /// The parts drawn (the main window's whole picture by default; a compare side; the compare
    /// window's producers strip).
    void setOptions(const ClusterLayoutOptions& options);
    const ClusterLayoutOptions& options() const { return m_options; }
    /// A producers strip (ClusterLayoutOptions::Part::Clients) beside the compare window's two
    /// sides: it is drawn at their scale (the smaller), and lists "+N: older records not drawn"
    /// in its legend while either side hides older records.
    void setSides(ClusterCanvas* left, ClusterCanvas* right);
    /// A change of the controller builds the layout at once during playback only (the worker then
    /// simulates the next slice while the view paints); paused, it is left to the next paint (see
    /// the constructor).
    /// Tests: the layout is out of date (it is built at the next paint or layout()).
    bool layoutPending() const { return m_dirty; }
    /// Tests: how often the layout's topology part was computed and reused.
    const ClusterLayoutCache& layoutCache() const { return m_layoutCache; }
    /// The layout of the last paint (or a fresh one for the current size).
    const ClusterLayout& layout();
    /// Paints the current layout (what paintEvent does), e.g. into an image.
    void paintCurrent(QPainter& painter);
    /// Paints the whole view with `painter` at `size` (used for PNG/SVG export).
    void render(QPainter& painter, QSizeF size);
    /// Draws `o` instead of the controller's observation (another backend; tests); std::nullopt:
    /// back to the controller's.
    void showObservation(std::optional<labs::observe::Observation> o);
    /// Whether the context menu offers to stop, start or add anything (off for a real cluster:
    /// FluxoLab only watches it).
    void setInteractive(bool on) { m_interactive = on; }
    /// "Not visible on a real cluster: …" for an observation without every capability (empty: nothing hidden).
    QString hiddenText() const;
    /// Scrolls the partition strips by `rows` (more replicas than fit; the mouse wheel does this).
    void scrollStrips(int rows);

    /// The colours of a member's partition badge ("encomendas-3 · lag 5"): green for lag 0, amber
    /// for a lag, orange above 50, grey-blue without one ("-"), and reddish purple with a border for
    /// a negative lag (a committed offset past the log end, as kafka-consumer-groups prints it).
    struct BadgeColours {
        QColor fill, fg, border;
    };
    static BadgeColours badgeColours(const PartitionBadge& badge, const Theme& theme);

Q_SIGNALS:
    void stopBrokerRequested(std::int32_t id, bool crash);
    void startBrokerRequested(std::int32_t id);
    void addConsumerRequested(std::int32_t group);
    void removeConsumerRequested(std::int32_t consumer);

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;

private:
    void rebuild();
    void paintLayout(QPainter& p, const ClusterLayout& L) const;
    /// Says what the observation shown cannot show (a real cluster's), along the bottom edge.
    void paintHidden(QPainter& p, QSizeF size) const;
    ClusterLayout buildLayout(QSizeF size) const;
    bool hasData() const;
    /// The sides' scale (the smaller) and whether either hides older records (setSides).
    /// The sides' scale, and whether a side hides older records ("+N") or draws a marker before its cells.
    struct SidesState {
        double scale = 1;
        bool older = false;
        bool before = false;
    };
    SidesState sidesState() const;

    SimulationController* m_controller;
    Theme m_theme = Theme::normal();
    ClusterLayout m_layout;
    /// The topology's part of the layout, reused from frame to frame (ClusterLayoutCache).
    mutable ClusterLayoutCache m_layoutCache;
    bool m_dirty = true;
    std::optional<labs::observe::Observation> m_shown; ///< set by showObservation
    std::size_t m_firstRow = 0;                        ///< scrolled strips (ClusterLayout::firstRow)
    bool m_interactive = true;
    ClusterLayoutOptions m_options;
    std::array<QPointer<ClusterCanvas>, 2> m_sides; ///< setSides (not owned: the compare window's views)
    double m_sidesScale = 0;                 ///< their scale when the layout was built
    mutable TextSprites m_text; ///< text rendered once, blitted every frame (raster only)
};

} // namespace fluxolab::app
