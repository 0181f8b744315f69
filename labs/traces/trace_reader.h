#pragma once
// Streaming reader of event traces (CSV with a header, or JSON Lines) for the stream engine.
//
// It lives in labs/ (not sim/stream/) because it does file I/O; the parsing itself is plain C++ over a
// buffer. Memory is bounded: one read buffer (4 MiB) plus the longest record allowed (1 MiB by default),
// whatever the file length. Bad records give an error (TraceError: a code with the file, the line and
// the parameters; its English by traceErrorText); with skipErrors they are counted (the first
// messages kept, in English) and reading goes on.

#include <cstdint>
#include <cstdio>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fluxolab::traces {

enum class TraceFormat : std::uint8_t { Auto, Csv, Jsonl };
enum class TimeFormat : std::uint8_t { Auto, EpochMs, EpochS, Iso, Sql };

struct TraceOptions {
    TraceFormat format = TraceFormat::Auto; ///< Auto: .jsonl/.json/.ndjson -> JSON Lines, else CSV
    TimeFormat timeFormat = TimeFormat::Auto;
    std::string timeField = "ts";
    std::string keyField = "key";
    std::string valueField;     ///< empty: no value read (count)
    std::string arrivalField;   ///< empty: file order is arrival order (arrival = previous + 0)
    std::string partitionField; ///< empty: every element in partition 0
    char delimiter = 0;         ///< CSV: 0 = detect from the header (';' if it has ';' and no ',')
    bool skipErrors = false;    ///< --on-error skip
    std::size_t maxRecordBytes = std::size_t{1} << 20;
    /// false: TraceRecord::key is not written, only keyView (no copy of the key per record).
    bool copyKey = true;
};

struct TraceRecord {
    std::int64_t eventTime = 0;
    std::string key;          ///< a copy of the key (unless TraceOptions::copyKey is false)
    std::string_view keyView; ///< the key's bytes in the reader's buffers: valid until the next next()
    double value = 0;
    std::int64_t partition = 0;
    std::int64_t arrival = 0;
    std::uint64_t line = 0; ///< 1-based line where the record starts
};

/// What is wrong with a trace, as a code with its parameters (TraceError). The reader makes no text:
/// fluxolab-cli's English is made by traceErrorReason/traceErrorText (one place), the app's with tr().
enum class TraceErrorCode : std::uint8_t {
    None,
    // The file (line 0 unless said)
    NoSuchFile,
    IsDirectory,
    CannotRead,
    ReadError,
    EmptyFile,               ///< number: 1 when JSON Lines was expected, 0 for a CSV header line
    HeaderTooLong,           ///< a line; number: the limit in KiB
    HeaderQuoteNeverClosed,
    NoHeader,                ///< only blank lines
    BadHeader,               ///< a line; cause: UnterminatedQuote or TextAfterQuote (value: the delimiter)
    MissingColumn,           ///< field; columns: the header's, ", "-separated; column: the option that names it;
                             ///< value: ";", "," or "\t" when the header is one column holding that delimiter
    // A record (its line)
    NulBytes,                ///< also a record too long to read that holds a NUL byte (a header, then zeros)
    FieldCount,              ///< number: the record's fields, number2: the header's
    RecordTooLong,           ///< number: the limit in KiB
    QuoteNeverClosed,        ///< the file ends inside a quoted field opened on this line
    UnterminatedQuote,
    TextAfterQuote,          ///< value: the delimiter
    JsonControlChar,
    JsonUnterminatedString,
    JsonBadEscape,
    JsonUnterminatedNesting,
    JsonNotObject,
    JsonTruncated,
    JsonTruncatedNoBrace,
    JsonExpectedName,
    JsonExpectedColon,
    JsonExpectedCommaOrBrace,
    JsonTextAfterObject,
    JsonNestedValue,         ///< field
    JsonMissingValue,        ///< field
    MissingField,            ///< field; column: Time, Key or Value
    ValueNotNumber,          ///< value, field
    BadPartition,            ///< value; number: 1 when the field is missing
    BadArrival,              ///< value; number: 1 when the field is missing
    ArrivalBackwards,        ///< number: this record's arrival, number2: the previous record's
    // The event time (parseTime; value: the text)
    TimeEmpty,
    BadDate,                 ///< number: 1 auto (neither epoch ms nor a date-time), 2 iso|sql given a number
    BadTimeOfDay,            ///< number: 1 when the SQL format was expected, 0 for ISO-8601
    BadSeconds,
    BadFraction,
    ZoneNotAllowed,
    BadZone,
    ZoneOutOfRange,
    TextAfterTime,
    NoSuchDateTime,
    TimeOutOfRange,
    NotEpochMillis,
    NotEpochSeconds,
    // The stream view's bounds on a trace (labs/stream_observe)
    PartitionTooLarge,       ///< number: the largest partition; number2: the most allowed
    PartitionNotBelow,       ///< number: the partition, number2: the number of partitions
    TooManyEvents,           ///< number: the view's limit
};

/// The trace option that names a column (MissingColumn) or the field a record lacks (MissingField).
enum class TraceColumn : std::uint8_t { Time, Key, Value, Arrival, Partition };

