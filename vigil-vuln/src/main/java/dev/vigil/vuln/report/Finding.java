package dev.vigil.vuln.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One finding as imported from a scanner report. Scanner identifiers are evidence, not identity: deduplication and
 * lifecycle live elsewhere.
 *
 * @param scanner         the tool that produced it (e.g. {@code Trivy}, {@code Grype}, the SARIF driver name)
 * @param kind            vulnerability, weakness, secret or licence
 * @param vulnerabilityId CVE/GHSA id, Nessus plugin id, NVT OID or rule id
 * @param aliases         other identifiers of the same issue (related CVEs, CVE refs of a plugin), may be empty
 * @param title           short human title
 * @param severity        the scanner's severity
 * @param cvssVector      the reported CVSS vector, or null
 * @param cvssScore       the reported CVSS base score, or null (recompute from the vector; keep this as reported)
 * @param component       the affected package, or null for host/code findings
 * @param location        file path, image target or host[:port/protocol], or null
 * @param fixedVersion    version(s) that fix it, or null
 * @param remediation     the scanner's remediation advice (solution, recommendation, resolution), or null
 * @param status          the scanner's status or analysis state (e.g. {@code fixed}, {@code not_affected},
 *                        {@code suppressed}), or null
 * @param description     longer description, or null
 * @param target          the scanned system the report names (host name or address, image, repository, the SBOM's
 *                        main component), or null when the report does not say
 */
public record Finding(String scanner, FindingKind kind, String vulnerabilityId, List<String> aliases, String title,
                      FindingSeverity severity, String cvssVector, BigDecimal cvssScore, Component component,
                      String location, String fixedVersion, String remediation, String status,
                      String description, String target) {

    public Finding {
        Objects.requireNonNull(scanner, "scanner");
        vulnerabilityId = blankToNull(vulnerabilityId);
        title = blankToNull(title);
        cvssVector = blankToNull(cvssVector);
        location = blankToNull(location);
        fixedVersion = blankToNull(fixedVersion);
        remediation = blankToNull(remediation);
        status = blankToNull(status);
        description = blankToNull(description);
        target = blankToNull(target);
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** This finding bound to the scanned system the report names. */
    public Finding withTarget(String value) {
        return new Finding(scanner, kind, vulnerabilityId, aliases, title, severity, cvssVector, cvssScore, component,
                location, fixedVersion, remediation, status, description, value);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public static Builder builder(String scanner, FindingKind kind) {
        return new Builder(scanner, kind);
    }

    /** Readers fill findings field by field; most fields are optional. */
    public static final class Builder {
        private final String scanner;
        private final FindingKind kind;
        private String vulnerabilityId;
        private List<String> aliases = List.of();
        private String title;
        private FindingSeverity severity = FindingSeverity.UNKNOWN;
        private String cvssVector;
        private BigDecimal cvssScore;
        private Component component;
        private String location;
        private String fixedVersion;
        private String remediation;
        private String status;
        private String description;
        private String target;

        private Builder(String scanner, FindingKind kind) {
            this.scanner = scanner;
            this.kind = kind;
        }

        public Builder id(String value) {
            this.vulnerabilityId = value;
            return this;
        }

        public Builder aliases(List<String> value) {
            this.aliases = value;
            return this;
        }

        public Builder title(String value) {
            this.title = value;
            return this;
        }

        public Builder severity(FindingSeverity value) {
            this.severity = value;
            return this;
        }

        public Builder cvss(String vector, BigDecimal score) {
            this.cvssVector = vector;
            this.cvssScore = score;
            return this;
        }

        public Builder component(Component value) {
            this.component = value;
            return this;
        }

        public Builder location(String value) {
            this.location = value;
            return this;
        }

        public Builder fixedVersion(String value) {
            this.fixedVersion = value;
            return this;
        }

        public Builder remediation(String value) {
            this.remediation = value;
            return this;
        }

        public Builder status(String value) {
            this.status = value;
            return this;
        }

        public Builder description(String value) {
            this.description = value;
            return this;
        }

        public Builder target(String value) {
            this.target = value;
            return this;
        }

        public Finding build() {
            return new Finding(scanner, kind, vulnerabilityId, aliases, title, severity, cvssVector, cvssScore,
                    component, location, fixedVersion, remediation, status, description, target);
        }
    }
}
