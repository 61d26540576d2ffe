package dev.vigil.server.vuln.internal;

import java.util.List;
import java.util.Map;

/**
 * The steps a person may take: new → triaged → in remediation → fixed → verified (retest) → closed, false positive
 * (with a reason) from any open state, and back steps when a retest fails or a suppression was wrong. Accepting a
 * risk is not a step a person takes here: it needs an approved change request ({@code RiskAcceptanceService}). Imports take
 * the other steps: reopen when seen again, verify or close when a rescan no longer reports it.
 */
public final class FindingLifecycle {

    public static final List<String> STATUSES = List.of("new", "reopened", "triaged", "in_remediation", "fixed", "verified",
            "closed", "false_positive", "risk_accepted");

    /** Statuses whose risk may be accepted; only an approved change request moves a finding to risk_accepted. */
    public static final List<String> ACCEPTABLE = List.of("new", "reopened", "triaged", "in_remediation");

    private static final Map<String, List<String>> NEXT = Map.of(
            "new", List.of("triaged", "in_remediation", "false_positive"),
            "reopened", List.of("triaged", "in_remediation", "false_positive"),
            "triaged", List.of("in_remediation", "false_positive"),
            "in_remediation", List.of("fixed", "triaged", "false_positive"),
            "fixed", List.of("verified", "in_remediation"),
            "verified", List.of("closed", "in_remediation"),
            "closed", List.of("reopened"),
            "false_positive", List.of("triaged"),
            "risk_accepted", List.of("triaged", "in_remediation"));

    /** Statuses a rescan that still reports the finding reopens. */
    public static final List<String> REOPENABLE = List.of("fixed", "verified", "closed");

    /** Report statuses (CycloneDX VEX analysis, SARIF suppressions) that mark a new finding a false positive. */
    public static final List<String> SUPPRESSED_BY_REPORT = List.of("not_affected", "false_positive", "suppressed");

    private FindingLifecycle() {
    }

    public static List<String> next(String status) {
        return NEXT.getOrDefault(status, List.of());
    }

    /** Whether a person must give a reason for this step. */
    public static boolean needsReason(String from, String to) {
        return to.equals("false_positive") || from.equals("false_positive") || to.equals("reopened")
                || from.equals("risk_accepted");
    }

    /** Where a rescan that no longer reports the finding moves it; null to leave it (false positives stay). */
    public static String whenGone(String status) {
        return switch (status) {
            case "fixed" -> "verified";
            case "new", "reopened", "triaged", "in_remediation", "risk_accepted" -> "closed";
            default -> null;
        };
    }
}
