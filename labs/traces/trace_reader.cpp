#include "labs/traces/trace_reader.h"

#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstring>
#include <sys/stat.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace fluxolab::traces {

namespace {

constexpr std::int64_t kMaxEpochMillis = 253402300799999; // 9999-12-31T23:59:59.999Z
constexpr std::int64_t kMinEpochMillis = -62135596800000; // 0001-01-01T00:00:00Z

std::int64_t daysFromCivil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

bool isLeap(std::int64_t y) {
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
    if (pos + n > s.size()) return false;
    int v = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const char c = s[pos + i];
        if (c < '0' || c > '9') return false;
        v = v * 10 + (c - '0');
    }
    out = v;
    return true;
}

/// "[-]digits[.digits]" with at most 15 digits in all: the integer made of the digits and the power of
/// ten are both exact doubles, so one division (or the integer itself) is the correctly rounded value
/// from_chars gives (Clinger's fast path). Anything else returns false (from_chars then decides).
[[gnu::always_inline]] inline bool fastDecimal(const char* p, const char* e, double& out) {
    bool neg = false;
    if (p != e && *p == '-') {
        neg = true;
        ++p;
    }
    // Two tight loops (integer part, then fraction) instead of one that checks for the dot at each digit.
    std::uint64_t m = 0; // may wrap past 19 digits: such input is refused below anyway
    const char* const intStart = p;
    for (; p != e && static_cast<unsigned>(*p - '0') <= 9; ++p)
        m = m * 10 + static_cast<unsigned>(*p - '0');
    const auto intDigits = static_cast<std::size_t>(p - intStart);
    if (intDigits == 0) return false;
    std::size_t fraction = 0;
    if (p != e) {
        if (*p != '.') return false;
        const char* const fracStart = ++p;
        for (; p != e && static_cast<unsigned>(*p - '0') <= 9; ++p)
            m = m * 10 + static_cast<unsigned>(*p - '0');
        fraction = static_cast<std::size_t>(p - fracStart);
        if (fraction == 0 || p != e) return false;
    }
    if (intDigits + fraction > 15) return false;
    static const double kPow10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                    1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
    double v = static_cast<double>(m);
    if (fraction) v /= kPow10[fraction];
    out = neg ? -v : v;
    return true;
}

/// Eight ASCII bytes (the first in the lowest byte) that are all '0'..'9'.
bool eightDigits(std::uint64_t x) {
    return ((x & 0xF0F0F0F0F0F0F0F0ull) | (((x + 0x0606060606060606ull) & 0xF0F0F0F0F0F0F0F0ull) >> 4)) ==
           0x3333333333333333ull;
}
/// Their value, by three multiplications that each join neighbouring groups of digits (1 -> 2 -> 4 -> 8).
std::uint64_t eightDigitsValue(std::uint64_t x) {
    x = (x & 0x0F0F0F0F0F0F0F0Full) * 2561 >> 8;
    x = (x & 0x00FF00FF00FF00FFull) * 6553601 >> 16;
    return (x & 0x0000FFFF0000FFFFull) * 42949672960001ull >> 32;
}

bool allDigits(std::string_view s) {
    if (!s.empty() && s[0] == '-') s.remove_prefix(1);
    if (s.empty()) return false;
    return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

/// A decimal number ("1773478800000.5", "1.7e12", "-3"): what an epoch time with a fraction looks like.
bool looksNumeric(std::string_view s) {
    double v = 0;
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

/// An offending text for an error: at most 40 bytes, then "...".
std::string shortened(std::string_view s) {
    std::string out(s.substr(0, 40));
    if (s.size() > 40) out += "...";
    return out;
}

TraceError reason(TraceErrorCode code, std::string value = {}, std::string field = {}) {
    TraceError e;
    e.code = code;
    e.value = std::move(value);
    e.field = std::move(field);
    return e;
}

TraceError numbers(TraceErrorCode code, std::int64_t number, std::int64_t number2 = 0) {
    TraceError e;
    e.code = code;
    e.number = number;
    e.number2 = number2;
    return e;
}

TimeParse timeError(TraceErrorCode code, std::string_view text, std::int64_t number = 0) {
    TimeParse r;
    r.error = reason(code, shortened(text));
    r.error.number = number;
    return r;
}

/// yyyy-MM-dd[T ]HH:mm[:ss[.fraction]][Z|±HH[:]mm]; `sep` 0 accepts 'T' or ' '.
TimeParse parseDateTime(std::string_view s, char sep, bool allowZone) {
    TimeParse r;
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0;
    if (!digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
        !digits(s, 8, 2, d)) {
        return timeError(TraceErrorCode::BadDate, s);
    }
    if (s.size() < 16 || !(s[10] == 'T' || s[10] == ' ') || (sep && s[10] != sep) || !digits(s, 11, 2, h) ||
        s[13] != ':' || !digits(s, 14, 2, mi)) {
        return timeError(TraceErrorCode::BadTimeOfDay, s, sep == ' ' ? 1 : 0);
    }
    std::size_t i = 16;
    std::int64_t frac = 0;
    if (i < s.size() && s[i] == ':') {
        if (!digits(s, i + 1, 2, sec)) {
            return timeError(TraceErrorCode::BadSeconds, s);
        }
        i += 3;
        if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
            ++i;
            std::size_t n = 0;
            while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
                if (n < 3) frac = frac * 10 + (s[i] - '0');
                ++n;
                ++i;
            }
            if (n == 0 || n > 9) {
                return timeError(TraceErrorCode::BadFraction, s);
            }
            for (std::size_t k = n; k < 3; ++k)
                frac *= 10;
        }
    }
    std::int64_t zoneMinutes = 0;
    if (i < s.size()) {
        if (!allowZone) {
            return timeError(TraceErrorCode::ZoneNotAllowed, s);
        }
        if (s[i] == 'Z' || s[i] == 'z') {
            ++i;
        } else if (s[i] == '+' || s[i] == '-') {
            const int sign = s[i] == '-' ? -1 : 1;
            int zh = 0, zm = 0;
            if (!digits(s, i + 1, 2, zh)) {
                return timeError(TraceErrorCode::BadZone, s);
            }
            i += 3;
            if (i < s.size() && s[i] == ':') ++i;
            if (i < s.size()) {
                if (!digits(s, i, 2, zm)) {
                    return timeError(TraceErrorCode::BadZone, s);
                }
                i += 2;
            }
            if (zh > 18 || zm > 59) {
                return timeError(TraceErrorCode::ZoneOutOfRange, s);
            }
            zoneMinutes = sign * (zh * 60 + zm);
        }
        if (i != s.size()) {
            return timeError(TraceErrorCode::TextAfterTime, s);
        }
    }
    static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] + (mo == 2 && isLeap(y) ? 1 : 0) || h > 23 ||
        mi > 59 || sec > 59 || y < 1) {
        return timeError(TraceErrorCode::NoSuchDateTime, s);
    }
    const std::int64_t days = daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d));
    r.millis = ((days * 24 + h) * 60 + mi) * 60000 + sec * 1000 + frac - zoneMinutes * 60000;
    return r;
}

