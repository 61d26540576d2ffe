package dev.vigil.events.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.vigil.events.Event;

/** Bounds on the work done for oversized, deeply nested or field-flooding payloads. */
class HostileInputTest {
    private static final int MIB = 1 << 20;

    @ParameterizedTest
    @ValueSource(strings = {"line", "syslog", "json"})
    void fiveMegabyteLinesAreCutToOneMebibyte(String format) {
        String payload = "<13>Mar 30 10:00:00 host app: " + "x".repeat(5 * MIB);

        Event event = ParsedEvents.parse(format, payload);

        assertThat(event.original().getBytes(StandardCharsets.UTF_8)).hasSize(MIB);
        assertThat(event.tags()).contains(EventParser.TAG_TRUNCATED);
        FieldValues.assertObeyTheValueRule(event);
    }

    @Test
    void cutDoesNotSplitACharacter() {
        byte[] payload = ("a" + "é".repeat(MIB)).getBytes(StandardCharsets.UTF_8);

        Event event = ParsedEvents.parse("line", payload, ParsedEvents.RECEIVED_AT);

        assertThat(event.original()).doesNotContain("\uFFFD");
        assertThat(event.original().getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(MIB);
    }

    @Test
    void oversizedJsonKeepsTheFieldsBeforeTheCut() {
        String payload = "{\"event_id\":7,\"host\":{\"name\":\"h\"},\"blob\":\"" + "A".repeat(2 * MIB) + "\"}";

        Event event = ParsedEvents.json(payload);

        assertThat(event.tags()).containsExactly(EventParser.TAG_TRUNCATED);
        assertThat(event.fields()).contains(entry("event_id", 7L), entry("host.name", "h"));
    }

    @Test
    void nestingBeyondSixtyFourLevelsIsDropped() {
        String deep = "{\"keep\":1,\"deep\":" + "{\"a\":".repeat(100) + "1" + "}".repeat(100) + ",\"after\":2}";

        Event event = ParsedEvents.json(deep);

        assertThat(event.tags()).containsExactly(EventParser.TAG_FIELDS_TRUNCATED);
        assertThat(event.fields()).contains(entry("keep", 1L), entry("after", 2L));
        assertThat(event.fields().keySet()).allSatisfy(name -> assertThat(name.split("\\.", -1)).hasSizeLessThan(65));
    }

    @ParameterizedTest
    @ValueSource(ints = {1_000, 100_000, 900_000})
    void absurdNestingIsAParseErrorOrTruncation(int depth) {
        Event arrays = ParsedEvents.json("{\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}");
        Event openOnly = ParsedEvents.json("{\"x\":" + "[".repeat(depth));

        assertThat(arrays.tags()).containsAnyOf(Event.TAG_PARSE_ERROR, EventParser.TAG_FIELDS_TRUNCATED);
        assertThat(openOnly.tags()).contains(Event.TAG_PARSE_ERROR);
    }

    @Test
    void jsonFloodOfFieldsIsCappedAndKeepsTheNormalizedFields() {
        StringBuilder json = new StringBuilder("{\"@timestamp\":\"2026-03-29T10:00:00Z\"");
        for (int i = 0; i < 5_000; i++) {
            json.append(",\"f").append(i).append("\":").append(i);
        }
        json.append("}");

        Event event = ParsedEvents.json(json.toString());

        assertThat(event.tags()).containsExactly(EventParser.TAG_FIELDS_TRUNCATED);
        assertThat(event.fields()).hasSizeLessThanOrEqualTo(1_000)
                .contains(entry("f0", 0L), entry("event.kind", "event"), entry("event.dataset", "json"));
    }

    @Test
    void hugeArraysAreCapped() {
        Event event = ParsedEvents.json("{\"a\":[" + "1,".repeat(200_000) + "1]}");

        assertThat(event.tags()).containsExactly(EventParser.TAG_FIELDS_TRUNCATED);
        assertThat(event.field("a")).asList().hasSizeLessThanOrEqualTo(10_000);
    }

    @Test
    void cefAndAuditFloodsAreCapped() {
        Event cef = ParsedEvents.line("CEF:0|V|P|1|1|N|1|" + "k=v ".repeat(50_000));
        StringBuilder audit = new StringBuilder("type=SYSCALL msg=audit(1700000000.000:1):");
        for (int i = 0; i < 20_000; i++) {
            audit.append(" k").append(i).append("=v");
        }
        Event auditd = ParsedEvents.line(audit.toString());

        assertThat(cef.fields()).hasSizeLessThanOrEqualTo(1_000);
        assertThat(auditd.tags()).containsExactly(EventParser.TAG_FIELDS_TRUNCATED);
        assertThat(auditd.fields()).hasSizeLessThanOrEqualTo(1_000).containsEntry("event.dataset", "auditd");
    }

    @Test
    void pathologicalTextStaysLinear() {
        String spaces = "a " .repeat(400_000);
        String equalsSigns = "k=" .repeat(400_000);
        String quotes = "x=\"" .repeat(300_000);
        for (String format : new String[] {"line", "syslog", "json"}) {
            for (String body : new String[] {spaces, equalsSigns, quotes, "CEF:0|a|b|c|d|e|f|" + spaces,
                "CEF:0|a|b|c|d|e|f|" + equalsSigns, "type=X msg=audit(" + "audit(".repeat(100_000)}) {
                Event event = ParsedEvents.parse(format, body);
                assertThat(event.id()).isEqualTo("ev-1");
            }
        }
    }
}
