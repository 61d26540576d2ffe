package dev.vigil.vuln.report;

import java.util.List;

/** All findings of one report file, the format they were read as, and the software it lists (SBOMs). */
public record ScannerReport(String source, ScannerFormat format, List<Finding> findings, SoftwareInventory inventory) {

    public ScannerReport {
        findings = List.copyOf(findings);
        inventory = inventory == null ? SoftwareInventory.NONE : inventory;
    }

    public ScannerReport(String source, ScannerFormat format, List<Finding> findings) {
        this(source, format, findings, SoftwareInventory.NONE);
    }
}
