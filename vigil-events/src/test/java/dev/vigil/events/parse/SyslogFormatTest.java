package dev.vigil.events.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.vigil.events.Event;

class SyslogFormatTest {

    @Test
    void rfc5424ExampleWithBomBeforeTheMessage() {
        Event event = ParsedEvents.syslog("<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - "
                + "\uFEFF'su root' failed for lonvick on /dev/pts/8");

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2003-10-11T22:14:15.003Z"));
        assertThat(event.fields()).contains(
                entry("log.syslog.priority", 34L),
                entry("log.syslog.facility.code", 4L),
                entry("log.syslog.facility.name", "auth"),
                entry("log.syslog.severity.code", 2L),
                entry("log.syslog.severity.name", "critical"),
                entry("log.syslog.version", 1L),
                entry("log.syslog.appname", "su"),
                entry("log.syslog.msgid", "ID47"),
                entry("host.hostname", "mymachine.example.com"),
                entry("host.name", "mymachine.example.com"),
                entry("process.name", "su"),
                entry("event.dataset", "system.auth"),
                entry("message", "'su root' failed for lonvick on /dev/pts/8"));
        assertThat(event.fields()).doesNotContainKeys("log.syslog.procid", "process.pid", "@timestamp");
        assertThat(event.tags()).isEmpty();
    }

    @Test
    void rfc5424ExampleWithOffsetAndMicroseconds() {
        Event event = ParsedEvents.syslog("<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - "
                + "%% It's time to make the do-nuts.");

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2003-08-24T12:14:15.000003Z"));
        assertThat(event.fields()).contains(
                entry("log.syslog.facility.name", "local4"),
                entry("log.syslog.severity.name", "notice"),
                entry("log.syslog.procid", "8710"),
                entry("process.pid", 8710L),
                entry("host.name", "192.0.2.1"),
                entry("event.dataset", "system.syslog"),
                entry("message", "%% It's time to make the do-nuts."));
    }

    @Test
    void rfc5424StructuredDataWithSeveralElementsAndNoMessage() {
        Event event = ParsedEvents.syslog("<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 "
                + "[exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"]"
                + "[examplePriority@32473 class=\"high\"]");

