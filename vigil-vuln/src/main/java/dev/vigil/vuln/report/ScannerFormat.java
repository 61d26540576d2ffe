package dev.vigil.vuln.report;

/** Scanner report formats recognised from file content. */
public enum ScannerFormat {
    TRIVY_JSON("Trivy JSON"),
    GRYPE_JSON("Grype JSON"),
    SARIF("SARIF 2.1.0"),
    OPENVAS_XML("Greenbone/OpenVAS XML"),
    OPENVAS_CSV("Greenbone/OpenVAS CSV"),
    NESSUS_XML("Nessus v2 XML"),
    NESSUS_CSV("Nessus CSV"),
    CYCLONEDX_JSON("CycloneDX JSON"),
    CYCLONEDX_XML("CycloneDX XML");

    private final String displayName;

    ScannerFormat(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