TimeParse parseEpoch(std::string_view s, std::int64_t scale) {
    TimeParse r;
    std::int64_t v = 0;
    const auto res = std::from_chars(s.data(), s.data() + s.size(), v);
    if (res.ec == std::errc() && res.ptr == s.data() + s.size()) {
        if (v > kMaxEpochMillis / scale || v < kMinEpochMillis / scale) {
            return timeError(TraceErrorCode::TimeOutOfRange, s);
        }
        r.millis = v * scale;
        return r;
    }
    if (scale == 1000) {
        // epoch seconds with a fraction: "1700000000.250"
        double dv = 0;
        const auto rd = std::from_chars(s.data(), s.data() + s.size(), dv);
        if (rd.ec == std::errc() && rd.ptr == s.data() + s.size() && std::isfinite(dv) &&
            std::fabs(dv) < static_cast<double>(kMaxEpochMillis / 1000)) {
            r.millis = static_cast<std::int64_t>(std::llround(dv * 1000.0));
            return r;
        }
    }
    return timeError(scale == 1 ? TraceErrorCode::NotEpochMillis : TraceErrorCode::NotEpochSeconds, s);
}

} // namespace

TimeParse parseTime(std::string_view s, TimeFormat format) {
    TimeParse r;
    if (s.empty()) {
        r.error = reason(TraceErrorCode::TimeEmpty);
        return r;
    }
    switch (format) {
    case TimeFormat::EpochMs:
        return parseEpoch(s, 1);
    case TimeFormat::EpochS:
        return parseEpoch(s, 1000);
    case TimeFormat::Iso:
    case TimeFormat::Sql: {
        TimeParse dt = format == TimeFormat::Iso ? parseDateTime(s, 'T', true) : parseDateTime(s, ' ', false);
        // A number where a date-time is expected (epoch times with --time-format iso|sql): say so.
        if (dt.error.code == TraceErrorCode::BadDate && looksNumeric(s)) dt.error.number = 2;
        return dt;
    }
    case TimeFormat::Auto: {
        if (allDigits(s)) return parseEpoch(s, 1);
        TimeParse dt = parseDateTime(s, 0, true);
        // Neither an integer (epoch ms) nor the start of a date: name both formats, not only the date's.
        if (dt.error.code == TraceErrorCode::BadDate) dt.error.number = 1;
        return dt;
    }
    }
    return r;
}

std::optional<TimeFormat> parseTimeFormatName(std::string_view n) {
    if (n == "auto") return TimeFormat::Auto;
    if (n == "epoch-ms") return TimeFormat::EpochMs;
    if (n == "epoch-s") return TimeFormat::EpochS;
    if (n == "iso") return TimeFormat::Iso;
    if (n == "sql") return TimeFormat::Sql;
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------------

TraceReader::~TraceReader() {
    if (file_) std::fclose(file_);
}

bool TraceReader::open(const std::string& path, const TraceOptions& options) {
    opt_ = options;
    name_ = path;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        return failFile(reason(TraceErrorCode::NoSuchFile));
    }
    if (S_ISDIR(st.st_mode)) {
        return failFile(reason(TraceErrorCode::IsDirectory));
    }
    file_ = std::fopen(path.c_str(), "rb");
    if (!file_) {
        return failFile(reason(TraceErrorCode::CannotRead));
    }
    return start();
}

bool TraceReader::openText(std::string text, const std::string& name, const TraceOptions& options) {
    opt_ = options;
    name_ = name;
    memory_ = std::move(text);
    fromMemory_ = true;
    return start();
}

