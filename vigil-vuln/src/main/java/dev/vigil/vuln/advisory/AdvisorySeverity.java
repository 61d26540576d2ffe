package dev.vigil.vuln.advisory;

import java.math.BigDecimal;

/**
 * A severity rating of an advisory.
 *
 * @param type          OSV's {@code CVSS_V3}, {@code CVSS_V4}, ... or CVE's {@code cvssV3_1}, ...
 * @param score         the vector (or, for non-CVSS types, the rating)
 * @param reportedScore the publisher's base score when the record gives one (CVE), or null
 */
public record AdvisorySeverity(String type, String score, BigDecimal reportedScore) {
}
