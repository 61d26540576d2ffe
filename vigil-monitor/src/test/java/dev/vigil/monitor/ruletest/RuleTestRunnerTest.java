package dev.vigil.monitor.ruletest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vigil.monitor.yaml.YamlException;

class RuleTestRunnerTest {

    private static final String RULES = """
            groups:
              - name: record
                rules:
                  - record: job:up:sum
                    expr: sum by (job) (up)
              - name: alerts
                rules:
                  - alert: JobDown
                    expr: job:up:sum == 0
                    for: 2m
                    labels: {severity: page}
                    annotations:
                      summary: '{{ $labels.job }} down ({{ $externalLabels.cluster }})'
                  - alert: Always
                    expr: vector(1)
            """;

    @TempDir
    Path dir;

    private List<TestGroupResult> run(String tests) throws IOException {
        Files.writeString(dir.resolve("rules.yml"), RULES);
        Path file = dir.resolve("t.test.yml");
        Files.writeString(file, tests);
        return RuleTestRunner.run(RuleTestFileLoader.load(file));
    }

    @Test
    void recordingRulesFeedAlertsInGroupOrderAndAlertsSeriesIsQueryable() throws IOException {
        List<TestGroupResult> results = run("""
                rule_files: [rules.yml]
                evaluation_interval: 1m
                group_eval_order: [record, alerts]
                tests:
                  - name: down
                    interval: 1m
                    external_labels: {cluster: eu1}
                    input_series:
                      - series: 'up{job="api", instance="a"}'
                        values: '1 0x10'
                    alert_rule_test:
                      - eval_time: 2m
                        alertname: JobDown
                        exp_alerts: []
                      - eval_time: 3m30s
                        alertname: JobDown
                        exp_alerts:
                          - exp_labels: {severity: page, job: api}
                            exp_annotations: {summary: 'api down (eu1)'}
                      - eval_time: 0m
                        alertname: Always
                        exp_alerts: [{}]
                    promql_expr_test:
                      - expr: job:up:sum
                        eval_time: 1m
                        exp_samples:
                          - labels: 'job:up:sum{job="api"}'
                            value: 0
                      - expr: count(ALERTS) by (alertname, alertstate)
                        eval_time: 2m
                        exp_samples:
                          - labels: '{alertname="Always",alertstate="firing"}'
                            value: 1
                          - labels: '{alertname="JobDown",alertstate="pending"}'
                            value: 1
                      - expr: ALERTS{alertstate="pending"}
                        eval_time: 3m
                        exp_samples: []
                """);
        assertThat(results).singleElement().satisfies(r -> assertThat(r.failures()).isEmpty());
    }

    @Test
    void wrongExpectationsFailWithExpectedAndGot() throws IOException {
        List<TestGroupResult> results = run("""
                rule_files: [rules.yml]
                tests:
                  - input_series:
                      - series: 'up{job="api"}'
                        values: '0x10'
                    alert_rule_test:
                      - eval_time: 1m
                        alertname: JobDown
                        exp_alerts:
                          - exp_labels: {severity: page, job: api}
                    promql_expr_test:
                      - expr: up
                        eval_time: 1m
                        exp_samples:
                          - labels: 'up{job="api"}'
                            value: 1
                """);
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.passed()).isFalse();
            assertThat(r.name()).isEqualTo("t.test.yml test group #1");
            assertThat(r.failures()).hasSize(2);
            assertThat(r.failures().get(0)).contains("alertname JobDown at 1m0s: expected [labels {alertname=\"JobDown\"")
                    .contains("got []");
            assertThat(r.failures().get(1)).contains("expected [up{job=\"api\"} 1], got [up{job=\"api\"} 0]");
        });
    }

    @Test
    void evaluationErrorsFailTheGroup() throws IOException {
        Files.writeString(dir.resolve("bad.yml"), """
                groups:
                  - name: g
                    rules:
                      - alert: Dup
                        expr: x + on() y
                """);
        Path file = dir.resolve("e.test.yml");
        Files.writeString(file, """
                rule_files: [bad.yml]
                tests:
                  - input_series:
                      - {series: 'x{a="1"}', values: '1'}
                      - {series: 'x{a="2"}', values: '1'}
                      - {series: 'y', values: '1'}
                    alert_rule_test:
                      - {eval_time: 0m, alertname: Dup, exp_alerts: []}
                """);
        assertThat(RuleTestRunner.run(RuleTestFileLoader.load(file)).getFirst().failures())
                .singleElement().asString().contains("alert Dup").contains("many-to-many");
    }

    @Test
    void invalidFilesAreReportedWithLocation() throws IOException {
        Files.writeString(dir.resolve("rules.yml"), RULES);
        Path file = dir.resolve("x.test.yml");
        Files.writeString(file, "rule_files: [rules.yml]\ntests:\n  - input_series:\n      - series: up\n        values: '1 x'\n");
        assertThatThrownBy(() -> RuleTestFileLoader.load(file)).isInstanceOf(YamlException.class)
                .hasMessageContaining("x.test.yml:5:").hasMessageContaining("\"x\"");
        Files.writeString(file, "rule_files: [missing.yml]\ntests: []\n");
        assertThatThrownBy(() -> RuleTestRunner.run(RuleTestFileLoader.load(file))).isInstanceOf(YamlException.class)
                .hasMessageContaining("missing.yml").hasMessageContaining("cannot read");
        Files.writeString(file, "rule_files: [rules.yml]\ngroup_eval_order: [nope]\ntests: []\n");
        assertThatThrownBy(() -> RuleTestRunner.run(RuleTestFileLoader.load(file))).hasMessageContaining("\"nope\"");
        Files.writeString(file, "tests:\n  - promql_expr_test:\n      - expr: 'sum('\n");
        assertThatThrownBy(() -> RuleTestFileLoader.load(file)).hasMessageContaining("x.test.yml:3:").hasMessageContaining("expr:");
    }
}
