// libFuzzer harness: event traces (labs/traces, CSV and JSON Lines) read record by record and replayed
// through the stream engine with options taken from the input's first byte. Every rejected record must
// come with a message naming the trace and a line; the engine must never go back in watermarks.
#include "fuzz_common.h"
#include "labs/traces/trace_reader.h"
#include "sim/stream/engine.h"

using namespace fluxolab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::uint8_t knobs = data[0];
    const std::string text(fuzz::asText(data + 1, size - 1));
    for (const bool jsonl : {false, true}) {
        traces::TraceOptions opt;
        opt.format = jsonl ? traces::TraceFormat::Jsonl : traces::TraceFormat::Csv;
        opt.valueField = (knobs & 1) ? "v" : "";
        opt.partitionField = (knobs & 2) ? "p" : "";
        opt.arrivalField = (knobs & 4) ? "arr" : "";
        opt.skipErrors = (knobs & 8) != 0;
        opt.maxRecordBytes = 4096;
        traces::TraceReader reader;
        if (!reader.openText(text, "fuzz.trace", opt)) {
            if (!reader.errorInfo().failed()) fuzz::fail("a rejected trace has no error code", text);
            if (reader.error().empty()) fuzz::fail("a rejected trace has no message", text);
            continue;
        }
        stream::JobSpec spec;
        spec.watermark.kind = static_cast<stream::WatermarkKind>((knobs >> 4) % 3);
        spec.watermark.bound = 1000;
        spec.watermark.perEvent = (knobs & 16) != 0;
        spec.watermark.idleTimeout = (knobs & 32) ? 500 : 0;
        spec.window.kind = static_cast<stream::WindowKind>((knobs >> 6) % 4);
        spec.window.size = 6000;
        spec.window.slide = 2000;
        spec.window.step = 2000;
        spec.window.gap = 1500;
        spec.window.allowedLateness = (knobs & 64) ? 1000 : 0;
        spec.partitions = 1024;
        spec.parallelism = 1 + (knobs % 3);
        stream::StreamJournal journal;
        stream::JobOutput out;
        stream::StreamJob job(spec, out, &journal, 0);
        traces::TraceRecord rec;
        int records = 0;
        while (records < 2000) {
            const auto st = reader.next(rec);
            if (st == traces::TraceReader::Status::End) break;
            if (st == traces::TraceReader::Status::Error) {
                if (!reader.errorInfo().failed() || reader.errorInfo().line == 0)
                    fuzz::fail("a record's error without its code and line", reader.error());
                if (reader.error().rfind("fuzz.trace:", 0) != 0)
                    fuzz::fail("error without the trace name", reader.error());
                break;
            }
            // Keep virtual time bounded: arrivals far apart would only cost ticks.
            if (rec.arrival > 10'000'000 || rec.arrival < 0) rec.arrival = 10'000'000;
            job.process(stream::Element{rec.eventTime, rec.key, rec.value,
                                        static_cast<std::int32_t>(rec.partition), rec.arrival});
            ++records;
        }
        job.finish(true);
        for (const auto& m : reader.skippedMessages())
            if (m.rfind("fuzz.trace:", 0) != 0) fuzz::fail("skipped record without the trace name", m);
    }
    return 0;
}