bool TraceReader::start() {
    if (opt_.format == TraceFormat::Auto) {
        const auto dot = name_.rfind('.');
        const std::string ext = dot == std::string::npos ? "" : name_.substr(dot);
        if (ext == ".jsonl" || ext == ".json" || ext == ".ndjson") opt_.format = TraceFormat::Jsonl;
    }
    const std::size_t cap = std::max<std::size_t>(std::size_t{4} << 20, 2 * opt_.maxRecordBytes + 16);
    buf_.assign(fromMemory_ ? 0 : cap, 0);
    if (fromMemory_) {
        buf_.assign(memory_.begin(), memory_.end());
        std::string().swap(memory_);
        end_ = buf_.size();
        eof_ = true;
        bytesTotal_ = end_;
    }
    fill();
    if (err_.failed()) return false;
    if (end_ == 0) return failFile(numbers(TraceErrorCode::EmptyFile, opt_.format == TraceFormat::Jsonl ? 1 : 0));
    // UTF-8 byte order mark
    if (end_ >= 3 && std::memcmp(buf_.data(), "\xEF\xBB\xBF", 3) == 0) pos_ = 3;
    if (opt_.format == TraceFormat::Auto) {
        std::size_t i = pos_;
        while (i < end_ && (buf_[i] == ' ' || buf_[i] == '\t' || buf_[i] == '\r' || buf_[i] == '\n'))
            ++i;
        opt_.format = (i < end_ && buf_[i] == '{') ? TraceFormat::Jsonl : TraceFormat::Csv;
    }
    format_ = opt_.format;
    if (format_ == TraceFormat::Jsonl) return true;

    // CSV header
    std::string_view rec;
    std::uint64_t startLine = 0, lines = 0;
    Status st;
    do {
        st = nextRawRecord(rec, startLine, lines);
    } while (st == Status::Record && rec.empty());
    if (st == Status::Error) {
        if (rawError_ == TraceErrorCode::NulBytes) return failFile(reason(TraceErrorCode::NulBytes), startLine);
        if (rawError_ == TraceErrorCode::RecordTooLong)
            return failFile(numbers(TraceErrorCode::HeaderTooLong, static_cast<std::int64_t>(opt_.maxRecordBytes >> 10)),
                            startLine);
        if (rawError_ == TraceErrorCode::QuoteNeverClosed) return failFile(reason(TraceErrorCode::HeaderQuoteNeverClosed));
        return false; // a read error, already set
    }
    if (st == Status::End) return failFile(reason(TraceErrorCode::NoHeader));
    if (std::memchr(rec.data(), 0, rec.size())) return failFile(reason(TraceErrorCode::NulBytes), startLine);
    if (opt_.delimiter) {
        delim_ = opt_.delimiter;
    } else {
        const bool hasSemi = rec.find(';') != std::string_view::npos;
        const bool hasComma = rec.find(',') != std::string_view::npos;
        delim_ = (hasSemi && !hasComma) ? ';' : ',';
    }
    TraceError why;
    if (!parseCsvFields(rec, why)) {
        TraceError bad = reason(TraceErrorCode::BadHeader, why.value);
        bad.cause = why.code;
        return failFile(std::move(bad), startLine);
    }
    columnCount_ = static_cast<int>(fields_.size());
    std::string names;
    for (int i = 0; i < columnCount_; ++i) {
        const std::string_view f = fields_[static_cast<std::size_t>(i)];
        names += (i ? ", " : "") + std::string(f);
        if (f == opt_.timeField && colTime_ < 0) colTime_ = i;
        if (f == opt_.keyField && colKey_ < 0) colKey_ = i;
        if (!opt_.valueField.empty() && f == opt_.valueField && colValue_ < 0) colValue_ = i;
        if (!opt_.arrivalField.empty() && f == opt_.arrivalField && colArrival_ < 0) colArrival_ = i;
        if (!opt_.partitionField.empty() && f == opt_.partitionField && colPartition_ < 0) colPartition_ = i;
    }
    const auto missing = [&](const std::string& field, TraceColumn column) {
        TraceError e = reason(TraceErrorCode::MissingColumn, {}, field);
        e.columns = names;
        e.column = column;
        // One column holding another delimiter: the file is separated by that one (a ';' file read
        // with --delimiter ',', a tab-separated file). `value` names it; the most frequent one wins.
        if (columnCount_ == 1) {
            const std::string_view only = fields_[0];
            std::size_t best = 0;
            for (const char d : {';', ',', '\t'}) {
                if (d == delim_) continue;
                const auto n = static_cast<std::size_t>(std::count(only.begin(), only.end(), d));
                if (n > best) {
                    best = n;
                    e.value = std::string(1, d);
                }
            }
        }
        return failFile(std::move(e));
    };
    if (colTime_ < 0) return missing(opt_.timeField, TraceColumn::Time);
    if (colKey_ < 0) return missing(opt_.keyField, TraceColumn::Key);
    if (!opt_.valueField.empty() && colValue_ < 0) return missing(opt_.valueField, TraceColumn::Value);
    if (!opt_.arrivalField.empty() && colArrival_ < 0) return missing(opt_.arrivalField, TraceColumn::Arrival);
    if (!opt_.partitionField.empty() && colPartition_ < 0) return missing(opt_.partitionField, TraceColumn::Partition);
    return true;
}

bool TraceReader::fill() {
    if (eof_) return false;
    if (pos_ > 0) {
        std::memmove(buf_.data(), buf_.data() + pos_, end_ - pos_);
        end_ -= pos_;
        pos_ = 0;
    }
    if (end_ == buf_.size()) return false;
    const std::size_t n = std::fread(buf_.data() + end_, 1, buf_.size() - end_, file_);
    if (n == 0) {
        if (std::ferror(file_)) failFile(reason(TraceErrorCode::ReadError));
        eof_ = true;
        return false;
    }
    end_ += n;
    bytesTotal_ += n;
    return true;
}

TraceReader::Status TraceReader::nextRawRecord(std::string_view& rec, std::uint64_t& startLine,
                                               std::uint64_t& lines) {
    const bool csv = format_ == TraceFormat::Csv;
    std::size_t scanFrom = pos_;
    bool inQuotes = false;
    bool quotedScan = false;
    while (true) {
        if (pos_ >= end_) {
            // The previous record ended exactly at the end of the buffer: refill and scan from the start.
            if (eof_ || !fill()) {
                if (err_.failed()) return Status::Error;
                return Status::End;
            }
            scanFrom = pos_;
            inQuotes = false;
            quotedScan = false;
        }
        const char* base = buf_.data();
        std::size_t recEnd = std::string::npos;
        if (!quotedScan) {
            const void* nl = std::memchr(base + scanFrom, '\n', end_ - scanFrom);
            const std::size_t limit =
                nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - base) : end_;
            if (csv && std::memchr(base + pos_, '"', limit - pos_)) {
                quotedScan = true;
                scanFrom = pos_;
                inQuotes = false;
            } else if (nl) {
                recEnd = limit;
            } else {
                scanFrom = end_;
            }
        }
        if (quotedScan) {
            std::size_t i = scanFrom;
            for (; i < end_; ++i) {
                const char c = base[i];
                if (c == '"')
                    inQuotes = !inQuotes;
                else if (c == '\n' && !inQuotes)
                    break;
            }
            scanFrom = i;
            if (i < end_) recEnd = i;
        }
        if (recEnd != std::string::npos) {
            std::size_t len = recEnd - pos_;
            // Only a quoted record can span lines.
            lines =
                quotedScan ? 1 + static_cast<std::uint64_t>(std::count(base + pos_, base + recEnd, '\n')) : 1;
            startLine = line_;
            if (len > opt_.maxRecordBytes) {
                // Bytes that are not text (a valid header, then zeros): a binary file, not a long line.
                const bool nul = std::memchr(base + pos_, 0, len) != nullptr;
                pos_ = recEnd + 1;
                line_ += lines;
                rec = {};
                rawError_ = nul ? TraceErrorCode::NulBytes : TraceErrorCode::RecordTooLong;
                return Status::Error;
            }
            rec = std::string_view(base + pos_, len);
            if (!rec.empty() && rec.back() == '\r') rec.remove_suffix(1);
            rawQuoted_ = quotedScan;
            pos_ = recEnd + 1;
            line_ += lines;
            return Status::Record;
        }
        // No complete record in the buffer.
        if (end_ - pos_ > opt_.maxRecordBytes) {
            // Too long: discard up to the next newline (outside quotes for CSV when we can tell). A NUL
            // byte in it makes it a binary file (e.g. a valid header, then megabytes of zeros), which is
            // what is said, as for a binary file from the first byte.
            startLine = line_;
            bool nul = false;
            std::uint64_t extra = 0;
            while (true) {
                const void* nl = std::memchr(buf_.data() + pos_, '\n', end_ - pos_);
                const std::size_t upTo = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - buf_.data()) : end_;
                nul = nul || std::memchr(buf_.data() + pos_, 0, upTo - pos_) != nullptr;
                extra += static_cast<std::uint64_t>(
                    std::count(static_cast<const char*>(buf_.data() + pos_),
                               nl ? static_cast<const char*>(nl) : buf_.data() + end_, '\n'));
                if (nl) {
                    pos_ = static_cast<std::size_t>(static_cast<const char*>(nl) - buf_.data()) + 1;
                    break;
                }
                pos_ = end_;
                if (!fill()) break;
            }
            line_ += extra + 1;
            lines = extra + 1;
            rec = {};
            rawError_ = nul ? TraceErrorCode::NulBytes : TraceErrorCode::RecordTooLong;
            return Status::Error;
        }
        const std::size_t consumed = scanFrom - pos_;
        if (!fill()) {
            if (err_.failed()) return Status::Error;
            // End of file: the rest is the last record (no final newline).
            if (pos_ >= end_) return Status::End;
            if (csv && quotedScan && inQuotes) {
                startLine = line_;
                lines =
                    1 + static_cast<std::uint64_t>(std::count(buf_.data() + pos_, buf_.data() + end_, '\n'));
                pos_ = end_;
                rawError_ = TraceErrorCode::QuoteNeverClosed;
                return Status::Error;
            }
            rec = std::string_view(buf_.data() + pos_, end_ - pos_);
            if (!rec.empty() && rec.back() == '\r') rec.remove_suffix(1);
            rawQuoted_ = !csv || std::memchr(rec.data(), '"', rec.size()) != nullptr;
            startLine = line_;
            lines = 1 + static_cast<std::uint64_t>(std::count(rec.begin(), rec.end(), '\n'));
            line_ += lines;
            pos_ = end_;
            return Status::Record;
        }
        scanFrom = pos_ + consumed; // fill() moved the data to the front
    }
}

