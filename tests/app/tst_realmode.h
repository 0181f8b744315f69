#pragma once
#include <QObject>

/// The real-cluster mode (app/real): the connection dialog, its profiles and passwords, the
/// switch, the worker thread and the connection status. The cases that need the test broker
/// (kafka-broker.sh, label real) skip without FLUXOLAB_KAFKA_STATE.
class RealModeTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void dialogSavesProfileWithoutPassword();
    void testConnectionReportsUnreachable();
    void deadBrokerShowsLossAndWindowResponds();
    void switchesBackToSimulation();
    void realBrokerShowsTopicAndGroup();
    void brokerLossAndRecovery();
    /// The simulation's canvas and plots on the test broker's observation (label real).
    void realBrokerOnTheSharedViews();
    /// Screenshots of the dialog and the real view (only with FLUXOLAB_REALMODE_SHOTS=folder).
    void screenshots();
};
