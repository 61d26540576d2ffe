package dev.vigil.server.asset;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.vigil.server.asset.internal.AssetWriter;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.platform.web.ProblemException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports assets from CSV with a header row. Column {@code name} is required; optional: {@code tenant, kind, owner,
 * environment, criticality, internet_exposed, data_sensitivity, tags, description, hostnames, addresses} (lists
 * separated by {@code ;}). A row whose name, host name or address matches an existing asset of its tenant updates it.
 * The file is imported whole or not at all: the first bad row refuses it with its line number.
 */
@Service
public class AssetCsvImport {

    public static final List<String> COLUMNS = List.of("name", "tenant", "kind", "owner", "environment", "criticality",
            "internet_exposed", "data_sensitivity", "tags", "description", "hostnames", "addresses");
    public static final int MAX_ROWS = 100_000;

    private final AssetService assets;
    private final AssetRegistry registry;
    private final AssetWriter writer;
    private final AuditLog audit;

    AssetCsvImport(AssetService assets, AssetRegistry registry, AssetWriter writer, AuditLog audit) {
        this.assets = assets;
        this.registry = registry;
        this.writer = writer;
        this.audit = audit;
    }

    @Transactional
    public AssetImportReport importCsv(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw ProblemException.badRequest("invalid-upload", "the upload is empty");
        }
        String text = new String(upload, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        int rows = 0;
        int created = 0;
        int updated = 0;
        Set<UUID> seen = new HashSet<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            if (!header.contains("name")) {
                throw ProblemException.badRequest("invalid-csv", "line 1: the header has no 'name' column (columns: "
                        + String.join(", ", COLUMNS) + ")");
            }
            for (String column : header) {
                if (!COLUMNS.contains(column)) {
                    throw ProblemException.badRequest("invalid-csv", "line 1: unknown column '" + column + "' (columns: "
                            + String.join(", ", COLUMNS) + ")");
                }
            }
            long line = 1;
            for (CSVRecord record : parser) {
                long start = line + 1;
                line = parser.getCurrentLineNumber();
                if (++rows > MAX_ROWS) {
                    throw ProblemException.badRequest("invalid-csv", "more than " + MAX_ROWS + " rows");
                }
                try {
                    AssetChange change = change(record);
                    String tenant = change.tenant() == null ? "platform" : change.tenant();
                    Optional<UUID> existing = match(tenant, change);
                    if (existing.isPresent() && !seen.add(existing.get())) {
                        throw ProblemException.badRequest("invalid-csv", "the asset appears twice in the file");
                    }
                    if (existing.isPresent()) {
                        assets.update(existing.get(), change, "csv");
                        updated++;
                    } else {
                        seen.add(assets.create(change, "csv").id());
                        created++;
                    }
                } catch (ProblemException e) {
                    throw new ProblemException(e.status(), e.code().equals("invalid-input") ? "invalid-csv" : e.code(),
                            "line " + start + ": " + e.getMessage());
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw ProblemException.badRequest("invalid-csv", "not a readable CSV file: " + e.getMessage());
        }
        audit.record(AuditEntry.success("asset.import", "asset", "csv", null,
                Map.of("rows", rows, "created", created, "updated", updated)));
        return new AssetImportReport(rows, created, updated);
    }

    private Optional<UUID> match(String tenant, AssetChange change) {
        Optional<UUID> byName = writer.findLive(tenant, "name", change.name() == null ? "" : change.name().strip());
        if (byName.isPresent()) {
            return byName;
        }
        for (String identifier : concat(change.hostnames(), change.addresses())) {
            Optional<UUID> found = registry.find(tenant, identifier);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static AssetChange change(CSVRecord record) {
        return new AssetChange(value(record, "tenant"), value(record, "name"), value(record, "kind"), value(record, "owner"),
                value(record, "environment"), integer(record, "criticality"), bool(record, "internet_exposed"),
                value(record, "data_sensitivity"), list(record, "tags"), value(record, "description"),
                list(record, "hostnames"), list(record, "addresses"));
    }

    private static String value(CSVRecord record, String column) {
        for (Map.Entry<String, String> entry : record.toMap().entrySet()) {
            if (entry.getKey().equalsIgnoreCase(column)) {
                return entry.getValue() == null || entry.getValue().isBlank() ? null : entry.getValue().strip();
            }
        }
        return null;
    }

    private static Integer integer(CSVRecord record, String column) {
        String value = value(record, column);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("invalid-input", column + " '" + value + "' is not a number");
        }
    }

    private static Boolean bool(CSVRecord record, String column) {
        String value = value(record, column);
        if (value == null) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> throw ProblemException.badRequest("invalid-input", column + " '" + value + "' is not yes or no");
        };
    }

    private static List<String> list(CSVRecord record, String column) {
        String value = value(record, column);
        return value == null ? null : Arrays.stream(value.split(";")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return java.util.stream.Stream.concat(first == null ? java.util.stream.Stream.<String>empty() : first.stream(),
                second == null ? java.util.stream.Stream.<String>empty() : second.stream()).toList();
    }
}
