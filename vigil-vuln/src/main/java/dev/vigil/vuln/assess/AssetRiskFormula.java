package dev.vigil.vuln.assess;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.vigil.vuln.ssvc.CisaLevel;

/**
 * Risk of one asset, 0-1000, from public inputs only and always explainable:
 * <pre>
 * findings = Σ over SSVC levels L with n_L &gt; 0 open findings: W_L × (1 + log10 n_L)
 *            W = {Act 700, Attend 350, Track* 120, Track 40}
 * gaps     = 100 when the asset was not scanned recently (its findings are unknown)
 * risk     = min(1000, round(criticality / 5 × (findings + gaps) × (internet exposed ? 1.5 : 1)))
 * </pre>
 * One Act finding on a vital (5) internal asset scores 700; volume grows logarithmically, so one exploited RCE
 * outweighs hundreds of low findings. A tenant's posture is the mean of its ten riskiest assets.
 */
public final class AssetRiskFormula {

    public static final Map<CisaLevel, Integer> WEIGHTS = Map.of(CisaLevel.ACT, 700, CisaLevel.ATTEND, 350,
            CisaLevel.TRACK_STAR, 120, CisaLevel.TRACK, 40);
    public static final int UNSCANNED = 100;
    public static final double EXPOSED = 1.5;
    public static final int MAX = 1000;
    public static final int POSTURE_TOP = 10;

    private AssetRiskFormula() {
    }

    public static int score(int criticality, boolean internetExposed, boolean scanned, Map<CisaLevel, Integer> openByLevel) {
        double findings = 0;
        Map<CisaLevel, Integer> counts = new EnumMap<>(CisaLevel.class);
        counts.putAll(openByLevel);
        for (Map.Entry<CisaLevel, Integer> entry : counts.entrySet()) {
            if (entry.getValue() > 0) {
                findings += WEIGHTS.get(entry.getKey()) * (1 + Math.log10(entry.getValue()));
            }
        }
        double raw = criticality / 5.0 * (findings + (scanned ? 0 : UNSCANNED)) * (internetExposed ? EXPOSED : 1);
        return (int) Math.min(MAX, Math.round(raw));
    }

    /** Mean of the highest {@value #POSTURE_TOP} asset scores (all of them when fewer), 0 without assets. */
    public static int posture(List<Integer> assetScores) {
        List<Integer> top = assetScores.stream().sorted((a, b) -> b - a).limit(POSTURE_TOP).toList();
        return top.isEmpty() ? 0 : (int) Math.round(top.stream().mapToInt(Integer::intValue).average().orElse(0));
    }
}
