#include "labs/observe/event_text.h"

#include "sim/assignors.h"

#include <algorithm>
#include <cstdint>

namespace fluxolab::labs::observe {

std::string describeShownEvent(const ShownEvent& shown, std::span<const EventText> texts,
                               const TranslateEventText& translate, const WordField& word) {
    const sim::Event& e = shown.event;
    // Another engine's events have no text here: a Kafka view shows only the Kafka family.
    if (e.family != sim::kKafkaFamily || e.typeIndex() >= std::size(sim::kKafkaEventSchemas)) return {};
    const sim::EventSchema& schema = sim::kKafkaEventSchemas[e.typeIndex()];
    // The fields as the journal renders them, names resolved when the observation was taken.
    const auto fieldText = [&](const sim::FieldSpec& f) -> std::string {
        const auto i = static_cast<std::size_t>(&f - schema.begin());
        return i < shown.fields.size() ? shown.fields[i] : std::string();
    };
    const EventText* t = sim::pickEventText(schema, e, texts.data(), texts.size(), fieldText);
    if (!t) return {};
    const sim::FieldSpec* countField = t->count ? schema.field(t->count) : nullptr;
    // The number that picks the plural form: a list field's item count ("%n partition(s)"), an
    // integer field's value ("%n record(s)").
    const auto countOf = [&](const sim::FieldSpec& f) -> std::int64_t {
        switch (f.kind) {
        case sim::FieldKind::IntList:
        case sim::FieldKind::ConsumerList:
        case sim::FieldKind::TpList:
        case sim::FieldKind::MemberList: return static_cast<std::int64_t>(sim::Journal::itemCount(e, f));
        default: return sim::fieldValue(e, f);
        }
    };
    const int n = countField ? static_cast<int>(std::clamp<std::int64_t>(countOf(*countField), 0, INT32_MAX)) : -1;
    const std::string text = translate(t->text, n);
    return sim::describeEvent(schema, e, text, [&](const sim::FieldSpec& f) {
        return word(f.kind, sim::fieldValue(e, f), fieldText(f));
    });
}

std::string assignorName(std::int32_t kind) { return sim::assignorName(static_cast<sim::AssignorKind>(kind)); }

bool isCooperativeAssignor(std::int32_t kind) { return sim::isCooperative(static_cast<sim::AssignorKind>(kind)); }

} // namespace fluxolab::labs::observe
