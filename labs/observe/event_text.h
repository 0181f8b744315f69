#pragma once
// A journal event in words, for the views: the Kafka family's text templates (sim::EventText) are
// the app's, translatable; the schema that checks them, the choice of a template by the event's
// field values and the filling of its placeholders are here, so that the app reads the journal's
// schema through labs/ only (docs/architecture.md, "The layer guard"). Also the assignors' names.

#include "labs/observe/observation.h"
#include "sim/journal.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <iterator>
#include <span>
#include <string>

namespace fluxolab::labs::observe {

/// One text template of a Kafka event type (its type, the source text, the variant's condition).
using EventText = sim::EventText;
using EventType = sim::EventType;

/// True when `texts` holds a template for every Kafka event type and every placeholder is one of
/// its schema's fields (usable in a static_assert).
constexpr bool checkKafkaEventTexts(const EventText* texts, std::size_t n) {
    return sim::checkEventTexts(sim::kKafkaEventSchemas, std::size(sim::kKafkaEventSchemas), texts, n);
}

/// The kind of a field of an event's schema (how it is rendered and worded).
using FieldKind = sim::FieldKind;
/// A slot holding a group state (FieldKind::GroupStateName) as the observation model names it.
inline GroupState groupStateOfSlot(std::int64_t v) { return groupState(static_cast<sim::GroupState>(v)); }
/// A slot holding a leave reason (FieldKind::LeaveReasonName).
inline sim::LeaveReason leaveReasonOfSlot(std::int64_t v) { return static_cast<sim::LeaveReason>(v); }

/// The template's source text in the reader's language; `n` is the number of the template's `count`
/// field (for plurals: a list's item count, an integer field's value), -1 when it has none.
using TranslateEventText = std::function<std::string(const char* source, int n)>;
/// How a field reads where the reader's words differ from the journal's rendering (`text`): `kind`
/// is the field's kind (states, reasons, errors, a request without a client) and `value` its slot's
/// number. Return `text` for the others.
using WordField = std::function<std::string(FieldKind kind, std::int64_t value, const std::string& text)>;

/// `shown` (a Kafka event, its names resolved) in words: the first template of `texts` for its type
/// whose condition holds, translated and filled. Empty for another engine's events and for a type
/// without a template.
std::string describeShownEvent(const ShownEvent& shown, std::span<const EventText> texts,
                               const TranslateEventText& translate, const WordField& word);

/// The assignor `kind` (sim::AssignorKind as int) as Kafka names it ("range").
std::string assignorName(std::int32_t kind);
/// Whether assignor `kind` rebalances cooperatively (incrementally).
bool isCooperativeAssignor(std::int32_t kind);

} // namespace fluxolab::labs::observe
