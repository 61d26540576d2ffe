package dev.vigil.vuln.report.openvas;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.vigil.vuln.report.Finding;
import dev.vigil.vuln.report.FindingKind;
import dev.vigil.vuln.report.FindingSeverity;
import dev.vigil.vuln.parse.InvalidInputException;
import dev.vigil.vuln.report.CsvReportReader;
import dev.vigil.vuln.parse.csv.CsvTable;

/** Greenbone/OpenVAS CSV result exports (with or without the QoD and EPSS columns): one finding per row. */
public final class OpenVasCsvReader implements CsvReportReader {

    private static final String SCANNER = "OpenVAS";

    public static boolean recognises(CsvTable table) {
        return table.hasColumn("NVT OID") || (table.hasColumn("NVT Name") && table.hasColumn("IP"));
    }

    @Override
    public List<Finding> read(CsvTable table) throws InvalidInputException {
        table.requireColumns("IP", "NVT Name");
        List<Finding> findings = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String host = table.value(row, "IP");
            String port = table.value(row, "Port");
            String protocol = table.value(row, "Port Protocol");
            String location = port == null ? host : host + ":" + port + (protocol == null ? "" : "/" + protocol);
            String cvss = table.value(row, "CVSS");
            String qod = table.value(row, "QoD");
            String cves = table.value(row, "CVEs");
            findings.add(Finding.builder(SCANNER, FindingKind.VULNERABILITY)
                    .id(table.firstValue(row, "NVT OID", "NVT Name"))
                    .aliases(cves == null ? List.of() : Arrays.stream(cves.split(",")).map(String::strip)
                            .filter(s -> !s.isEmpty()).toList())
                    .title(table.value(row, "NVT Name"))
                    .severity(FindingSeverity.parse(table.value(row, "Severity")))
                    .cvss(null, table.decimal(row, "CVSS value", cvss))
                    .location(location)
                    .status(qod == null ? null : "qod=" + qod)
                    .remediation(table.value(row, "Solution"))
                    .target(host)
                    .description(table.firstValue(row, "Summary", "Specific Result"))
                    .build());
        }
        return findings;
    }
}
