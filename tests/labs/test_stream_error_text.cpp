// fluxolab-cli's English for a replay command's and a stream job's errors (labs/stream_tool/
// stream_errors.h): parseReplayArgs and stream::validate report a code with its parameters; the text
// is made in one place, with the wording replay printed before the codes (every expected line below is
// the string the old code built, byte for byte).
#include "labs/cli/cli_commands.h"
#include "labs/stream_tool/replay_tool.h"
#include "labs/stream_tool/stream_errors.h"
#include "sim/stream/engine.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

using namespace fluxolab;
using labs::ReplayErrorCode;
using stream::JobErrorCode;

namespace {
std::string replayErr(const labs::Args& args) {
    std::istringstream in;
    std::ostringstream out, err;
    labs::runCli(args, {in, out, err});
    return err.str();
}
} // namespace

TEST_SUITE("labs/stream error text") {
    TEST_CASE("every replay error: its code, its parameters and the English replay printed before") {
        const auto dir = std::filesystem::temp_directory_path() / "fluxolab_stream_error_text";
        std::filesystem::create_directories(dir);
        const std::string trace = (dir / "t.csv").string();
        std::ofstream(trace) << "ts,key\n1000,a\n";
        const std::vector<std::string> base = {trace, "--watermark", "bounded:1s", "--window", "tumble:1s"};
        const struct {
            std::vector<std::string> extra; ///< after base (a leading "!" replaces base: the rest is all)
            ReplayErrorCode code;
            std::string english;
        } cases[] = {
            {{"other.csv"}, ReplayErrorCode::TwoTraces, "only one TRACE file (got '" + trace + "' and 'other.csv')"},
            {{"--frob", "1"}, ReplayErrorCode::UnknownOption, "unknown option '--frob' (see fluxolab-cli replay --help)"},
            {{"--frob"}, ReplayErrorCode::UnknownOption, "unknown option '--frob' (see fluxolab-cli replay --help)"},
            {{"--key"}, ReplayErrorCode::NeedsValue, "--key needs a value"},
            {{"--key", "a", "--key", "b"}, ReplayErrorCode::GivenTwice, "--key is given twice ('a' and 'b'): give it once"},
            {{"!", trace, "--watermark", "monotonous:1s", "--window", "tumble:1s"}, ReplayErrorCode::MonotonousNoBound,
             "--watermark monotonous takes no bound"},
            {{"!", trace, "--watermark", "sql", "--window", "tumble:1s"}, ReplayErrorCode::NeedsBound,
             "--watermark sql needs a bound, e.g. sql:5s"},
            {{"!", trace, "--watermark", "late:1s", "--window", "tumble:1s"}, ReplayErrorCode::UnknownWatermark,
             "--watermark: unknown strategy 'late:1s' (bounded:5s, monotonous or sql:5s)"},
            {{"--idle-timeout", "soon"}, ReplayErrorCode::NotADuration,
             "--idle-timeout: 'soon' is not a duration (examples: 5s, 200ms, 1m, 2h)"},
            {{"--watermark-interval", "0"}, ReplayErrorCode::IntervalNotPositive, "--watermark-interval must be positive, or per-event"},
            {{"--parallelism", "9"}, ReplayErrorCode::BadParallelism, "--parallelism must be an integer from 1 to 8"},
            {{"--partitions", "0"}, ReplayErrorCode::BadPartitions, "--partitions must be an integer from 1 to 1024"},
            {{"!", trace, "--watermark", "bounded:1s", "--window", "hop:5s"}, ReplayErrorCode::NeedsTwoDurations,
             "--window hop needs two durations, e.g. hop:10s,60s"},
            {{"!", trace, "--watermark", "bounded:1s", "--window", "slide:5s"}, ReplayErrorCode::UnknownWindow,
             "--window: unknown window 'slide:5s' (tumble:60s, hop:10s,60s, session:30s or cumulate:10s,60s)"},
            {{"--window-time", "wall"}, ReplayErrorCode::BadWindowTime, "--window-time must be event or processing"},
            {{"--late", "keep"}, ReplayErrorCode::BadLate, "--late must be side-output or drop"},
            {{"--agg", "count:x"}, ReplayErrorCode::CountTakesNoField, "--agg count takes no field"},
            {{"--agg", "median:x"}, ReplayErrorCode::UnknownAgg,
             "--agg: unknown aggregate 'median:x' (count, sum:F, min:F, max:F, avg:F, collect:F)"},
            {{"--agg", "avg"}, ReplayErrorCode::AggNeedsField, "--agg avg needs a field, e.g. avg:valor"},
            {{"--process", "alert:1s"}, ReplayErrorCode::UnknownProcess, "--process: unknown function 'alert:1s' (inactivity:10s)"},
            {{"--process", "inactivity:0s"}, ReplayErrorCode::InactivityNotPositive, "--process inactivity needs a positive timeout"},
            {{"--lang", "fr"}, ReplayErrorCode::BadLang, "--lang must be pt or en"},
            {{"--checkpoint-interval", "0"}, ReplayErrorCode::CheckpointNotPositive, "--checkpoint-interval must be positive"},
            {{"--crash-at", "0"}, ReplayErrorCode::BadCrashAt,
             "--crash-at needs the number of elements read before the crash (1 or more)"},
            {{"--time-format", "unix"}, ReplayErrorCode::BadTimeFormat, "--time-format must be auto, epoch-ms, epoch-s, iso or sql"},
            {{"--format", "xml"}, ReplayErrorCode::BadFormat, "--format must be csv or jsonl"},
            {{"--delimiter", "|"}, ReplayErrorCode::BadDelimiter, "--delimiter must be ',' or ';'"},
            {{"--on-error", "ignore"}, ReplayErrorCode::BadOnError, "--on-error must be fail or skip"},
            {{"--process", "inactivity:5s"}, ReplayErrorCode::ProcessAndWindow, "--process and --window exclude each other"},
            {{"--idle-timeout", "0"}, ReplayErrorCode::IdleTimeoutZero,
             "--idle-timeout 0: idleTimeout must be greater than zero (Flink's withIdleness refuses 0; leave the option "
             "out for no idleness)"},
            {{"--crash-at", "3"}, ReplayErrorCode::CrashWithoutCheckpoints,
             "--crash-at needs --checkpoint-interval: without checkpoints Flink does not restart a failed job "
             "(restart-strategy none), so there is nothing to recover"},
            {{"!", trace, "--window", "tumble:1s"}, ReplayErrorCode::WatermarkRequired,
             "--watermark is required (bounded:5s, monotonous or sql:5s)"},
            {{"!", trace, "--watermark", "bounded:1s"}, ReplayErrorCode::WindowRequired,
             "--window is required (tumble:60s, hop:10s,60s, session:30s or cumulate:10s,60s)"},
            {{"--partition-field", "p"}, ReplayErrorCode::Trace,
             trace + ": no column 'p' in the header (columns: ts, key); choose it with --partition-field"},
            {{"--offset", "1s"}, ReplayErrorCode::Job, "TumblingEventTimeWindows parameters must satisfy abs(offset) < size"},
        };
        std::set<ReplayErrorCode> seen;
        for (const auto& c : cases) {
            std::vector<std::string> args = c.extra.size() > 0 && c.extra[0] == "!"
                                                 ? std::vector<std::string>(c.extra.begin() + 1, c.extra.end())
                                                 : base;
            if (c.extra.empty() || c.extra[0] != "!") args.insert(args.end(), c.extra.begin(), c.extra.end());
            CAPTURE(c.english);
            labs::ReplayArgs parsed;
            labs::ReplayError error;
            CHECK(labs::parseReplayArgs(args, {}, parsed, error) == 2);
            CHECK(error.code == c.code);
            CHECK(labs::replayErrorText(error) == c.english);
            labs::Args cli = {"replay"};
            cli.insert(cli.end(), args.begin(), args.end());
            CHECK(replayErr(cli) == "replay: " + c.english + "\n");
            seen.insert(c.code);
        }
        // The parameters a UI words them with (a fresh ReplayArgs each time: the parser fills it in).
        labs::ReplayArgs parsed;
        labs::ReplayError e;
        labs::parseReplayArgs({trace, "--watermark", "bounded:1s", "--window", "tumble:1s", "--parallelism", "12"}, {},
                              parsed, e);
        CHECK(e.option == "--parallelism");
        CHECK(e.value == "12");
        parsed = {};
        labs::parseReplayArgs({trace, "--watermark", "bounded:1s", "--window", "tumble:1s", "--offset", "1s"}, {}, parsed, e);
        CHECK(e.job.code == JobErrorCode::TumbleOffset);
        CHECK(e.job.a == 1000);
        CHECK(e.job.b == 1000);
        // No TRACE: the usage first, on stderr, then the line.
        const std::string noTrace = replayErr({"replay", "--window", "tumble:1s"});
        CHECK(noTrace.rfind("Usage: fluxolab-cli replay TRACE", 0) == 0);
        CHECK(noTrace.ends_with("\nreplay: missing TRACE file\n"));
        parsed = {};
        CHECK(labs::parseReplayArgs({"--window", "tumble:1s"}, {}, parsed, e) == 2);
        CHECK(e.code == ReplayErrorCode::MissingTrace);
        seen.insert(e.code);
        parsed = {};
        CHECK(labs::parseReplayArgs({"--help"}, {}, parsed, e) == 0);
        CHECK(e.code == ReplayErrorCode::Help);
        seen.insert(e.code);
        // Every code is met above.
        CHECK(seen.size() == static_cast<std::size_t>(ReplayErrorCode::Job));
        std::filesystem::remove_all(dir);
    }

    TEST_CASE("every stream job error: stream::validate's code and numbers, and the English it had") {
        const auto spec = [](auto change) {
            stream::JobSpec s;
            s.window.kind = stream::WindowKind::Tumble;
            s.window.size = 60000;
            change(s);
            return s;
        };
        using S = stream::JobSpec&;
        const struct {
            stream::JobSpec spec;
            JobErrorCode code;
            std::int64_t a, b, c;
            std::string english;
        } cases[] = {
            {spec([](S s) { s.parallelism = 9; }), JobErrorCode::Parallelism, 9, 0, 0, "parallelism must be between 1 and 8"},
            {spec([](S s) { s.partitions = 0; }), JobErrorCode::Partitions, 0, 0, 0,
             "the number of partitions must be between 1 and 1024"},
            {spec([](S s) { s.window.allowedLateness = -5; }), JobErrorCode::NegativeAllowedLateness, -5, 0, 0,
             "allowed lateness must not be negative"},
            {spec([](S s) {
                 s.watermark.kind = stream::WatermarkKind::Sql;
                 s.window.allowedLateness = 7;
             }),
             JobErrorCode::SqlAllowedLateness, 7, 0, 0,
             "Flink SQL window aggregations have no allowed lateness (late rows are dropped)"},
            {spec([](S s) { s.watermark.bound = -1; }), JobErrorCode::NegativeBound, -1, 0, 0,
             "the watermark bound must not be negative"},
            {spec([](S s) {
                 s.watermark.perEvent = false;
                 s.watermark.interval = 0;
             }),
             JobErrorCode::WatermarkInterval, 0, 0, 0, "the watermark interval must be positive (or per-event)"},
            {spec([](S s) { s.watermark.idleTimeout = -3; }), JobErrorCode::NegativeIdleTimeout, -3, 0, 0,
             "the idle timeout must not be negative"},
            {spec([](S s) { s.window.size = 0; }), JobErrorCode::WindowSize, 0, 0, 0, "the window size must be positive"},
            {spec([](S s) { s.window.offset = -60000; }), JobErrorCode::TumbleOffset, -60000, 60000, 0,
             "TumblingEventTimeWindows parameters must satisfy abs(offset) < size"},
            {spec([](S s) {
                 s.window.kind = stream::WindowKind::Hop;
                 s.window.slide = 0;
             }),
             JobErrorCode::HopSizeSlide, 60000, 0, 0, "the window size and slide must be positive"},
            {spec([](S s) {
                 s.window.kind = stream::WindowKind::Hop;
                 s.window.slide = 10000;
                 s.window.offset = 10000;
             }),
             JobErrorCode::HopOffset, 10000, 10000, 0,
             "SlidingEventTimeWindows parameters must satisfy abs(offset) < slide and size > 0"},
            {spec([](S s) {
                 s.watermark.kind = stream::WatermarkKind::Sql;
                 s.window.kind = stream::WindowKind::Hop;
                 s.window.slide = 7000;
             }),
             JobErrorCode::SqlHopNotMultiple, 60000, 7000, 0,
             "HOP table function based aggregate requires size must be an integral multiple of slide, but got size "
             "60000 ms and slide 7000 ms"},
            {spec([](S s) {
                 s.window.kind = stream::WindowKind::Hop;
                 s.window.slide = 7;
             }),
             JobErrorCode::TooManyHopWindows, 60000, 7, 8572,
             "a sliding window of size 60000 ms and slide 7 ms puts every element in 8572 windows; FluxoLab builds at "
             "most 1000 per element (size / slide <= 1000)"},
            {spec([](S s) {
                 s.window.kind = stream::WindowKind::Session;
                 s.window.gap = 0;
             }),
             JobErrorCode::SessionGap, 0, 0, 0, "the session gap must be positive"},
            {spec([](S s) {
                 s.window.kind = stream::WindowKind::Session;
                 s.window.gap = 1000;
                 s.window.offset = 5;
             }),
             JobErrorCode::SessionOffset, 5, 0, 0, "session windows have no offset"},
            {spec([](S s) {
                 s.window.kind = stream::WindowKind::Cumulate;
                 s.window.step = 0;
             }),
             JobErrorCode::CumulateSizeStep, 60000, 0, 0, "the cumulate step and size must be positive"},
            {spec([](S s) {
                 s.window.kind = stream::WindowKind::Cumulate;
                 s.window.step = 7000;
             }),
             JobErrorCode::CumulateNotMultiple, 60000, 7000, 0, "the cumulate size must be a multiple of the step"},
            {spec([](S s) {
                 s.window.kind = stream::WindowKind::Cumulate;
                 s.window.step = 10;
             }),
             JobErrorCode::TooManyCumulateWindows, 60000, 10, 6000,
             "a cumulate window of size 60000 ms and step 10 ms puts every element in 6000 windows; FluxoLab builds at "
             "most 1000 per element (size / step <= 1000)"},
            {spec([](S s) {
                 s.window.kind = stream::WindowKind::Cumulate;
                 s.window.step = 10000;
                 s.window.offset = 60000;
             }),
             JobErrorCode::CumulateOffset, 60000, 60000, 0, "the window offset must satisfy abs(offset) < size"},
        };
        std::set<JobErrorCode> seen;
        for (const auto& c : cases) {
            CAPTURE(c.english);
            const auto e = stream::validate(c.spec);
            REQUIRE(e.has_value());
            CHECK(e->code == c.code);
            CHECK(e->a == c.a);
            CHECK(e->b == c.b);
            CHECK(e->c == c.c);
            CHECK(labs::jobErrorText(*e) == c.english);
            seen.insert(e->code);
        }
        CHECK(seen.size() == static_cast<std::size_t>(JobErrorCode::CumulateOffset));
        CHECK_FALSE(stream::validate(spec([](S) {})).has_value());
    }
}
