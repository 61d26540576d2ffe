package dev.vigil.vuln.cli;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CvssCommandTest {

    @Test
    void printsVectorScoreAndSeverityPerLine() {
        CommandRunner result = CommandRunner.run(new CvssCommand(),
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                "CVSS:4.0/AV:N/AC:L/AT:P/PR:H/UI:A/VC:N/VI:H/VA:L/SC:N/SI:N/SA:L",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H",
                "CVSS:3.0/AV:L/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).containsExactly(
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H 9.8 Critical",
                "CVSS:4.0/AV:N/AC:L/AT:P/PR:H/UI:A/VC:N/VI:H/VA:L/SC:N/SI:N/SA:L 5.7 Medium",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H 10.0 Critical",
                "CVSS:3.0/AV:L/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N 0.0 None");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void invalidVectorGoesToStderrWithReasonOthersStillPrintAndExitIsOne() {
        CommandRunner result = CommandRunner.run(new CvssCommand(),
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out().lines()).containsExactly("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N 5.3 Medium");
        assertThat(result.err()).contains("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H")
                .contains("missing mandatory metric A");
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        CommandRunner result = CommandRunner.run(new CvssCommand(), " CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H\r");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().strip()).isEqualTo("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H 9.8 Critical");
    }

    @Test
    void noVectorIsAUsageError() {
        assertThat(CommandRunner.run(new CvssCommand()).exitCode()).isEqualTo(2);
    }
}
