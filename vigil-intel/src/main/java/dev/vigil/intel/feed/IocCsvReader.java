package dev.vigil.intel.feed;

import dev.vigil.intel.indicator.Indicator;
import dev.vigil.intel.indicator.IndicatorType;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
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
 * Reads indicator CSV files in the {@code iocs.csv} layout: a header row naming at least {@code id,type,value}, and
 * optionally {@code source}, {@code confidence}, {@code first_seen}, {@code last_seen} and {@code valid_until} (also
 * spelled {@code expires}, {@code expiry}, {@code expires_at}, {@code expiration} or {@code valid_to}). Quoted fields follow RFC 4180; lines starting with {@code #} are comments. A bad row is
 * skipped and reported with its line; a file without the required columns is rejected.
 */
public final class IocCsvReader {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder()
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    /**
     * Streams the file's indicators into {@code sink}. If the sink rejects an indicator with an
     * {@link IllegalArgumentException} (for instance a value that is not valid for its type), that row is reported as a
     * problem too.
     *
     * @return the skipped rows, in file order
     */
    public List<FeedProblem> read(Path file, Consumer<Indicator> sink) throws FeedFormatException {
        List<FeedProblem> problems = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            var records = parser.iterator();
            if (!records.hasNext()) {
                throw new FeedFormatException(file, 1, "empty file: expected a header row with id,type,value");
            }
            Columns columns = Columns.of(records.next(), file);
            while (records.hasNext()) {
                CSVRecord record;
                try {
                    record = records.next();
                } catch (UncheckedIOException e) {
                    throw new FeedFormatException(file, parser.getCurrentLineNumber(),
                            "malformed CSV: " + e.getCause().getMessage(), e);
                }
                long line = parser.getCurrentLineNumber();
                try {
                    sink.accept(columns.indicator(record));
                } catch (IllegalArgumentException e) {
                    problems.add(new FeedProblem(file, line, e.getMessage()));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new FeedFormatException(file, 0, "cannot read: " + e.getMessage(), e);
        }
        return problems;
    }

    /** Positions of the known columns in the header. */
    private record Columns(int id, int type, int value, int source, int confidence, int firstSeen, int lastSeen,
                           int validUntil) {

        /** Spellings of the expiry column seen in feeds, in order of preference. */
        private static final List<String> EXPIRY_COLUMNS = List.of("valid_until", "expires", "expiry", "expires_at",
                "expiration", "valid_to");

        private static int firstPresent(Map<String, Integer> positions, List<String> names) {
            return names.stream().filter(positions::containsKey).map(positions::get).findFirst().orElse(-1);
        }

        static Columns of(CSVRecord header, Path file) throws FeedFormatException {
            Map<String, Integer> positions = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String name = header.get(i).replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT);
                positions.putIfAbsent(name, i);
            }
            for (String required : List.of("id", "type", "value")) {
                if (!positions.containsKey(required)) {
                    throw new FeedFormatException(file, 1, "header lacks the '" + required
                            + "' column (expected id,type,value[,source,confidence,...]), found " + header.values().length
                            + " columns: " + String.join(",", header.values()));
                }
            }
            return new Columns(positions.get("id"), positions.get("type"), positions.get("value"),
                    positions.getOrDefault("source", -1), positions.getOrDefault("confidence", -1),
                    positions.getOrDefault("first_seen", -1), positions.getOrDefault("last_seen", -1),
                    firstPresent(positions, EXPIRY_COLUMNS));
        }

        Indicator indicator(CSVRecord record) {
            String indicatorId = field(record, id);
            String typeName = field(record, type);
            String text = field(record, value);
            if (indicatorId.isEmpty() || text.isEmpty()) {
                throw new IllegalArgumentException("row needs a non-empty id and value (has " + record.size()
                        + " fields)");
            }
            IndicatorType indicatorType = IndicatorType.fromLabel(typeName).orElseThrow(() ->
                    new IllegalArgumentException("unknown indicator type '" + typeName + "' for " + indicatorId));
            return new Indicator(indicatorId, indicatorType, text, field(record, source), confidence(record),
                    instant(record, firstSeen), instant(record, lastSeen), instant(record, validUntil));
        }

        private int confidence(CSVRecord record) {
            String text = field(record, confidence);
            if (text.isEmpty()) {
                return Indicator.UNKNOWN_CONFIDENCE;
            }
            try {
                int parsed = (int) Math.round(Double.parseDouble(text));
                if (parsed < 0 || parsed > 100) {
                    throw new IllegalArgumentException("confidence out of 0..100: '" + text + "'");
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("confidence is not a number: '" + text + "'");
            }
        }

        private static Instant instant(CSVRecord record, int column) {
            String text = field(record, column);
            return text.isEmpty() ? null : FeedTimestamps.parse(text);
        }

        private static String field(CSVRecord record, int column) {
            return column >= 0 && column < record.size() ? record.get(column).strip() : "";
        }
    }
}