[[gnu::always_inline]] inline bool TraceReader::splitCsvLine(std::string_view& rec, std::uint64_t& startLine,
                                                            std::size_t& count) {
    // CSV hot path: the record at pos_ when it is one whole line in the buffer, with no quote and no NUL
    // byte, not blank and within the length limit. It finds the line's end and splits its fields in one
    // pass, 16 bytes at a time, and consumes the line. Anything else returns false with nothing consumed
    // (fields_ aside), and nextRawRecord (the general path) reads the record: quotes, blank lines, NUL
    // bytes, over-long lines, the last bytes of the buffer and the end of the file are all its.
#if defined(__SSE2__)
    const char delim = delim_;
    if (delim == '\n' || delim == '\r' || delim == '"' || delim == 0) return false;
    const char* const b = buf_.data() + pos_;
    const char* const e = buf_.data() + end_;
    const std::size_t maxLen = opt_.maxRecordBytes;
    // The fields are written in place (no growth checks): one slot per column and one more, so that a
    // record with too many fields is seen; `k` counts them all.
    const std::size_t slots = static_cast<std::size_t>(columnCount_) + 1;
    if (fields_.size() != slots) fields_.resize(slots);
    std::string_view* const fv = fields_.data();
    std::size_t k = 0;
    const __m128i vDelim = _mm_set1_epi8(delim);
    const __m128i vNl = _mm_set1_epi8('\n');
    const __m128i vQuote = _mm_set1_epi8('"');
    const __m128i vZero = _mm_setzero_si128();
    const char* f = b; // start of the current field
    for (const char* p = b; e - p >= 16; p += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
        const auto stop = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(
            _mm_cmpeq_epi8(x, vNl), _mm_or_si128(_mm_cmpeq_epi8(x, vQuote), _mm_cmpeq_epi8(x, vZero)))));
        auto dm = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(x, vDelim)));
        if (stop) {
            const int first = __builtin_ctz(stop);
            if (p[first] != '\n') return false; // a quote or a NUL byte
            dm &= (1u << first) - 1;
            for (; dm; dm &= dm - 1) {
                const char* d = p + __builtin_ctz(dm);
                if (k < slots) fv[k] = std::string_view(f, static_cast<std::size_t>(d - f));
                ++k;
                f = d + 1;
            }
            const char* nl = p + first;
            if (static_cast<std::size_t>(nl - b) > maxLen) return false;
            const char* re = nl;
            if (re != b && re[-1] == '\r') --re;
            if (re == b) return false; // blank line
            if (k < slots) fv[k] = std::string_view(f, static_cast<std::size_t>(re - f));
            count = k + 1;
            rec = std::string_view(b, static_cast<std::size_t>(re - b));
            startLine = line_;
            ++line_;
            pos_ = static_cast<std::size_t>(nl + 1 - buf_.data());
            rawQuoted_ = false;
            return true;
        }
        for (; dm; dm &= dm - 1) {
            const char* d = p + __builtin_ctz(dm);
            if (k < slots) fv[k] = std::string_view(f, static_cast<std::size_t>(d - f));
            ++k;
            f = d + 1;
        }
        if (static_cast<std::size_t>(p - b) > maxLen) return false;
    }
    return false;
#else
    (void)rec;
    (void)startLine;
    (void)count;
    return false;
#endif
}

bool TraceReader::parseCsvFields(std::string_view rec, TraceError& why) {
    fields_.clear();
    std::size_t unq = 0;
    std::size_t i = 0;
    const std::size_t n = rec.size();
    while (true) {
        if (i < n && rec[i] == '"') {
            // RFC 4180 quoted field: "" is a quote; the field ends at the closing quote.
            if (unquoted_.size() <= unq) unquoted_.emplace_back();
            std::string& s = unquoted_[unq++];
            s.clear();
            ++i;
            bool closed = false;
            while (i < n) {
                const char c = rec[i++];
                if (c == '"') {
                    if (i < n && rec[i] == '"') {
                        s += '"';
                        ++i;
                    } else {
                        closed = true;
                        break;
                    }
                } else {
                    s += c;
                }
            }
            if (!closed) {
                why = reason(TraceErrorCode::UnterminatedQuote);
                return false;
            }
            fields_.push_back(s);
            if (i < n && rec[i] != delim_) {
                why = reason(TraceErrorCode::TextAfterQuote, std::string(1, delim_));
                return false;
            }
        } else {
            const void* d = std::memchr(rec.data() + i, delim_, n - i);
            const std::size_t e = d ? static_cast<std::size_t>(static_cast<const char*>(d) - rec.data()) : n;
            fields_.push_back(rec.substr(i, e - i));
            i = e;
        }
        if (i >= n) break;
        ++i; // delimiter
        if (i == n) {
            fields_.push_back(std::string_view());
            break;
        }
    }
    return true;
}

