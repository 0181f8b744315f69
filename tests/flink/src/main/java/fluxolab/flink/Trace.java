package fluxolab.flink;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a FluxoLab trace (CSV with a header row, delimiter ',' or ';', RFC 4180 quoting; or JSON
 * Lines of flat objects) into events in arrival order. A simple reader: the traces the harness runs
 * are small (the sample traces, the hand-computed cases, gen-trace output).
 */
public final class Trace {
    /** Thrown for a bad line or a bad file; the message names the file and the line. */
    public static final class TraceException extends Exception {
        private static final long serialVersionUID = 1L;

        TraceException(String message) {
            super(message);
        }
    }

    public static final class Options {
        public String format = "auto"; // csv | jsonl | auto (from the file name)
        public String timeField = "ts";
        public String keyField = "key";
        public String valueField = null; // null for count
        public String arrivalField = null;
        public String partitionField = null;
        public String timeFormat = "auto"; // auto | epoch-ms | epoch-s | iso | sql
        public boolean skipBadLines = false;
    }

    public final List<Event> events = new ArrayList<>();
    public int skipped = 0;
    public String firstSkipped = null;

    public static Trace read(Path file, Options o) throws IOException, TraceException {
        Trace t = new Trace();
        String format = o.format;
        if (format.equals("auto")) {
            String n = file.getFileName().toString().toLowerCase();
            format = n.endsWith(".jsonl") || n.endsWith(".json") || n.endsWith(".ndjson") ? "jsonl" : "csv";
        }
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            if (format.equals("csv")) t.readCsv(file, r, o);
            else t.readJsonl(file, r, o);
        }
        if (o.arrivalField != null) {
            // The trace's arrival column orders the elements; ties keep file order (stable sort).
            t.events.sort((a, b) -> Long.compare(a.arrival, b.arrival));
        }
        for (int i = 0; i < t.events.size(); ++i) t.events.get(i).seq = i;
        return t;
    }

    private void bad(Path file, long line, String reason, Options o) throws TraceException {
        String msg = file + ":" + line + ": " + reason;
        if (!o.skipBadLines) throw new TraceException(msg);
        if (firstSkipped == null) firstSkipped = msg;
        ++skipped;
    }

    private void readCsv(Path file, BufferedReader r, Options o) throws IOException, TraceException {
        String header = r.readLine();
        if (header == null) throw new TraceException(file + ": the file is empty (a CSV trace starts with a header row)");
        if (header.startsWith("\uFEFF")) header = header.substring(1);
        char delim = header.indexOf(',') < 0 && header.indexOf(';') >= 0 ? ';' : ',';
        List<String> names = splitCsv(header, delim);
        if (names == null) throw new TraceException(file + ":1: unterminated quote in the header");
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < names.size(); ++i) col.put(names.get(i).trim(), i);
        int ti = column(file, col, o.timeField, "--time-field");
        int ki = column(file, col, o.keyField, "--key");
        int vi = o.valueField == null ? -1 : column(file, col, o.valueField, "the aggregate's field");
        int ai = o.arrivalField == null ? -1 : column(file, col, o.arrivalField, "--arrival-field");
        int pi = o.partitionField == null ? -1 : column(file, col, o.partitionField, "--partition-field");
        String line;
        long lineNo = 1;
        while ((line = r.readLine()) != null) {
            ++lineNo;
            if (line.isEmpty()) continue;
            List<String> f = splitCsv(line, delim);
            if (f == null) {
                bad(file, lineNo, "unterminated quote", o);
                continue;
            }
            if (f.size() != names.size()) {
                bad(file, lineNo, "expected " + names.size() + " fields, found " + f.size(), o);
                continue;
            }
            Map<String, String> m = new HashMap<>();
            addField(m, "t", f.get(ti));
            addField(m, "k", f.get(ki));
            if (vi >= 0) addField(m, "v", f.get(vi));
            if (ai >= 0) addField(m, "a", f.get(ai));
            if (pi >= 0) addField(m, "p", f.get(pi));
            toEvent(file, lineNo, m, o);
        }
    }

    private static void addField(Map<String, String> m, String k, String v) {
        m.put(k, v);
    }

    private static int column(Path file, Map<String, Integer> col, String name, String option) throws TraceException {
        Integer i = col.get(name);
        if (i == null)
            throw new TraceException(file + ":1: no column '" + name + "' in the header (" + option + ")");
        return i;
    }

    /** RFC 4180 fields of one line; null on an unterminated quote. */
    static List<String> splitCsv(String line, char delim) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); ++i) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        ++i;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"' && cur.length() == 0 && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == delim) {
                out.add(cur.toString());
                cur.setLength(0);
                wasQuoted = false;
            } else if (c != '\r' || i + 1 != line.length()) {
                cur.append(c);
            }
        }
        if (quoted) return null;
        out.add(cur.toString());
        return out;
    }

    private void readJsonl(Path file, BufferedReader r, Options o) throws IOException, TraceException {
        String line;
        long lineNo = 0;
        while ((line = r.readLine()) != null) {
            ++lineNo;
            if (line.isBlank()) continue;
            Map<String, String> obj;
            try {
                obj = new FlatJson(line).object();
            } catch (IllegalArgumentException e) {
                bad(file, lineNo, "not a flat JSON object: " + e.getMessage(), o);
                continue;
            }
            Map<String, String> m = new HashMap<>();
            if (!pick(file, lineNo, obj, o.timeField, "t", m, o)) continue;
            if (!pick(file, lineNo, obj, o.keyField, "k", m, o)) continue;
            if (o.valueField != null && !pick(file, lineNo, obj, o.valueField, "v", m, o)) continue;
            if (o.arrivalField != null && !pick(file, lineNo, obj, o.arrivalField, "a", m, o)) continue;
            if (o.partitionField != null && !pick(file, lineNo, obj, o.partitionField, "p", m, o)) continue;
            toEvent(file, lineNo, m, o);
        }
    }

    private boolean pick(Path file, long lineNo, Map<String, String> obj, String name, String k,
            Map<String, String> m, Options o) throws TraceException {
        String v = obj.get(name);
        if (v == null) {
            bad(file, lineNo, "no field '" + name + "'", o);
            return false;
        }
        m.put(k, v);
        return true;
    }

    private void toEvent(Path file, long lineNo, Map<String, String> m, Options o) throws TraceException {
        Event e = new Event();
        e.key = m.get("k");
        try {
            e.ts = parseTime(m.get("t").trim(), o.timeFormat);
        } catch (IllegalArgumentException ex) {
            bad(file, lineNo, "bad event time '" + m.get("t") + "': " + ex.getMessage(), o);
            return;
        }
        if (m.containsKey("v")) {
            try {
                e.value = Double.parseDouble(m.get("v").trim());
            } catch (NumberFormatException ex) {
                bad(file, lineNo, "bad value '" + m.get("v") + "' (a number is expected)", o);
                return;
            }
            if (!Double.isFinite(e.value)) {
                bad(file, lineNo, "bad value '" + m.get("v") + "' (a finite number is expected)", o);
                return;
            }
        }
        if (m.containsKey("a")) {
            try {
                e.arrival = Long.parseLong(m.get("a").trim());
            } catch (NumberFormatException ex) {
                bad(file, lineNo, "bad arrival time '" + m.get("a") + "' (epoch ms expected)", o);
                return;
            }
        }
        if (m.containsKey("p")) {
            try {
                e.partition = Integer.parseInt(m.get("p").trim());
            } catch (NumberFormatException ex) {
                e.partition = -1;
            }
            if (e.partition < 0) {
                bad(file, lineNo, "bad partition '" + m.get("p") + "' (an integer >= 0 expected)", o);
                return;
            }
        }
        events.add(e);
    }

    private static final DateTimeFormatter SQL_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .toFormatter();

    /** Event time in epoch ms. Times without a zone are UTC. */
    public static long parseTime(String s, String format) {
        boolean integer = !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9' || c == '-')
                && s.lastIndexOf('-') <= 0;
        switch (format) {
            case "epoch-ms":
                return parseLong(s);
            case "epoch-s":
                return Math.multiplyExact(parseLong(s), 1000L);
            case "auto":
                if (integer) return parseLong(s);
                return parseIso(s);
            case "iso":
            case "sql":
                return parseIso(s);
            default:
                throw new IllegalArgumentException("unknown time format " + format);
        }
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer");
        }
    }

    private static long parseIso(String s) {
        String t = s.replace(' ', 'T');
        try {
            return OffsetDateTime.parse(t).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            // no zone: UTC
        }
        try {
            if (t.endsWith("Z")) return Instant.parse(t).toEpochMilli();
            return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            // fall through
        }
        try {
            return LocalDateTime.parse(s, SQL_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not epoch ms, ISO-8601 or yyyy-MM-dd HH:mm:ss[.SSS]");
        }
    }

    /** A minimal parser for one flat JSON object per line; values kept as their text. */
    static final class FlatJson {
        private final String s;
        private int i = 0;

        FlatJson(String s) {
            this.s = s;
        }

        Map<String, String> object() {
            Map<String, String> m = new HashMap<>();
            ws();
            expect('{');
            ws();
            if (peek() == '}') {
                ++i;
                return end(m);
            }
            while (true) {
                ws();
                String k = string();
                ws();
                expect(':');
                ws();
                m.put(k, value());
                ws();
                char c = next();
                if (c == '}') return end(m);
                if (c != ',') throw new IllegalArgumentException("expected ',' or '}' at column " + i);
            }
        }

        private Map<String, String> end(Map<String, String> m) {
            ws();
            if (i != s.length()) throw new IllegalArgumentException("text after the object at column " + (i + 1));
            return m;
        }

        private String value() {
            char c = peek();
            if (c == '"') return string();
            if (c == '{' || c == '[') throw new IllegalArgumentException("nested values are not supported");
            int st = i;
            while (i < s.length() && ",} \t".indexOf(s.charAt(i)) < 0) ++i;
            String v = s.substring(st, i);
            if (v.isEmpty()) throw new IllegalArgumentException("missing value at column " + (st + 1));
            if (v.equals("null")) throw new IllegalArgumentException("null value at column " + (st + 1));
            return v;
        }

        private String string() {
            expect('"');
            StringBuilder b = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') return b.toString();
                if (c == '\\') {
                    char e = next();
                    switch (e) {
                        case 'n': b.append('\n'); break;
                        case 't': b.append('\t'); break;
                        case 'r': b.append('\r'); break;
                        case 'b': b.append('\b'); break;
                        case 'f': b.append('\f'); break;
                        case 'u':
                            if (i + 4 > s.length()) throw new IllegalArgumentException("bad \\u escape");
                            b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                            i += 4;
                            break;
                        default: b.append(e);
                    }
                } else {
                    b.append(c);
                }
            }
        }

        private void ws() {
            while (i < s.length() && Character.isWhitespace(s.charAt(i))) ++i;
        }

        private char peek() {
            if (i >= s.length()) throw new IllegalArgumentException("unexpected end of line");
            return s.charAt(i);
        }

        private char next() {
            char c = peek();
            ++i;
            return c;
        }

        private void expect(char c) {
            if (next() != c) throw new IllegalArgumentException("expected '" + c + "' at column " + i);
        }
    }
}
