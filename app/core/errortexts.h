#pragma once
// The UI's text for errors that cross from labs/ (and sim/) as codes with parameters: a scenario
// file's (labs::ScenarioError), a trace's (labs trace errors) and a lab file's (labs::LabError). Made
// here, in the UI language, with tr(); fluxolab-cli's English is made in labs/
// (labs/backend/scenario_errors.h, labs::labErrorReason in labs/lab_engine/lab_engine.h).

#include "labs/backend/model_types.h"
#include "labs/lab_engine/lab_engine.h"
#include "labs/stream_observe/scenario_streams.h"
#include "labs/stream_tool/stream_errors.h"

#include <QCoreApplication>
#include <QString>

namespace fluxolab::app {

class ErrorTexts {
    Q_DECLARE_TR_FUNCTIONS(ErrorTexts)
public:
    /// What is wrong, naming the offending value, the bounds or Kafka's own message.
    static QString scenarioReason(const labs::ScenarioError& error);
    /// The reason with where it is: "line 3, at /topics/0/partitions: ..." (the file is named by
    /// the caller's frame).
    static QString scenarioError(const labs::ScenarioError& error);
    /// A scenario's trace feed or stream job that cannot run (labs' check after the file parsed):
    /// "At /stream_jobs/0/window: the window is ...".
    static QString scenarioStreamProblem(const stream_observe::ScenarioStreamProblem& problem);
    /// What is wrong with a lab file (labs::LabError: a code and its parameters), naming the value,
    /// the property, the bounds or the library's / Kafka's own message.
    static QString labReason(const labs::LabError& error);
    /// "FILE: /json/pointer: reason", as the lab panel lists a broken lab file's errors.
    static QString labError(const labs::LabError& error);
    /// Why a stream job cannot run (labs::validateJob's code): "the parallelism is 12; it must be
    /// between 1 and 8".
    static QString jobError(const labs::JobError& error);
    /// Why a trace cannot be fed into a topic, or a job cannot read it (TopicStreamRun::errorInfo).
    static QString topicRunError(const stream_observe::TopicRunError& error);
    /// Why a topic source cannot read its topic (labs::SourceError's code).
    static QString sourceError(const labs::SourceError& error);
    /// A trace's send to `topic` refused by Kafka (`kafka`), `sent` records before it.
    static QString feedRefused(const std::string& topic, labs::ErrorCode kafka, std::uint64_t sent);
    /// `records` of a trace's records its producer gave up on (the first on `partition`).
    static QString feedNotDelivered(const std::string& topic, labs::ErrorCode kafka, int partition, std::uint64_t records);
    /// What is wrong with the arguments of fluxolab-cli replay (the terminal's replay shown in the
    /// stream view), naming the option and what it was given.
    static QString replayError(const labs::ReplayError& error);
};

} // namespace fluxolab::app
