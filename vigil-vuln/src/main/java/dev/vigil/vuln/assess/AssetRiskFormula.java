package dev.vigil.vuln.assess;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.vigil.vuln.ssvc.CisaLevel;

/**
 * Risk of one asset, 0-1000, from public inputs only and always explainable (docs/risk.md):
 * <pre>
 * findings  = Σ over SSVC levels L with n_L &gt; 0 open findings: W_L × (1 + log10 n_L)
 *             W = {Act 700, Attend 350, Track* 120, Track 40}
 * alerts    = min(400, Σ over firing alerts naming the asset: A_severity)
 *             A = {critical 200, high 120, medium 60, low 20, informational 0}
 * incidents = min(600, Σ over open incidents naming the asset: I_level)
 *             I = {I 500, II 300, III 150, IV 75, not graded 150}
 * gaps      = Σ over coverage gaps: {not-scanned 100, no-logs 60, not-monitored 40, no-bastion-target 20}
 * risk      = min(1000, round(criticality / 5 × (findings + alerts + incidents + gaps) × (internet exposed ? 1.5 : 1)))
 * </pre>
 * One Act finding on a vital (5) internal asset scores 700; volume grows logarithmically, so one exploited RCE
 * outweighs hundreds of low findings; an incident being handled on the asset weighs like an Attend-to-Act finding.
 * A tenant's posture is the mean of its ten riskiest assets.
 */
public final class AssetRiskFormula {

    public static final Map<CisaLevel, Integer> WEIGHTS = Map.of(CisaLevel.ACT, 700, CisaLevel.ATTEND, 350,
            CisaLevel.TRACK_STAR, 120, CisaLevel.TRACK, 40);
    public static final Map<String, Integer> ALERT_WEIGHTS = Map.of("critical", 200, "high", 120, "medium", 60, "low", 20,
            "informational", 0);
    public static final int ALERTS_CAP = 400;
    /** Index = incident level (0 = not graded yet, 1 = I ... 4 = IV). */
    public static final List<Integer> INCIDENT_WEIGHTS = List.of(150, 500, 300, 150, 75);
    public static final int INCIDENTS_CAP = 600;
    public static final Map<String, Integer> GAP_WEIGHTS = Map.of("not-scanned", 100, "no-logs", 60, "not-monitored", 40,
            "no-bastion-target", 20);
    public static final double EXPOSED = 1.5;
    public static final int MAX = 1000;
    public static final int POSTURE_TOP = 10;

    private AssetRiskFormula() {
    }

    public static int score(AssetRiskInputs inputs) {
        double raw = inputs.criticality() / 5.0
                * (findings(inputs.openFindings()) + alerts(inputs.firingAlerts()) + incidents(inputs.openIncidentLevels())
                        + gaps(inputs))
                * (inputs.internetExposed() ? EXPOSED : 1);
        return (int) Math.min(MAX, Math.round(raw));
    }

    static double findings(Map<CisaLevel, Integer> openByLevel) {
        double findings = 0;
        Map<CisaLevel, Integer> counts = new EnumMap<>(CisaLevel.class);
        counts.putAll(openByLevel);
        for (Map.Entry<CisaLevel, Integer> entry : counts.entrySet()) {
            if (entry.getValue() > 0) {
                findings += WEIGHTS.get(entry.getKey()) * (1 + Math.log10(entry.getValue()));
            }
        }
        return findings;
    }

    static int alerts(List<String> severities) {
        int sum = severities.stream().mapToInt(s -> ALERT_WEIGHTS.getOrDefault(s.toLowerCase(Locale.ROOT), 0)).sum();
        return Math.min(ALERTS_CAP, sum);
    }

    static int incidents(List<Integer> levels) {
        int sum = levels.stream().mapToInt(l -> INCIDENT_WEIGHTS.get(l >= 1 && l <= 4 ? l : 0)).sum();
        return Math.min(INCIDENTS_CAP, sum);
    }

    private static int gaps(AssetRiskInputs inputs) {
        return inputs.coverageGaps().stream().mapToInt(g -> GAP_WEIGHTS.getOrDefault(g, 0)).sum();
    }

    /** Mean of the highest {@value #POSTURE_TOP} asset scores (all of them when fewer), 0 without assets. */
    public static int posture(List<Integer> assetScores) {
        List<Integer> top = assetScores.stream().sorted((a, b) -> b - a).limit(POSTURE_TOP).toList();
        return top.isEmpty() ? 0 : (int) Math.round(top.stream().mapToInt(Integer::intValue).average().orElse(0));
    }
}
