package dev.vigil.intel.feed;

import dev.vigil.intel.indicator.Indicator;
import dev.vigil.intel.indicator.IndicatorType;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the abuse.ch CSV exports: URLhaus ({@code id,dateadded,url,...}), Feodo Tracker
 * ({@code first_seen_utc,dst_ip,dst_port,...}, with the header either as a {@code #} comment or as a quoted first row)
 * and ThreatFox ({@code "first_seen_utc", "ioc_id", "ioc_value", "ioc_type", ...} with comma-space separators). The
 * header is the last comment line that parses as column names, or the first row when that is all column names; the
 * layout is recognised from its columns.
 */
public final class AbuseChCsvReader {

    private static final CSVFormat LINE = CSVFormat.RFC4180.builder().setIgnoreSurroundingSpaces(true).get();

    /** The layouts this reader knows, recognised by a column only that layout has. */
    enum Layout {
        URLHAUS("urlhaus_link"), FEODO("dst_ip"), THREATFOX("ioc_value");

        private final String signatureColumn;

        Layout(String signatureColumn) {
            this.signatureColumn = signatureColumn;
        }
    }

    public List<FeedProblem> read(Path file, Consumer<Indicator> sink) throws FeedFormatException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new FeedFormatException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        Map<String, Integer> header = null;
        Layout layout = null;
        List<FeedProblem> problems = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            long lineNumber = i + 1;
            if (line.isEmpty()) {
                continue;
            }
            boolean comment = line.startsWith("#");
            List<String> fields = fields(comment ? line.substring(1) : line);
            if (fields != null && isHeader(fields)) {
                Map<String, Integer> candidate = positions(fields);
                Layout recognised = layoutOf(candidate);
                if (recognised != null) {
                    header = candidate;
                    layout = recognised;
                    continue;
                }
            }
            if (comment) {
                continue;
            }
            if (header == null) {
                throw new FeedFormatException(file, lineNumber, "data before any header naming URLhaus, Feodo Tracker "
                        + "or ThreatFox columns");
            }
            if (fields == null) {
                problems.add(new FeedProblem(file, lineNumber, "malformed CSV line"));
                continue;
            }
            try {
                sink.accept(indicator(layout, header, fields, file.getFileName().toString()));
            } catch (IllegalArgumentException e) {
                problems.add(new FeedProblem(file, lineNumber, e.getMessage()));
            }
        }
        if (header == null) {
            throw new FeedFormatException(file, 1, "no header naming URLhaus, Feodo Tracker or ThreatFox columns");
        }
        return problems;
    }

    private static Indicator indicator(Layout layout, Map<String, Integer> header, List<String> fields, String source) {
        return switch (layout) {
            case URLHAUS -> new Indicator("urlhaus:" + field(header, fields, "id"), IndicatorType.URL,
                    required(header, fields, "url"), source, Indicator.UNKNOWN_CONFIDENCE,
                    time(header, fields, "dateadded"), time(header, fields, "last_online"), null);
            case FEODO -> new Indicator("feodo:" + required(header, fields, "dst_ip"), IndicatorType.IPV4,
                    required(header, fields, "dst_ip"), source, Indicator.UNKNOWN_CONFIDENCE,
                    time(header, fields, "first_seen_utc"), time(header, fields, "last_online"), null);
            case THREATFOX -> threatFox(header, fields, source);
        };
    }

    private static Indicator threatFox(Map<String, Integer> header, List<String> fields, String source) {
        String confidence = field(header, fields, "confidence_level");
        int level;
        try {
            level = confidence.isEmpty() ? Indicator.UNKNOWN_CONFIDENCE : Integer.parseInt(confidence);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("confidence_level is not a number: '" + confidence + "'");
        }
        return ThreatFoxIoc.indicator(field(header, fields, "ioc_id"), field(header, fields, "ioc_type"),
                required(header, fields, "ioc_value"), level, time(header, fields, "first_seen_utc"),
                time(header, fields, "last_seen_utc"), source);
    }

    private static List<String> fields(String line) {
        try (CSVParser parser = CSVParser.parse(line, LINE)) {
            List<CSVRecord> records = parser.getRecords();
            return records.size() == 1 ? records.getFirst().toList() : null;
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
    }

    private static boolean isHeader(List<String> fields) {
        return fields.size() >= 3 && fields.stream().allMatch(field -> field.matches("[A-Za-z_][A-Za-z0-9_]*"));
    }

    private static Map<String, Integer> positions(List<String> fields) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            positions.putIfAbsent(fields.get(i).toLowerCase(Locale.ROOT), i);
        }
        return positions;
    }

    private static Layout layoutOf(Map<String, Integer> header) {
        for (Layout layout : Layout.values()) {
            if (header.containsKey(layout.signatureColumn)) {
                return layout;
            }
        }
        return null;
    }

    private static String field(Map<String, Integer> header, List<String> fields, String column) {
        Integer position = header.get(column);
        return position != null && position < fields.size() ? fields.get(position).strip() : "";
    }

    private static String required(Map<String, Integer> header, List<String> fields, String column) {
        String value = field(header, fields, column);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty '" + column + "' (row has " + fields.size() + " fields)");
        }
        return value;
    }

    private static Instant time(Map<String, Integer> header, List<String> fields, String column) {
        String value = field(header, fields, column);
        return value.isEmpty() ? null : FeedTimestamps.parse(value);
    }
}