struct TraceError {
    TraceErrorCode code = TraceErrorCode::None;
    std::string file;
    std::uint64_t line = 0;  ///< 1-based; 0 for the file as a whole
    std::string value;       ///< the offending text (at most 40 bytes, then "...")
    std::string field;       ///< a column or field name
    std::string columns;     ///< MissingColumn: the header's columns
    std::int64_t number = 0;
    std::int64_t number2 = 0;
    TraceColumn column = TraceColumn::Time;
    TraceErrorCode cause = TraceErrorCode::None; ///< BadHeader: why
    bool failed() const { return code != TraceErrorCode::None; }
};

/// fluxolab-cli's English: the reason alone, and "FILE:LINE: reason" (or "FILE: reason").
std::string traceErrorReason(const TraceError& error);
std::string traceErrorText(const TraceError& error);

/// Time parsing shared with tests: the epoch milliseconds, or the error (its code and value).
struct TimeParse {
    std::optional<std::int64_t> millis;
    TraceError error;
};
TimeParse parseTime(std::string_view text, TimeFormat format);

/// Parses "epoch-ms|epoch-s|iso|sql|auto".
std::optional<TimeFormat> parseTimeFormatName(std::string_view name);

class TraceReader {
public:
    enum class Status { Record, End, Error };

    TraceReader() = default;
    ~TraceReader();
    TraceReader(const TraceReader&) = delete;
    TraceReader& operator=(const TraceReader&) = delete;

    /// Opens the file and reads the CSV header (JSON Lines has none). On failure returns false and
    /// error() says why (naming the file).
    bool open(const std::string& path, const TraceOptions& options);
    /// Reads from memory instead of a file (tests); `name` is used in messages.
    bool openText(std::string text, const std::string& name, const TraceOptions& options);

    /// Next record. Error: errorInfo() says what and where; error() is its English text.
    Status next(TraceRecord& record);

    /// fluxolab-cli's English for errorInfo(): "FILE:LINE: reason" (or a file-level message).
    const std::string& error() const { return error_; }
    const TraceError& errorInfo() const { return err_; }
    std::uint64_t skipped() const { return skipped_; }
    /// The first skipped records' messages (at most 20), in fluxolab-cli's English.
    const std::vector<std::string>& skippedMessages() const { return skippedMessages_; }
    /// The same records' problems as codes, for an edge that words them in its own language.
    const std::vector<TraceError>& skippedErrors() const { return skippedErrors_; }
    std::uint64_t bytesRead() const { return bytesTotal_; }
    TraceFormat format() const { return format_; }

private:
    bool start();
    bool fill(); // reads more; false at end of file or error
    Status nextRawRecord(std::string_view& rec, std::uint64_t& startLine, std::uint64_t& lines);
    bool splitCsvLine(std::string_view& rec, std::uint64_t& startLine, std::size_t& count);
    bool parseCsvFields(std::string_view rec, TraceError& why);
    bool parseJsonFields(std::string_view rec, TraceError& why);
    bool convert(TraceRecord& out, TraceError& why);
    void takeCsvFields();
    bool fastTime(std::string_view text, std::int64_t& ms);
    bool fastIso(std::string_view text, std::int64_t& ms);
    Status fail(std::uint64_t line, TraceError why);
    bool failFile(TraceError why, std::uint64_t line = 0); ///< sets the error; false

    TraceOptions opt_;
    std::string name_;
    std::FILE* file_ = nullptr;
    bool eof_ = false;
    std::vector<char> buf_;
    std::size_t pos_ = 0;
    std::size_t end_ = 0;
    std::uint64_t line_ = 1; // line number of buf_[pos_]
    std::uint64_t bytesTotal_ = 0;
    std::string memory_;
    bool fromMemory_ = false;
    TraceFormat format_ = TraceFormat::Csv;
    char delim_ = ',';
    TraceError err_;
    /// nextRawRecord's Error: RecordTooLong, NulBytes (an over-long record with a NUL byte) or QuoteNeverClosed.
    TraceErrorCode rawError_ = TraceErrorCode::None;
    std::string error_; ///< traceErrorText(err_)
    std::uint64_t skipped_ = 0;
    std::vector<std::string> skippedMessages_;
    std::vector<TraceError> skippedErrors_;
    std::int64_t lastArrival_ = 0;
    std::uint64_t records_ = 0;

    // CSV columns of interest (-1 = absent) and the current record's fields.
    int colTime_ = -1, colKey_ = -1, colValue_ = -1, colArrival_ = -1, colPartition_ = -1;
    int columnCount_ = 0;
    std::vector<std::string_view> fields_;
    std::deque<std::string> unquoted_; // unescaped fields (a deque: growing it keeps earlier views valid)
    // Values of the fields of interest for the current record.
    std::string_view vTime_, vKey_, vValue_, vArrival_, vPartition_;
    bool hTime_ = false, hKey_ = false, hValue_ = false, hArrival_ = false, hPartition_ = false;
    std::string jsonScratch_[5];
    bool rawQuoted_ = true;    ///< the last raw record may hold quotes (CSV: parsed the RFC 4180 way)
    char isoDate_[10] = {};    ///< fast ISO path: the last date read ...
    std::int64_t isoDays_ = 0; ///< ... as days since the epoch
};

} // namespace fluxolab::traces
