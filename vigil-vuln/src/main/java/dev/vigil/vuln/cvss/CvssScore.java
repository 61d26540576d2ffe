package dev.vigil.vuln.cvss;

import java.math.BigDecimal;

/**
 * The result of scoring one vector.
 *
 * @param version            the CVSS version named by the prefix
 * @param vector             the vector as given
 * @param baseScore          v3: the base score; v4: the single CVSS-B/BT/BE/BTE score of the vector
 * @param temporalScore      v3 only: the temporal score (equal to base when no temporal metric is set)
 * @param environmentalScore v3 only: the environmental score (equal to temporal when none is set)
 * @param severity           rating of {@code baseScore}
 * @param nomenclature       v4 only: CVSS-B, CVSS-BT, CVSS-BE or CVSS-BTE
 * @param macroVector        v4 only: the six-digit EQ1..EQ6 MacroVector
 */
public record CvssScore(CvssVersion version, String vector, BigDecimal baseScore, BigDecimal temporalScore,
                        BigDecimal environmentalScore, Severity severity, String nomenclature, String macroVector) {
}
