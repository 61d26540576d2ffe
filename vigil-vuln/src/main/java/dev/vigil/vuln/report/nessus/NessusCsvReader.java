package dev.vigil.vuln.report.nessus;

import java.util.ArrayList;
import java.util.List;

import dev.vigil.vuln.report.Finding;
import dev.vigil.vuln.report.FindingKind;
import dev.vigil.vuln.parse.InvalidInputException;
import dev.vigil.vuln.report.CsvReportReader;
import dev.vigil.vuln.parse.csv.CsvTable;

/**
 * Nessus / Tenable CSV exports: the default layout ({@code Plugin ID, CVE, CVSS, Risk, Host, ...}) and the
 * Tenable.sc "all columns" layout ({@code Plugin, Plugin Name, Family, Severity, IP Address, ...}). One finding per
 * row (a plugin with several CVEs is exported as several rows and stays so).
 */
public final class NessusCsvReader implements CsvReportReader {

    private static final String SCANNER = "Nessus";

    public static boolean recognises(CsvTable table) {
        return table.hasColumn("Plugin ID") || (table.hasColumn("Plugin") && table.hasColumn("Plugin Name"));
    }

    @Override
    public List<Finding> read(CsvTable table) throws InvalidInputException {
        List<Finding> findings = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String host = table.firstValue(row, "Host", "IP Address", "DNS Name");
            String port = table.value(row, "Port");
            String protocol = table.value(row, "Protocol");
            String cve = table.value(row, "CVE");
            String v3Vector = table.firstValue(row, "CVSS V3 Vector", "CVSS v3.0 Vector");
            findings.add(Finding.builder(SCANNER, FindingKind.VULNERABILITY)
                    .id(table.firstValue(row, "Plugin ID", "Plugin"))
                    .aliases(cve == null ? List.of() : List.of(cve.split("\\s*,\\s*")))
                    .title(table.firstValue(row, "Name", "Plugin Name"))
                    .severity(NessusSeverity.of(table.firstValue(row, "Risk", "Severity", "Risk Factor")))
                    .cvss(v3Vector == null ? null : v3Vector.startsWith("CVSS:") ? v3Vector : "CVSS:3.0/" + v3Vector,
                            table.decimal(row, "CVSS score", table.firstValue(row, "CVSS v3.0 Base Score", "CVSS V3 Base Score")))
                    .location(port == null || port.equals("0") ? host : host + ":" + port
                            + (protocol == null ? "" : "/" + protocol))
                    .description(table.firstValue(row, "Description", "Synopsis"))
                    .remediation(table.value(row, "Solution"))
                    .target(host)
                    .build());
        }
        return findings;
    }
}
