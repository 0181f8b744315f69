#pragma once
// The teaching note that explains a topic admin error the broker returned: kafka-topics prints it after
// Kafka's own text, and the app's "Create topic" dialog shows it under that text (one mapping for both).

#include "labs/common/teaching_notes.h"
#include "sim/kafka_errors.h"

#include <optional>
#include <string_view>

namespace fluxolab::labs {

/// nullopt: no note for this error. `message` is Kafka's text (POLICY_VIOLATION has two causes).
std::optional<NoteId> topicErrorNote(sim::ErrorCode error, std::string_view message);

} // namespace fluxolab::labs
