#include "sim/stream/journal.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace fluxolab::stream {

const char* streamEventKindName(StreamEventKind kind) {
    switch (kind) {
    case StreamEventKind::ElementArrived:
        return "element_arrived";
    case StreamEventKind::SplitWatermark:
        return "split_watermark";
    case StreamEventKind::SplitIdle:
        return "split_idle";
    case StreamEventKind::SourceWatermark:
        return "source_watermark";
    case StreamEventKind::SourceIdle:
        return "source_idle";
    case StreamEventKind::ChannelWatermark:
        return "channel_watermark";
    case StreamEventKind::ChannelIdle:
        return "channel_idle";
    case StreamEventKind::OperatorWatermark:
        return "operator_watermark";
    case StreamEventKind::WindowCreated:
        return "window_created";
    case StreamEventKind::WindowMerged:
        return "window_merged";
    case StreamEventKind::WindowFired:
        return "window_fired";
    case StreamEventKind::WindowPurged:
        return "window_purged";
    case StreamEventKind::ElementDroppedForWindow:
        return "element_dropped_for_window";
    case StreamEventKind::ElementLate:
        return "element_late";
    case StreamEventKind::TimerRegistered:
        return "timer_registered";
    case StreamEventKind::TimerDeleted:
        return "timer_deleted";
    case StreamEventKind::TimerFired:
        return "timer_fired";
    case StreamEventKind::StateChanged:
        return "state_changed";
    case StreamEventKind::ProcessOutput:
        return "process_output";
    case StreamEventKind::CheckpointStarted:
        return "checkpoint_started";
    case StreamEventKind::CheckpointAligned:
        return "checkpoint_aligned";
    case StreamEventKind::CheckpointCompleted:
        return "checkpoint_completed";
    case StreamEventKind::JobCrashed:
        return "job_crashed";
    case StreamEventKind::JobRestored:
        return "job_restored";
    case StreamEventKind::Count_:
        break;
    }
    return "unknown";
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

namespace {
void appendJsonString(std::string& out, const std::string& s) {
    out += '"';
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += ch;
        } else if (c < 0x20) {
            static const char* hex = "0123456789abcdef";
            out += "\\u00";
            out += hex[c >> 4];
            out += hex[c & 15];
        } else {
            out += ch;
        }
    }
    out += '"';
}
} // namespace

std::string toJson(const StreamEvent& e) {
    std::string out = "{\"t\":";
    out += std::to_string(e.procTime);
    out += ",\"type\":\"";
    out += streamEventKindName(e.kind);
    out += '"';
    if (e.partition >= 0) out += ",\"partition\":" + std::to_string(e.partition);
    if (e.subtask >= 0) out += ",\"subtask\":" + std::to_string(e.subtask);
    if (e.channel >= 0) out += ",\"channel\":" + std::to_string(e.channel);
    if (!e.key.empty()) {
        out += ",\"key\":";
        appendJsonString(out, e.key);
    }
    out += ",\"a\":\"" + formatWatermark(e.a) + "\",\"b\":\"" + formatWatermark(e.b) + "\",\"c\":\"" +
           formatWatermark(e.c) + "\"";
    if (e.flag) out += ",\"flag\":" + std::to_string(e.flag);
    if (!e.name.empty()) {
        out += ",\"name\":";
        appendJsonString(out, e.name);
    }
    out += '}';
    return out;
}

std::string StreamJournal::toJsonLines() const {
    std::string out;
    for (const auto& e : events_) {
        out += toJson(e);
        out += '\n';
    }
    return out;
}

} // namespace fluxolab::stream