namespace {
void skipWs(std::string_view s, std::size_t& i) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r'))
        ++i;
}

/// Reads a JSON string starting after its opening quote; `out` gets the unescaped text (when wanted).
bool readJsonString(std::string_view s, std::size_t& i, std::string* out, std::string_view* raw,
                    TraceError& why) {
    const std::size_t start = i;
    bool escaped = false;
    while (i < s.size()) {
        const char c = s[i];
        if (c == '"') break;
        if (c == '\\') {
            escaped = true;
            i += 2;
            continue;
        }
        if (static_cast<unsigned char>(c) < 0x20) {
            why = reason(TraceErrorCode::JsonControlChar);
            return false;
        }
        ++i;
    }
    if (i >= s.size()) {
        why = reason(TraceErrorCode::JsonUnterminatedString);
        return false;
    }
    const std::string_view body = s.substr(start, i - start);
    ++i; // closing quote
    if (raw) *raw = body;
    if (!out) return true;
    out->clear();
    if (!escaped) {
        out->assign(body);
        return true;
    }
    for (std::size_t k = 0; k < body.size(); ++k) {
        char c = body[k];
        if (c != '\\') {
            *out += c;
            continue;
        }
        if (++k >= body.size()) break;
        c = body[k];
        switch (c) {
        case 'n':
            *out += '\n';
            break;
        case 't':
            *out += '\t';
            break;
        case 'r':
            *out += '\r';
            break;
        case 'b':
            *out += '\b';
            break;
        case 'f':
            *out += '\f';
            break;
        case 'u': {
            unsigned cp = 0;
            if (k + 4 >= body.size()) {
                why = reason(TraceErrorCode::JsonBadEscape);
                return false;
            }
            for (int j = 1; j <= 4; ++j) {
                const char h = body[k + static_cast<std::size_t>(j)];
                cp <<= 4;
                if (h >= '0' && h <= '9')
                    cp |= static_cast<unsigned>(h - '0');
                else if (h >= 'a' && h <= 'f')
                    cp |= static_cast<unsigned>(h - 'a' + 10);
                else if (h >= 'A' && h <= 'F')
                    cp |= static_cast<unsigned>(h - 'A' + 10);
                else {
                    why = reason(TraceErrorCode::JsonBadEscape);
                    return false;
                }
            }
            k += 4;
            // UTF-8 encode (surrogate pairs are kept as two 3-byte sequences: keys stay distinct)
            if (cp < 0x80) {
                *out += static_cast<char>(cp);
            } else if (cp < 0x800) {
                *out += static_cast<char>(0xC0 | (cp >> 6));
                *out += static_cast<char>(0x80 | (cp & 0x3F));
            } else {
                *out += static_cast<char>(0xE0 | (cp >> 12));
                *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
                *out += static_cast<char>(0x80 | (cp & 0x3F));
            }
            break;
        }
        default:
            *out += c;
            break; // \" \\ \/
        }
    }
    return true;
}

bool skipJsonValue(std::string_view s, std::size_t& i, TraceError& why) {
    // Nested object/array: balanced skip, aware of strings.
    int depth = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == '"') {
            ++i;
            if (!readJsonString(s, i, nullptr, nullptr, why)) return false;
            continue;
        }
        if (c == '{' || c == '[')
            ++depth;
        else if (c == '}' || c == ']') {
            --depth;
            if (depth == 0) {
                ++i;
                return true;
            }
        }
        ++i;
    }
    why = reason(TraceErrorCode::JsonUnterminatedNesting);
    return false;
}
} // namespace

bool TraceReader::parseJsonFields(std::string_view s, TraceError& why) {
    hTime_ = hKey_ = hValue_ = hArrival_ = hPartition_ = false;
    std::size_t i = 0;
    skipWs(s, i);
    if (i >= s.size() || s[i] != '{') {
        why = reason(TraceErrorCode::JsonNotObject);
        return false;
    }
    ++i;
    skipWs(s, i);
    if (i < s.size() && s[i] == '}') {
        ++i;
    } else {
        while (true) {
            skipWs(s, i);
            if (i >= s.size() || s[i] != '"') {
                why = reason(i >= s.size() ? TraceErrorCode::JsonTruncated : TraceErrorCode::JsonExpectedName);
                return false;
            }
            ++i;
            std::string_view name;
            if (!readJsonString(s, i, nullptr, &name, why)) return false;
            skipWs(s, i);
            if (i >= s.size() || s[i] != ':') {
                why = reason(TraceErrorCode::JsonExpectedColon);
                return false;
            }
            ++i;
            skipWs(s, i);
            if (i >= s.size()) {
                why = reason(TraceErrorCode::JsonTruncated);
                return false;
            }
            int slot = -1;
            if (name == opt_.timeField)
                slot = 0;
            else if (name == opt_.keyField)
                slot = 1;
            else if (!opt_.valueField.empty() && name == opt_.valueField)
                slot = 2;
            else if (!opt_.arrivalField.empty() && name == opt_.arrivalField)
                slot = 3;
            else if (!opt_.partitionField.empty() && name == opt_.partitionField)
                slot = 4;
            std::string_view* views[] = {&vTime_, &vKey_, &vValue_, &vArrival_, &vPartition_};
            bool* has[] = {&hTime_, &hKey_, &hValue_, &hArrival_, &hPartition_};
            const char c = s[i];
            if (c == '"') {
                ++i;
                const std::size_t open = i;
                std::string_view raw;
                if (!readJsonString(s, i, nullptr, &raw, why)) return false;
                if (slot >= 0) {
                    if (raw.find('\\') == std::string_view::npos) {
                        *views[slot] = raw; // no escape: a view of the line, no copy
                    } else {
                        std::size_t j = open;
                        std::string& target = jsonScratch_[slot];
                        if (!readJsonString(s, j, &target, nullptr, why)) return false;
                        *views[slot] = target;
                    }
                    *has[slot] = true;
                }
            } else if (c == '{' || c == '[') {
                if (!skipJsonValue(s, i, why)) return false;
                if (slot >= 0) {
                    why = reason(TraceErrorCode::JsonNestedValue, {}, std::string(name));
                    return false;
                }
            } else {
                const std::size_t st = i;
                while (i < s.size() && s[i] != ',' && s[i] != '}' && s[i] != ' ' && s[i] != '\t' &&
                       s[i] != '\r')
                    ++i;
                const std::string_view tok = s.substr(st, i - st);
                if (tok.empty()) {
                    why = reason(TraceErrorCode::JsonMissingValue, {}, std::string(name));
                    return false;
                }
                if (slot >= 0 && tok != "null") {
                    *views[slot] = tok;
                    *has[slot] = true;
                }
            }
            skipWs(s, i);
            if (i < s.size() && s[i] == ',') {
                ++i;
                continue;
            }
            if (i < s.size() && s[i] == '}') {
                ++i;
                break;
            }
            why = reason(i >= s.size() ? TraceErrorCode::JsonTruncatedNoBrace : TraceErrorCode::JsonExpectedCommaOrBrace);
            return false;
        }
    }
    skipWs(s, i);
    if (i != s.size()) {
        why = reason(TraceErrorCode::JsonTextAfterObject);
        return false;
    }
    return true;
}

