package dev.vigil.vuln.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SsvcCommandTest {

    @Test
    void printsTheDecision() {
        CommandRunner result = CommandRunner.run(new SsvcCommand(), "--exploitation", "active", "--automatable", "yes",
                "--technical-impact", "total", "--mission-wellbeing", "medium");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo("Act");

        CommandRunner poc = CommandRunner.run(new SsvcCommand(), "--exploitation", "poc", "--automatable", "no",
                "--technical-impact", "total", "--mission-wellbeing", "medium");
        assertThat(poc.out().strip()).isEqualTo("Track*");
    }

    @Test
    void badValueExitsTwoWithAMessage() {
        CommandRunner result = CommandRunner.run(new SsvcCommand(), "--exploitation", "sometimes", "--automatable",
                "yes", "--technical-impact", "total", "--mission-wellbeing", "medium");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("invalid Exploitation 1.1.0 value 'sometimes'");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void missingOptionExitsTwo() {
        CommandRunner result = CommandRunner.run(new SsvcCommand(), "--exploitation", "none");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--automatable");
    }
}
