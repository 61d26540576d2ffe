package dev.vigil.vuln.cvss;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CvssCalculatorTest {

    @Test
    void v31HandCheckCriticalNetworkVector() {
        CvssScore score = CvssCalculator.score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        assertThat(score.version()).isEqualTo(CvssVersion.V3_1);
        assertThat(score.baseScore()).isEqualByComparingTo("9.8");
        assertThat(score.severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void v31ScopeChangeRaisesPrivilegesWeightAndMultipliesBy108() {
        assertThat(CvssCalculator.score("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N").baseScore())
                .isEqualByComparingTo("6.4");
    }

    @Test
    void v31TemporalAndEnvironmentalHandCheck() {
        CvssScore score = CvssCalculator.score(
                "CVSS:3.1/AV:L/AC:H/PR:L/UI:R/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C/CR:H/MAV:N");
        assertThat(score.baseScore()).isEqualByComparingTo("6.7");
        assertThat(score.temporalScore()).isEqualByComparingTo("6.0");
        assertThat(score.environmentalScore()).isEqualByComparingTo("6.4");
    }

    @Test
    void roundupIsIntegerBasedAndImmuneToFloatNoise() {
        assertThat(Cvss3Calculator.roundup(4.000000001)).isEqualTo(4.0);
        assertThat(Cvss3Calculator.roundup(4.02)).isEqualTo(4.1);
        assertThat(Cvss3Calculator.roundup(0)).isEqualTo(0.0);
    }

    @Test
    void noImpactScoresZeroWithSeverityNone() {
        CvssScore score = CvssCalculator.score("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N");
        assertThat(score.baseScore()).isEqualByComparingTo("0.0");
        assertThat(score.severity()).isEqualTo(Severity.NONE);
    }

    @Test
    void v30VectorsUseTheV30Equations() {
        CvssScore score = CvssCalculator.score("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        assertThat(score.version()).isEqualTo(CvssVersion.V3_0);
        assertThat(score.baseScore()).isEqualByComparingTo("9.8");
        // changed-scope modified impact differs between 3.0 ((MISS-0.02)^15) and 3.1 ((MISS*0.9731-0.02)^13)
        String env = "/AV:P/AC:H/PR:H/UI:R/S:C/C:H/I:H/A:H/CR:H/IR:H/AR:H";
        assertThat(CvssCalculator.score("CVSS:3.0" + env).environmentalScore()).isEqualByComparingTo("6.8");
        assertThat(CvssCalculator.score("CVSS:3.1" + env).environmentalScore()).isEqualByComparingTo("6.9");
    }

    @Test
    void v40WorkedExampleIsTheTieThatNaiveDoubleRoundingGetsWrong() {
        CvssScore score = CvssCalculator.score("CVSS:4.0/AV:N/AC:L/AT:P/PR:H/UI:A/VC:N/VI:H/VA:L/SC:N/SI:N/SA:L");
        assertThat(score.macroVector()).isEqualTo("111200");
        assertThat(score.baseScore()).isEqualByComparingTo("5.7");
        assertThat(score.severity()).isEqualTo(Severity.MEDIUM);
        assertThat(score.nomenclature()).isEqualTo("CVSS-B");
    }

    @Test
    void v40HighestVectorScoresTenAndSupplementalMetricsDoNotChangeTheScore() {
        String base = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H";
        assertThat(CvssCalculator.score(base).baseScore()).isEqualByComparingTo("10.0");
        assertThat(CvssCalculator.score(base + "/S:P/AU:Y/R:I/V:C/RE:H/U:Red").baseScore())
                .isEqualByComparingTo("10.0");
    }

    @Test
    void v40NomenclatureFollowsThreatAndEnvironmentalMetricsPresent() {
        String base = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
        assertThat(CvssCalculator.score(base + "/E:X").nomenclature()).isEqualTo("CVSS-B");
        assertThat(CvssCalculator.score(base + "/E:U").nomenclature()).isEqualTo("CVSS-BT");
        assertThat(CvssCalculator.score(base + "/MAV:L").nomenclature()).isEqualTo("CVSS-BE");
        assertThat(CvssCalculator.score(base + "/E:P/CR:L").nomenclature()).isEqualTo("CVSS-BTE");
    }

    @Test
    void v40NoImpactAnywhereScoresZero() {
        assertThat(CvssCalculator.score("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N")
                .baseScore()).isEqualByComparingTo("0.0");
    }

    @Test
    void macroVectorTableHasAllTwoHundredSeventyEntries() {
        assertThat(MacroVectorScores.size()).isEqualTo(270);
    }
}