// The per-record steps are inlined into next()'s CSV hot path (a call each cost more than some of them do).
[[gnu::always_inline]] inline bool TraceReader::fastTime(std::string_view s, std::int64_t& ms) {
    // The common shapes, read without building a TimeParse; anything else (and every error) goes to
    // parseTime, which gives the same value or the message.
    const std::size_t n = s.size();
    const char* p = s.data();
    const auto digit = [p](std::size_t i) { return static_cast<unsigned>(p[i] - '0'); };
    if (opt_.timeFormat == TimeFormat::EpochMs || opt_.timeFormat == TimeFormat::Auto) {
        // 1..15 digits: below kMaxEpochMillis (15 digits), no sign, no overflow
        if (n == 0 || n > 15) return opt_.timeFormat == TimeFormat::EpochMs ? false : fastIso(s, ms);
        std::int64_t v = 0;
        std::size_t i = 0;
        if constexpr (std::endian::native == std::endian::little) {
            if (n >= 8) {
                // Eight digits at once (today's epoch ms have 13): the first 8 and the last n-8, the latter
                // read from the last 8 bytes, which overlap the first ones when n < 16.
                std::uint64_t hi = 0, lo = 0;
                std::memcpy(&hi, p, 8);
                std::memcpy(&lo, p + n - 8, 8);
                if (!eightDigits(hi) || !eightDigits(lo))
                    return opt_.timeFormat == TimeFormat::EpochMs ? false : fastIso(s, ms);
                static const std::uint64_t kPow10[] = {1,      10,      100,      1000,
                                                        10000,  100000,  1000000,  10000000};
                const std::size_t rest = n - 8;
                std::uint64_t low = 0;
                if (rest) {
                    // Clear the digits read twice (the low bytes): zero bytes count as leading '0's.
                    low = eightDigitsValue(lo & (~std::uint64_t{0} << (8 * (8 - rest))));
                }
                v = static_cast<std::int64_t>(eightDigitsValue(hi) * kPow10[rest] + low);
                i = n;
            }
        }
        for (; i < n; ++i) {
            const unsigned d = digit(i);
            if (d > 9) return opt_.timeFormat == TimeFormat::EpochMs ? false : fastIso(s, ms);
            v = v * 10 + static_cast<std::int64_t>(d);
        }
        if (v > kMaxEpochMillis) return false;
        ms = v;
        return true;
    }
    if (opt_.timeFormat == TimeFormat::Iso) return fastIso(s, ms);
    return false;
}

bool TraceReader::fastIso(std::string_view s, std::int64_t& ms) {
    // yyyy-MM-ddTHH:mm:ss.SSSZ exactly (24 characters), as most tools write it.
    if (s.size() != 24) return false;
    const char* p = s.data();
    if (p[4] != '-' || p[7] != '-' || p[10] != 'T' || p[13] != ':' || p[16] != ':' || p[19] != '.' ||
        (p[23] != 'Z' && p[23] != 'z'))
        return false;
    unsigned d[24];
    for (int i : {0, 1, 2, 3, 5, 6, 8, 9, 11, 12, 14, 15, 17, 18, 20, 21, 22}) {
        d[i] = static_cast<unsigned>(p[i] - '0');
        if (d[i] > 9) return false;
    }
    const int y = static_cast<int>(d[0] * 1000 + d[1] * 100 + d[2] * 10 + d[3]);
    const int mo = static_cast<int>(d[5] * 10 + d[6]);
    const int day = static_cast<int>(d[8] * 10 + d[9]);
    const int h = static_cast<int>(d[11] * 10 + d[12]);
    const int mi = static_cast<int>(d[14] * 10 + d[15]);
    const int sec = static_cast<int>(d[17] * 10 + d[18]);
    const int frac = static_cast<int>(d[20] * 100 + d[21] * 10 + d[22]);
    if (h > 23 || mi > 59 || sec > 59) return false;
    if (std::memcmp(p, isoDate_, 10) != 0) {
        // A new date (the previous record's is cached): check it and convert it to days.
        static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        if (mo < 1 || mo > 12 || day < 1 || day > mdays[mo - 1] + (mo == 2 && isLeap(y) ? 1 : 0) || y < 1)
            return false;
        isoDays_ = daysFromCivil(y, static_cast<unsigned>(mo), static_cast<unsigned>(day));
        std::memcpy(isoDate_, p, 10);
    }
    ms = ((isoDays_ * 24 + h) * 60 + mi) * 60000 + sec * 1000 + frac;
    return true;
}

