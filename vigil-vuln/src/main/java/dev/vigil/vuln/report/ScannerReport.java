package dev.vigil.vuln.report;

import java.util.List;

/** All findings of one report file and the format they were read as. */
public record ScannerReport(String source, ScannerFormat format, List<Finding> findings) {

    public ScannerReport {
        findings = List.copyOf(findings);
    }
}
