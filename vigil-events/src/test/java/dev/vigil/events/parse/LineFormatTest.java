package dev.vigil.events.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.vigil.events.Event;

/** How a plain line is recognised: syslog file line, auditd, access log, CEF, else a message. */
class LineFormatTest {

    @Test
    void rsyslogFileFormatLine() {
        Event event = ParsedEvents.line("2026-03-29T10:00:00.123456+02:00 bastion1 sshd[5]: "
                + "Accepted password for ops from 192.0.2.9 port 40000 ssh2\n");

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-03-29T08:00:00.123456Z"));
        assertThat(event.fields()).contains(entry("host.name", "bastion1"), entry("event.action", "ssh_login"));
        assertThat(event.fields()).doesNotContainKey("log.syslog.priority");
    }

    @Test
    void fileLineWithPriorityKeepsIt() {
        Event event = ParsedEvents.line("<38>Mar 27 13:06:56 host sshd[1]: Server listening on 0.0.0.0 port 22.");

        assertThat(event.fields()).contains(entry("log.syslog.priority", 38L), entry("event.dataset", "system.auth"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2026-03-29 10:00:00,123 INFO [main] com.example.App: Started in 2.1 s",
        "2026-03-29T10:00:00.123Z [main] INFO com.example.App - Started",
        "Mar 27 13:06:56 just some words without any tag at all",
        "hello world",
        ""})
    void applicationLogLinesStayPlainMessages(String line) {
        Event event = ParsedEvents.line(line);

        assertThat(event.tags()).isEmpty();
        assertThat(event.fields()).containsEntry("event.dataset", "line").doesNotContainKey("host.name");
        assertThat(event.field("message")).isEqualTo(line.isEmpty() ? null : line);
        assertThat(event.timestamp()).isEqualTo(ParsedEvents.RECEIVED_AT);
    }

    @Test
    void unknownFormatIsReadAsLine() {
        Event event = ParsedEvents.parse("something-else", "type=USER_END msg=audit(1700000000.000:1): res=success");

        assertThat(event.fields()).contains(entry("event.dataset", "auditd"), entry("event.outcome", "success"));
    }
}
