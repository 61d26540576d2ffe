package dev.vigil.vuln.report;

/** What a finding is about. */
public enum FindingKind {
    /** A known vulnerability (CVE, GHSA, plugin or NVT check) in a package or on a host. */
    VULNERABILITY,
    /** A configuration or code weakness reported by a rule (SARIF rules, IaC checks). */
    WEAKNESS,
    /** An exposed secret. */
    SECRET,
    /** A licence policy finding. */
    LICENSE
}
