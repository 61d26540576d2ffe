package dev.vigil.vuln.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import dev.vigil.vuln.ssvc.CisaLevel;
import org.junit.jupiter.api.Test;

class AssetRiskFormulaTest {

    @Test
    void oneActOnAVitalAssetOutweighsFiftyTrackFindings() {
        assertThat(AssetRiskFormula.score(5, false, true, Map.of(CisaLevel.ACT, 1))).isEqualTo(700);
        // 3/5 × 40 × (1 + log10 50) = 64.8
        assertThat(AssetRiskFormula.score(3, false, true, Map.of(CisaLevel.TRACK, 50))).isEqualTo(65);
        assertThat(AssetRiskFormula.score(5, false, true, Map.of(CisaLevel.ACT, 10))).isEqualTo(1000);
    }

    @Test
    void exposureAndMissingScansRaiseTheScore() {
        assertThat(AssetRiskFormula.score(4, false, false, Map.of())).isEqualTo(80);
        assertThat(AssetRiskFormula.score(4, true, false, Map.of())).isEqualTo(120);
        assertThat(AssetRiskFormula.score(2, true, true, Map.of(CisaLevel.ATTEND, 1, CisaLevel.TRACK, 0))).isEqualTo(210);
        assertThat(AssetRiskFormula.score(1, false, true, Map.of())).isZero();
    }

    @Test
    void postureIsTheMeanOfTheTenRiskiestAssets() {
        assertThat(AssetRiskFormula.posture(List.of())).isZero();
        assertThat(AssetRiskFormula.posture(List.of(100, 300))).isEqualTo(200);
        assertThat(AssetRiskFormula.posture(List.of(1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 0, 0)))
                .isEqualTo(1000);
    }
}
