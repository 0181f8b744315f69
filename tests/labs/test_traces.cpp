// Trace reading (labs/traces) and fluxolab-cli replay: formats, time formats, every bad-input case.
#include "labs/cli/cli_commands.h"
#include "labs/traces/trace_reader.h"

#include <charconv>
#include <cstring>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

using namespace fluxolab::traces;
using fluxolab::labs::Args;
using fluxolab::labs::runCli;
namespace fs = std::filesystem;

namespace {

struct Read {
    bool opened = false;
    std::string error;
    std::vector<TraceRecord> records;
    std::uint64_t skipped = 0;
    std::vector<std::string> skippedMessages;
};

Read readText(const std::string& text, TraceOptions opt = {}, const std::string& name = "t.csv") {
    Read r;
    TraceReader reader;
    r.opened = reader.openText(text, name, opt);
    if (!r.opened) {
        r.error = reader.error();
        return r;
    }
    TraceRecord rec;
    while (true) {
        const auto st = reader.next(rec);
        if (st == TraceReader::Status::End) break;
        if (st == TraceReader::Status::Error) {
            r.error = reader.error();
            break;
        }
        r.records.push_back(rec);
    }
    r.skipped = reader.skipped();
    r.skippedMessages = reader.skippedMessages();
    return r;
}

bool has(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() /
               ("fluxolab_traces_" + std::to_string(reinterpret_cast<std::uintptr_t>(this)));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    std::string write(const std::string& name, const std::string& text) const {
        const auto p = path / name;
        std::ofstream(p, std::ios::binary) << text;
        return p.string();
    }
};

struct Result {
    int code;
    std::string out;
    std::string err;
};
Result cli(const Args& args) {
    std::istringstream in;
    std::ostringstream out, err;
    const int code = runCli(args, {in, out, err});
    return {code, out.str(), err.str()};
}

} // namespace

