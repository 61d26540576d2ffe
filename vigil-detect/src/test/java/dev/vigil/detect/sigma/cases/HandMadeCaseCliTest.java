package dev.vigil.detect.sigma.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.vigil.detect.cli.DetectCommand;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Some hand-made cases through {@code vigil detect --mapping linux|web|none}: the printed matches are the expected
 * lines.
 */
class HandMadeCaseCliTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"linux/auditd-systemd-service-creation", "linux/file-new-cron-file",
            "linux/sshd-suspicious-daemon-error", "web/regeorg-webshell", "web/firewall-cleartext-protocols",
            "cloud/aws-iam-backdoor-user-keys", "cloud/azure-account-lockout"})
    void detectPrintsOneLinePerExpectedMatch(String name) throws Exception {
        HandMadeCase hand = HandMadeCase.load(name);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new DetectCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));

        int status = cli.execute("--rules", hand.ruleFile().toString(), "--events", hand.events().toString(),
                "--mapping", hand.mapping());

        assertThat(status).as(err.toString()).isZero();
        List<Integer> printed = new ArrayList<>();
        for (String line : out.toString().lines().toList()) {
            JsonNode match = JSON.readTree(line);
            assertThat(match.get("rule_id").asString()).isEqualTo(hand.ruleId());
            printed.add(match.get("event_index").asInt());
        }
        assertThat(printed).as("event indexes printed for %s", name).isEqualTo(hand.expectedLines());
        assertThat(err.toString()).contains(hand.eventCount() + " events, " + hand.expectedMatches() + " matches")
                .contains("1 rules evaluated, 0 skipped as not evaluable, 0 not covered by mapping " + hand.mapping());
    }
}
