package dev.vigil.vuln.assess;

import java.math.BigDecimal;

import dev.vigil.vuln.ssvc.SsvcDecision;

/**
 * What Vigil makes of one finding.
 *
 * @param cvssVersion    3.0, 3.1 or 4.0 when the vector scored, else null
 * @param cvssScore      the base score recomputed from the vector, or null
 * @param cvssSeverity   None/Low/Medium/High/Critical of {@code cvssScore}, or null
 * @param reportedScore  the score the scanner or publisher gave, kept as reported
 * @param scoreMismatch  both scores exist and differ
 * @param cvssError      why the vector could not be scored, or null
 * @param ssvc           the SSVC inputs and, through {@link SsvcDecision#outcome()}, the CISA decision
 * @param priority       remediation priority: the CVSS (or scanner) severity, raised to critical when KEV-listed
 */
public record Assessment(String cvssVersion, BigDecimal cvssScore, String cvssSeverity, BigDecimal reportedScore,
                         boolean scoreMismatch, String cvssError, SsvcDecision ssvc, Priority priority) {
}