TEST_SUITE("labs/traces") {
    TEST_CASE("time formats: epoch ms/s - ISO-8601 with and without zone - Flink SQL's rendering") {
        CHECK(parseTime("1700000000123", TimeFormat::Auto).millis == 1700000000123);
        CHECK(parseTime("-5", TimeFormat::Auto).millis == -5);
        CHECK(parseTime("1700000000", TimeFormat::EpochS).millis == 1700000000000);
        CHECK(parseTime("1700000000.25", TimeFormat::EpochS).millis == 1700000000250);
        CHECK(parseTime("1970-01-01T00:00:01Z", TimeFormat::Auto).millis == 1000);
        CHECK(parseTime("1970-01-01T00:00:01", TimeFormat::Iso).millis == 1000); // no zone = UTC
        CHECK(parseTime("1970-01-01T01:00:01+01:00", TimeFormat::Iso).millis == 1000);
        CHECK(parseTime("1970-01-01T00:00:01-0030", TimeFormat::Iso).millis == 1000 + 30 * 60000);
        CHECK(parseTime("2020-04-15 08:09:59.999", TimeFormat::Sql).millis == 1586938199999);
        CHECK(parseTime("2020-04-15 08:09:59.5", TimeFormat::Auto).millis == 1586938199500);
        CHECK(parseTime("2020-04-15 08:09", TimeFormat::Auto).millis == 1586938140000);
        CHECK(parseTime("2024-02-29T12:00:00.123456789Z", TimeFormat::Auto).millis == 1709208000123);
        CHECK(has(traceErrorReason(parseTime("2023-02-29 00:00:00", TimeFormat::Auto).error), "no such date"));
        CHECK(has(traceErrorReason(parseTime("2020-04-15T08:09:59", TimeFormat::Sql).error), "yyyy-MM-dd HH:mm:ss"));
        CHECK(has(traceErrorReason(parseTime("2020-04-15 08:09:59Z", TimeFormat::Sql).error), "no zone"));
        // Neither epoch ms nor a date-time: both formats named, with what was found (the playthrough's
        // epoch times with a fraction were told only "expected yyyy-MM-dd...").
        CHECK(traceErrorReason(parseTime("12:00", TimeFormat::Auto).error) == "time '12:00' is neither epoch milliseconds (an integer, e.g. 1773478800000) nor a date-time (yyyy-MM-dd HH:mm:ss[.SSS], or ISO-8601 e.g. 2026-03-14T09:00:00Z); --time-format epoch-s reads epoch seconds");
        CHECK(traceErrorReason(parseTime("1773478800000.5", TimeFormat::Auto).error) == "time '1773478800000.5' is neither epoch milliseconds (an integer, e.g. 1773478800000) nor a date-time (yyyy-MM-dd HH:mm:ss[.SSS], or ISO-8601 e.g. 2026-03-14T09:00:00Z); --time-format epoch-s reads epoch seconds");
        // A number where --time-format iso|sql wants a date-time: said so, with the options that read it.
        CHECK(traceErrorReason(parseTime("1773478800000", TimeFormat::Sql).error) ==
              "time '1773478800000' is a number, but --time-format iso|sql expects a date-time (yyyy-MM-dd HH:mm:ss[.SSS] "
              "or ISO-8601); epoch times need --time-format epoch-ms, epoch-s or auto");
        CHECK(parseTime("1773478800000", TimeFormat::Iso).error.number == 2);
        CHECK(has(traceErrorReason(parseTime("ontem", TimeFormat::Sql).error), "cannot read the date of 'ontem'"));
        CHECK(has(traceErrorReason(parseTime("1e3", TimeFormat::EpochMs).error), "not epoch milliseconds"));
        CHECK(has(traceErrorReason(parseTime("99999999999999999", TimeFormat::EpochS).error), "out of range"));
        CHECK(traceErrorReason(parseTime("", TimeFormat::Auto).error) == "empty event time");
    }

    TEST_CASE("the reader's fast paths give what parseTime and from_chars give - record by record") {
        // Times and values the hot path reads itself (epoch ms, the exact ISO shape with the date cached
        // from one record to the next, short decimals) mixed with shapes that must fall back to the full
        // parsers (zones, SQL rendering, 16+ digits, exponents, '+', '7.'), and dates that only differ
        // from the cached one after the prefix. Each record must equal the full parser's result.
        const std::vector<std::string> times = {"1700000000123",
                                                "0",
                                                "000000000000001",
                                                "253402300799999",
                                                "2024-02-28T23:59:59.999Z",
                                                "2024-02-29T00:00:00.000Z",
                                                "2024-02-29T12:34:56.789z",
                                                "2024-03-01T00:00:00.001Z",
                                                "2024-02-29T00:00:00.000+01:00",
                                                "2024-02-29 08:00:00.5",
                                                "2024-02-29T08:00:00Z",
                                                "1970-01-01T00:00:00.000Z",
                                                "0001-01-01T00:00:00.000Z",
                                                "9999-12-31T23:59:59.999Z",
                                                "2023-12-31T23:59:59.999Z"};
        const std::vector<std::string> values = {"1",
                                                 "2.5",
                                                 "-3.25",
                                                 "0.1",
                                                 "-0",
                                                 "1e3",
                                                 "+4",
                                                 "3.14159265358979",
                                                 "0.30000000000000004",
                                                 "123456789012345",
                                                 "1234567890123456",
                                                 "7.0",
                                                 "100.01"};
        std::string csv = "ts,key,value\n";
        std::string jsonl;
        std::vector<std::pair<std::string, std::string>> rows;
        for (std::size_t i = 0; i < times.size() * values.size(); ++i) {
            const std::string& t = times[i % times.size()];
            const std::string& v = values[(i * 7) % values.size()];
            rows.emplace_back(t, v);
            csv += t + ",k" + std::to_string(i % 3) + "," + v + "\n";
            jsonl += "{\"ts\":\"" + t + "\",\"key\":\"k\\u0041" + std::to_string(i % 3) +
                     "\",\"value\":" + v + "}\n";
        }
        TraceOptions opt;
        opt.valueField = "value";
        for (int form = 0; form < 3; ++form) {
            TraceOptions o = opt;
            if (form == 1) o.timeFormat = TimeFormat::Iso;
            o.skipErrors = form == 1; // epoch ms and the SQL rendering are errors in ISO mode
            const Read r = form == 2 ? readText(jsonl, o, "t.jsonl") : readText(csv, o);
            INFO("form " << form << ": " << r.error);
            REQUIRE(r.error.empty());
            std::size_t next = 0;
            for (std::size_t i = 0; i < rows.size(); ++i) {
                const auto& [t, v] = rows[i];
                const TimeParse want = parseTime(t, o.timeFormat);
                if (!want.millis) continue; // skipped (ISO mode)
                REQUIRE(next < r.records.size());
                const TraceRecord& got = r.records[next++];
                CHECK(got.eventTime == *want.millis);
                double dv = 0;
                const char* b = v.data() + (v[0] == '+' ? 1 : 0);
                std::from_chars(b, v.data() + v.size(), dv);
                CHECK(std::memcmp(&got.value, &dv, sizeof dv) == 0); // bit for bit (-0 included)
                CHECK(got.key == (form == 2 ? "kA" : "k") + std::to_string(i % 3)); // "\u0041" unescaped
            }
            CHECK(next == r.records.size());
        }
    }

    TEST_CASE("epoch milliseconds of 1 to 16 digits - a non-digit at every place - read 8 digits at a time") {
        // The hot path reads 8 digits at once (the first 8 and the last 8, overlapping): each length and
        // each position of a character just below or above '0'..'9' ('/' and ':') must give what
        // from_chars gives, or the same error as parseTime.
        const std::string digits = "9876543210123456";
        for (std::size_t n = 1; n <= 16; ++n) {
            const std::string good = digits.substr(0, n);
            std::int64_t want = 0;
            std::from_chars(good.data(), good.data() + n, want);
            for (const TimeFormat tf : {TimeFormat::EpochMs, TimeFormat::Auto}) {
                TraceOptions opt;
                opt.timeFormat = tf;
                const Read r = readText("ts,key\n" + good + ",k\n", opt);
                INFO("n " << n << " format " << static_cast<int>(tf));
                if (n <= 15 && want <= 253402300799999) {
                    REQUIRE(r.records.size() == 1);
                    CHECK(r.records[0].eventTime == want);
                } else {
                    CHECK(has(r.error, "t.csv:2: time '" + good + "' is out of range (years 1..9999)"));
                }
                for (std::size_t at = 0; at < n; ++at) {
                    for (const char bad : {'/', ':'}) {
                        std::string s = good;
                        s[at] = bad;
                        const Read b = readText("ts,key\n" + s + ",k\n", opt);
                        INFO(s);
                        CHECK(b.records.empty());
                        CHECK(has(b.error, "t.csv:2: " + traceErrorReason(parseTime(s, tf).error)));
                    }
                }
            }
        }
    }

    TEST_CASE("CSV: header - fields by name - ' - ' detected - RFC 4180 quoting - CRLF - BOM") {
        TraceOptions opt;
        opt.valueField = "valor";
        auto r = readText("\xEF\xBB\xBFvalor;key;ts\r\n2.5;a;1000\r\n-1;\"b;\"\"x\"\"\";2000\r\n", opt);
        REQUIRE(r.error.empty());
        REQUIRE(r.records.size() == 2);
        CHECK(r.records[0].value == 2.5);
        CHECK(r.records[0].key == "a");
        CHECK(r.records[1].key == "b;\"x\"");
        CHECK(r.records[1].eventTime == 2000);
        CHECK(r.records[1].line == 3);
        // Many quoted fields in one record (regression: growing the unescaped-field storage left the
        // earlier fields pointing to freed memory; ASan caught it).
        std::string header = "ts", row = "\"5\"";
        for (int i = 0; i < 40; ++i) {
            header += ",c" + std::to_string(i);
            row += ",\"value number " + std::to_string(i) + " long enough to leave the small-string buffer\"";
        }
        header += ",key\n";
        row += ",\"the key\"\n";
        r = readText(header + row, {});
        REQUIRE(r.records.size() == 1);
        CHECK(r.records[0].eventTime == 5);
        CHECK(r.records[0].key == "the key");
        // A quoted field holding a newline spans two lines; line numbers stay right after it.
        r = readText("ts,key\n1,\"multi\nline\"\n2,c\n3,d", {});
        REQUIRE(r.error.empty());
        REQUIRE(r.records.size() == 3);
        CHECK(r.records[0].key == "multi\nline");
        CHECK(r.records[1].line == 4);
        CHECK(r.records[2].key == "d"); // last line without newline
    }

    TEST_CASE("JSON Lines: fields by name - escapes - nested values ignored - numbers or strings for time") {
        TraceOptions opt;
        opt.valueField = "v";
        opt.partitionField = "p";
        opt.arrivalField = "arr";
        const auto r = readText(
            "{\"ts\":1000,\"key\":\"a\\\"b\\u00e7\",\"v\":1.5,\"p\":1,\"arr\":7,\"x\":{\"y\":[1,\"}\"]}}\n"
            "\n"
            "{ \"key\" : 42 , \"ts\" : \"1970-01-01T00:00:02Z\", \"v\": -2, \"p\": 0, \"arr\": 9 }\n",
            opt, "t.jsonl");
        REQUIRE(r.error.empty());
        REQUIRE(r.records.size() == 2);
        CHECK(r.records[0].key == "a\"b\xC3\xA7");
        CHECK(r.records[0].partition == 1);
        CHECK(r.records[0].arrival == 7);
        CHECK(r.records[1].key == "42");
        CHECK(r.records[1].eventTime == 2000);
        CHECK(r.records[1].line == 3);
    }

    TEST_CASE("bad records: file - line and reason - --on-error skip counts them") {
        TraceOptions opt;
        opt.valueField = "v";
        const std::string text = "ts,key,v\n1000,a,1\nxx,a,1\n2000,a\n3000,a,abc\n4000,a,2\n";
        auto r = readText(text, opt, "pay.csv");
        CHECK(r.records.size() == 1);
        CHECK(has(r.error, "pay.csv:3:"));
        CHECK(has(r.error, "'xx'"));
        opt.skipErrors = true;
        r = readText(text, opt, "pay.csv");
        CHECK(r.error.empty());
        CHECK(r.records.size() == 2);
        CHECK(r.skipped == 3);
        REQUIRE(r.skippedMessages.size() == 3);
        CHECK(has(r.skippedMessages[1], "pay.csv:4: 2 fields where the header has 3"));
        CHECK(has(r.skippedMessages[2], "pay.csv:5: value 'abc' of field 'v' is not a finite number"));
    }

    TEST_CASE("missing columns - empty file - blank file - binary file - truncated quote and truncated JSON") {
        auto r = readText("time,user\n1,a\n");
        CHECK_FALSE(r.opened);
        CHECK(
            has(r.error, "no column 'ts' in the header (columns: time, user); choose it with --time-field"));
        TraceOptions opt;
        opt.keyField = "user_id";
        r = readText("ts,key\n1,a\n", opt);
        CHECK(has(r.error, "no column 'user_id'"));
        r = readText("");
        CHECK(has(r.error, "t.csv: the file is empty"));
        r = readText("\n\n\r\n");
        CHECK(has(r.error, "no header line"));
        r = readText(std::string("\x7f"
                                 "ELF\0\0\0\x01,\x02\n",
                                 12));
        CHECK(has(r.error, "binary file"));
        r = readText("ts,key\n1,\"open\n2,b\n");
        CHECK(has(r.error, "t.csv:2: truncated file"));
        r = readText("{\"ts\":1,\"key\":\"a\"}\n{\"ts\":2,\"key\":\"b", {}, "x.jsonl");
        CHECK(r.records.size() == 1);
        CHECK(has(r.error, "x.jsonl:2: unterminated JSON string (truncated line?)"));
        r = readText("{\"ts\":1,\"key\":\"a\"\n", {}, "x.jsonl");
        CHECK(has(r.error, "truncated JSON object"));
        r = readText("[1,2]\n", {}, "x.jsonl");
        CHECK(has(r.error, "not a JSON object"));
    }

    TEST_CASE("a valid header then NUL bytes is a binary file at its line - not an over-long record") {
        // A preallocated or half-written file: a good header, then 2 MiB of zeros with no newline (longer
        // than the 1 MiB record limit). It used to say "record longer than 1024 KiB (not read)".
        const std::string zeros(std::size_t{2} << 20, '\0');
        TraceReader reader;
        REQUIRE(reader.openText("ts,key\n" + zeros, "z.csv", {}));
        TraceRecord rec;
        CHECK(reader.next(rec) == TraceReader::Status::Error);
        CHECK(reader.errorInfo().code == TraceErrorCode::NulBytes);
        CHECK(reader.errorInfo().line == 2);
        CHECK(reader.error() == "z.csv:2: contains NUL bytes: this looks like a binary file, not a CSV or JSON Lines trace");
        // Two good records first, then the zeros (with a newline far away): the same, at line 4; with
        // --on-error skip it is skipped as one binary record and the rest is read.
        TraceOptions skip;
        skip.skipErrors = true;
        const auto r = readText("ts,key\n1,a\n2,b\n" + zeros + "\n3,c\n", skip, "z.csv");
        CHECK(r.records.size() == 3);
        CHECK(r.skipped == 1);
        REQUIRE(r.skippedMessages.size() == 1);
        CHECK(has(r.skippedMessages[0], "z.csv:4: contains NUL bytes"));
        // The same code a binary file gets from its first byte, also when it has no newline in its
        // first MiB (it said "the header line is longer than 1024 KiB").
        TraceReader bin;
        CHECK_FALSE(bin.openText(zeros, "b.csv", {}));
        CHECK(bin.errorInfo().code == TraceErrorCode::NulBytes);
        CHECK(bin.errorInfo().line == 1);
        TraceReader bin2;
        CHECK_FALSE(bin2.openText(std::string("\x7f" "ELF\0\0,\n", 8), "e.csv", {}));
        CHECK(bin2.errorInfo().code == TraceErrorCode::NulBytes);
        // An over-long line of text stays what it is.
        TraceReader text;
        REQUIRE(text.openText("ts,key\n" + std::string(std::size_t{2} << 20, 'x') + "\n", "l.csv", {}));
        CHECK(text.next(rec) == TraceReader::Status::Error);
        CHECK(text.error() == "l.csv:2: record longer than 1024 KiB (not read)");
    }

    TEST_CASE("a header of one column holding another delimiter says which one and the option that reads it") {
        // A ';' file read with --delimiter ','.
        TraceOptions comma;
        comma.delimiter = ',';
        TraceReader semi;
        CHECK_FALSE(semi.openText("ts;key;valor\n1;a;2\n", "p.csv", comma));
        CHECK(semi.errorInfo().code == TraceErrorCode::MissingColumn);
        CHECK(semi.errorInfo().value == ";");
        CHECK(semi.error() == "p.csv: no column 'ts' in the header (columns: ts;key;valor); choose it with --time-field; "
                              "the header seems to be separated by ';': read it with --delimiter ';'");
        // A ',' file read with --delimiter ';'.
        TraceOptions semicolon;
        semicolon.delimiter = ';';
        TraceReader com;
        CHECK_FALSE(com.openText("ts,key\n1,a\n", "c.csv", semicolon));
        CHECK(com.errorInfo().value == ",");
        CHECK(com.error() == "c.csv: no column 'ts' in the header (columns: ts,key); choose it with --time-field; "
                             "the header seems to be separated by ',': read it with --delimiter ','");
        // Tab-separated (detected as ','): no option reads it.
        TraceReader tab;
        CHECK_FALSE(tab.openText("ts\tkey\n1\ta\n", "t.tsv", {}));
        CHECK(tab.errorInfo().value == "\t");
        CHECK(tab.error() == "t.tsv: no column 'ts' in the header (columns: ts\tkey); choose it with --time-field; the "
                             "header seems to be separated by tabs, which traces cannot be: save the file with ',' or ';' "
                             "between fields");
        // Several columns, or one without another delimiter: the message stays as it was.
        TraceReader two;
        CHECK_FALSE(two.openText("time,user\n1,a\n", "u.csv", {}));
        CHECK(two.errorInfo().value.empty());
        CHECK(two.error() == "u.csv: no column 'ts' in the header (columns: time, user); choose it with --time-field");
        TraceReader one;
        CHECK_FALSE(one.openText("time\n1\n", "o.csv", {}));
        CHECK(one.errorInfo().value.empty());
    }

    TEST_CASE("the CSV hot path (16 bytes at a time) reads every line length and field layout as the rules say") {
        // Lines of 1 to 70 bytes, so that newlines, delimiters, CRs, quotes and NUL bytes fall at every
        // place in and across the 16-byte blocks the hot path scans, mixed with lines it must hand to the
        // general path (quotes, blank lines, CRLF, a NUL byte, a wrong field count, an over-long line), and
        // ';' as the delimiter. Every value below is written by hand from the line's text.
        for (const char delim : {',', ';'}) {
            std::string text = std::string("ts") + delim + "key" + delim + "v\n";
            struct Want {
                std::int64_t ts;
                std::string key;
                double v;
                std::uint64_t line;
            };
            std::vector<Want> want;
            std::vector<std::uint64_t> badLines;
            std::uint64_t line = 2;
            for (int i = 0; i < 400; ++i, ++line) {
                const std::string ts = std::to_string(1000 + i);
                const std::string key(static_cast<std::size_t>(i % 53), static_cast<char>('a' + i % 26));
                const std::string v = std::to_string(i % 10) + ".5";
                const std::string eol = i % 5 == 1 ? "\r\n" : "\n";
                switch (i % 11) {
                case 3: // quoted key with a delimiter, a doubled quote and a newline inside
                    text += ts + delim + "\"q" + delim + "\"\"x\ny\"" + delim + v + eol;
                    want.push_back({1000 + i, std::string("q") + delim + "\"x\ny", (i % 10) + 0.5, line});
                    ++line; // the quoted newline
                    break;
                case 5: // blank lines (one with a CR only)
                    text += "\n\r\n" + ts + delim + key + delim + v + eol;
                    line += 2;
                    want.push_back({1000 + i, key, (i % 10) + 0.5, line});
                    break;
                case 7: // one field too many
                    text += ts + delim + key + delim + v + delim + eol;
                    badLines.push_back(line);
                    break;
                case 9: // a NUL byte in the key
                    text += ts + delim + key + std::string(1, '\0') + delim + v + eol;
                    badLines.push_back(line);
                    break;
                case 10: // over the record limit (set to 64 bytes below)
                    text += ts + delim + std::string(70, 'L') + delim + v + eol;
                    badLines.push_back(line);
                    break;
                default:
                    text += ts + delim + key + delim + v + eol;
                    want.push_back({1000 + i, key, (i % 10) + 0.5, line});
                }
            }
            text += "5000" + std::string(1, delim) + "last" + delim + "1.5"; // no final newline
            want.push_back({5000, "last", 1.5, line});
            TraceOptions opt;
            opt.valueField = "v";
            opt.skipErrors = true;
            opt.maxRecordBytes = 64;
            const Read r = readText(text, opt);
            INFO("delimiter " << delim);
            CHECK(r.error.empty());
            REQUIRE(r.records.size() == want.size());
            for (std::size_t k = 0; k < want.size(); ++k) {
                INFO("record " << k << " line " << want[k].line);
                CHECK(r.records[k].eventTime == want[k].ts);
                CHECK(r.records[k].key == want[k].key);
                CHECK(r.records[k].value == want[k].v);
                CHECK(r.records[k].line == want[k].line);
            }
            CHECK(r.skipped == badLines.size());
            REQUIRE(r.skippedMessages.size() == 20);
            const std::string reasons[] = {"4 fields where the header has 3", "contains NUL bytes",
                                           "record longer than 0 KiB"};
            for (std::size_t k = 0; k < 20; ++k) {
                INFO(r.skippedMessages[k]);
                CHECK(has(r.skippedMessages[k], "t.csv:" + std::to_string(badLines[k]) + ": " + reasons[k % 3]));
            }
        }
    }

    TEST_CASE("a 10 MB line: clear message - skipped in skip mode - reading goes on") {
        const std::string huge(10 << 20, 'x');
        const std::string text = "ts,key\n1,a\n2," + huge + "\n3,c\n";
        auto r = readText(text);
        CHECK(r.records.size() == 1);
        CHECK(has(r.error, "t.csv:3: record longer than 1024 KiB"));
        TraceOptions opt;
        opt.skipErrors = true;
        r = readText(text, opt);
        REQUIRE(r.records.size() == 2);
        CHECK(r.records[1].key == "c");
        CHECK(r.records[1].line == 4);
        CHECK(r.skipped == 1);
    }

    TEST_CASE("arrival and partition columns are checked") {
        TraceOptions opt;
        opt.arrivalField = "arr";
        opt.partitionField = "p";
        auto r = readText("ts,key,p,arr\n1,a,0,10\n2,a,1,5\n", opt);
        CHECK(has(r.error, "t.csv:3: arrival time 5 is before the previous record's 10"));
        r = readText("ts,key,p,arr\n1,a,-1,10\n", opt);
        CHECK(has(r.error, "partition '-1' is not an integer between 0 and 1023"));
    }

    TEST_CASE("files: missing - directory - and reading in chunks gives the same records as in memory") {
        TraceReader missing;
        CHECK_FALSE(missing.open("/nonexistent/trace.csv", {}));
        CHECK(has(missing.error(), "no such file"));
        TempDir dir;
        TraceReader d;
        CHECK_FALSE(d.open(dir.path.string(), {}));
        CHECK(has(d.error(), "is a directory"));
        // 300 000 records (~6 MB): crosses the 4 MiB buffer boundary.
        std::string text = "ts,key\n";
        for (int i = 0; i < 300000; ++i)
            text += std::to_string(1000000 + i) + ",\"k" + std::to_string(i % 7) + "\"\n";
        const std::string path = dir.write("big.csv", text);
        TraceReader f;
        REQUIRE(f.open(path, {}));
        TraceRecord rec;
        std::int64_t n = 0, sum = 0, wrongTimes = 0;
        while (f.next(rec) == TraceReader::Status::Record) {
            wrongTimes += rec.eventTime != 1000000 + n;
            sum += rec.key.back() - '0';
            ++n;
        }
        CHECK(f.error().empty());
        CHECK(n == 300000);
        CHECK(wrongTimes == 0);
        CHECK(sum == 899997); // sum of i % 7 over 0..299999
        // A record ending exactly at the 4 MiB buffer boundary (regression: the next scan started past the
        // end).
        std::string exact = "ts,key\n1,abcdef\n"; // 16 bytes
        for (int i = 0; i < 524286; ++i)
            exact += "1000,ab\n"; // + 4194288 = 4 MiB exactly
        REQUIRE(exact.size() == (std::size_t{4} << 20));
        exact += "2000,zz\n3000,yy\n";
        TraceReader b;
        REQUIRE(b.open(dir.write("boundary.csv", exact), {}));
        std::int64_t count = 0;
        std::string lastKey;
        while (b.next(rec) == TraceReader::Status::Record) {
            ++count;
            lastKey = rec.key;
        }
        CHECK(b.error().empty());
        CHECK(count == 524289);
        CHECK(lastKey == "yy");
    }
}

