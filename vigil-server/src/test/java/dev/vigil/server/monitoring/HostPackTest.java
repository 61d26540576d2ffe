package dev.vigil.server.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.vigil.monitor.rules.RuleFileLoader;
import dev.vigil.monitor.rules.RuleGroup;
import dev.vigil.monitor.rules.RuleTemplates;
import dev.vigil.server.monitoring.internal.MonitorDefinitions;
import dev.vigil.server.monitoring.internal.MonitorPacks;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The built-in host pack is a valid Prometheus rule file (for Vigil's engine and for promtool) and converts to complete monitors. */
class HostPackTest {

    @Test
    void everyRuleLoadsAndBecomesACompleteMonitor() {
        List<RuleGroup> groups = new RuleFileLoader(60_000, RuleTemplates.none()).load(MonitorPacks.hostPack(), "host-pack.yml");
        assertThat(groups.getFirst().rules()).hasSize(18);
        MonitorPacks.Converted converted = MonitorPacks.convert(MonitorPacks.hostPack(), "host", Map.of(
                "target", Map.of("group", "hosts"), "receivers", Map.of("route", Map.of("team", "ops"))));
        assertThat(converted.skipped()).isEmpty();
        for (Map<String, Object> raw : converted.definitions()) {
            MonitorDefinition monitor = MonitorDefinitions.read(raw);
            assertThat(monitor.disposal().steps()).as(monitor.name()).isNotEmpty();
            assertThat(monitor.level()).isIn(MonitorLevel.WARNING, MonitorLevel.CRITICAL);
        }
    }

    @Test
    void promtoolAcceptsThePack() throws Exception {
        Path promtool = Path.of("/usr/bin/promtool");
        Assumptions.assumeTrue(Files.isExecutable(promtool), "SKIPPED: promtool is missing (apt-get install prometheus; .ci/run installs it)");
        Path file = Files.createTempFile("host-pack", ".yml");
        try {
            Files.writeString(file, MonitorPacks.hostPack());
            Process check = new ProcessBuilder(promtool.toString(), "check", "rules", file.toString()).redirectErrorStream(true).start();
            String output = new String(check.getInputStream().readAllBytes());
            assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(check.exitValue()).as(output).isZero();
            assertThat(output).contains("SUCCESS: 18 rules found");
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
