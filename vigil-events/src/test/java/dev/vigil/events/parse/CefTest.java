package dev.vigil.events.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.vigil.events.Event;

class CefTest {

    @Test
    void headerAndExtensionsWithCommonFields() {
        Event event = ParsedEvents.line("CEF:0|Security|threatmanager|1.0|100|worm successfully stopped|10|"
                + "src=10.0.0.1 dst=2.1.2.2 spt=1232 dpt=443 proto=TCP suser=alice duser=bob act=blocked "
                + "request=https://example.com/x msg=worm stopped on host rt=1700000000123");

        assertThat(event.timestamp()).isEqualTo(Instant.ofEpochMilli(1700000000123L));
        assertThat(event.fields()).contains(
                entry("cef.version", "0"),
                entry("cef.device.vendor", "Security"),
                entry("cef.device.product", "threatmanager"),
                entry("cef.device.version", "1.0"),
                entry("cef.signature_id", "100"),
                entry("cef.name", "worm successfully stopped"),
                entry("cef.severity", "10"),
                entry("cef.extensions.src", "10.0.0.1"),
                entry("cef.extensions.msg", "worm stopped on host"),
                entry("source.ip", "10.0.0.1"),
                entry("destination.ip", "2.1.2.2"),
                entry("source.port", 1232L),
                entry("destination.port", 443L),
                entry("network.transport", "tcp"),
                entry("source.user.name", "alice"),
                entry("destination.user.name", "bob"),
                entry("event.action", "blocked"),
                entry("url.original", "https://example.com/x"),
                entry("message", "worm stopped on host"),
                entry("event.severity", 10L),
                entry("event.kind", "alert"),
                entry("event.dataset", "cef"));
    }

    @Test
    void escapesInHeaderAndValues() {
        Event event = ParsedEvents.line("CEF:0|Ven\\|dor|Pro\\\\duct|2|sig|Name|3|msg=a\\=b c\\nnext\\\\ "
                + "cs1=path C:\\\\temp cs1Label=dir");

        assertThat(event.fields()).contains(
                entry("cef.device.vendor", "Ven|dor"),
                entry("cef.device.product", "Pro\\duct"),
                entry("cef.extensions.msg", "a=b c\nnext\\"),
                entry("cef.extensions.cs1", "path C:\\temp"),
                entry("cef.extensions.cs1Label", "dir"),
                entry("event.kind", "event"),
                entry("event.severity", 3L));
    }

    @Test
    void hostNamesStayUnderTheirOriginalNameAndTextDatesAreRead() {
        Event event = ParsedEvents.line("CEF:1|V|P|1|id|Login|High|src=gateway.local dst=fe80::1 "
                + "end=Mar 29 2026 10:11:12");

        assertThat(event.fields()).contains(entry("cef.extensions.src", "gateway.local"),
                entry("destination.ip", "fe80::1"), entry("event.severity", 8L), entry("event.kind", "alert"),
                entry("message", "Login"));
        assertThat(event.fields()).doesNotContainKey("source.ip");
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-03-29T10:11:12Z"));
    }

    @Test
    void headerWithoutExtension() {
        Event event = ParsedEvents.line("CEF:0|V|P|1|id|Name|5");

        assertThat(event.fields()).contains(entry("cef.severity", "5"), entry("event.kind", "event"));
    }

    @Test
    void cefInsideSyslog() {
        Event event = ParsedEvents.syslog("<134>Mar 30 10:00:00 fw1 CEF:0|Vendor|FW|1|7|Deny|7|src=192.0.2.1 "
                + "dst=192.0.2.2 msg=denied by policy");

        assertThat(event.fields()).contains(entry("host.name", "fw1"), entry("cef.device.product", "FW"),
                entry("source.ip", "192.0.2.1"), entry("message", "denied by policy"), entry("event.dataset", "cef"),
                entry("event.kind", "alert"));
    }

    @Test
    void tooFewHeaderFieldsIsNotCef() {
        Event event = ParsedEvents.line("CEF:0|only|three");

        assertThat(event.fields()).contains(entry("event.dataset", "line"), entry("message", "CEF:0|only|three"));
    }
}
