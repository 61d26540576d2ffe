package dev.vigil.vuln.parse.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.vigil.vuln.parse.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV export with a header row (RFC 4180 quoting, fields may span lines). Every record must have as many fields as
 * the header; errors name the line where the record starts. Column lookup is case-insensitive.
 */
public final class CsvTable {

    private final String source;
    private final List<String> header;
    private final Map<String, Integer> columns;
    private final long headerLine;
    private final List<Row> rows;

    private CsvTable(String source, List<String> header, long headerLine, List<Row> rows) {
        this.source = source;
        this.header = header;
        this.headerLine = headerLine;
        this.rows = rows;
        this.columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(normalize(header.get(i)), i);
        }
    }

    public static CsvTable parse(String source, String text) throws InvalidInputException {
        return parse(source, text, false);
    }

    /** Parses, optionally skipping lines that start with {@code #} (metadata lines of feeds such as EPSS). */
    public static CsvTable parse(String source, String text, boolean hashComments) throws InvalidInputException {
        CSVFormat.Builder builder = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true);
        if (hashComments) {
            builder.setCommentMarker('#');
        }
        CSVFormat format = builder.get();
        List<String> header = null;
        long headerLine = 1;
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            long line = 1;
            for (CSVRecord record : parser) {
                List<String> values = record.toList();
                if (header == null) {
                    header = values;
                    headerLine = Math.max(1, parser.getCurrentLineNumber());
                } else {
                    if (values.size() != header.size() && !(values.size() == 1 && values.get(0).isBlank())) {
                        throw new InvalidInputException(source, "line " + line,
                                "expected " + header.size() + " fields as in the header, found " + values.size());
                    }
                    if (values.size() == header.size()) {
                        rows.add(new Row(line, values));
                    }
                }
                line = parser.getCurrentLineNumber() + 1;
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new InvalidInputException(source, "", "malformed CSV: " + rootMessage(e), e);
        } catch (IOException e) {
            throw new InvalidInputException(source, "", "cannot read CSV: " + e.getMessage(), e);
        }
        if (header == null) {
            throw new InvalidInputException(source, "line 1", "empty CSV file (no header row)");
        }
        return new CsvTable(source, Collections.unmodifiableList(header), headerLine, rows);
    }

    public List<String> header() {
        return header;
    }

    public boolean hasColumn(String name) {
        return columns.containsKey(normalize(name));
    }

    public List<Row> rows() {
        return rows;
    }

    public String source() {
        return source;
    }

    /** Fails naming the header line when a required column is missing. */
    public void requireColumns(String... names) throws InvalidInputException {
        for (String name : names) {
            if (!hasColumn(name)) {
                throw new InvalidInputException(source, "line " + headerLine,
                        "missing column \"" + name + "\" in the header");
            }
        }
    }

    /** The value of a column in a row, trimmed; null when the column is absent or the value empty. */
    public String value(Row row, String column) {
        Integer index = columns.get(normalize(column));
        if (index == null) {
            return null;
        }
        String value = row.values().get(index).strip();
        return value.isEmpty() ? null : value;
    }

    /** The first of several alternative column names that has a value. */
    public String firstValue(Row row, String... alternatives) {
        for (String column : alternatives) {
            String value = value(row, column);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** A decimal cell (e.g. a CVSS score), or null when empty; a non-number names the line. */
    public java.math.BigDecimal decimal(Row row, String what, String text) throws InvalidInputException {
        if (text == null) {
            return null;
        }
        try {
            return new java.math.BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException(source, "line " + row.line(), what + " '" + text + "' is not a number");
        }
    }

    private static String normalize(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /** One record and the line it starts on. */
    public record Row(long line, List<String> values) {
    }
}
