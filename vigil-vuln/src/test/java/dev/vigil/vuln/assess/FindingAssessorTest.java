package dev.vigil.vuln.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import dev.vigil.vuln.report.FindingSeverity;
import dev.vigil.vuln.ssvc.CisaLevel;
import dev.vigil.vuln.ssvc.Exploitation;
import org.junit.jupiter.api.Test;

class FindingAssessorTest {

    private static final String CRITICAL_RCE = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";

    @Test
    void recomputesTheBaseScoreAndKeepsADifferentReportedOne() {
        Assessment a = FindingAssessor.assess(CRITICAL_RCE, new BigDecimal("9.3"), FindingSeverity.HIGH, false, null, 3);
        assertThat(a.cvssScore()).isEqualByComparingTo("9.8");
        assertThat(a.cvssVersion()).isEqualTo("3.1");
        assertThat(a.cvssSeverity()).isEqualTo("Critical");
        assertThat(a.reportedScore()).isEqualByComparingTo("9.3");
        assertThat(a.scoreMismatch()).isTrue();
        assertThat(a.priority()).isEqualTo(Priority.CRITICAL);
    }

    @Test
    void kevMakesExploitationActiveAndThePriorityCritical() {
        Assessment a = FindingAssessor.assess("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N", null, FindingSeverity.LOW,
                true, null, 5);
        assertThat(a.ssvc().exploitation()).isEqualTo(Exploitation.ACTIVE);
        assertThat(a.priority()).isEqualTo(Priority.CRITICAL);
        // active, not automatable, partial, high mission: Attend in CISA's table
        assertThat(a.ssvc().outcome()).isEqualTo(CisaLevel.ATTEND);
    }

    @Test
    void automatableTotalImpactWithHighEpssOnAVitalAssetIsAttend() {
        Assessment a = FindingAssessor.assess(CRITICAL_RCE, null, FindingSeverity.UNKNOWN, false, new BigDecimal("0.5"), 5);
        assertThat(a.ssvc().exploitation()).isEqualTo(Exploitation.PUBLIC_POC);
        assertThat(a.ssvc().outcome()).isEqualTo(CisaLevel.ATTEND);
        Assessment kev = FindingAssessor.assess(CRITICAL_RCE, null, FindingSeverity.UNKNOWN, true, null, 3);
        assertThat(kev.ssvc().outcome()).isEqualTo(CisaLevel.ACT);
        Assessment lowMission = FindingAssessor.assess(CRITICAL_RCE, null, FindingSeverity.UNKNOWN, true, null, 1);
        assertThat(lowMission.ssvc().outcome()).isEqualTo(CisaLevel.ATTEND);
    }

    @Test
    void v4VectorsUseAttackRequirementsAndVulnerableSystemImpacts() {
        Assessment a = FindingAssessor.assess("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", null,
                FindingSeverity.UNKNOWN, false, null, 3);
        assertThat(a.cvssVersion()).isEqualTo("4.0");
        assertThat(a.ssvc().automatable().name()).isEqualTo("YES");
        assertThat(a.ssvc().technicalImpact().name()).isEqualTo("TOTAL");
        Assessment withRequirements = FindingAssessor.assess(
                "CVSS:4.0/AV:N/AC:L/AT:P/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", null, FindingSeverity.UNKNOWN, false, null, 3);
        assertThat(withRequirements.ssvc().automatable().name()).isEqualTo("NO");
    }

    @Test
    void anInvalidVectorFallsBackToTheScannerSeverityAndSaysWhy() {
        Assessment a = FindingAssessor.assess("CVSS:3.1/AV:X", new BigDecimal("5.0"), FindingSeverity.LOW, false, null, 3);
        assertThat(a.cvssScore()).isNull();
        assertThat(a.cvssError()).isNotBlank();
        assertThat(a.scoreMismatch()).isFalse();
        assertThat(a.priority()).isEqualTo(Priority.LOW);
        assertThat(FindingAssessor.assess(null, null, FindingSeverity.UNKNOWN, false, null, 3).priority())
                .isEqualTo(Priority.MEDIUM);
        assertThat(FindingAssessor.assess(null, null, FindingSeverity.INFO, false, null, 3).priority())
                .isEqualTo(Priority.INFO);
    }
}
