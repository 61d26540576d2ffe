package dev.vigil.vuln.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import dev.vigil.vuln.parse.InvalidInputException;
import dev.vigil.vuln.parse.csv.CsvTable;
import dev.vigil.vuln.parse.json.JsonCursor;
import dev.vigil.vuln.parse.json.JsonDocumentParser;

/**
 * Reads EPSS score files in every published layout, recognised by content: the daily CSV (optionally gzip-compressed)
 * in the 2021 form ({@code cve,epss}), the v3 and current forms ({@code #model_version:...,score_date:...} then
 * {@code cve,epss,percentile}), the API JSON ({@code data[]}, numbers as strings) and a bare JSON list of scores.
 * Scores and percentiles must lie in 0..1.
 */
public final class EpssReader {

    /** Decompressed size limit; the real daily file is about 10 MB uncompressed. */
    private static final int MAX_BYTES = 256 * 1024 * 1024;

    private EpssReader() {
    }

    public static EpssCatalog read(Path file) throws InvalidInputException {
        try {
            return read(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "", "cannot read file: " + e.getMessage(), e);
        }
    }

    public static EpssCatalog read(String source, byte[] content) throws InvalidInputException {
        String text = new String(isGzip(content) ? gunzip(source, content) : content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return readJson(JsonDocumentParser.parse(source, text));
        }
        return readCsv(source, text);
    }

    private static EpssCatalog readCsv(String source, String text) throws InvalidInputException {
        String modelVersion = null;
        String scoreDate = null;
        String firstLine = text.lines().findFirst().orElse("");
        if (firstLine.startsWith("#")) {
            for (String pair : firstLine.substring(1).split(",")) {
                int colon = pair.indexOf(':');
                if (colon > 0) {
                    String key = pair.substring(0, colon).strip();
                    String value = pair.substring(colon + 1).strip();
                    if (key.equals("model_version")) {
                        modelVersion = value;
                    } else if (key.equals("score_date")) {
                        scoreDate = value;
                    }
                }
            }
        }
        CsvTable table = CsvTable.parse(source, text, true);
        table.requireColumns("cve", "epss");
        List<EpssScore> scores = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String place = "line " + row.line();
            scores.add(score(source, place, table.value(row, "cve"), table.value(row, "epss"),
                    table.value(row, "percentile")));
        }
        return new EpssCatalog(modelVersion, scoreDate, scores);
    }

    private static EpssCatalog readJson(JsonCursor root) throws InvalidInputException {
        List<JsonCursor> entries = root.isArray() ? root.elements() : root.objects("data");
        if (root.isObject() && !root.has("data")) {
            throw root.error("/data", "required member \"data\" is missing (expected the EPSS API response)");
        }
        List<EpssScore> scores = new ArrayList<>();
        String date = null;
        for (JsonCursor entry : entries) {
            entry.requireObject();
            scores.add(score(root.source(), entry.pointer(), entry.requiredText("cve"), entry.requiredText("epss"),
                    entry.text("percentile")));
            if (date == null) {
                date = entry.text("date");
            }
        }
        return new EpssCatalog(root.isObject() ? root.text("model_version") : null, date, scores);
    }

    private static EpssScore score(String source, String place, String cve, String epss, String percentile)
            throws InvalidInputException {
        if (!CveId.isValid(cve)) {
            throw new InvalidInputException(source, place, "'" + cve + "' is not a CVE id (CVE-YYYY-NNNN)");
        }
        return new EpssScore(cve, probability(source, place, "epss", epss),
                percentile == null ? null : probability(source, place, "percentile", percentile));
    }

    private static BigDecimal probability(String source, String place, String name, String text)
            throws InvalidInputException {
        BigDecimal value;
        try {
            value = text == null ? null : new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            value = null;
        }
        if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.ONE) > 0) {
            throw new InvalidInputException(source, place, name + " '" + text + "' is not a number between 0 and 1");
        }
        return value;
    }

    private static boolean isGzip(byte[] content) {
        return content.length >= 2 && (content[0] & 0xff) == 0x1f && (content[1] & 0xff) == 0x8b;
    }

    private static byte[] gunzip(String source, byte[] content) throws InvalidInputException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(content))) {
            byte[] data = in.readNBytes(MAX_BYTES + 1);
            if (data.length > MAX_BYTES) {
                throw new InvalidInputException(source, "", "decompressed size exceeds " + MAX_BYTES / (1024 * 1024)
                        + " MiB");
            }
            return data;
        } catch (IOException e) {
            throw new InvalidInputException(source, "", "corrupt gzip data: " + e.getMessage(), e);
        }
    }
}