[[gnu::always_inline]] inline bool TraceReader::convert(TraceRecord& out, TraceError& why) {
    if (!hTime_) {
        why = reason(TraceErrorCode::MissingField, {}, opt_.timeField);
        why.column = TraceColumn::Time;
        return false;
    }
    if (!fastTime(vTime_, out.eventTime)) {
        const TimeParse tp = parseTime(vTime_, opt_.timeFormat);
        if (!tp.millis) {
            why = tp.error;
            return false;
        }
        out.eventTime = *tp.millis;
    }
    if (!hKey_) {
        why = reason(TraceErrorCode::MissingField, {}, opt_.keyField);
        why.column = TraceColumn::Key;
        return false;
    }
    out.keyView = vKey_;
    if (opt_.copyKey) out.key.assign(vKey_);
    if (!opt_.valueField.empty()) {
        if (!hValue_ || vValue_.empty()) {
            why = reason(TraceErrorCode::MissingField, {}, opt_.valueField);
            why.column = TraceColumn::Value;
            return false;
        }
        double v = 0;
        const char* b = vValue_.data();
        if (*b == '+') ++b;
        if (!fastDecimal(b, vValue_.data() + vValue_.size(), v)) {
            const auto r = std::from_chars(b, vValue_.data() + vValue_.size(), v);
            if (r.ec != std::errc() || r.ptr != vValue_.data() + vValue_.size() || !std::isfinite(v)) {
                why = reason(TraceErrorCode::ValueNotNumber, shortened(vValue_), opt_.valueField);
                return false;
            }
        }
        out.value = v;
    }
    out.partition = 0;
    if (!opt_.partitionField.empty()) {
        std::int64_t p = -1;
        const auto r = std::from_chars(vPartition_.data(), vPartition_.data() + vPartition_.size(), p);
        if (!hPartition_ || r.ec != std::errc() || r.ptr != vPartition_.data() + vPartition_.size() ||
            p < 0 || p >= 1024) {
            why = reason(TraceErrorCode::BadPartition, hPartition_ ? shortened(vPartition_) : std::string());
            why.number = hPartition_ ? 0 : 1;
            return false;
        }
        out.partition = p;
    }
    if (!opt_.arrivalField.empty()) {
        std::int64_t a = 0;
        const auto r = std::from_chars(vArrival_.data(), vArrival_.data() + vArrival_.size(), a);
        if (!hArrival_ || r.ec != std::errc() || r.ptr != vArrival_.data() + vArrival_.size()) {
            why = reason(TraceErrorCode::BadArrival, hArrival_ ? shortened(vArrival_) : std::string());
            why.number = hArrival_ ? 0 : 1;
            return false;
        }
        if (records_ > 0 && a < lastArrival_) {
            why = numbers(TraceErrorCode::ArrivalBackwards, a, lastArrival_);
            return false;
        }
        out.arrival = a;
    } else {
        out.arrival = lastArrival_; // file order is arrival order; the arrival time stays (previous + 0)
    }
    return true;
}

[[gnu::always_inline]] inline void TraceReader::takeCsvFields() {
    vTime_ = fields_[static_cast<std::size_t>(colTime_)];
    vKey_ = fields_[static_cast<std::size_t>(colKey_)];
    hTime_ = hKey_ = true;
    hValue_ = colValue_ >= 0;
    if (hValue_) vValue_ = fields_[static_cast<std::size_t>(colValue_)];
    hArrival_ = colArrival_ >= 0;
    if (hArrival_) vArrival_ = fields_[static_cast<std::size_t>(colArrival_)];
    hPartition_ = colPartition_ >= 0;
    if (hPartition_) vPartition_ = fields_[static_cast<std::size_t>(colPartition_)];
}

TraceReader::Status TraceReader::fail(std::uint64_t line, TraceError why) {
    why.file = name_;
    why.line = line;
    if (opt_.skipErrors) {
        ++skipped_;
        if (skippedMessages_.size() < 20) {
            skippedMessages_.push_back(traceErrorText(why));
            skippedErrors_.push_back(why);
        }
        return Status::Record; // caller continues
    }
    err_ = std::move(why);
    error_ = traceErrorText(err_);
    return Status::Error;
}

bool TraceReader::failFile(TraceError why, std::uint64_t line) {
    why.file = name_;
    why.line = line;
    err_ = std::move(why);
    error_ = traceErrorText(err_);
    return false;
}

TraceReader::Status TraceReader::next(TraceRecord& out) {
    while (true) {
        std::string_view rec;
        std::uint64_t startLine = 0, lines = 0;
        if (err_.failed()) {
            err_ = {};
            error_.clear();
        }
        std::size_t count = 0;
        if (format_ == TraceFormat::Csv && splitCsvLine(rec, startLine, count)) {
            TraceError why;
            if (count != static_cast<std::size_t>(columnCount_)) {
                why = numbers(TraceErrorCode::FieldCount, static_cast<std::int64_t>(count), columnCount_);
            } else {
                takeCsvFields();
                convert(out, why);
                if (!why.failed()) {
                    out.line = startLine;
                    lastArrival_ = out.arrival;
                    ++records_;
                    return Status::Record;
                }
            }
            if (fail(startLine, std::move(why)) == Status::Error) return Status::Error;
            continue;
        }
        const Status st = nextRawRecord(rec, startLine, lines);
        if (st == Status::End) return Status::End;
        if (st == Status::Error) {
            TraceError why;
            if (rawError_ == TraceErrorCode::RecordTooLong) {
                why = numbers(TraceErrorCode::RecordTooLong, static_cast<std::int64_t>(opt_.maxRecordBytes >> 10));
            } else if (rawError_ == TraceErrorCode::NulBytes) {
                why = reason(TraceErrorCode::NulBytes);
            } else if (rawError_ == TraceErrorCode::QuoteNeverClosed) {
                why = reason(TraceErrorCode::QuoteNeverClosed);
            } else {
                return Status::Error; // I/O error, already a file-level error
            }
            rawError_ = TraceErrorCode::None;
            if (fail(startLine, std::move(why)) == Status::Error) return Status::Error;
            continue;
        }
        if (rec.empty() || (rec.size() == 1 && rec[0] == '\r')) continue; // blank line
        TraceError why;
        if (format_ == TraceFormat::Csv && !rawQuoted_) {
            // Hot path (no quote in the record): one pass splits the fields and looks for NUL bytes.
            fields_.clear();
            const char* b = rec.data();
            const char* e = b + rec.size();
            const char* f = b;
            const char delim = delim_; // a local: the stores below could alias a member
            bool nul = false;
            for (const char* c = b; c != e; ++c) {
                const char ch = *c;
                if (ch == delim) {
                    fields_.emplace_back(f, static_cast<std::size_t>(c - f));
                    f = c + 1;
                } else {
                    nul |= ch == 0;
                }
            }
            fields_.emplace_back(f, static_cast<std::size_t>(e - f));
            if (nul) {
                why = reason(TraceErrorCode::NulBytes);
            } else if (static_cast<int>(fields_.size()) != columnCount_) {
                why = numbers(TraceErrorCode::FieldCount, static_cast<std::int64_t>(fields_.size()), columnCount_);
            } else {
                takeCsvFields();
                convert(out, why);
            }
        } else if (std::memchr(rec.data(), 0, rec.size())) {
            why = reason(TraceErrorCode::NulBytes);
        } else if (format_ == TraceFormat::Csv) {
            if (parseCsvFields(rec, why)) {
                if (static_cast<int>(fields_.size()) != columnCount_) {
                    why = numbers(TraceErrorCode::FieldCount, static_cast<std::int64_t>(fields_.size()), columnCount_);
                } else {
                    takeCsvFields();
                    convert(out, why);
                }
            }
        } else {
            if (parseJsonFields(rec, why)) convert(out, why);
        }
        if (why.failed()) {
            if (fail(startLine, std::move(why)) == Status::Error) return Status::Error;
            continue;
        }
        out.line = startLine;
        lastArrival_ = out.arrival;
        ++records_;
        return Status::Record;
    }
}