TEST_SUITE("labs/replay") {
    TEST_CASE("replay prints firings - LATE lines and the summary in Flink's firing order") {
        TempDir dir;
        const auto trace = dir.write("ex.csv", "ts,key,valor\n1000,a,1\n2000,a,1\n4000,a,1\n6000,a,1\n3000,a,"
                                               "1\n8000,a,1\n2000,a,1\n11000,a,1\n");
        auto r = cli({"replay", trace, "--watermark", "bounded:2s", "--watermark-interval", "per-event",
                      "--window", "tumble:5s"});
        CHECK(r.code == 0);
        CHECK(r.out == "a,0,5000,4,5999,on-time\na,5000,10000,2,MAX,on-time\na,10000,15000,1,MAX,on-time\n"
                       "LATE,a,2000,5999\nSUMMARY,events=8,firings=3,late=1\n");
        r = cli({"replay", trace, "--watermark", "bounded:2s", "--watermark-interval", "per-event",
                 "--window", "tumble:5s", "--allowed-lateness", "3s", "--agg", "sum:valor", "--json",
                 "--no-final-watermark"});
        CHECK(r.code == 0);
        CHECK(r.out ==
              "{\"subtask\":1,\"key\":\"a\",\"window_start\":0,\"window_end\":5000,\"value\":4,"
              "\"watermark_at_fire\":5999,\"firing\":\"on-time\"}\n"
              "{\"subtask\":1,\"key\":\"a\",\"window_start\":0,\"window_end\":5000,\"value\":5,"
              "\"watermark_at_fire\":5999,\"firing\":\"late-update\"}\n"
              "{\"summary\":true,\"events\":8,\"firings\":2,\"late\":0}\n");
    }

    TEST_CASE("replay --watermark sql drops late rows as Flink SQL does - counted in the summary only") {
        // sql:2s: W = max - 2000. [0,5000) fires when 8000 brings W to 6000; the second 2000 then finds
        // its only window fired: Flink SQL drops it without emitting anything (no side output in SQL).
        TempDir dir;
        const auto trace = dir.write("ex.csv", "ts,key\n1000,a\n2000,a\n4000,a\n6000,a\n3000,a\n8000,a\n"
                                               "2000,a\n11000,a\n");
        auto r = cli({"replay", trace, "--watermark", "sql:2s", "--watermark-interval", "per-event", "--window",
                      "tumble:5s"});
        CHECK(r.code == 0);
        CHECK(!has(r.out, "LATE"));
        CHECK(has(r.out, "a,0,5000,4,"));
        CHECK(has(r.out, "SUMMARY,events=8,firings=3,late=1\n"));
        r = cli({"replay", trace, "--watermark", "sql:2s", "--watermark-interval", "per-event", "--window",
                 "tumble:5s", "--json"});
        CHECK(!has(r.out, "\"late\":true"));
        CHECK(has(r.out, "{\"summary\":true,\"events\":8,\"firings\":3,\"late\":1}\n"));
        // The DataStream form still routes it to the late side output (a LATE line).
        r = cli({"replay", trace, "--watermark", "bounded:2s", "--watermark-interval", "per-event", "--window",
                 "tumble:5s"});
        CHECK(has(r.out, "LATE,a,2000,"));
    }

    TEST_CASE("the example of docs/stream.md gives exactly the output printed there") {
        TempDir dir;
        const auto trace =
            dir.write("pagamentos.csv", "ts,user_id,valor\n2026-03-10 10:00:05,ana,12.5\n"
                                        "2026-03-10 10:00:20,rui,40\n2026-03-10 10:00:58,ana,7.25\n"
                                        "2026-03-10 10:01:02,rui,15\n2026-03-10 10:00:55,ana,3\n"
                                        "2026-03-10 10:01:30,ana,20\n2026-03-10 10:00:45,rui,99\n"
                                        "2026-03-10 10:02:10,rui,5\n2026-03-10 10:02:03,ana,1\n"
                                        "2026-03-10 10:03:30,ana,2.5\n");
        const auto r = cli({"replay", trace, "--key", "user_id", "--agg", "sum:valor", "--watermark",
                            "bounded:5s", "--watermark-interval", "per-event", "--window", "tumble:1m"});
        // The real Flink 2.3.0 (tests/flink/flink-replay.sh on this trace) prints exactly these lines, in this
        // order: rui before ana for the 10:01 and 10:02 windows (its timer heap, docs/stream.md "Firing order").
        const std::string expected = "ana,1773136800000,1773136860000,22.75,1773136884999,on-time\n"
                                     "rui,1773136800000,1773136860000,40,1773136884999,on-time\n"
                                     "rui,1773136860000,1773136920000,15,1773136924999,on-time\n"
                                     "ana,1773136860000,1773136920000,20,1773136924999,on-time\n"
                                     "rui,1773136920000,1773136980000,5,1773137004999,on-time\n"
                                     "ana,1773136920000,1773136980000,1,1773137004999,on-time\n"
                                     "ana,1773136980000,1773137040000,2.5,MAX,on-time\n"
                                     "LATE,rui,1773136845000,1773136884999\n"
                                     "SUMMARY,events=10,firings=7,late=1\n";
        CHECK(r.out == expected);
        // Both documents show this output verbatim.
        for (const char* doc : {"/docs/stream.md", "/docs/stream.pt.md"}) {
            std::ifstream f(std::string(FLUXOLAB_SOURCE_DIR) + doc);
            std::stringstream ss;
            ss << f.rdbuf();
            CHECK(has(ss.str(), expected));
        }
    }

    TEST_CASE("replay --process inactivity: the course's alert from a processing-time timer") {
        TempDir dir;
        const auto trace =
            dir.write("ina.csv", "ts,key,arrival\n0,ana,0\n0,rui,1000\n0,ana,3000\n0,ana,20000\n");
        auto r = cli({"replay", trace, "--process", "inactivity:10s", "--arrival-field", "arrival"});
        CHECK(r.code == 0);
        CHECK(r.out == "OUTPUT,11001,rui,\u26A0 Utilizador rui inativo h\u00E1 10 segundos.\n"
                       "OUTPUT,13001,ana,\u26A0 Utilizador ana inativo h\u00E1 10 segundos.\n"
                       "SUMMARY,events=4,outputs=2\n");
        // ana's last timer (30 000) is pending when the bounded input ends (20 000): Flink drops it.
        // An open source keeps processing time running until it fires.
        r = cli({"replay", trace, "--process", "inactivity:10s", "--arrival-field", "arrival", "--source", "open"});
        CHECK(r.code == 0);
        CHECK(r.out == "OUTPUT,11001,rui,\u26A0 Utilizador rui inativo h\u00E1 10 segundos.\n"
                       "OUTPUT,13001,ana,\u26A0 Utilizador ana inativo h\u00E1 10 segundos.\n"
                       "OUTPUT,30001,ana,\u26A0 Utilizador ana inativo h\u00E1 10 segundos.\n"
                       "SUMMARY,events=4,outputs=3\n");
        // At parallelism 2 each OUTPUT line has its subtask's "N> "; --json carries the same N as "subtask".
        const Args p2 = {"replay", trace, "--process", "inactivity:10s", "--arrival-field", "arrival",
                         "--parallelism", "2"};
        const auto text = cli(p2);
        Args p2json = p2;
        p2json.push_back("--json");
        const auto json = cli(p2json);
        CHECK(json.code == 0);
        std::istringstream lines(text.out);
        std::string line;
        int outputs = 0;
        while (std::getline(lines, line)) {
            if (line.rfind("SUMMARY", 0) == 0) continue;
            REQUIRE(line.size() > 3);
            CHECK((line.rfind("1> OUTPUT,", 0) == 0 || line.rfind("2> OUTPUT,", 0) == 0));
            const std::string procTime = line.substr(10, line.find(',', 10) - 10);
            const std::string key = line.substr(11 + procTime.size(), 3);
            CHECK(has(json.out, "{\"output\":true,\"subtask\":" + line.substr(0, 1) + ",\"processing_time\":" +
                                    procTime + ",\"key\":\"" + key + "\","));
            ++outputs;
        }
        CHECK(outputs == 2);
        r = cli({"replay", trace, "--process", "inactivity:10s", "--window", "tumble:1s"});
        CHECK(r.code == 2);
        CHECK(has(r.err, "exclude each other"));
        CHECK(has(cli({"replay", trace, "--process", "idle:1s"}).err, "unknown function"));
    }

    TEST_CASE("replay with checkpoints and a crash: state restored - the sink's repeats marked DUPLICATE") {
        TempDir dir;
        const auto trace =
            dir.write("ck.csv", "ts,key,arrival\n1000,a,0\n2000,a,400\n6000,a,900\n7000,b,1200\n"
                                "12000,a,1500\n3000,a,1700\n13000,b,2100\n");
        const Args base = {"replay",    trace,      "--watermark", "bounded:0s",      "--watermark-interval",
                           "per-event", "--window", "tumble:5s",   "--arrival-field", "arrival"};
        const auto plain = cli(base);
        Args crash = base;
        crash.insert(crash.end(), {"--checkpoint-interval", "1s", "--crash-at", "6"});
        const auto r = cli(crash);
        CHECK(r.code == 0);
        // Checkpoint 1 at 1000 ms holds the first 3 elements; the crash after 6 rewinds to it.
        CHECK(r.out == "a,0,5000,2,5999,on-time\nCHECKPOINT,1,3,1000\n"
                       "a,5000,10000,1,11999,on-time\nb,5000,10000,1,11999,on-time\nCRASH,6,1,3\n"
                       "DUPLICATE,a,5000,10000,1,11999,on-time\nDUPLICATE,b,5000,10000,1,11999,on-time\n"
                       "CHECKPOINT,2,6,2000\na,10000,15000,1,MAX,on-time\nb,10000,15000,1,MAX,on-time\n"
                       "LATE,a,3000,11999\nDUPLICATE,LATE,a,3000,11999\nSUMMARY,events=7,firings=5,late=1\n");
        // Without the DUPLICATE, CHECKPOINT and CRASH lines it is the failure-free output.
        std::istringstream lines(r.out);
        std::string line, kept;
        while (std::getline(lines, line))
            if (line.rfind("DUPLICATE,", 0) != 0 && line.rfind("CHECKPOINT,", 0) != 0 &&
                line.rfind("CRASH,", 0) != 0)
                kept += line + "\n";
        CHECK(kept == plain.out);
        // --json stays JSON Lines: the repeats carry "duplicate":true (was a DUPLICATE, prefix before
        // the object, which no JSON reader takes).
        Args crashJson = crash;
        crashJson.push_back("--json");
        const auto j = cli(crashJson);
        CHECK(j.code == 0);
        CHECK(has(j.out, "{\"crash\":true,\"position\":6,\"checkpoint\":1,\"replay_from\":3}\n"
                         "{\"duplicate\":true,\"subtask\":1,\"key\":\"a\",\"window_start\":5000,"
                         "\"window_end\":10000,\"value\":1,\"watermark_at_fire\":11999,\"firing\":\"on-time\"}\n"));
        CHECK(has(j.out, "{\"late\":true,\"subtask\":1,\"key\":\"a\",\"event_time\":3000,"
                         "\"watermark_at_arrival\":11999}\n"
                         "{\"duplicate\":true,\"late\":true,\"subtask\":1,\"key\":\"a\",\"event_time\":3000,"
                         "\"watermark_at_arrival\":11999}\n"));
        std::istringstream jl(j.out);
        int objects = 0;
        while (std::getline(jl, line)) {
            CHECK(line.front() == '{');
            CHECK(line.back() == '}');
            ++objects;
        }
        CHECK(objects == 13); // the 13 lines of the CSV output above, one object each
        Args zero = base;
        zero.insert(zero.end(), {"--crash-at", "0"});
        CHECK(has(cli(zero).err, "1 or more"));
        // A crash after the last element never happens: the output is the failure-free one, and the
        // student is told why there is no CRASH line. At exactly the last element it still crashes.
        Args late = base;
        late.insert(late.end(), {"--checkpoint-interval", "1s", "--crash-at", "8"});
        const auto past = cli(late);
        CHECK(past.code == 0);
        CHECK(has(past.err, "--crash-at 8: the trace has only 7 element(s), so the job did not crash"));
        CHECK(past.out.find("CRASH,") == std::string::npos);
        Args last = base;
        last.insert(last.end(), {"--checkpoint-interval", "1s", "--crash-at", "7"});
        const auto atEnd = cli(last);
        CHECK(has(atEnd.out, "CRASH,7,"));
        CHECK(atEnd.err.find("did not crash") == std::string::npos);
    }

    TEST_CASE("replay: bad options and bad files give a clear message and exit 2") {
        TempDir dir;
        const auto trace = dir.write("t.csv", "ts,key\n1,a\nbad,a\n");
        const Args base = {"replay", trace, "--watermark", "bounded:1s", "--window", "tumble:1s"};
        const auto with = [&](std::initializer_list<std::string> extra) {
            Args a = base;
            // An option of the base given again replaces it (an option given twice is refused).
            if (extra.size() > 0)
                for (std::size_t i = 2; i + 1 < a.size(); i += 2)
                    if (a[i] == *extra.begin()) {
                        a.erase(a.begin() + static_cast<std::ptrdiff_t>(i), a.begin() + static_cast<std::ptrdiff_t>(i) + 2);
                        break;
                    }
            a.insert(a.end(), extra);
            return cli(a);
        };
        auto r = with({});
        CHECK(r.code == 2);
        CHECK(has(r.err, "t.csv:3: time 'bad' is neither epoch milliseconds"));
        r = with({"--on-error", "skip"});
        CHECK(r.code == 0);
        CHECK(has(r.out, "SUMMARY,events=1,firings=1,late=0"));
        CHECK(has(r.err, "skipped 1 bad record(s)"));
        CHECK(has(with({"--window", "tumble:5x"}).err, "'5x' is not a duration"));
        CHECK(has(with({"--window", "hop:5s"}).err, "needs two durations"));
        CHECK(has(with({"--window", "cumulate:2s,5s"}).err, "multiple of the step"));
        CHECK(has(with({"--parallelism", "9"}).err, "from 1 to 8"));
        CHECK(has(with({"--offset", "2s"}).err, "abs(offset) < size"));
        CHECK(has(with({"--agg", "sum"}).err, "needs a field"));
        CHECK(has(with({"--agg", "sum:valor"}).err, "no column 'valor'"));
        CHECK(has(with({"--frobnicate", "1"}).err, "unknown option '--frobnicate'"));
        CHECK(has(with({"--watermark", "bounded"}).err, "needs a bound"));
        CHECK(with({"--window"}).code == 2);
        CHECK(has(cli({"replay", "--window", "tumble:1s"}).err, "missing TRACE"));
        CHECK(has(cli({"replay", trace, "--window", "tumble:1s"}).err, "--watermark is required"));
        CHECK(has(cli({"replay", (dir.path / "none.csv").string(), "--watermark", "monotonous", "--window",
                       "tumble:1s"})
                      .err,
                  "no such file"));
        const auto empty = dir.write("empty.csv", "");
        r = cli({"replay", empty, "--watermark", "monotonous", "--window", "tumble:1s"});
        CHECK(r.code == 2);
        CHECK(has(r.err, "the file is empty"));
    }

    TEST_CASE("replay: an unknown last option, idleness 0 and a crash without checkpoints are refused") {
        TempDir dir;
        const auto trace = dir.write("t.csv", "ts,key,arrival\n1000,a,0\n7000,a,1000\n");
        const Args base = {"replay", trace, "--watermark", "bounded:1s", "--window", "tumble:5s",
                           "--arrival-field", "arrival", "--watermark-interval", "per-event"};
        const auto with = [&](std::initializer_list<std::string> extra) {
            Args a = base;
            a.insert(a.end(), extra);
            return cli(a);
        };
        // A misspelt flag at the end used to be told it "needs a value".
        auto r = with({"--no-final-watermarks"});
        CHECK(r.code == 2);
        CHECK(r.err == "replay: unknown option '--no-final-watermarks' (see fluxolab-cli replay --help)\n");
        r = with({"--allowed-lateness"});
        CHECK(r.code == 2);
        CHECK(r.err == "replay: --allowed-lateness needs a value\n");
        // withIdleness(Duration.ZERO) throws in Flink; 0 used to be taken silently as "no idleness".
        r = with({"--idle-timeout", "0s"});
        CHECK(r.code == 2);
        CHECK(has(r.err, "idleTimeout must be greater than zero"));
        CHECK(r.out.empty());
        // In SQL 0 is table.exec.source.idle-timeout's default: off. [0,5000) fires at W = 7000 - 1000.
        Args sql = base;
        sql[3] = "sql:1s";
        sql.insert(sql.end(), {"--idle-timeout", "0s"});
        r = cli(sql);
        CHECK(r.code == 0);
        CHECK(r.out == "a,0,5000,1,6000,on-time\na,5000,10000,1,MAX,on-time\nSUMMARY,events=2,firings=2,late=0\n");
        // Without checkpointing Flink's restart strategy is none: the job fails, nothing restarts from 0.
        r = with({"--crash-at", "1"});
        CHECK(r.code == 2);
        CHECK(has(r.err, "--crash-at needs --checkpoint-interval"));
        CHECK(r.out.empty());
        r = with({"--crash-at", "1", "--checkpoint-interval", "1s"});
        CHECK(r.code == 0);
        CHECK(has(r.out, "CRASH,1,0,0\n"));
    }

    TEST_CASE("replay without an arrival column says why periodic watermarks and processing-time windows wait") {
        TempDir dir;
        const auto trace = dir.write("na.csv", "ts,key\n1000,a\n7000,a\n");
        const auto arrival = dir.write("wa.csv", "ts,key,arrival\n1000,a,0\n7000,a,1000\n");
        const auto run = [&](const std::string& file, std::initializer_list<std::string> extra) {
            Args a = {"replay", file, "--window", "tumble:5s"};
            a.insert(a.end(), extra);
            return cli(a);
        };
        // Periodic DataStream watermarks on a frozen clock: everything fires with the final watermark.
        auto r = run(trace, {"--watermark", "bounded:1s"});
        CHECK(r.code == 0);
        CHECK(r.out == "a,0,5000,1,MAX,on-time\na,5000,10000,1,MAX,on-time\nSUMMARY,events=2,firings=2,late=0\n");
        CHECK(r.err == "replay: note: without --arrival-field processing time does not advance, so the periodic "
                       "watermark (every 200 ms of processing time) never moves before the end of input, where "
                       "the final watermark (MAX) fires the windows; --watermark-interval per-event emits one "
                       "after every event\n");
        // No note where the watermark does move: per event, with an arrival column, or SQL (whose
        // operator also emits eagerly once the watermark gained more than the interval).
        r = run(trace, {"--watermark", "bounded:1s", "--watermark-interval", "per-event"});
        CHECK(r.out == "a,0,5000,1,5999,on-time\na,5000,10000,1,MAX,on-time\nSUMMARY,events=2,firings=2,late=0\n");
        CHECK(r.err.empty());
        r = run(arrival, {"--watermark", "bounded:1s", "--arrival-field", "arrival"});
        CHECK(r.code == 0);
        CHECK(r.err.empty());
        r = run(trace, {"--watermark", "sql:1s"});
        CHECK(r.code == 0);
        CHECK(r.err.empty());
        // A run that fails says what failed, nothing more.
        const auto broken = dir.write("bad.csv", "ts,key\n1000,a\nsoon,a\n");
        r = run(broken, {"--watermark", "bounded:1s"});
        CHECK(r.code == 2);
        CHECK(has(r.err, "bad.csv:3: "));
        CHECK(r.err.find("note") == std::string::npos); // (the reason's wording is the reader's)
        // Processing-time windows on a frozen clock never fire.
        r = run(trace, {"--window-time", "processing"});
        CHECK(r.code == 0);
        CHECK(r.out == "SUMMARY,events=2,firings=0,late=0\n");
        CHECK(r.err == "replay: note: without --arrival-field processing time does not advance, so "
                       "processing-time windows never fire\n");
    }

    TEST_CASE("replay: late lines past the in-memory buffer spill to a file and come out whole and in order") {
        // 15 000 late elements, ~25 bytes a line: more than the 256 KiB kept in memory.
        TempDir dir;
        std::string csv = "ts,key\n1000000,a\n", expected = "a,1000000,1001000,1,MAX,on-time\n";
        for (int i = 0; i < 15000; ++i) {
            csv += std::to_string(i) + ",k" + std::to_string(i % 7) + "\n";
            expected += "LATE,k" + std::to_string(i % 7) + "," + std::to_string(i) + ",999999\n";
        }
        expected += "SUMMARY,events=15001,firings=1,late=15000\n";
        REQUIRE(expected.size() > (std::size_t{256} << 10));
        const auto trace = dir.write("late.csv", csv);
        const auto r = cli({"replay", trace, "--watermark", "monotonous", "--window", "tumble:1s",
                            "--watermark-interval", "per-event"});
        CHECK(r.code == 0);
        CHECK(r.err.empty());
        CHECK(r.out == expected);
    }

    TEST_CASE("replay at parallelism > 1: each line starts with its window subtask - as Flink's print sink") {
        // tests/flink/cases subtasks_p2 / subtasks_p4 (hand-computed there; the real Flink 2.3.0 prints the
        // same lines, prefixes included, each subtask's in this order). Flink's key groups by hand
        // (KeyGroupRangeAssignment, max parallelism 128): "a".hashCode() = 97, MathUtils.murmurHash(97) =
        // 1455541201, key group 81, subtask 81 * 2 / 128 = 1 of 2 ("2> ") and 81 * 4 / 128 = 2 of 4 ("3> ");
        // "b": 98 -> 516420758 -> key group 22 -> subtask 0 ("1> ").
        TempDir dir;
        const auto trace = dir.write("s.csv", "ts,key,partition\n1000,a,0\n2000,b,1\n6000,a,0\n7000,b,1\n"
                                              "1500,b,1\n12000,b,1\n13000,a,0\n");
        const Args base = {"replay",   trace,       "--watermark",       "monotonous", "--watermark-interval",
                           "per-event", "--window", "tumble:5s",         "--partition-field", "partition"};
        Args p2 = base;
        p2.insert(p2.end(), {"--parallelism", "2"});
        auto r = cli(p2);
        CHECK(r.code == 0);
        CHECK(r.out == "1> b,0,5000,1,5999,on-time\n2> a,0,5000,1,5999,on-time\n"
                       "1> b,5000,10000,1,11999,on-time\n2> a,5000,10000,1,11999,on-time\n"
                       "1> b,10000,15000,1,MAX,on-time\n2> a,10000,15000,1,MAX,on-time\n"
                       "1> LATE,b,1500,5999\nSUMMARY,events=7,firings=6,late=1\n");
        // At 4 source subtasks 2 and 3 have no split: everything fires at the last MAX, a on subtask 2 ("3> ").
        Args p4 = base;
        p4.insert(p4.end(), {"--parallelism", "4"});
        r = cli(p4);
        CHECK(r.code == 0);
        CHECK(r.out == "1> b,0,5000,2,MAX,on-time\n1> b,5000,10000,1,MAX,on-time\n1> b,10000,15000,1,MAX,on-time\n"
                       "3> a,0,5000,1,MAX,on-time\n3> a,5000,10000,1,MAX,on-time\n3> a,10000,15000,1,MAX,on-time\n"
                       "SUMMARY,events=7,firings=6,late=0\n");
        // Parallelism 1: no prefix (Flink's print sink adds none to a single subtask's lines).
        r = cli(base);
        CHECK(r.code == 0);
        CHECK(r.out.find("> ") == std::string::npos);
        CHECK(r.out.rfind("a,0,5000,1,5999,on-time\n", 0) == 0);
        // --json: no prefix inside JSON Lines; every firing and late object carries the same N as its
        // "subtask" field, and the lines are those of the text form, in the same order.
        Args p2json = p2;
        p2json.push_back("--json");
        r = cli(p2json);
        CHECK(r.code == 0);
        CHECK(r.out ==
              "{\"subtask\":1,\"key\":\"b\",\"window_start\":0,\"window_end\":5000,\"value\":1,"
              "\"watermark_at_fire\":5999,\"firing\":\"on-time\"}\n"
              "{\"subtask\":2,\"key\":\"a\",\"window_start\":0,\"window_end\":5000,\"value\":1,"
              "\"watermark_at_fire\":5999,\"firing\":\"on-time\"}\n"
              "{\"subtask\":1,\"key\":\"b\",\"window_start\":5000,\"window_end\":10000,\"value\":1,"
              "\"watermark_at_fire\":11999,\"firing\":\"on-time\"}\n"
              "{\"subtask\":2,\"key\":\"a\",\"window_start\":5000,\"window_end\":10000,\"value\":1,"
              "\"watermark_at_fire\":11999,\"firing\":\"on-time\"}\n"
              "{\"subtask\":1,\"key\":\"b\",\"window_start\":10000,\"window_end\":15000,\"value\":1,"
              "\"watermark_at_fire\":\"MAX\",\"firing\":\"on-time\"}\n"
              "{\"subtask\":2,\"key\":\"a\",\"window_start\":10000,\"window_end\":15000,\"value\":1,"
              "\"watermark_at_fire\":\"MAX\",\"firing\":\"on-time\"}\n"
              "{\"late\":true,\"subtask\":1,\"key\":\"b\",\"event_time\":1500,\"watermark_at_arrival\":5999}\n"
              "{\"summary\":true,\"events\":7,\"firings\":6,\"late\":1}\n");
        // At 4: a's lines on subtask 3, as "3> " above.
        Args p4json = p4;
        p4json.push_back("--json");
        r = cli(p4json);
        CHECK(has(r.out, "{\"subtask\":3,\"key\":\"a\",\"window_start\":0,"));
        CHECK(!has(r.out, "{\"subtask\":2,"));
        // Parallelism 1: the one subtask, 1 (the text form prints no prefix there).
        Args p1json = base;
        p1json.push_back("--json");
        r = cli(p1json);
        CHECK(r.out.rfind("{\"subtask\":1,\"key\":\"a\",\"window_start\":0,", 0) == 0);
    }

    TEST_CASE(
        "replay with partitions: the split count comes from the data - an empty split holds the watermark") {
        TempDir dir;
        const auto trace =
            dir.write("p.csv", "ts,key,value,partition,arrival\n1000,a,1,0,0\n1000,b,1,1,0\n"
                               "6100,a,1,0,300\n6200,a,1,0,600\n6300,a,1,0,900\n6400,a,1,0,1200\n"
                               "6500,a,1,0,1500\n6600,a,1,0,1800\n");
        const Args base = {"replay",          trace,       "--watermark",         "monotonous",
                           "--window",        "tumble:5s", "--partition-field",   "partition",
                           "--arrival-field", "arrival",   "--no-final-watermark"};
        auto r = cli(base);
        CHECK(r.code == 0);
        CHECK(r.out == "SUMMARY,events=8,firings=0,late=0\n"); // partition 1 holds W at 999
        Args idle = base;
        idle.insert(idle.end(), {"--idle-timeout", "1s"});
        r = cli(idle);
        // partition 1 is idle at the tick of 1600 (quiet since 400, timeout 1 s); partition 0 then has W 6499
        CHECK(r.out ==
              "a,0,5000,1,6499,on-time\nb,0,5000,1,6499,on-time\nSUMMARY,events=8,firings=2,late=0\n");
        Args three = base;
        three.insert(three.end(), {"--partitions", "1"});
        r = cli(three);
        CHECK(r.code == 2);
        CHECK(has(r.err, "p.csv:3: partition 1 is not below --partitions 1"));
    }
}

