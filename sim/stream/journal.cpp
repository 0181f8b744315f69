#include "sim/stream/journal.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace fluxolab::stream {

const char* streamEventKindName(StreamEventKind kind) {
    const auto i = static_cast<std::size_t>(kind);
    return i < std::size(kStreamEventSchemas) ? kStreamEventSchemas[i].name : "unknown";
}

std::uint16_t streamFamily(sim::Journal& journal) {
    const std::int32_t found = journal.findFamily(kStreamFamilyName);
    if (found >= 0) return static_cast<std::uint16_t>(found);
    return journal.addFamily(
        sim::EventFamily{kStreamFamilyName, kStreamEventSchemas, std::size(kStreamEventSchemas)});
}

sim::Event toJournalEvent(const StreamEvent& e, sim::Journal& journal, std::uint16_t family) {
    sim::Event j;
    j.time = e.procTime;
    j.family = family;
    j.type = static_cast<sim::EventType>(e.kind);
    j.flag = e.flag;
    j.partition = e.partition;
    j.actor = e.subtask;
    j.group = e.channel;
    j.a = e.a;
    j.b = e.b;
    j.setWideValue(e.c);
    j.name = journal.addString(e.key);
    j.list_begin = journal.addString(e.name);
    j.list_size = 0;
    return j;
}

StreamEvent fromJournalEvent(const sim::Journal& journal, const sim::Event& j) {
    StreamEvent e;
    e.kind = static_cast<StreamEventKind>(j.typeIndex());
    e.procTime = j.time;
    e.partition = j.partition;
    e.subtask = j.actor;
    e.channel = j.group;
    e.a = j.a;
    e.b = j.b;
    e.c = j.wideValue();
    e.flag = j.flag;
    e.key = journal.string(j.name);
    e.name = journal.string(j.list_begin);
    return e;
}

std::string formatDouble(double value) {
    if (std::isnan(value)) return "NaN";
    if (std::isinf(value)) return value > 0 ? "Infinity" : "-Infinity";
    // Fixed format without a precision: the shortest digits that round-trip, never an exponent.
    char buf[400];
    const auto r = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed);
    return std::string(buf, r.ptr);
}

std::string formatWatermark(Millis watermark) {
    if (watermark == std::numeric_limits<Millis>::max()) return "MAX";
    if (watermark == std::numeric_limits<Millis>::min()) return "MIN";
    return std::to_string(watermark);
}

std::string csvField(const std::string& field) {
    if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
    std::string out = "\"";
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string firingCsvLine(const std::string& key, Millis start, Millis end, const std::string& value, Millis watermark,
                          bool lateUpdate) {
    return csvField(key) + ',' + std::to_string(start) + ',' + std::to_string(end) + ',' + value + ',' +
           formatWatermark(watermark) + ',' + (lateUpdate ? "late-update" : "on-time") + '\n';
}

std::string lateCsvLine(const std::string& key, Millis eventTime, Millis watermark) {
    return "LATE," + csvField(key) + ',' + std::to_string(eventTime) + ',' + formatWatermark(watermark) + '\n';
}

std::string toJson(const StreamEvent& e) {
    sim::Journal j;
    JournalFamilySink sink(j);
    sink.record(e);
    return j.toJson(0);
}

std::string StreamJournal::toJsonLines() const {
    sim::Journal j;
    JournalFamilySink sink(j);
    std::string out;
    for (const auto& e : events_) {
        sink.record(e);
        out += j.toJson(j.size() - 1);
        out += '\n';
    }
    return out;
}

} // namespace fluxolab::stream
