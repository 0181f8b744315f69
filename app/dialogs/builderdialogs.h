#pragma once
// Building a scenario from the toolbar: create topic, add producer, add/remove consumer, new empty
// scenario. The dialogs only collect input; the simulation validates (Kafka's errors are shown as
// the simulation reports them) and SimulationController records the actions so they can be saved.

#include <QDialog>
#include <QObject>

class QAction;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QMainWindow;
class QSpinBox;
class QToolBar;
class QMenu;

namespace fluxolab::app {

class SimulationController;

/// kafka-topics --create: name, partitions, replication factor. Stays open and shows Kafka's error
/// (translated) when the simulation refuses the topic.
class CreateTopicDialog : public QDialog {
    Q_OBJECT
public:
    CreateTopicDialog(SimulationController* controller, QWidget* parent = nullptr);
    void setValues(const QString& name, int partitions, int replicationFactor);
    /// Tries to create the topic; accepts the dialog on success. Returns whether it was created.
    bool tryCreate();
    QString errorText() const;
    /// The partition count the dialog would send (its spin box is bounded to Kafka's limit).
    int partitions() const;

private:
    SimulationController* m_controller;
    QLineEdit* m_name;
    QSpinBox* m_partitions;
    QSpinBox* m_rf;
    QLabel* m_limits;
    QLabel* m_error;
};

/// A producer: topic, rate (records per virtual second) and keys (how many distinct keys, prefix).
class AddProducerDialog : public QDialog {
    Q_OBJECT
public:
    AddProducerDialog(SimulationController* controller, QWidget* parent = nullptr);
    bool apply();

private:
    SimulationController* m_controller;
    QComboBox* m_topic;
    QDoubleSpinBox* m_rate;
    QComboBox* m_keyKind;
    QSpinBox* m_keyCount;
    QLineEdit* m_prefix;
    QLabel* m_error;
};

/// A consumer: group (existing or new), subscribed topics, assignor.
class AddConsumerDialog : public QDialog {
    Q_OBJECT
public:
    AddConsumerDialog(SimulationController* controller, QWidget* parent = nullptr);
    /// Adds the consumer; returns its index (-1 if nothing was added).
    std::int32_t apply();

private:
    SimulationController* m_controller;
    QComboBox* m_group;
    QListWidget* m_topics;
    QComboBox* m_assignor;
    QLabel* m_error;
};

/// Makes the scenario-building actions (objectNames newScenario, createTopic, addProducer,
/// removeConsumer) on the main window and adds them to a menu; retranslates them on language change.
class ScenarioBuilder : public QObject {
    Q_OBJECT
public:
    ScenarioBuilder(QMainWindow* window, SimulationController* controller);
    void install(QMenu* menu);
    void createTopic();
    void addProducer();
    void addConsumer();
    void removeConsumer();
    void newScenario();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();
    QMainWindow* m_window;
    SimulationController* m_controller;
    QAction* m_new;
    QAction* m_topic;
    QAction* m_producer;
    QAction* m_remove;
};

} // namespace fluxolab::app
