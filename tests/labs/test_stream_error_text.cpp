// fluxolab-cli's English for a replay command's and a stream job's errors (labs/stream_tool/
// stream_errors.h): parseReplayArgs and labs::validateJob (the engine's stream::validate, through the
// labs values of labs/stream_tool/stream_values.h) report a code with its parameters; the text
// is made in one place, with the wording replay printed before the codes (every expected line below is
// the string the old code built, byte for byte).
#include "labs/backend/sim_backend.h"
#include "labs/cli/cli_commands.h"
#include "labs/kafka_tools/cli_tool_common.h"
#include "labs/stream_tool/replay_tool.h"
#include "labs/stream_tool/stream_errors.h"
#include "labs/stream_tool/engine_values.h"
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
using labs::JobErrorCode;

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

    TEST_CASE("a replay run's own errors cross as codes too: fluxolab-cli words them in English, the terminal in its language") {
        // Before, a problem met while running (a bad record under --on-error fail, a partition beyond
        // --partitions) reached the app's pt_PT terminal as fluxolab-cli's English line only.
        const auto dir = std::filesystem::temp_directory_path() / "fluxolab_replay_run_errors";
        std::filesystem::create_directories(dir);
        const std::string bad = (dir / "bad.csv").string();
        std::ofstream(bad) << "ts,key\n1000,a\nxyz,b\n"; // the partition scan skips line 3; the run fails on it
        const std::string parts = (dir / "p.csv").string();
        std::ofstream(parts) << "ts,key,partition\n1000,a,0\n2000,b,1\n";
        const std::vector<std::string> run = {"--watermark", "bounded:1s", "--window", "tumble:1s"};

        struct Case {
            std::vector<std::string> args;
            ReplayErrorCode code;
            std::string english;
        };
        const std::vector<Case> cases = {
            {{bad}, ReplayErrorCode::Trace,
             bad + ":3: time 'xyz' is neither epoch milliseconds (an integer, e.g. 1773478800000) nor a date-time "
                   "(yyyy-MM-dd HH:mm:ss[.SSS], or ISO-8601 e.g. 2026-03-14T09:00:00Z); --time-format epoch-s reads "
                   "epoch seconds"},
            {{parts, "--partition-field", "partition", "--partitions", "1"}, ReplayErrorCode::PartitionNotBelow,
             parts + ":3: partition 1 is not below --partitions 1"},
        };
        for (const Case& c : cases) {
            std::vector<std::string> args = c.args;
            args.insert(args.end(), run.begin(), run.end());
            CAPTURE(c.english);
            // The run reports the code and prints nothing of it itself.
            std::ostringstream out, err;
            labs::ReplayError failure;
            std::vector<labs::ReplayError> notices;
            CHECK(labs::runReplay(args, out, err, {}, failure, notices) == 2);
            CHECK(notices.empty());
            CHECK(failure.code == c.code);
            CHECK(err.str().empty());
            CHECK(labs::replayErrorText(failure) == c.english);
            // fluxolab-cli prints the English line, as before.
            labs::Args cli = {"replay"};
            cli.insert(cli.end(), args.begin(), args.end());
            CHECK(replayErr(cli) == "replay: " + c.english + "\n");
            // The terminal's session: the same line, with the code for an edge in another language.
            labs::SimBackend backend(1, 1);
            std::vector<std::string> argv = {"fluxolab-cli", "replay"};
            argv.insert(argv.end(), args.begin(), args.end());
            auto session = labs::cli::startFluxolabCli(backend, argv, {});
            REQUIRE(session->finished());
            CHECK(session->exitCode() == 2);
            int coded = 0;
            for (const labs::OutputChunk& chunk : session->takeOutput()) {
                if (!chunk.replayError) continue;
                ++coded;
                CHECK(chunk.replayError->code == c.code);
                CHECK(chunk.text == "replay: " + c.english + "\n");
            }
            CHECK(coded == 1);
        }
        // The run-time error's parameters: file, line and numbers for the app's words.
        labs::ReplayError failure;
        std::ostringstream out, err;
        std::vector<std::string> args = {parts, "--partition-field", "partition", "--partitions", "1"};
        args.insert(args.end(), run.begin(), run.end());
        std::vector<labs::ReplayError> notices;
        labs::runReplay(args, out, err, {}, failure, notices);
        CHECK(failure.trace.file == parts);
        CHECK(failure.trace.line == 3);
        CHECK(failure.trace.number == 1);
        CHECK(failure.trace.number2 == 1);

        // With --on-error skip the same record is a notice, worded as the error after "skipped ";
        // the run goes on.
        args.insert(args.end(), {"--on-error", "skip"});
        std::ostringstream out2, err2;
        labs::ReplayError none;
        notices.clear();
        CHECK(labs::runReplay(args, out2, err2, {}, none, notices) == 0);
        CHECK_FALSE(none.failed());
        REQUIRE(notices.size() == 2); // and the note on the periodic watermark without --arrival-field
        CHECK(notices[0].code == ReplayErrorCode::SkippedPartition);
        CHECK(labs::replayNoticeLine(notices[0]) == "replay: skipped " + parts + ":3: partition 1 is not below --partitions 1\n");
        labs::Args cli = {"replay"};
        cli.insert(cli.end(), args.begin(), args.end());
        CHECK(replayErr(cli).find("replay: skipped " + parts + ":3: partition 1 is not below --partitions 1\n") !=
              std::string::npos);
        labs::SimBackend backend(1, 1);
        std::vector<std::string> argv = {"fluxolab-cli", "replay"};
        argv.insert(argv.end(), args.begin(), args.end());
        auto session = labs::cli::startFluxolabCli(backend, argv, {});
        REQUIRE(session->finished());
        CHECK(session->exitCode() == 0);
        int coded = 0;
        for (const labs::OutputChunk& chunk : session->takeOutput()) {
            if (!chunk.replayError || chunk.replayError->code != ReplayErrorCode::SkippedPartition) continue;
            ++coded;
            CHECK(chunk.replayError->trace.line == 3); // the code keeps its parameters (not moved from)
            CHECK(chunk.text == "replay: skipped " + parts + ":3: partition 1 is not below --partitions 1\n");
        }
        CHECK(coded == 1);
        std::filesystem::remove_all(dir);
    }

    TEST_CASE("a run's notices: codes for the terminal, fluxolab-cli's English lines unchanged") {
        const auto dir = std::filesystem::temp_directory_path() / "fluxolab-replay-notices";
        std::filesystem::create_directories(dir);
        const std::string trace = (dir / "skip.csv").string();
        {
            std::ofstream f(trace);
            f << "ts,key\n5000,a\nxyz,b\n1000,c\n"; // 1000: behind the per-event watermark 3999, late
        }
        const std::vector<std::string> args = {trace, "--watermark", "bounded:1s", "--watermark-interval", "per-event",
                                               "--window", "tumble:1s", "--on-error", "skip", "--late", "drop",
                                               "--crash-at", "9", "--checkpoint-interval", "1s"};
        std::ostringstream out, err;
        labs::ReplayError failure;
        std::vector<labs::ReplayError> notices;
        CHECK(labs::runReplay(args, out, err, {}, failure, notices) == 0);
        CHECK_FALSE(failure.failed());
        CHECK(err.str().empty());
        using C = ReplayErrorCode;
        REQUIRE(notices.size() == 4);
        CHECK(notices[0].code == C::SkippedRecords);
        CHECK(notices[0].value == "1");
        CHECK(notices[1].code == C::SkippedRecord);
        CHECK(notices[1].trace.line == 3);
        CHECK(labs::replayErrorText(notices[1]).rfind(trace + ":3: ", 0) == 0);
        CHECK(notices[2].code == C::LateDropped);
        CHECK(notices[2].value == "1");
        CHECK(notices[3].code == C::CrashAfterEnd);
        CHECK(notices[3].value == "9");
        CHECK(notices[3].value2 == "2");
        // fluxolab-cli: the English lines as before the codes (hand-written here).
        labs::Args cli = {"replay"};
        cli.insert(cli.end(), args.begin(), args.end());
        CHECK(replayErr(cli) == "replay: skipped 1 bad record(s) (--on-error skip):\n"
                                "  " + labs::replayErrorText(notices[1]) + "\n"
                                "replay: 1 late element(s) dropped (numLateRecordsDropped)\n"
                                "replay: --crash-at 9: the trace has only 2 element(s), so the job did not crash\n");
        std::filesystem::remove_all(dir);
    }

    TEST_CASE("every stream job error: labs::validateJob's code and numbers (the engine's), and the English it had") {
        const auto spec = [](auto change) {
            labs::StreamJobSpec s;
            s.window.kind = labs::WindowKind::Tumble;
            s.window.size = 60000;
            change(s);
            return s;
        };
        using S = labs::StreamJobSpec&;
        const struct {
            labs::StreamJobSpec spec;
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
                 s.watermark.kind = labs::WatermarkKind::Sql;
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
                 s.window.kind = labs::WindowKind::Hop;
                 s.window.slide = 0;
             }),
             JobErrorCode::HopSizeSlide, 60000, 0, 0, "the window size and slide must be positive"},
            {spec([](S s) {
                 s.window.kind = labs::WindowKind::Hop;
                 s.window.slide = 10000;
                 s.window.offset = 10000;
             }),
             JobErrorCode::HopOffset, 10000, 10000, 0,
             "SlidingEventTimeWindows parameters must satisfy abs(offset) < slide and size > 0"},
            {spec([](S s) {
                 s.watermark.kind = labs::WatermarkKind::Sql;
                 s.window.kind = labs::WindowKind::Hop;
                 s.window.slide = 7000;
             }),
             JobErrorCode::SqlHopNotMultiple, 60000, 7000, 0,
             "HOP table function based aggregate requires size must be an integral multiple of slide, but got size "
             "60000 ms and slide 7000 ms"},
            {spec([](S s) {
                 s.window.kind = labs::WindowKind::Hop;
                 s.window.slide = 7;
             }),
             JobErrorCode::TooManyHopWindows, 60000, 7, 8572,
             "a sliding window of size 60000 ms and slide 7 ms puts every element in 8572 windows; FluxoLab builds at "
             "most 1000 per element (size / slide <= 1000)"},
            {spec([](S s) {
                 s.window.kind = labs::WindowKind::Session;
                 s.window.gap = 0;
             }),
             JobErrorCode::SessionGap, 0, 0, 0, "the session gap must be positive"},
            {spec([](S s) {
                 s.window.kind = labs::WindowKind::Session;
                 s.window.gap = 1000;
                 s.window.offset = 5;
             }),
             JobErrorCode::SessionOffset, 5, 0, 0, "session windows have no offset"},
            {spec([](S s) {
                 s.window.kind = labs::WindowKind::Cumulate;
                 s.window.step = 0;
             }),
             JobErrorCode::CumulateSizeStep, 60000, 0, 0, "the cumulate step and size must be positive"},
            {spec([](S s) {
                 s.window.kind = labs::WindowKind::Cumulate;
                 s.window.step = 7000;
             }),
             JobErrorCode::CumulateNotMultiple, 60000, 7000, 0, "the cumulate size must be a multiple of the step"},
            {spec([](S s) {
                 s.window.kind = labs::WindowKind::Cumulate;
                 s.window.step = 10;
             }),
             JobErrorCode::TooManyCumulateWindows, 60000, 10, 6000,
             "a cumulate window of size 60000 ms and step 10 ms puts every element in 6000 windows; FluxoLab builds at "
             "most 1000 per element (size / step <= 1000)"},
            {spec([](S s) {
                 s.window.kind = labs::WindowKind::Cumulate;
                 s.window.step = 10000;
                 s.window.offset = 60000;
             }),
             JobErrorCode::CumulateOffset, 60000, 60000, 0, "the window offset must satisfy abs(offset) < size"},
        };
        std::set<JobErrorCode> seen;
        for (const auto& c : cases) {
            CAPTURE(c.english);
            const auto e = labs::validateJob(c.spec);
            REQUIRE(e.has_value());
            CHECK(e->code == c.code);
            CHECK(e->a == c.a);
            CHECK(e->b == c.b);
            CHECK(e->c == c.c);
            CHECK(labs::jobErrorText(*e) == c.english);
            seen.insert(e->code);
        }
        CHECK(seen.size() == static_cast<std::size_t>(JobErrorCode::CumulateOffset));
        CHECK_FALSE(labs::validateJob(spec([](S) {})).has_value());
    }
}

