#pragma once
// Lag per group and per partition, produce/consume rates and HW vs LEO over virtual time
// (QCustomPlot), following the timeline cursor.

#include "app/core/theme.h"

#include <QWidget>

#include <memory>
#include <vector>

class QCustomPlot;
class QCPItemStraightLine;
class QCPItemText;

namespace fluxolab::labs::observe {
struct PlotSeries;
}

namespace fluxolab::app {

class SimulationController;
using PlotSeries = labs::observe::PlotSeries;

class PlotsView : public QWidget {
    Q_OBJECT
public:
    explicit PlotsView(SimulationController* controller, QWidget* parent = nullptr);
    ~PlotsView() override;

    /// Plots `series` instead of the controller's samples (a real cluster's refreshes; nullptr: back
    /// to the controller's). Its time_s counts seconds since the first sample, the cursor stays on
    /// the newest one, series without a value are left out (what a real cluster does not show), and
    /// `marks` (seconds) are drawn as vertical lines on the lag plot (rebalances seen between refreshes).
    void showSeries(const PlotSeries* series, std::vector<double> marks = {});
    bool isShowingSeries() const { return m_shown != nullptr; }

    void setTheme(const Theme& theme);
    /// The plots' data as CSV (time in seconds, one column per series).
    QString csv() const;
    /// Recomputes the graphs from the controller's samples up to the cursor.
    void rebuild();
    /// Number of graphs in the lag plot (for tests).
    int lagGraphCount() const;
    double cursorSeconds() const;
    QCustomPlot* lagPlot() const { return m_lag; }
    /// Long series are decimated before they reach the plots (on by default): at most a few points
    /// per pixel column of the time axis, each column's first, lowest, highest and last value kept
    /// in order, so the lines look the same and a frame costs the same after an hour as after a
    /// minute. Off: every sample is plotted (tests compare the two pictures).
    void setDecimation(bool on) {
        m_decimate = on;
        rebuild();
    }
    /// The points plotted in graph `graph` of the lag plot (for tests).
    int lagPointCount(int graph) const;
    /// The note the lag plot shows instead of lines when no consumer group has a lag ("" if none; for tests).
    QString lagNote() const;

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void follow();
    void retranslate();
    void style(QCustomPlot* plot);

    SimulationController* m_controller;
    QCustomPlot* m_lag;
    QCustomPlot* m_rate;
    QCustomPlot* m_offsets;
    std::vector<QCPItemStraightLine*> m_cursors;
    std::vector<QCPItemStraightLine*> m_marks; ///< on the lag plot (showSeries)
    QCPItemText* m_noGroups = nullptr;         ///< on the lag plot while there is no group's lag to draw
    std::unique_ptr<PlotSeries> m_shown;       ///< set by showSeries
    std::vector<double> m_markTimes;
    std::size_t m_samples = 0;
    Theme m_theme = Theme::normal();
    bool m_decimate = true;
};

/// The points of (t, y) to plot on a time axis showing [from, to] with `columns` buckets: every
/// point when there are few, else per bucket the first, lowest, highest and last value in time
/// order (and the first gap, NaN, so gaps stay gaps); of the points before `from` only the last
/// one (the line enters the axis from it), none after `to`. Returns the indices kept, ascending.
std::vector<std::size_t> decimatedIndices(const std::vector<double>& t, const std::vector<double>& y, double from, double to,
                                          std::size_t columns);

} // namespace fluxolab::app
