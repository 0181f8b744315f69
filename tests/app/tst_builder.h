#pragma once
#include <QObject>

/// Rebalance and record animations, compare mode and the scenario builder (offscreen, view models).
class AppFeaturesTest : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void revokeAnimationAppearsAndGoes();
    void eagerStopsTheWorldCooperativeKeepsFlowing();
    void recordsTravelToTheChosenPartition();
    void compareRunsBothSidesToTheSameMoment();
    void compareFollowsTheMainControllersClock();
    void compareOpenedLateCatchesUpInSlices();
    void compareSidesHaveTheSameProducers();
    void createTopicWithTooLargeRfShowsKafkaError();
    void builtScenarioReplaysToTheSameJournal();
    void hugeTopicIsBoundedResponsiveAndLegible();
};
