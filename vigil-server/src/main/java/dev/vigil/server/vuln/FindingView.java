package dev.vigil.server.vuln;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * One vulnerability finding: a weakness of one component at one location of one asset, however many scans saw it.
 *
 * @param scanners          the scanners that reported it, with their scope
 * @param cvssScore         the base score recomputed from {@code cvssVector}
 * @param reportedScore     the score the scanner or publisher gave
 * @param scoreMismatch     both exist and differ
 * @param ssvcDecision      Track, Track*, Attend or Act (CISA Coordinator tree)
 * @param priority          critical, high, medium, low or info: decides the SLA
 * @param status            new, reopened, triaged, in_remediation, fixed, verified, closed, false_positive or
 *                          risk_accepted
 * @param riskAcceptedUntil when an accepted risk returns to triage (only while risk_accepted)
 * @param slaState          none (closed or informational), on-track, due-soon (within 7 days) or breached
 */
public record FindingView(UUID id, String tenant, UUID assetId, String assetName, String kind, String vulnerabilityId,
        List<String> aliases, String title, String description, String componentName, String componentVersion,
        String purl, String location, String fixedVersion, String remediation, List<String> scanners,
        String scannerSeverity, String scannerStatus, String cvssVector, String cvssVersion, BigDecimal cvssScore,
        String cvssSeverity, BigDecimal reportedScore, boolean scoreMismatch, String cvssError, boolean kev,
        LocalDate kevDue, BigDecimal epss, BigDecimal epssPercentile, String ssvcExploitation, String ssvcAutomatable,
        String ssvcTechnicalImpact, String ssvcMissionWellbeing, String ssvcDecision, String priority, String status,
        String statusReason, Instant firstSeen, Instant lastSeen, Instant slaDue, String slaState, Instant closedAt,
        int version, Instant riskAcceptedUntil) {
}
