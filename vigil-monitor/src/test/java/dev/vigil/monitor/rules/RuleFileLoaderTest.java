package dev.vigil.monitor.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vigil.monitor.yaml.YamlException;

class RuleFileLoaderTest {

    @TempDir
    Path dir;

    private List<RuleGroup> load(String yaml) throws IOException {
        Path file = dir.resolve("rules.yml");
        Files.writeString(file, yaml);
        return new RuleFileLoader(60_000, RuleTemplates.none()).load(file);
    }

    @Test
    void loadsGroupsWithIntervalsAndRuleKinds() throws IOException {
        List<RuleGroup> groups = load("""
                groups:
                  - name: g
                    interval: 30s
                    rules:
                      - record: job:up:sum
                        expr: sum by (job) (up)
                      - alert: Down
                        expr: up == 0
                        for: 5m
                """);
        assertThat(groups).singleElement().satisfies(g -> {
            assertThat(g.intervalMs()).isEqualTo(30_000);
            assertThat(g.rules()).hasExactlyElementsOfTypes(RecordingRule.class, AlertingRule.class);
        });
    }

    @Test
    void badExpressionIsReportedWithFileLineRuleAndColumn() {
        assertThatThrownBy(() -> load("""
                groups:
                  - name: g
                    rules:
                      - alert: Broken
                        expr: rate(up[5m]
                """)).isInstanceOf(YamlException.class)
                .hasMessageContaining("rules.yml:5:")
                .hasMessageContaining("group \"g\", rule 1 (alert Broken)")
                .hasMessageContaining("line 1, column");
    }

    @Test
    void structuralProblemsAreRejected() {
        assertThatThrownBy(() -> load("groups:\n  - name: g\n    rules:\n      - expr: up\n"))
                .hasMessageContaining("exactly one of 'alert' and 'record'");
        assertThatThrownBy(() -> load("groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up\n        bogus: 1\n"))
                .hasMessageContaining("field bogus not found");
        assertThatThrownBy(() -> load("groups:\n  - name: g\n  - name: g\n")).hasMessageContaining("repeated");
        assertThatThrownBy(() -> load("groups:\n  - name: g\n    rules:\n      - record: r\n        expr: up\n        for: 1m\n"))
                .hasMessageContaining("invalid field 'for' in recording rule");
        assertThatThrownBy(() -> load("groups: [\n")).hasMessageContaining("invalid YAML");
    }
}
