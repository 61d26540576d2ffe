package dev.vigil.monitor.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import dev.vigil.testkit.Corpus;

/** The amtool-verified routing cases of corpus/alert-rules/alertmanager-routing, run through Vigil's router. */
class RoutingConformanceTest {

    private static Path dir() {
        return Corpus.require("alert-rules").resolve("alertmanager-routing");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> cases() throws IOException {
        // JSON is YAML, so the module's SnakeYAML reads the cases without another dependency.
        String json = Files.readString(dir().resolve("routing-cases.json"), StandardCharsets.UTF_8);
        Map<String, Object> doc = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(json);
        return (List<Map<String, Object>>) doc.get("cases");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyCaseGivesExactlyTheExpectedReceivers() throws IOException {
        AlertmanagerConfig config = AlertmanagerConfigLoader.load(dir().resolve("alertmanager.yml"));
        List<Map<String, Object>> cases = cases();
        assertThat(cases).hasSize(10);
        for (Map<String, Object> c : cases) {
            Map<String, String> labels = (Map<String, String>) c.get("labels");
            assertThat(config.routingTree().receivers(labels)).as("%s %s", c.get("desc"), labels)
                    .containsExactlyElementsOf((List<String>) c.get("expected_receivers"));
        }
    }

    @Test
    void fixtureTimingsAreInheritedFromTheRoot() {
        AlertmanagerConfig config = AlertmanagerConfigLoader.load(dir().resolve("alertmanager.yml"));
        Route pager = config.route(Map.of("severity", "critical")).get(1);
        assertThat(pager.receiver()).isEqualTo("oncall-pager");
        assertThat(pager.timing()).isEqualTo(new Route.Timing(Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofHours(1)));
        assertThat(pager.groupBy().labels()).containsExactly("alertname", "component");
        Route collector = config.route(Map.of("component", "collector", "env", "prod")).get(1);
        assertThat(collector.muteTimeIntervals()).containsExactly("weekly-maintenance");
        // 2026-12-01 is a Tuesday; the window is 02:00-04:00 UTC.
        assertThat(config.isRouteMuted(collector, Instant.parse("2026-12-01T03:59:00Z"))).isTrue();
        assertThat(config.isRouteMuted(collector, Instant.parse("2026-12-01T04:00:00Z"))).isFalse();
        assertThat(config.inhibitor().isInhibited(
                Map.of("severity", "warning", "component", "collector", "instance", "a"),
                List.of(Map.of("severity", "critical", "component", "collector", "instance", "a")))).isTrue();
    }
}