TEST_SUITE("labs/traces") {
    TEST_CASE("trace keys read as views without a copy - csv plain and quoted and json lines") {
        // copyKey false: TraceRecord::key is never written, keyView holds the key's bytes until the next
        // record (the fast CSV path, a quoted field with an escaped quote, JSON with and without escapes).
        const std::string csv = "ts,key,value\n1000,alice,1\n2000,\"b\"\"ob\",2\n3000,a-much-longer-key-than-sso,3\n";
        const std::string jsonl = "{\"ts\":1000,\"key\":\"alice\",\"value\":1}\n"
                                  "{\"ts\":2000,\"key\":\"b\\\"ob\",\"value\":2}\n";
        for (const bool json : {false, true}) {
            TraceOptions opt;
            opt.valueField = "value";
            opt.copyKey = false;
            TraceReader reader;
            REQUIRE(reader.openText(json ? jsonl : csv, json ? "t.jsonl" : "t.csv", opt));
            TraceRecord rec;
            rec.key = "untouched";
            std::vector<std::string> keys;
            while (reader.next(rec) == TraceReader::Status::Record) {
                CHECK(rec.key == "untouched");
                keys.emplace_back(rec.keyView);
            }
            CHECK(reader.error().empty());
            if (json)
                CHECK(keys == std::vector<std::string>{"alice", "b\"ob"});
            else
                CHECK(keys == std::vector<std::string>{"alice", "b\"ob", "a-much-longer-key-than-sso"});
        }
        // copyKey true (the default): both, equal.
        const Read r = readText(csv);
        REQUIRE(r.records.size() == 3);
        CHECK(r.records[1].key == "b\"ob");
    }
}

