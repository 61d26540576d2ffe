package dev.vigil.vuln.cvss;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Cvss2CalculatorTest {

    @Test
    void scoresTheGuidesWorkedExampleCve20020392() {
        // FIRST CVSS v2 guide §3.3.1: base 7.8, temporal 6.4; with CDP:H/TD:H/CR:M/IR:M/AR:H environmental 9.2
        Cvss2Calculator.Score score = Cvss2Calculator.score("AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H");
        assertThat(score.baseScore()).hasToString("7.8");
        assertThat(score.temporalScore()).hasToString("6.4");
        assertThat(score.environmentalScore()).hasToString("9.2");
    }

    @Test
    void scoresCommonBaseVectors() {
        assertThat(Cvss2Calculator.score("AV:N/AC:L/Au:N/C:P/I:P/A:P").baseScore()).hasToString("7.5");
        assertThat(Cvss2Calculator.score("AV:N/AC:L/Au:N/C:C/I:C/A:C").baseScore()).hasToString("10.0");
        assertThat(Cvss2Calculator.score("AV:N/AC:M/Au:N/C:N/I:P/A:N").baseScore()).hasToString("4.3");
        assertThat(Cvss2Calculator.score("AV:L/AC:L/Au:N/C:N/I:N/A:N").baseScore()).hasToString("0.0");
    }

    @Test
    void rejectsInvalidVectors() {
        assertThatThrownBy(() -> Cvss2Calculator.score("AV:N/AC:L/Au:N/C:P/I:P")).hasMessageContaining("missing mandatory metric A");
        assertThatThrownBy(() -> Cvss2Calculator.score("CVSS:3.1/AV:N")).isInstanceOf(InvalidCvssVectorException.class);
        assertThatThrownBy(() -> Cvss2Calculator.score("AV:N/AV:N/AC:L/Au:N/C:P/I:P/A:P")).hasMessageContaining("duplicate");
    }
}
