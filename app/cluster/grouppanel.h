#pragma once
// Consumer groups in detail: state, generation, leader, assignor and rebalance protocol, and each
// member's partitions (revoked ones shown as stopped during a rebalance).

#include <QWidget>

#include <string>
#include <utility>
#include <vector>

class QLabel;
class QTreeWidget;

namespace fluxolab::app {

class SimulationController;

/// Partitions as a short text: by topic, runs of consecutive numbers as ranges ("cliques 0–3, 7;
/// pedidos 0–9998"); past `maxPieces` pieces, the rest is counted ("… (+N)") so that thousands of
/// partitions never make one endless line.
QString partitionSummary(std::vector<std::pair<std::string, std::int32_t>> partitions, int maxPieces = 16);

class GroupPanel : public QWidget {
    Q_OBJECT
public:
    explicit GroupPanel(SimulationController* controller, QWidget* parent = nullptr);
    QTreeWidget* tree() const { return m_tree; }
    void refresh();

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void retranslate();
    SimulationController* m_controller;
    QLabel* m_intro;
    QTreeWidget* m_tree;
    bool m_dirty = true;
};

} // namespace fluxolab::app
