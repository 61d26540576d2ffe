package dev.vigil.intel.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class IntelCommandTest {

    @TempDir
    Path dir;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = new CommandLine(new IntelCommand());
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int exitCode = commandLine.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void matchPrintsOneLinePerMatchingEvent() throws Exception {
        Path iocs = dir.resolve("iocs.csv");
        Files.writeString(iocs, """
                id,type,value,source,confidence
                ioc-2,domain,evil.test,feed,80
                ioc-1,ipv4-cidr,198.51.100.0/24,feed,80
                ioc-3,ipv4,198.51.100.9,feed,80
                ioc-4,url,https://evil.test/a,feed,80
                """);
        Path events = dir.resolve("events.jsonl");
        Files.writeString(events, """
                {"id":"e0","src_ip":"198.51.100.9","dst_ip":"10.0.0.1"}
                {"id":"e1","src_ip":"10.0.0.1","dst_ip":"198.51.100.9"}

                {"id":"e2","dns_query":"WWW.EVIL.TEST."}
                {"id":"e3","http_url":"HTTPS://evil.test:443/a#x"}
                """);
        Run run = run("match", "--indicators", iocs.toString(), "--events", events.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out().lines()).containsExactly(
                "{\"event_index\":1,\"matches\":[{\"ioc\":\"ioc-1\",\"kind\":\"ip-in-cidr\"},"
                        + "{\"ioc\":\"ioc-3\",\"kind\":\"ip-exact\"}]}",
                "{\"event_index\":2,\"matches\":[{\"ioc\":\"ioc-2\",\"kind\":\"domain-subdomain\"}]}",
                "{\"event_index\":3,\"matches\":[{\"ioc\":\"ioc-4\",\"kind\":\"url-normalized\"}]}");
    }

    @Test
    void matchHonoursExpiryAgainstTheEventTime() throws Exception {
        Path iocs = dir.resolve("iocs.csv");
        Files.writeString(iocs, """
                id,type,value,source,confidence,valid_until
                ioc-1,email,bad@evil.test,feed,80,2025-01-01T00:00:00Z
                """);
        Path events = dir.resolve("events.jsonl");
        Files.writeString(events, """
                {"email_from":"BAD@evil.test","timestamp":"2024-12-31T23:00:00Z"}
                {"email_from":"BAD@evil.test","timestamp":"2025-01-02T00:00:00Z"}
                {"email_from":"BAD@evil.test"}
                """);
        Run run = run("match", "--indicators", iocs.toString(), "--events", events.toString(),
                "--at", "2024-06-01T00:00:00Z");
        assertThat(run.out().lines()).extracting(line -> line.substring(0, line.indexOf(',')))
                .containsExactly("{\"event_index\":0", "{\"event_index\":2");
    }

    @Test
    void matchReportsBadLinesWithFileAndLineAndCarriesOn() throws Exception {
        Path iocs = dir.resolve("iocs.csv");
        Files.writeString(iocs, "id,type,value\nioc-1,ipv4,198.51.100.9\nioc-2,ipv4,not-an-ip\n");
        Path events = dir.resolve("events.jsonl");
        Files.writeString(events, "{\"dst_ip\":\"198.51.100.9\"}\n{broken\n[1,2]\n{\"dst_ip\":\"198.51.100.9\"}\n");
        Run run = run("match", "--indicators", iocs.toString(), "--events", events.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.err()).contains(iocs + ":3: not an IPv4 address", events + ":2: not valid JSON",
                events + ":3: not a JSON object");
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
        assertThat(run.out().lines()).hasSize(2).last().asString().startsWith("{\"event_index\":3,");
    }

    @Test
    void matchFailsCleanlyOnMissingFilesAndBadHeaders() throws Exception {
        Run missing = run("match", "--indicators", dir.resolve("nope.csv").toString(), "--events", "x.jsonl");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.csv: no such file").doesNotContain("\tat ");

        Path iocs = dir.resolve("iocs.csv");
        Files.writeString(iocs, "value,kind\n1.2.3.4,ipv4\n");
        Run badHeader = run("match", "--indicators", iocs.toString(), "--events", "x.jsonl");
        assertThat(badHeader.exitCode()).isEqualTo(2);
        assertThat(badHeader.err()).contains(iocs + ":1:", "'id'");

        Files.writeString(iocs, "id,type,value\n");
        Run noEvents = run("match", "--indicators", iocs.toString(), "--events", dir.resolve("none.jsonl").toString());
        assertThat(noEvents.exitCode()).isEqualTo(2);
        assertThat(noEvents.err()).contains("none.jsonl: no such file");
    }

    @Test
    void checkPatternPrintsValidOrInvalidWithReason() {
        Run valid = run("check-pattern", "[ipv4-addr:value = '198.51.100.1'] WITHIN 60 SECONDS");
        assertThat(valid.exitCode()).isZero();
        assertThat(valid.out()).isEqualTo("valid" + System.lineSeparator());

        Run invalid = run("check-pattern", "[ipv4-addr:value = ] WITHIN 60 SECONDS");
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.out()).startsWith("invalid: at column 20: expected a literal");
    }

    @Test
    void matchAlsoTakesIndicatorsFromStixBundles() throws Exception {
        Path bundle = dir.resolve("bundle.json");
        Files.writeString(bundle, """
                {"type": "bundle", "id": "bundle--1", "objects": [
                  {"type": "indicator", "id": "indicator--a", "pattern_type": "stix",
                   "valid_from": "2024-01-01T00:00:00Z",
                   "pattern": "[domain-name:value = 'evil.test' OR ipv4-addr:value = '198.51.100.0/24']"},
                  {"type": "indicator", "id": "indicator--b", "pattern_type": "stix",
                   "valid_from": "2024-01-01T00:00:00Z", "pattern": "[file:name = 'x.exe']"}
                ]}
                """);
        Path events = dir.resolve("events.jsonl");
        Files.writeString(events, "{\"dst_ip\":\"198.51.100.20\"}\n{\"dns_query\":\"a.evil.test\"}\n");
        Run run = run("match", "--stix-bundle", bundle.toString(), "--events", events.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).containsExactly(
                "{\"event_index\":0,\"matches\":[{\"ioc\":\"indicator--a\",\"kind\":\"ip-in-cidr\"}]}",
                "{\"event_index\":1,\"matches\":[{\"ioc\":\"indicator--a\",\"kind\":\"domain-subdomain\"}]}");
        assertThat(run.err()).contains("indicator--b", "file:name");

        Run neither = run("match", "--events", events.toString());
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("--indicators", "--stix-bundle");
    }

    @Test
    void evalPatternPrintsMatchingEventsOrWhyItCannot() throws Exception {
        Path events = dir.resolve("events.jsonl");
        Files.writeString(events, """
                {"dst_ip":"198.51.100.20","dst_port":443}
                {"dst_ip":"198.51.100.20","dst_port":80}
                {"dns_query":"evil.test"}
                """);
        Run run = run("eval-pattern", "[network-traffic:dst_ref.value ISSUBSET '198.51.100.0/24' AND "
                + "network-traffic:dst_port = 443]", "--events", events.toString());
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).containsExactly("{\"event_index\":0}");

        Run temporal = run("eval-pattern", "[domain-name:value = 'evil.test'] REPEATS 2 TIMES", "--events",
                events.toString());
        assertThat(temporal.exitCode()).isEqualTo(1);
        assertThat(temporal.out()).startsWith("not evaluable: REPEATS");

        Run invalid = run("eval-pattern", "[domain-name:value = ]", "--events", events.toString());
        assertThat(invalid.exitCode()).isEqualTo(1);
        assertThat(invalid.out()).startsWith("invalid: ");
    }

    @Test
    void bareIntelCommandAsksForASubcommand() {
        Run run = run();
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing subcommand");
    }
}
