#pragma once
// The teaching note that explains a topic admin error the broker returned: kafka-topics prints it after
// Kafka's own text, and the app's "Create topic" dialog shows it under that text (one mapping for both).

#include "labs/common/teaching_notes.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// Declared only: app/ includes this header and sees no sim/ header (tests/layers/labs_sim_leaks.txt);
// the callers that fill or read these include sim/types.h themselves.
namespace fluxolab::sim {
enum class ErrorCode : std::int16_t; // sim/types.h
struct AdminResult;                  // sim/types.h
} // namespace fluxolab::sim

namespace fluxolab::labs {

/// nullopt: no note for this error. `message` is Kafka's text (POLICY_VIOLATION has two causes).
std::optional<NoteId> topicErrorNote(sim::ErrorCode error, std::string_view message);

/// A topic creation the simulation refused, as the app's "Create topic" dialog tells it: Kafka
/// 4.3.1's text (what kafka-topics --create prints, sim/kafka_errors.h), the protocol error's name
/// and the teaching note that explains it.
struct TopicCreateRefusal {
    std::string kafka_text;
    std::string error_name;
    std::optional<NoteId> note;
};
TopicCreateRefusal topicCreateRefusal(const sim::AdminResult& result, std::string_view topic);

} // namespace fluxolab::labs
