#pragma once
// Every piece of user-visible text derived from simulation enums, in one place (translated at the edge).

#include "labs/backend/model_types.h"
#include "labs/observe/event_text.h"
#include "labs/observe/observation.h"

#include <QCoreApplication>
#include <QString>

#include <span>

namespace fluxolab::app {

using labs::observe::ConsumerStatus;

class Texts {
    Q_DECLARE_TR_FUNCTIONS(Texts)
public:
    static QString groupState(labs::observe::GroupState s);
    static QString groupStateHelp(labs::observe::GroupState s);
    /// Short status of a consumer in its group card / table, and its explanation.
    static QString consumerStatus(ConsumerStatus s);
    static QString consumerStatusHelp(ConsumerStatus s);
    /// The group has no coordinator serving it (none elected, or its broker is down).
    static QString noCoordinator();
    static QString noCoordinatorDetail(labs::BrokerId coordinator);
    static QString assignor(std::int32_t kind); ///< -1 = none
    static QString rebalanceProtocol(std::int32_t kind);
    /// The assignor line of an Empty group: with its last member Kafka clears the assignor (describe
    /// --state prints no ASSIGNMENT-STRATEGY); the next member to join brings one.
    static QString noAssignorWithoutMembers();
    /// The assignor's name as Kafka prints it ("range"; empty: none yet).
    static QString assignor(const std::string& name);
    static QString rebalanceProtocol(bool cooperative);
    static QString leaveReason(labs::LeaveReason r);
    static QString errorCode(labs::ErrorCode code);
    /// One line describing a journal event for the status bar / timeline, from the event type's
    /// template (eventTexts) with the fields of its schema, its names resolved (the observation's
    /// event; a journal's: labs::observe::shownEvent(journal, event)); empty for another engine's.
    static QString event(const labs::observe::ShownEvent& shown);
    /// The Kafka events' text templates (untranslated source texts; labs::observe::EventText).
    static std::span<const labs::observe::EventText> eventTexts();
    static QString virtualTime(labs::TimeMs t);
    /// A playback speed, "0,25×" in Portuguese and "0.25×" in English.
    static QString speed(double factor);
    /// Virtual milliseconds as seconds for people: "12 s", "2,5 s" in Portuguese ("2.5 s" in English).
    static QString seconds(labs::TimeMs t);

    // Short explanations for students (tooltips).
    static QString helpHighWatermark();
    static QString helpLogEndOffset();
    static QString helpIsr();
    static QString helpLag();
    static QString helpGeneration();
    static QString helpLeader();
    static QString helpFollower();
    static QString helpLogStart();
    static QString helpOffline();
    static QString helpPosition();
    static QString helpCommitted();
    static QString helpPartitioner();
    static QString helpEager();
    static QString helpCooperative();
    static QString helpBroker();
    static QString helpProducer();
    static QString helpGroup();
};

} // namespace fluxolab::app
