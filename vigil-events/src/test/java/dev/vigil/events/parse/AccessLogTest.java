package dev.vigil.events.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vigil.events.Event;

class AccessLogTest {

    @Test
    void combinedLogLine() {
        Event event = ParsedEvents.line("203.0.113.7 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif?a=1&b=2 "
                + "HTTP/1.1\" 200 2326 \"http://www.example.com/start.html\" \"Mozilla/4.08 [en] (Win98; I ;Nav)\"");

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2000-10-10T20:55:36Z"));
        assertThat(event.fields()).contains(
                entry("source.ip", "203.0.113.7"),
                entry("user.name", "frank"),
                entry("http.request.method", "GET"),
                entry("url.original", "/apache_pb.gif?a=1&b=2"),
                entry("url.path", "/apache_pb.gif"),
                entry("url.query", "a=1&b=2"),
                entry("http.version", "1.1"),
                entry("http.response.status_code", 200L),
                entry("http.response.body.bytes", 2326L),
                entry("http.request.referrer", "http://www.example.com/start.html"),
                entry("user_agent.original", "Mozilla/4.08 [en] (Win98; I ;Nav)"),
                entry("event.category", List.of("web")),
                entry("event.outcome", "success"),
                entry("event.dataset", "web.access"));
    }

    @Test
    void commonLogLineWithDashesAndErrorStatus() {
        Event event = ParsedEvents.line("2001:db8::1 - - [29/Mar/2026:23:59:59 +0200] \"POST /login HTTP/2.0\" 401 -");

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-03-29T21:59:59Z"));
        assertThat(event.fields()).contains(entry("source.ip", "2001:db8::1"), entry("http.response.status_code", 401L),
                entry("event.outcome", "failure"), entry("http.version", "2.0"));
        assertThat(event.fields()).doesNotContainKeys("user.name", "http.response.body.bytes",
                "http.request.referrer", "user_agent.original", "url.query");
    }

    @Test
    void escapedQuotesInRequestAndUserAgent() {
        Event event = ParsedEvents.line("198.51.100.2 - - [01/Jan/2026:00:00:00 +0000] "
                + "\"GET /search?q=\\\"x\\\" HTTP/1.1\" 404 12 \"-\" \"curl \\\"quoted\\\" agent\"");

        assertThat(event.fields()).contains(entry("url.original", "/search?q=\"x\""),
                entry("user_agent.original", "curl \"quoted\" agent"), entry("event.outcome", "failure"));
        assertThat(event.fields()).doesNotContainKey("http.request.referrer");
    }

    @Test
    void garbledRequestKeepsTheRestAndHostNameClient() {
        Event event = ParsedEvents.line("scanner.example.net - - [01/Jan/2026:00:00:00 +0000] "
                + "\"\\x16\\x03\\x01\" 400 157 \"-\" \"-\"");

        assertThat(event.fields()).contains(entry("source.domain", "scanner.example.net"),
                entry("http.response.status_code", 400L));
        assertThat(event.fields()).doesNotContainKeys("source.ip", "http.request.method", "url.original");
    }

    @Test
    void lineWithABadTimestampIsAPlainMessage() {
        Event event = ParsedEvents.line("1.2.3.4 - - [32/Foo/2000:13:55:36 -0700] \"GET / HTTP/1.1\" 200 1");

        assertThat(event.fields()).contains(entry("event.dataset", "line"));
        assertThat(event.tags()).isEmpty();
    }
}
