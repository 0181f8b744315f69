#pragma once
// Lag per group and per partition, produce/consume rates and HW vs LEO over virtual time
// (QCustomPlot), following the timeline cursor.

#include "app/core/theme.h"

#include <QWidget>

#include <memory>
#include <vector>

class QCustomPlot;
class QCPItemStraightLine;

namespace fluxolab::app {

class SimulationController;
struct PlotSeries;

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
    std::unique_ptr<PlotSeries> m_shown;       ///< set by showSeries
    std::vector<double> m_markTimes;
    std::size_t m_samples = 0;
    Theme m_theme = Theme::normal();
};

} // namespace fluxolab::app
