package dev.vigil.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.vigil.testkit.Corpus;
import picocli.CommandLine;

class MonitorTestCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new MonitorCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    private Path testFile(String name, String expectedValue) throws IOException {
        Files.writeString(dir.resolve("rules.yml"), """
                groups:
                  - name: g
                    rules:
                      - alert: Hot
                        expr: temp > 80
                        for: 1m
                        annotations: {summary: 'temp {{ $value }}'}
                """);
        Path file = dir.resolve(name);
        Files.writeString(file, """
                rule_files: [rules.yml]
                tests:
                  - name: hot
                    input_series:
                      - {series: 'temp{room="a"}', values: '90x5'}
                    alert_rule_test:
                      - eval_time: 1m
                        alertname: Hot
                        exp_alerts:
                          - exp_labels: {room: a}
                            exp_annotations: {summary: 'temp %s'}
                """.formatted(expectedValue));
        return file;
    }

    @Test
    void passingFilesExitZero() throws IOException {
        int status = run("test", testFile("ok.test.yml", "90").toString());
        assertThat(status).isZero();
        assertThat(out.toString().lines()).containsExactly("PASS " + dir.resolve("ok.test.yml") + ": hot", "1 passed, 0 failed");
    }

    @Test
    void failuresShowExpectedAndGotAndExitOne() throws IOException {
        Path ok = testFile("ok.test.yml", "90");
        Path bad = testFile("bad.test.yml", "91");
        int status = run("test", ok.toString(), bad.toString());
        assertThat(status).isEqualTo(1);
        assertThat(out.toString().lines()).hasSize(3).last().isEqualTo("1 passed, 1 failed");
        assertThat(out.toString()).contains("FAIL " + bad + ": hot: alertname Hot at 1m0s: expected")
                .contains("summary=\"temp 91\"").contains("got [").contains("summary=\"temp 90\"");
    }

    @Test
    void unreadableOrInvalidFilesExitTwoWithoutStackTrace() throws IOException {
        Path invalid = dir.resolve("invalid.test.yml");
        Files.writeString(invalid, "tests:\n  - interval: fast\n");
        int status = run("test", testFile("ok.test.yml", "90").toString(), invalid.toString(), dir.resolve("absent.yml").toString());
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("invalid.test.yml:2:").contains("absent.yml: cannot read file")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(out.toString()).endsWith("1 passed, 0 failed" + System.lineSeparator());
    }

    @Test
    void corpusConformanceFilesAllPass() {
        Path root = Corpus.require("alert-rules");
        int status = run("test",
                root.resolve("conformance/awesome-node-exporter.test.yml").toString(),
                root.resolve("conformance/kube-prometheus-node.test.yml").toString(),
                root.resolve("conformance/semantics.test.yml").toString(),
                root.resolve("promtool-format-examples/docs-example-test.yml").toString());
        assertThat(status).as(out + "\n" + err).isZero();
        assertThat(out.toString().lines()).last().isEqualTo("12 passed, 0 failed");
    }

    @Test
    void monitorWithoutSubcommandPrintsUsage() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: monitor").contains("test");
    }
}
