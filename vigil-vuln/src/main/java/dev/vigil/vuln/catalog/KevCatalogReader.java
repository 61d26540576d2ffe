package dev.vigil.vuln.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.vigil.vuln.parse.InvalidInputException;
import dev.vigil.vuln.parse.csv.CsvTable;
import dev.vigil.vuln.parse.json.JsonCursor;
import dev.vigil.vuln.parse.json.JsonDocumentParser;

/**
 * Reads CISA's KEV catalogue in its JSON feed form ({@code known_exploited_vulnerabilities.json}) or its CSV export,
 * recognised by content. Entries are validated as the official schema requires (CVE id syntax, ISO dates); the JSON
 * {@code count} must match the number of entries.
 */
public final class KevCatalogReader {

    private static final String[] CSV_COLUMNS = {"cveID", "vendorProject", "product", "vulnerabilityName", "dateAdded",
        "shortDescription", "requiredAction", "dueDate", "knownRansomwareCampaignUse", "notes", "cwes"};

    private KevCatalogReader() {
    }

    public static KevCatalog read(Path file) throws InvalidInputException {
        try {
            return read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidInputException(file.toString(), "", "cannot read file: " + e.getMessage(), e);
        }
    }

    public static KevCatalog read(String source, String text) throws InvalidInputException {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (content.stripLeading().startsWith("{")) {
            return readJson(JsonDocumentParser.parse(source, content));
        }
        return readCsv(CsvTable.parse(source, content));
    }

    private static KevCatalog readJson(JsonCursor root) throws InvalidInputException {
        root.requireObject();
        List<KevEntry> entries = new ArrayList<>();
        for (JsonCursor vulnerability : root.objects("vulnerabilities")) {
            entries.add(new KevEntry(
                    cveId(vulnerability.requiredText("cveID"), root.source(), vulnerability.pointer() + "/cveID"),
                    vulnerability.text("vendorProject"),
                    vulnerability.text("product"),
                    vulnerability.text("vulnerabilityName"),
                    date(vulnerability.requiredText("dateAdded"), root.source(), vulnerability.pointer() + "/dateAdded"),
                    vulnerability.text("shortDescription"),
                    vulnerability.text("requiredAction"),
                    date(vulnerability.text("dueDate"), root.source(), vulnerability.pointer() + "/dueDate"),
                    "Known".equalsIgnoreCase(vulnerability.text("knownRansomwareCampaignUse")),
                    vulnerability.text("notes"),
                    vulnerability.texts("cwes")));
        }
        if (!root.has("vulnerabilities")) {
            throw root.error("/vulnerabilities", "required member \"vulnerabilities\" is missing");
        }
        var count = root.number("count");
        if (count != null && count.intValue() != entries.size()) {
            throw root.error("/count", "count is " + count + " but the catalogue has " + entries.size() + " entries");
        }
        return new KevCatalog(root.text("catalogVersion"), root.text("dateReleased"), entries);
    }

    private static KevCatalog readCsv(CsvTable table) throws InvalidInputException {
        table.requireColumns(CSV_COLUMNS);
        List<KevEntry> entries = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String place = "line " + row.line();
            String cwes = table.value(row, "cwes");
            entries.add(new KevEntry(
                    cveId(table.value(row, "cveID"), table.source(), place),
                    table.value(row, "vendorProject"),
                    table.value(row, "product"),
                    table.value(row, "vulnerabilityName"),
                    date(table.value(row, "dateAdded"), table.source(), place),
                    table.value(row, "shortDescription"),
                    table.value(row, "requiredAction"),
                    date(table.value(row, "dueDate"), table.source(), place),
                    "Known".equalsIgnoreCase(table.value(row, "knownRansomwareCampaignUse")),
                    table.value(row, "notes"),
                    cwes == null ? List.of() : Arrays.stream(cwes.split(",")).map(String::strip)
                            .filter(s -> !s.isEmpty()).toList()));
        }
        return new KevCatalog(null, null, entries);
    }

    private static String cveId(String value, String source, String place) throws InvalidInputException {
        if (!CveId.isValid(value)) {
            throw new InvalidInputException(source, place, "'" + value + "' is not a CVE id (CVE-YYYY-NNNN)");
        }
        return value;
    }

    private static LocalDate date(String value, String source, String place) throws InvalidInputException {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(source, place, "'" + value + "' is not a date (YYYY-MM-DD)");
        }
    }
}