std::string traceErrorReason(const TraceError& e) {
    using C = TraceErrorCode;
    const std::string v = "'" + e.value + "'";
    const std::string n = std::to_string(e.number);
    const std::string n2 = std::to_string(e.number2);
    switch (e.code) {
    case C::None: return {};
    case C::NoSuchFile: return "no such file";
    case C::IsDirectory: return "is a directory, not a trace file";
    case C::CannotRead: return "cannot be read (permission?)";
    case C::ReadError: return "read error";
    case C::EmptyFile: return std::string("the file is empty (expected ") + (e.number ? "JSON Lines" : "a CSV header line") + ")";
    case C::HeaderTooLong: return "the header line is longer than " + n + " KiB: not a trace file?";
    case C::HeaderQuoteNeverClosed: return "truncated file: a quoted field in the header is never closed";
    case C::NoHeader: return "the file has no header line (only blank lines)";
    case C::BadHeader: {
        TraceError cause = e;
        cause.code = e.cause;
        cause.cause = C::None;
        return "bad header: " + (e.cause == C::BadHeader ? std::string() : traceErrorReason(cause));
    }
    case C::MissingColumn: {
        const char* option = "--time-field";
        switch (e.column) {
        case TraceColumn::Time: option = "--time-field"; break;
        case TraceColumn::Key: option = "--key"; break;
        case TraceColumn::Value: option = "the aggregate (sum:FIELD)"; break;
        case TraceColumn::Arrival: option = "--arrival-field"; break;
        case TraceColumn::Partition: option = "--partition-field"; break;
        }
        std::string text = "no column '" + e.field + "' in the header (columns: " + e.columns + "); choose it with " + option;
        if (e.value == "\t")
            text += "; the header seems to be separated by tabs, which traces cannot be: save the file with ',' "
                    "or ';' between fields";
        else if (e.value == ";" || e.value == ",")
            text += "; the header seems to be separated by '" + e.value + "': read it with --delimiter '" + e.value + "'";
        return text;
    }
    case C::NulBytes: return "contains NUL bytes: this looks like a binary file, not a CSV or JSON Lines trace";
    case C::FieldCount: return n + " fields where the header has " + n2;
    case C::RecordTooLong: return "record longer than " + n + " KiB (not read)";
    case C::QuoteNeverClosed: return "truncated file: a quoted field opened here is never closed";
    case C::UnterminatedQuote: return "unterminated quoted field";
    case C::TextAfterQuote: return "text after a closing quote (expected " + v + ")";
    case C::JsonControlChar: return "control character inside a JSON string";
    case C::JsonUnterminatedString: return "unterminated JSON string (truncated line?)";
    case C::JsonBadEscape: return "bad \\u escape in a JSON string";
    case C::JsonUnterminatedNesting: return "unterminated JSON object or array (truncated line?)";
    case C::JsonNotObject: return "not a JSON object (a JSON Lines trace has one {...} per line)";
    case C::JsonTruncated: return "truncated JSON object";
    case C::JsonTruncatedNoBrace: return "truncated JSON object (no closing '}')";
    case C::JsonExpectedName: return "expected a field name in quotes";
    case C::JsonExpectedColon: return "expected ':' after a field name";
    case C::JsonExpectedCommaOrBrace: return "expected ',' or '}'";
    case C::JsonTextAfterObject: return "text after the JSON object";
    case C::JsonNestedValue: return "field '" + e.field + "' is an object or array, not a value";
    case C::JsonMissingValue: return "missing value for field '" + e.field + "'";
    case C::MissingField: {
        const char* what = e.column == TraceColumn::Key ? "key" : e.column == TraceColumn::Value ? "value" : "event time";
        return std::string("missing ") + what + " field '" + e.field + "'";
    }
    case C::ValueNotNumber: return "value " + v + " of field '" + e.field + "' is not a finite number";
    case C::BadPartition: return "partition " + (e.number ? std::string("'(missing)'") : v) + " is not an integer between 0 and 1023";
    case C::BadArrival: return "arrival time " + (e.number ? std::string("'(missing)'") : v) + " is not epoch milliseconds";
    case C::ArrivalBackwards:
        return "arrival time " + n + " is before the previous record's " + n2 + " (the file must be in arrival order)";
    case C::TimeEmpty: return "empty event time";
    case C::BadDate:
        if (e.number == 1)
            return "time " + v + " is neither epoch milliseconds (an integer, e.g. 1773478800000) nor a date-time "
                   "(yyyy-MM-dd HH:mm:ss[.SSS], or ISO-8601 e.g. 2026-03-14T09:00:00Z); --time-format epoch-s reads "
                   "epoch seconds";
        if (e.number == 2)
            return "time " + v + " is a number, but --time-format iso|sql expects a date-time "
                   "(yyyy-MM-dd HH:mm:ss[.SSS] or ISO-8601); epoch times need --time-format epoch-ms, epoch-s or auto";
        return "cannot read the date of " + v + " (expected yyyy-MM-dd HH:mm:ss[.SSS])";
    case C::BadTimeOfDay:
        return "cannot read the time of day of " + v + (e.number ? " (expected yyyy-MM-dd HH:mm:ss[.SSS])" : " (expected ISO-8601)");
    case C::BadSeconds: return "cannot read the seconds of " + v;
    case C::BadFraction: return "bad fraction of a second in " + v;
    case C::ZoneNotAllowed: return "unexpected text after the time in " + v + " (no zone in this format)";
    case C::BadZone: return "bad zone offset in " + v;
    case C::ZoneOutOfRange: return "zone offset out of range in " + v;
    case C::TextAfterTime: return "unexpected text after the time in " + v;
    case C::NoSuchDateTime: return "no such date/time: " + v;
    case C::TimeOutOfRange: return "time " + v + " is out of range (years 1..9999)";
    case C::NotEpochMillis: return "time " + v + " is not epoch milliseconds";
    case C::NotEpochSeconds: return "time " + v + " is not epoch seconds";
    case C::PartitionTooLarge: return "partition " + n + " is too large (at most " + n2 + ")";
    case C::PartitionNotBelow: return "partition " + n + " is not below the number of partitions (" + n2 + ")";
    case C::TooManyEvents: return "more than " + n + " events: too long for the view (fluxolab-cli replay reads it)";
    }
    return {};
}

std::string traceErrorText(const TraceError& e) {
    std::string out = e.file;
    if (e.line > 0) out += ":" + std::to_string(e.line);
    return out + ": " + traceErrorReason(e);
}

} // namespace fluxolab::traces
