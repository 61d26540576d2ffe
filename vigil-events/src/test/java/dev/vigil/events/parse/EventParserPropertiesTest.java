package dev.vigil.events.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import dev.vigil.events.Event;

/** Whatever the payload, parsing returns an event of the same identity with well-typed fields. */
class EventParserPropertiesTest {
    private static final List<String> SAMPLES = List.of(
            "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 [x@1 a=\"b\\\"c\"] \uFEFFmsg",
            "Mar 27 13:06:56 ip-10-77-20-248 sshd[1291]: Failed password for invalid user admin from 1.2.3.4 port 22 ssh2",
            "<86>Mar 30 10:00:00 web1 sudo:    alice : TTY=pts/0 ; PWD=/home/alice ; USER=root ; COMMAND=/bin/ls",
            "useradd[840]: new user: name=bob, UID=1001, GID=1001, home=/home/bob, shell=/bin/bash",
            "type=EXECVE msg=audit(1700000000.500:90): argc=2 a0=\"ls\" a1=2F746D70 proctitle=6C73002F746D70",
            "1.2.3.4 - frank [10/Oct/2000:13:55:36 -0700] \"GET /a?b=c HTTP/1.1\" 200 2326 \"http://r/\" \"UA \\\"x\\\"\"",
            "CEF:0|Ven\\|dor|P|1.0|100|Name|10|src=10.0.0.1 dst=2.1.2.2 spt=1232 msg=a\\=b c rt=Mar 29 2026 10:11:12",
            "{\"timestamp\":\"2026-03-29T10:15:42.123456+0000\",\"flow_id\":1,\"event_type\":\"alert\",\"src_ip\":\"1.2.3.4\","
                    + "\"src_port\":1,\"dest_ip\":\"::1\",\"proto\":\"TCP\",\"alert\":{\"signature_id\":1,\"severity\":2}}",
            "{\"Event\":{\"System\":{\"EventID\":4688,\"Channel\":\"Security\",\"Computer\":\"c\",\"TimeCreated\":"
                    + "{\"#attributes\":{\"SystemTime\":\"2026-03-29T08:30:00Z\"}}},\"EventData\":{\"NewProcessId\":\"0x1f\"}}}",
            "{\"@timestamp\":\"2026-03-27T13:06:57Z\",\"message\":\"Mar 27 13:06:56 h sshd[1]: Accepted password for a "
                    + "from 1.2.3.4 port 2 ssh2\",\"a\":[{\"b\":1},{\"b\":[2,3]}]}");

    @Property(tries = 300)
    void anyBytesInAnyFormat(@ForAll @Size(max = 600) byte[] payload, @ForAll("formats") String format) {
        assertWellFormed(parse(format, payload));
    }

    @Property(tries = 300)
    void anyTextInAnyFormat(@ForAll @Size(max = 400) String payload, @ForAll("formats") String format) {
        assertWellFormed(parse(format, payload.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 500)
    void mutatedSamplesInAnyFormat(@ForAll("mutatedSamples") String payload, @ForAll("formats") String format) {
        assertWellFormed(parse(format, payload.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 50)
    void hugeRepeatsAndDeepNesting(@ForAll("hugePayloads") String payload, @ForAll("formats") String format) {
        assertWellFormed(parse(format, payload.getBytes(StandardCharsets.UTF_8)));
    }

    @Provide
    Arbitrary<String> formats() {
        return Arbitraries.of("syslog", "json", "line", "unknown");
    }

    @Provide
    Arbitrary<String> mutatedSamples() {
        Arbitrary<String> sample = Arbitraries.of(SAMPLES);
        return Arbitraries.oneOf(
                Combinators.combine(sample, Arbitraries.doubles().between(0, 1))
                        .as((text, at) -> text.substring(0, (int) (text.length() * at))),
                Combinators.combine(sample, Arbitraries.doubles().between(0, 1), Arbitraries.chars())
                        .as(EventParserPropertiesTest::replaceOneCharacter),
                Combinators.combine(sample, Arbitraries.doubles().between(0, 1),
                                Arbitraries.of('"', '\\', '[', ']', '|', '=', ' ', '{', '}', ':', '\'', '\0', '\n'),
                                Arbitraries.integers().between(1, 5_000))
                        .as((text, at, c, count) -> insert(text, at, String.valueOf(c).repeat(count))));
    }

    @Provide
    Arbitrary<String> hugePayloads() {
        return Arbitraries.oneOf(
                Arbitraries.of('a', ' ', '"', '[', '{', '\\', '=', '|', 'é').flatMap(c ->
                        Arbitraries.integers().between(100_000, 2_000_000).map(n -> String.valueOf(c).repeat(n))),
                Arbitraries.integers().between(10, 100_000).map(n -> "{\"a\":" + "[".repeat(n) + "1" + "]".repeat(n) + "}"),
                Arbitraries.integers().between(10, 2_000).map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n)),
                Arbitraries.integers().between(1, 6).map(mib -> "CEF:0|a|b|c|d|e|9|msg=" + "x ".repeat(mib << 19)));
    }

    private static String replaceOneCharacter(String text, double at, char replacement) {
        if (text.isEmpty()) {
            return text;
        }
        int index = Math.min(text.length() - 1, (int) (text.length() * at));
        return text.substring(0, index) + replacement + text.substring(index + 1);
    }

    private static String insert(String text, double at, String inserted) {
        int index = (int) (text.length() * at);
        return text.substring(0, index) + inserted + text.substring(index);
    }

    private static Event parse(String format, byte[] payload) {
        return ParsedEvents.parse(format, payload, Instant.parse("2026-03-30T12:00:00Z"));
    }

    private static void assertWellFormed(Event event) {
        assertThat(event.id()).isEqualTo("ev-1");
        assertThat(event.tenant()).isEqualTo("tenant-a");
        assertThat(event.inputId()).isEqualTo("input-1");
        assertThat(event.timestamp()).isNotNull();
        assertThat(event.receivedAt()).isEqualTo(Instant.parse("2026-03-30T12:00:00Z"));
        assertThat(event.fields().size()).isLessThanOrEqualTo(1_000);
        assertThat(event.tags()).doesNotContain("internal parser error");
        if (event.tags().contains(Event.TAG_PARSE_ERROR)) {
            assertThat(event.field("error.message")).asString().doesNotStartWith("internal parser error");
        }
        FieldValues.assertObeyTheValueRule(event);
    }
}
