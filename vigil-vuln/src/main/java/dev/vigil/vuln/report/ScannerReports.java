package dev.vigil.vuln.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import dev.vigil.vuln.parse.InvalidInputException;
import dev.vigil.vuln.parse.csv.CsvTable;
import dev.vigil.vuln.report.cyclonedx.CycloneDxJsonReader;
import dev.vigil.vuln.report.cyclonedx.CycloneDxXmlReader;
import dev.vigil.vuln.report.grype.GrypeReader;
import dev.vigil.vuln.parse.json.JsonCursor;
import dev.vigil.vuln.parse.json.JsonDocumentParser;
import dev.vigil.vuln.report.nessus.NessusCsvReader;
import dev.vigil.vuln.report.nessus.NessusXmlReader;
import dev.vigil.vuln.report.openvas.OpenVasCsvReader;
import dev.vigil.vuln.report.openvas.OpenVasXmlReader;
import dev.vigil.vuln.report.sarif.SarifReader;
import dev.vigil.vuln.report.trivy.TrivyReader;
import dev.vigil.vuln.parse.xml.SecureXmlParser;
import dev.vigil.vuln.parse.xml.XmlElement;

/**
 * Reads a scanner report, recognising its format from the content (never from the file name): JSON (Trivy, Grype,
 * SARIF, CycloneDX), XML (Nessus v2, Greenbone GMP, CycloneDX) or CSV (Nessus, Greenbone). Either all findings are
 * returned or a {@link InvalidInputException} naming the file and the place; nothing partial.
 */
public final class ScannerReports {

    /** Reports larger than this are refused rather than loaded into memory. */
    public static final long MAX_BYTES = 512L * 1024 * 1024;

    private ScannerReports() {
    }

    public static ScannerReport read(Path file) throws InvalidInputException {
        String source = file.toString();
        try {
            if (Files.isDirectory(file)) {
                throw new InvalidInputException(source, "", "is a directory, not a report file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidInputException(source, "", "larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
            }
            return read(source, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(source, "", "no such file", e);
        } catch (IOException e) {
            throw new InvalidInputException(source, "", "cannot read file: " + e.getMessage(), e);
        }
    }

    /** Reads report bytes; {@code source} names the report in error messages. */
    public static ScannerReport read(String source, byte[] content) throws InvalidInputException {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int start = firstNonWhitespace(text);
        if (start < 0) {
            throw new InvalidInputException(source, "line 1", "empty file");
        }
        char first = text.charAt(start);
        if (first == '{' || first == '[') {
            return readJson(source, JsonDocumentParser.parse(source, text));
        }
        if (first == '<') {
            return readXml(source, SecureXmlParser.parse(source, text));
        }
        if (text.indexOf('\u0000') >= 0) {
            throw new InvalidInputException(source, "line 1", "binary content: not a JSON, XML or CSV scanner report");
        }
        return readCsv(source, CsvTable.parse(source, text));
    }

    private static ScannerReport readJson(String source, JsonCursor root) throws InvalidInputException {
        if (CycloneDxJsonReader.recognises(root)) {
            return new ScannerReport(source, ScannerFormat.CYCLONEDX_JSON, new CycloneDxJsonReader().read(root),
                    CycloneDxJsonReader.inventory(root));
        }
        if (SarifReader.recognises(root)) {
            return report(source, ScannerFormat.SARIF, new SarifReader().read(root));
        }
        if (GrypeReader.recognises(root)) {
            return report(source, ScannerFormat.GRYPE_JSON, new GrypeReader().read(root));
        }
        if (TrivyReader.recognises(root)) {
            return report(source, ScannerFormat.TRIVY_JSON, new TrivyReader().read(root));
        }
        throw new InvalidInputException(source, "/",
                "unrecognised JSON report (expected Trivy, Grype, SARIF 2.1.0 or CycloneDX)");
    }

    private static ScannerReport readXml(String source, XmlElement root) throws InvalidInputException {
        if (NessusXmlReader.recognises(root)) {
            return report(source, ScannerFormat.NESSUS_XML, new NessusXmlReader().read(root));
        }
        if (OpenVasXmlReader.recognises(root)) {
            return report(source, ScannerFormat.OPENVAS_XML, new OpenVasXmlReader().read(root));
        }
        if (CycloneDxXmlReader.recognises(root)) {
            return new ScannerReport(source, ScannerFormat.CYCLONEDX_XML, new CycloneDxXmlReader().read(root),
                    CycloneDxXmlReader.inventory(root));
        }
        throw new InvalidInputException(source, "element " + root.path(), "unrecognised XML report root <"
                + root.name() + "> (expected NessusClientData_v2, a Greenbone GMP report or a CycloneDX bom)");
    }

    private static ScannerReport readCsv(String source, CsvTable table) throws InvalidInputException {
        if (OpenVasCsvReader.recognises(table)) {
            return report(source, ScannerFormat.OPENVAS_CSV, new OpenVasCsvReader().read(table));
        }
        if (NessusCsvReader.recognises(table)) {
            return report(source, ScannerFormat.NESSUS_CSV, new NessusCsvReader().read(table));
        }
        throw new InvalidInputException(source, "line 1",
                "unrecognised report: not JSON or XML, and the CSV header is neither a Nessus nor a Greenbone export");
    }

    private static ScannerReport report(String source, ScannerFormat format, List<Finding> findings) {
        return new ScannerReport(source, format, findings);
    }

    private static int firstNonWhitespace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
