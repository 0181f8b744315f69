#pragma once
// Consumer groups in detail: state, generation, leader, assignor and rebalance protocol, and each
// member's partitions (revoked ones shown as stopped during a rebalance).

#include <QWidget>

class QLabel;
class QTreeWidget;

namespace fluxolab::app {

class SimulationController;

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
