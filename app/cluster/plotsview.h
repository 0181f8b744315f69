#pragma once
// Lag per group and per partition, produce/consume rates and HW vs LEO over virtual time
// (QCustomPlot), following the timeline cursor.

#include "app/core/theme.h"

#include <QWidget>

class QCustomPlot;
class QCPItemStraightLine;

namespace fluxolab::app {

class SimulationController;

class PlotsView : public QWidget {
    Q_OBJECT
public:
    explicit PlotsView(SimulationController* controller, QWidget* parent = nullptr);

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
    std::size_t m_samples = 0;
    Theme m_theme = Theme::normal();
};

} // namespace fluxolab::app
