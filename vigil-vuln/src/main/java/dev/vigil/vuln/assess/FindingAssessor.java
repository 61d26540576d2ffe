package dev.vigil.vuln.assess;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import dev.vigil.vuln.cvss.CvssCalculator;
import dev.vigil.vuln.cvss.CvssScore;
import dev.vigil.vuln.cvss.InvalidCvssVectorException;
import dev.vigil.vuln.report.FindingSeverity;
import dev.vigil.vuln.ssvc.Automatable;
import dev.vigil.vuln.ssvc.Exploitation;
import dev.vigil.vuln.ssvc.MissionWellbeing;
import dev.vigil.vuln.ssvc.SsvcDecision;
import dev.vigil.vuln.ssvc.TechnicalImpact;

/**
 * Scores a finding from public data and the asset's context:
 * <ul>
 * <li>CVSS: the base score is recomputed from the vector; the reported score is kept beside it.</li>
 * <li>SSVC exploitation: active when KEV-listed; public PoC when the EPSS probability is at least
 * {@link #EPSS_POC_THRESHOLD} (taken as evidence that exploit code circulates); none otherwise.</li>
 * <li>Automatable: yes when the vector says network, low complexity, no privileges and no user interaction
 * (v4.0 also no attack requirements).</li>
 * <li>Technical impact: total when confidentiality, integrity and availability impacts are all High (v4.0: of the
 * vulnerable system), partial otherwise or without a vector.</li>
 * <li>Mission and well-being: from the asset's criticality 1-5: 1-2 low, 3 medium, 4-5 high.</li>
 * <li>Priority: the CVSS severity (the scanner's severity without a usable vector; unknown counts as medium),
 * critical when KEV-listed.</li>
 * </ul>
 */
public final class FindingAssessor {

    public static final BigDecimal EPSS_POC_THRESHOLD = new BigDecimal("0.1");

    private FindingAssessor() {
    }

    public static Assessment assess(String vector, BigDecimal reportedScore, FindingSeverity scannerSeverity,
            boolean kev, BigDecimal epss, int criticality) {
        CvssScore score = null;
        String error = null;
        if (vector != null) {
            try {
                score = CvssCalculator.score(vector);
            } catch (InvalidCvssVectorException e) {
                error = e.getMessage();
            }
        }
        Map<String, String> metrics = score == null ? Map.of() : metrics(vector);
        Exploitation exploitation = kev ? Exploitation.ACTIVE
                : epss != null && epss.compareTo(EPSS_POC_THRESHOLD) >= 0 ? Exploitation.PUBLIC_POC : Exploitation.NONE;
        boolean v4 = score != null && vector.startsWith("CVSS:4.0/");
        boolean automatable = score != null && "N".equals(metrics.get("AV")) && "L".equals(metrics.get("AC"))
                && "N".equals(metrics.get("PR")) && "N".equals(metrics.get("UI")) && (!v4 || "N".equals(metrics.get("AT")));
        boolean total = score != null && (v4
                ? allHigh(metrics, "VC", "VI", "VA")
                : allHigh(metrics, "C", "I", "A"));
        SsvcDecision ssvc = new SsvcDecision(exploitation, automatable ? Automatable.YES : Automatable.NO,
                total ? TechnicalImpact.TOTAL : TechnicalImpact.PARTIAL, mission(criticality));
        Priority priority = kev ? Priority.CRITICAL : score != null ? ofScore(score.baseScore()) : ofSeverity(scannerSeverity);
        boolean mismatch = score != null && reportedScore != null && score.baseScore().compareTo(reportedScore) != 0;
        return new Assessment(score == null ? null : vector.substring("CVSS:".length(), vector.indexOf('/')),
                score == null ? null : score.baseScore(), score == null ? null : score.severity().label(), reportedScore,
                mismatch, error, ssvc, priority);
    }

    static MissionWellbeing mission(int criticality) {
        return criticality <= 2 ? MissionWellbeing.LOW : criticality == 3 ? MissionWellbeing.MEDIUM : MissionWellbeing.HIGH;
    }

    private static Priority ofScore(BigDecimal score) {
        return ofSeverity(FindingSeverity.ofScore(score));
    }

    private static Priority ofSeverity(FindingSeverity severity) {
        return switch (severity) {
            case CRITICAL -> Priority.CRITICAL;
            case HIGH -> Priority.HIGH;
            case MEDIUM, UNKNOWN -> Priority.MEDIUM;
            case LOW -> Priority.LOW;
            case INFO -> Priority.INFO;
        };
    }

    private static boolean allHigh(Map<String, String> metrics, String... names) {
        for (String name : names) {
            if (!"H".equals(metrics.get(name))) {
                return false;
            }
        }
        return true;
    }

    /** The metric values of a vector that already scored (so it is well-formed). */
    private static Map<String, String> metrics(String vector) {
        Map<String, String> metrics = new HashMap<>();
        String[] parts = vector.split("/");
        for (int i = 1; i < parts.length; i++) {
            int colon = parts[i].indexOf(':');
            metrics.put(parts[i].substring(0, colon), parts[i].substring(colon + 1));
        }
        return metrics;
    }
}
