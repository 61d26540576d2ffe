package dev.vigil.vuln.catalog;

import java.math.BigDecimal;

/**
 * FIRST EPSS probability of exploitation activity in the next 30 days for one CVE.
 *
 * @param percentile proportion of CVEs scored at or below this one; null in the 2021 layout, which has none
 */
public record EpssScore(String cveId, BigDecimal epss, BigDecimal percentile) {
}
