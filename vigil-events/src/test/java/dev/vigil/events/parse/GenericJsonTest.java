package dev.vigil.events.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.vigil.events.Event;

class GenericJsonTest {

    @Test
    void nestedObjectsAndArraysAreFlattened() {
        Event event = ParsedEvents.json("""
                {"@timestamp":"2026-03-29T10:00:00.5Z","host":{"name":"app-1","ip":["10.0.0.1","fe80::1"]},
                 "log":{"level":"warn"},"tags":["a","b"],"count":3,"ratio":0.25,"ok":true,"missing":null,
                 "answers":[{"name":"x","ttl":60},{"name":"y"},{"ttl":30}],"big":123456789012345678901234567890,
                 "matrix":[[1,2],[3]],"empty":[],"blank":""}""");

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-03-29T10:00:00.5Z"));
        assertThat(event.fields()).contains(
                entry("host.name", "app-1"),
                entry("host.ip", List.of("10.0.0.1", "fe80::1")),
                entry("log.level", "warn"),
                entry("tags", List.of("a", "b")),
                entry("count", 3L),
                entry("ratio", 0.25),
                entry("ok", true),
                entry("answers.name", List.of("x", "y")),
                entry("answers.ttl", List.of(60L, 30L)),
                entry("big", "123456789012345678901234567890"),
                entry("matrix", List.of(1L, 2L, 3L)),
                entry("blank", ""),
                entry("event.kind", "event"),
                entry("event.dataset", "json"));
        assertThat(event.fields()).doesNotContainKeys("@timestamp", "missing", "empty");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"timestamp\":\"2026-03-29T10:00:00+02:00\"}|2026-03-29T08:00:00Z",
        "{\"time\":1774778400}|2026-03-29T10:00:00Z",
        "{\"time\":1774778400123}|2026-03-29T10:00:00.123Z",
        "{\"time\":1774778400.5}|2026-03-29T10:00:00.500Z",
        "{\"time\":\"1774778400\"}|2026-03-29T10:00:00Z",
        "{\"@timestamp\":\"2026-03-29 10:00:00\"}|2026-03-29T10:00:00Z",
        "{\"@timestamp\":\"not a time\",\"time\":\"2026-03-29T10:00:00Z\"}|2026-03-29T10:00:00Z",
        "{\"message\":\"no time\"}|2026-03-30T12:00:00Z"})
    void timestampFields(String json, String expected) {
        assertThat(ParsedEvents.json(json).timestamp()).isEqualTo(Instant.parse(expected));
    }

    @Test
    void filebeatShippingAnAuthLogLine() {
        Event event = ParsedEvents.json("""
                {"@timestamp":"2026-03-27T13:06:57.012Z","agent":{"type":"filebeat","version":"8.13.0"},
                 "log":{"file":{"path":"/var/log/auth.log"},"offset":1024},"input":{"type":"filestream"},
                 "host":{"name":"ip-10-77-20-248"},
                 "message":"Mar 27 13:06:56 ip-10-77-20-248 sshd[1291]: Failed password for invalid user admin from 85.245.107.41 port 54259 ssh2"}""");

        assertThat(event.tags()).isEmpty();
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-03-27T13:06:57.012Z"));
        assertThat(event.fields()).contains(
                entry("log.file.path", "/var/log/auth.log"),
                entry("host.name", "ip-10-77-20-248"),
                entry("process.name", "sshd"),
                entry("process.pid", 1291L),
                entry("event.action", "ssh_login"),
                entry("event.outcome", "failure"),
                entry("user.name", "admin"),
                entry("source.ip", "85.245.107.41"),
                entry("source.port", 54259L),
                entry("event.dataset", "system.auth"));
        assertThat(event.field("message")).asString().startsWith("Mar 27 13:06:56 ip-10-77-20-248 sshd[1291]:");
    }

    @Test
    void fluentBitSyslogRecordIsReadByItsProgram() {
        Event event = ParsedEvents.json("{\"time\":\"2026-03-29T10:00:00Z\",\"host\":\"bastion1\",\"ident\":\"sshd\","
                + "\"pid\":\"77\",\"message\":\"Accepted password for ops from 192.0.2.9 port 40000 ssh2\"}");

        assertThat(event.fields()).contains(entry("host", "bastion1"), entry("ident", "sshd"),
                entry("event.action", "ssh_login"), entry("event.outcome", "success"), entry("user.name", "ops"),
                entry("source.ip", "192.0.2.9"), entry("event.dataset", "system.auth"));
    }

    @Test
    void documentFieldsWinOverWhatTheMessageSays() {
        Event event = ParsedEvents.json("{\"event\":{\"dataset\":\"custom.app\"},\"host\":{\"name\":\"shipper\"},"
                + "\"message\":\"<13>Mar 27 13:06:56 origin app[5]: hello\"}");

        assertThat(event.fields()).contains(entry("event.dataset", "custom.app"), entry("host.name", "shipper"),
                entry("host.hostname", "origin"), entry("process.name", "app"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"a\":1|invalid JSON",
        "{\"a\":tru}|invalid JSON",
        "[1,2,3]|not an object",
        "\"just a string\"|not an object",
        "{} {}|unexpected content",
        "''|empty JSON document"})
    void invalidJsonIsStoredAsParseError(String payload, String reason) {
        String text = "''".equals(payload) ? "" : payload;

        Event event = ParsedEvents.json(text);

        assertThat(event.tags()).containsExactly(Event.TAG_PARSE_ERROR);
        assertThat(event.field("error.message")).asString().contains(reason);
        assertThat(event.original()).isEqualTo(text);
        assertThat(event.timestamp()).isEqualTo(ParsedEvents.RECEIVED_AT);
        if (!text.isEmpty()) {
            assertThat(event.field("message")).isEqualTo(text);
        }
    }
}
