package dev.vigil.vuln.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.vuln.ssvc.CisaLevel;
import org.junit.jupiter.api.Test;

class AssetRiskFormulaTest {

    private static int score(int criticality, boolean exposed, Map<CisaLevel, Integer> findings, Set<String> gaps) {
        return AssetRiskFormula.score(new AssetRiskInputs(criticality, exposed, findings, List.of(), List.of(), gaps));
    }

    @Test
    void oneActOnAVitalAssetOutweighsFiftyTrackFindings() {
        assertThat(score(5, false, Map.of(CisaLevel.ACT, 1), Set.of())).isEqualTo(700);
        // 3/5 × 40 × (1 + log10 50) = 64.8
        assertThat(score(3, false, Map.of(CisaLevel.TRACK, 50), Set.of())).isEqualTo(65);
        assertThat(score(5, false, Map.of(CisaLevel.ACT, 10), Set.of())).isEqualTo(1000);
    }

    @Test
    void exposureAndCoverageGapsRaiseTheScore() {
        assertThat(score(4, false, Map.of(), Set.of("not-scanned"))).isEqualTo(80);
        assertThat(score(4, true, Map.of(), Set.of("not-scanned"))).isEqualTo(120);
        assertThat(score(2, true, Map.of(CisaLevel.ATTEND, 1, CisaLevel.TRACK, 0), Set.of())).isEqualTo(210);
        assertThat(score(1, false, Map.of(), Set.of())).isZero();
        // 5/5 × (100 + 60 + 40 + 20)
        assertThat(score(5, false, Map.of(), Set.of("not-scanned", "no-logs", "not-monitored", "no-bastion-target")))
                .isEqualTo(220);
        assertThat(score(5, false, Map.of(), Set.of("unknown-gap"))).isZero();
    }

    @Test
    void firingAlertsCountBySeverityUpToTheirCap() {
        AssetRiskInputs two = new AssetRiskInputs(5, false, Map.of(), List.of("critical", "HIGH"), List.of(), Set.of());
        assertThat(AssetRiskFormula.score(two)).isEqualTo(320);
        AssetRiskInputs many = new AssetRiskInputs(5, false, Map.of(), List.of("critical", "critical", "critical", "low"),
                List.of(), Set.of());
        assertThat(AssetRiskFormula.score(many)).isEqualTo(AssetRiskFormula.ALERTS_CAP);
        AssetRiskInputs info = new AssetRiskInputs(5, false, Map.of(), List.of("informational"), List.of(), Set.of());
        assertThat(AssetRiskFormula.score(info)).isZero();
    }

    @Test
    void openIncidentsCountByLevelUpToTheirCap() {
        // criticality 3: 3/5 × 500 = 300 for a level I incident; an ungraded one counts as level III
        assertThat(AssetRiskFormula.score(new AssetRiskInputs(3, false, Map.of(), List.of(), List.of(1), Set.of()))).isEqualTo(300);
        assertThat(AssetRiskFormula.score(new AssetRiskInputs(3, false, Map.of(), List.of(), List.of(0), Set.of()))).isEqualTo(90);
        assertThat(AssetRiskFormula.score(new AssetRiskInputs(5, false, Map.of(), List.of(), List.of(1, 1), Set.of())))
                .isEqualTo(AssetRiskFormula.INCIDENTS_CAP);
        // everything together is still capped at 1000
        assertThat(AssetRiskFormula.score(new AssetRiskInputs(5, true, Map.of(CisaLevel.ACT, 1), List.of("critical"),
                List.of(2), Set.of("no-logs")))).isEqualTo(1000);
    }

    @Test
    void postureIsTheMeanOfTheTenRiskiestAssets() {
        assertThat(AssetRiskFormula.posture(List.of())).isZero();
        assertThat(AssetRiskFormula.posture(List.of(100, 300))).isEqualTo(200);
        assertThat(AssetRiskFormula.posture(List.of(1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 0, 0)))
                .isEqualTo(1000);
    }
}