TEST_SUITE("labs/traces errors") {
    TEST_CASE("every trace error code has its English reason - distinct - and the text names file and line") {
        std::set<std::string> seen;
        for (int i = static_cast<int>(TraceErrorCode::None) + 1; i <= static_cast<int>(TraceErrorCode::TooManyEvents); ++i) {
            TraceError e;
            e.code = static_cast<TraceErrorCode>(i);
            e.file = "t.csv";
            e.line = 7;
            e.value = "v";
            e.field = "f";
            e.number = 3;
            e.number2 = 4;
            e.cause = TraceErrorCode::UnterminatedQuote;
            CAPTURE(i);
            const std::string reason = traceErrorReason(e);
            CHECK_FALSE(reason.empty());
            CHECK(seen.insert(reason).second);
            CHECK(traceErrorText(e) == "t.csv:7: " + reason);
        }
        TraceError file;
        file.code = TraceErrorCode::NoSuchFile;
        file.file = "x.csv";
        CHECK(traceErrorText(file) == "x.csv: no such file");
    }

    TEST_CASE("the reader's error is a code with its parameters - and the English the CLI prints") {
        TraceReader r;
        TraceOptions opt;
        REQUIRE(r.openText("ts,key,value\n1000,a,1\n@@@ lixo\n", "p.csv", opt));
        TraceRecord rec;
        CHECK(r.next(rec) == TraceReader::Status::Record);
        CHECK(r.next(rec) == TraceReader::Status::Error);
        CHECK(r.errorInfo().code == TraceErrorCode::FieldCount);
        CHECK(r.errorInfo().file == "p.csv");
        CHECK(r.errorInfo().line == 3);
        CHECK(r.errorInfo().number == 1);
        CHECK(r.errorInfo().number2 == 3);
        CHECK(r.error() == "p.csv:3: 1 fields where the header has 3");

        TraceReader m;
        opt.timeField = "when";
        CHECK_FALSE(m.openText("ts,key\n1,a\n", "q.csv", opt));
        CHECK(m.errorInfo().code == TraceErrorCode::MissingColumn);
        CHECK(m.errorInfo().field == "when");
        CHECK(m.errorInfo().columns == "ts, key");
        CHECK(m.errorInfo().column == TraceColumn::Time);
        CHECK(m.errorInfo().line == 0);

        const TimeParse t = parseTime("ontem", TimeFormat::Sql);
        CHECK_FALSE(t.millis);
        CHECK(t.error.code == TraceErrorCode::BadDate);
        CHECK(t.error.value == "ontem");
        const TimeParse longText = parseTime(std::string(60, 'x'), TimeFormat::Iso);
        CHECK(longText.error.value == std::string(40, 'x') + "...");
    }
}