        assertThat(event.fields()).contains(
                entry("log.syslog.structured_data.exampleSDID@32473.iut", "3"),
                entry("log.syslog.structured_data.exampleSDID@32473.eventSource", "Application"),
                entry("log.syslog.structured_data.exampleSDID@32473.eventID", "1011"),
                entry("log.syslog.structured_data.examplePriority@32473.class", "high"));
        assertThat(event.fields()).doesNotContainKey("message");
    }

    @Test
    void rfc5424StructuredDataEscapes() {
        Event event = ParsedEvents.syslog("<14>1 2026-03-30T10:00:00Z host app 1 - "
                + "[x@1 quote=\"a\\\"b\" slash=\"c\\\\d\" bracket=\"e\\]f\" other=\"g\\h\" empty=\"\"] after");

        assertThat(event.fields()).contains(
                entry("log.syslog.structured_data.x@1.quote", "a\"b"),
                entry("log.syslog.structured_data.x@1.slash", "c\\d"),
                entry("log.syslog.structured_data.x@1.bracket", "e]f"),
                entry("log.syslog.structured_data.x@1.other", "g\\h"),
                entry("log.syslog.structured_data.x@1.empty", ""),
                entry("message", "after"));
    }

    @Test
    void malformedStructuredDataStaysInTheMessage() {
        Event event = ParsedEvents.syslog("<14>1 2026-03-30T10:00:00Z host app - - [x@1 p=\"unclosed] text");

        assertThat(event.tags()).isEmpty();
        assertThat(event.field("message")).isEqualTo("[x@1 p=\"unclosed] text");
    }

    @Test
    void rfc3164ExampleFromTheRfc() {
        Event event = ParsedEvents.syslog(
                "<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8");

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2025-10-11T22:14:15Z"));
        assertThat(event.fields()).contains(
                entry("host.name", "mymachine"),
                entry("process.name", "su"),
                entry("log.syslog.appname", "su"),
                entry("message", "'su root' failed for lonvick on /dev/pts/8"));
    }

    @Test
    void decemberLinesReceivedInJanuaryBelongToThePreviousYear() {
        Instant january = Instant.parse("2027-01-02T08:00:00Z");

        Event december = parse("<13>Dec 31 23:59:58 host app: late", january);
        Event january1 = parse("<13>Jan  2 07:59:00 host app: now", january);
        Event skewed = parse("<13>Jan  3 00:00:00 host app: a day early", Instant.parse("2026-12-31T23:00:00Z"));

        assertThat(december.timestamp()).isEqualTo(Instant.parse("2026-12-31T23:59:58Z"));
        assertThat(january1.timestamp()).isEqualTo(Instant.parse("2027-01-02T07:59:00Z"));
        assertThat(skewed.timestamp()).isEqualTo(Instant.parse("2027-01-03T00:00:00Z"));
    }

    @Test
    void twentyNinthOfFebruaryFindsALeapYear() {
        Event event = parse("<13>Feb 29 12:00:00 host app: leap", Instant.parse("2027-03-10T00:00:00Z"));

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2024-02-29T12:00:00Z"));
    }

    @Test
    void zoneOfTheParserAppliesToTimestampsWithoutOne() {
        EventParser berlin = new EventParser(java.time.ZoneId.of("Europe/Berlin"));

        Event event = berlin.parse(ParsedEvents.spooled("syslog",
                "<13>Mar 27 13:06:56 host app: x".getBytes(StandardCharsets.UTF_8), ParsedEvents.RECEIVED_AT));

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-03-27T12:06:56Z"));
    }

    @Test
    void lineWithoutHostnameTellsTheTagByItsBrackets() {
        Event event = ParsedEvents.syslog("<13>Mar  1 10:00:00 sshd[12]: Connection closed by 10.9.8.7 port 4242");

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(event.fields()).doesNotContainKey("host.name");
        assertThat(event.fields()).contains(entry("process.name", "sshd"), entry("process.pid", 12L),
                entry("source.ip", "10.9.8.7"), entry("message", "Connection closed by 10.9.8.7 port 4242"));
    }

    @Test
    void lineWithoutHostnameTellsTheTagByItsColon() {
        Event event = ParsedEvents.syslog("<13>Mar 1 10:00:00 kernel: eth0 link up");

        assertThat(event.fields()).doesNotContainKey("host.name");
        assertThat(event.fields()).contains(entry("process.name", "kernel"), entry("message", "eth0 link up"));
    }

    @Test
    void highPrecisionIsoTimestampInRfc3164Position() {
        Event event = ParsedEvents.syslog("<13>2026-03-29T10:00:00.123456+02:00 web1 nginx: started");

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-03-29T08:00:00.123456Z"));
        assertThat(event.fields()).contains(entry("host.name", "web1"), entry("process.name", "nginx"),
                entry("message", "started"));
        assertThat(event.fields()).doesNotContainKey("log.syslog.version");
    }

    @Test
    void missingPriorityGetsTheDefault() {
        Event event = ParsedEvents.syslog("Mar 27 13:06:56 host cron[5]: job done");

        assertThat(event.fields()).contains(entry("log.syslog.priority", 13L),
                entry("log.syslog.facility.name", "user"), entry("log.syslog.severity.name", "notice"),
                entry("process.name", "cron"));
    }

    @Test
    void multiLineMessageKeepsItsNewlinesAndLosesTrailingJunk() {
        Event event = ParsedEvents.syslog("<11>Mar 30 09:00:00 app1 java[77]: Exception in thread main\n"
                + "\tat Foo.bar(Foo.java:1)\n\tat Foo.main(Foo.java:2)\n\0\0");

        assertThat(event.field("message")).isEqualTo(
                "Exception in thread main\n\tat Foo.bar(Foo.java:1)\n\tat Foo.main(Foo.java:2)");
        assertThat(event.field("host.name")).isEqualTo("app1");
    }

    @Test
    void leadingByteOrderMarkOfThePayloadIsRemoved() {
        byte[] payload = ("\uFEFF<13>Mar 30 09:00:00 host app: hi").getBytes(StandardCharsets.UTF_8);

        Event event = ParsedEvents.parse("syslog", payload, ParsedEvents.RECEIVED_AT);

        assertThat(event.original()).isEqualTo("<13>Mar 30 09:00:00 host app: hi");
        assertThat(event.field("message")).isEqualTo("hi");
    }

    @Test
    void oddTagsOfRealSystems() {
        Event versioned = ParsedEvents.syslog("<46>Jun 19 04:09:11 combo syslogd 1.4.1: restart.");
        Event dashed = ParsedEvents.syslog("<86>Jul  7 08:06:15 combo  -- root[2421]: ROOT LOGIN ON tty2");
        Event pam = ParsedEvents.syslog("<86>Jun 14 15:16:01 combo sshd(pam_unix)[19939]: session closed for user bob");

        assertThat(versioned.fields()).contains(entry("process.name", "syslogd"),
                entry("log.syslog.appname", "syslogd 1.4.1"), entry("message", "restart."));
        assertThat(dashed.fields()).contains(entry("process.name", "root"), entry("process.pid", 2421L),
                entry("message", "ROOT LOGIN ON tty2"));
        assertThat(pam.fields()).contains(entry("process.name", "sshd"), entry("event.action", "session_closed"),
                entry("user.name", "bob"));
    }

    @Test
    void priorityWithoutTimestampIsAllMessage() {
        Event event = ParsedEvents.syslog("<13>hello world");

        assertThat(event.tags()).isEmpty();
        assertThat(event.fields()).contains(entry("log.syslog.priority", 13L), entry("message", "hello world"));
        assertThat(event.timestamp()).isEqualTo(ParsedEvents.RECEIVED_AT);
    }

    @Test
    void textWithoutPriorityOrTimestampIsAParseError() {
        Event event = ParsedEvents.syslog("this is not syslog at all");

        assertThat(event.tags()).containsExactly(Event.TAG_PARSE_ERROR);
        assertThat(event.fields()).containsOnlyKeys("error.message", "message");
        assertThat(event.field("message")).isEqualTo("this is not syslog at all");
        assertThat(event.timestamp()).isEqualTo(ParsedEvents.RECEIVED_AT);
        assertThat(event.original()).isEqualTo("this is not syslog at all");
    }

    @Test
    void outOfRangePriorityIsNotAPriority() {
        assertThat(ParsedEvents.syslog("<192>Mar 30 09:00:00 host app: x").tags()).contains(Event.TAG_PARSE_ERROR);
        assertThat(ParsedEvents.syslog("<013>Mar 30 09:00:00 host app: x").tags()).contains(Event.TAG_PARSE_ERROR);
    }

    private static Event parse(String payload, Instant receivedAt) {
        return ParsedEvents.parse("syslog", payload.getBytes(StandardCharsets.UTF_8), receivedAt);
    }
}