// The labs values (labs/stream_tool/stream_values.h) and the engine's are converted in one place
// (labs/stream_tool/engine_values.h): the same defaults, the process function named by its timeout,
// the codes and numbers of the engine's errors kept.
TEST_SUITE("labs/stream values") {
    TEST_CASE("a default labs job is the engine's default job, and a job goes there and back unchanged") {
        const stream::JobSpec e = labs::toEngine(labs::StreamJobSpec{});
        const stream::JobSpec d;
        CHECK(e.watermark.kind == d.watermark.kind);
        CHECK(e.watermark.bound == d.watermark.bound);
        CHECK(e.watermark.perEvent == d.watermark.perEvent);
        CHECK(e.watermark.interval == 200); // pipeline.auto-watermark-interval
        CHECK(e.watermark.interval == d.watermark.interval);
        CHECK(e.watermark.idleTimeout == d.watermark.idleTimeout);
        CHECK(e.window.kind == d.window.kind);
        CHECK(e.window.size == d.window.size);
        CHECK(e.window.allowedLateness == d.window.allowedLateness);
        CHECK(e.window.processingTime == d.window.processingTime);
        CHECK(e.agg == d.agg);
        CHECK(e.parallelism == d.parallelism);
        CHECK(e.partitions == d.partitions);
        CHECK(e.topic == d.topic);
        CHECK(e.lateSideOutput == d.lateSideOutput);
        CHECK_FALSE(e.process);
        CHECK(e.stateTtl == d.stateTtl);
        CHECK(e.checkpointInterval == d.checkpointInterval);

        labs::StreamJobSpec s;
        s.watermark = {labs::WatermarkKind::Sql, 5000, true, 300, 2000};
        s.window = {labs::WindowKind::Cumulate, 60000, 0, 10000, 0, 0, 0, false};
        s.agg = labs::AggKind::Avg;
        s.parallelism = 3;
        s.partitions = 4;
        s.topic = "cliques";
        s.lateSideOutput = false;
        s.inactivity = 10000;
        s.portuguese = false;
        s.stateTtl = 7000;
        s.checkpointInterval = 1000;
        const stream::JobSpec engine = labs::toEngine(s);
        CHECK(engine.watermark.kind == stream::WatermarkKind::Sql);
        CHECK(engine.window.kind == stream::WindowKind::Cumulate);
        CHECK(engine.window.step == 10000);
        CHECK(engine.agg == stream::AggKind::Avg);
        CHECK(engine.process); // the inactivity alert
        const labs::StreamJobSpec back = labs::fromEngine(engine, s.inactivity, s.portuguese);
        CHECK(back.watermark.kind == s.watermark.kind);
        CHECK(back.watermark.bound == 5000);
        CHECK(back.watermark.perEvent);
        CHECK(back.watermark.interval == 300);
        CHECK(back.watermark.idleTimeout == 2000);
        CHECK(back.window.kind == s.window.kind);
        CHECK(back.window.size == 60000);
        CHECK(back.window.step == 10000);
        CHECK(back.agg == labs::AggKind::Avg);
        CHECK(back.parallelism == 3);
        CHECK(back.partitions == 4);
        CHECK(back.topic == "cliques");
        CHECK_FALSE(back.lateSideOutput);
        CHECK(back.inactivity == 10000);
        CHECK_FALSE(back.portuguese);
        CHECK(back.stateTtl == 7000);
        CHECK(back.checkpointInterval == 1000);
        // Without a process function the engine's job has none, whatever timeout is given back.
        CHECK(labs::fromEngine(labs::toEngine(labs::StreamJobSpec{}), 10000, true).inactivity == 0);
    }

    TEST_CASE("the engine's errors, skipped records and late records keep their codes and numbers") {
        stream::SourceError se;
        se.code = stream::SourceErrorCode::JobMismatch;
        se.topic = "cliques";
        se.jobTopic = "outro";
        se.jobPartitions = 2;
        se.topicPartitions = 3;
        const labs::SourceError ls = labs::fromEngine(se);
        CHECK(ls.code == labs::SourceErrorCode::JobMismatch);
        CHECK(ls.topic == "cliques");
        CHECK(ls.jobTopic == "outro");
        CHECK(ls.jobPartitions == 2);
        CHECK(ls.topicPartitions == 3);
        CHECK(labs::sourceErrorText(ls) ==
              "the stream job reads 2 split(s) of 'outro', the topic 'cliques' has 3 partition(s)");

        const labs::JobError je =
            labs::fromEngine(stream::JobError{stream::JobErrorCode::TooManyHopWindows, 3600000, 1, 3600000});
        CHECK(je.code == labs::JobErrorCode::TooManyHopWindows);
        CHECK(je.a == 3600000);
        CHECK(je.b == 1);
        CHECK(je.c == 3600000);

        stream::SkippedRecord sk;
        sk.topic = "cliques";
        sk.partition = 0;
        sk.offset = 2;
        sk.field = "ts";
        sk.timeField = true;
        const labs::SkippedRecord lk = labs::fromEngine(sk);
        CHECK(labs::skippedRecordText(lk) == "cliques-0 offset 2: no number field 'ts' in the value");
        CHECK(lk.timeField);
        CHECK(labs::skippedRecordText(labs::SkippedRecord{}).empty());

        const labs::LateRecord late = labs::fromEngine(stream::LateRecord{"ana", 1000, 4999, 1});
        CHECK(late.key == "ana");
        CHECK(late.eventTime == 1000);
        CHECK(late.watermark == 4999);
        CHECK(late.subtask == 1);
    }

    TEST_CASE("the engine's rules through the labs names: validation, windows per element, a key's subtask") {
        labs::StreamJobSpec s;
        s.window.kind = labs::WindowKind::Hop;
        s.window.slide = 1;
        s.window.size = 3600000;
        const auto e = labs::validateJob(s);
        REQUIRE(e.has_value());
        CHECK(e->code == labs::JobErrorCode::TooManyHopWindows);
        CHECK(labs::maxWindowsPerElement() == 1000); // docs/stream.md
        CHECK(labs::kMinTime == stream::kMinTime);
        CHECK(labs::kMaxTime == stream::kMaxTime);
        for (const char* key : {"ana", "rui", "maria", "sensor-7"})
            for (int p = 1; p <= 8; ++p)
                CHECK(labs::windowSubtaskOfKey(key, p) ==
                      stream::keyToSubtask(key, p, stream::defaultMaxParallelism(p)));
        // Flink SQL hashes the key as a BinaryRowData: sensor-1 goes to subtask 1 of 2 there, 0 in DataStream.
        CHECK(labs::windowSubtaskOfKey("sensor-1", 2, true) == 1);
        CHECK(labs::windowSubtaskOfKey("sensor-1", 2) == 0);
    }
}
