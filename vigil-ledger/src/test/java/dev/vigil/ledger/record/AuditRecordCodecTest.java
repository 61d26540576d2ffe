package dev.vigil.ledger.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class AuditRecordCodecTest {

    private static final String SAMPLE = "{\"action\":\"monitor.update\","
            + "\"actor\":{\"displayName\":\"Alice Example\",\"id\":\"u-1\",\"kind\":\"user\"},"
            + "\"body\":{\"comment\":\"raised after incident #1\",\"labels\":[\"prod\",\"db\"],\"threshold\":91},"
            + "\"object\":{\"id\":\"mon-1\",\"type\":\"monitor\"},\"outcome\":\"success\","
            + "\"references\":{\"changeRequest\":\"cr-1\"},\"seq\":3,\"source\":\"192.0.2.1\",\"tenant\":\"acme\","
            + "\"time\":\"2026-11-29T03:00:01.001000Z\",\"v\":1}";

    private static String encode(AuditRecord record) {
        return new String(AuditRecordCodec.encode(record), StandardCharsets.UTF_8);
    }

    private static AuditRecord decode(String line) throws RecordFormatException {
        return AuditRecordCodec.decode(line.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void encodesTheDocumentedCanonicalForm() throws RecordFormatException {
        AuditRecord record = new AuditRecord(3, SampleEvents.event(1));
        assertThat(encode(record)).isEqualTo(SAMPLE);
        assertThat(decode(SAMPLE)).isEqualTo(record);
    }

    @Test
    void timeIsTruncatedToMicroseconds() {
        AuditEvent event = SampleEvents.event(0);
        AuditEvent precise = new AuditEvent(Instant.parse("2026-01-02T03:04:05.123456789Z"), event.actor(),
                null, event.action(), event.object(), event.tenant(), event.outcome(), References.NONE, null);
        assertThat(encode(new AuditRecord(0, precise)))
                .contains("\"time\":\"2026-01-02T03:04:05.123456Z\"")
                .contains("\"references\":{}")
                .contains("\"body\":{}")
                .doesNotContain("\"source\"");
    }

    @Test
    void rejectsNonCanonicalAndInvalidLines() {
        assertRejected(SAMPLE.replace(",\"v\":1}", ", \"v\":1}"), "not in canonical form");
        assertRejected(SAMPLE.replace("\"seq\":3", "\"seq\":3.0"), "number 3.0 is not in canonical form (expected 3)");
        assertRejected(SAMPLE.replace("\"seq\":3", "\"seq\":\"3\""), "must be an integer");
        assertRejected(SAMPLE.replace("\"seq\":3", "\"seq\":1e+300"), "must be an integer");
        assertRejected(SAMPLE.replace("\"seq\":3", "\"seq\":9007199254740992"), "outside");
        assertRejected(SAMPLE.replace("prod", "pr\\u006fd"), "must not be \\u-escaped");
        assertRejected(SAMPLE.replace("prod", "pr\\/d"), "invalid escape");
        assertRejected(SAMPLE.replace("\"seq\":3", "\"seq\":-3"), "outside");
        assertRejected(SAMPLE.replace("\"v\":1", "\"v\":2"), "unsupported format version 2");
        assertRejected(SAMPLE.replace("\"tenant\":\"acme\",", ""), "missing field \"tenant\"");
        assertRejected(SAMPLE.replace("\"tenant\":\"acme\",", "\"tenant\":\"acme\",\"tenant2\":\"x\","), "unknown field \"tenant2\"");
        assertRejected(SAMPLE.replace("\"kind\":\"user\"", "\"kind\":\"robot\""), "unknown actor kind");
        assertRejected(SAMPLE.replace("\"outcome\":\"success\"", "\"outcome\":\"maybe\""), "unknown outcome");
        assertRejected(SAMPLE.replace("03:00:01.001000Z", "03:00:01.001Z"), "YYYY-MM-DDTHH:MM:SS.ffffffZ");
        assertRejected(SAMPLE.replace("2026-11-29T", "2026-02-30T"), "not a valid date");
        assertRejected(SAMPLE.replace("\"body\":{", "\"body\":{\"a\":1,\"a\":2,"), "duplicate member \"a\"");
        assertRejected(SAMPLE + " ", "not in canonical form");
        assertRejected(SAMPLE + "{}", "unexpected data after the JSON value");
        assertRejected(SAMPLE.replace("\"source\":\"192.0.2.1\"", "\"source\":null"), "must be a string");
        assertRejected(SAMPLE.replace("\"references\":{\"changeRequest\":\"cr-1\"}", "\"references\":{\"changeRequest\":\"\"}"),
                "absent or non-empty");
        assertRejected("[]", "expected a JSON object");
    }

    private static void assertRejected(String line, String reason) {
        assertThatThrownBy(() -> decode(line)).isInstanceOf(RecordFormatException.class).hasMessageContaining(reason);
    }

    @Test
    void rejectsInvalidUtf8() {
        byte[] line = SAMPLE.replace("Alice", "Al\u00e9ce").getBytes(StandardCharsets.UTF_8);
        int at = SAMPLE.indexOf("Alice") + 2;
        line[at] = (byte) 0xC3;
        line[at + 1] = (byte) 0x28;
        assertThatThrownBy(() -> AuditRecordCodec.decode(line)).isInstanceOf(RecordFormatException.class);
    }

    @Provide
    Arbitrary<AuditRecord> records() {
        Arbitrary<String> text = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(20)
                .filter(s -> s.codePoints().allMatch(Character::isDefined) && isWellFormed(s));
        Arbitrary<ObjectNode> body = Combinators.combine(text, Arbitraries.doubles().between(-1e30, 1e30),
                Arbitraries.longs().between(-(1L << 53), 1L << 53)).as((k, d, l) -> {
                    ObjectNode node = JsonNodeFactory.instance.objectNode();
                    node.put(k, d);
                    node.putObject("nested").put("long", l).put(k, k);
                    return node;
                });
        return Combinators.combine(Arbitraries.longs().between(0, AuditRecord.MAX_SEQUENCE), text, text,
                Arbitraries.of(ActorKind.class), Arbitraries.of(Outcome.class), body,
                Arbitraries.longs().between(0, 253402300799L))
                .as((seq, a, b, kind, outcome, details, seconds) -> new AuditRecord(seq, new AuditEvent(
                        Instant.ofEpochSecond(seconds, 123_456_000), new Actor(kind, a, b), null, b,
                        new ObjectRef(a, b), a, outcome, new References(a, null, b, null), details)));
    }

    private static boolean isWellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    @Property(tries = 300)
    void everyRecordRoundTripsThroughItsCanonicalForm(@ForAll("records") AuditRecord record) throws Exception {
        byte[] line = AuditRecordCodec.encode(record);
        AuditRecord decoded = AuditRecordCodec.decode(line);
        assertThat(AuditRecordCodec.encode(decoded)).isEqualTo(line);
        assertThat(decoded.sequence()).isEqualTo(record.sequence());
        assertThat(decoded.event().actor()).isEqualTo(record.event().actor());
    }

    /** Hostile bytes are refused with RecordFormatException, never another exception. */
    @Property(tries = 500)
    void arbitraryBytesNeverCrashTheDecoder(@ForAll byte[] bytes) {
        try {
            AuditRecordCodec.decode(bytes);
        } catch (RecordFormatException expected) {
            // the only acceptable failure
        }
    }

    /** Mutations of a valid line (one byte changed, removed or inserted) are refused or still canonical. */
    @Property(tries = 500)
    void mutatedLinesAreRejectedOrReencodeIdentically(@ForAll("positions") int position, @ForAll byte value,
            @ForAll("operations") int operation) {
        byte[] original = SAMPLE.getBytes(StandardCharsets.UTF_8);
        int at = position % original.length;
        byte[] mutated = switch (operation) {
            case 0 -> { byte[] m = original.clone(); m[at] = value; yield m; }
            case 1 -> { byte[] m = new byte[original.length - 1]; System.arraycopy(original, 0, m, 0, at);
                System.arraycopy(original, at + 1, m, at, original.length - at - 1); yield m; }
            default -> { byte[] m = new byte[original.length + 1]; System.arraycopy(original, 0, m, 0, at);
                m[at] = value; System.arraycopy(original, at, m, at + 1, original.length - at); yield m; }
        };
        try {
            AuditRecord decoded = AuditRecordCodec.decode(mutated);
            assertThat(AuditRecordCodec.encode(decoded)).isEqualTo(mutated);
        } catch (RecordFormatException expected) {
            // refused with a reason
        }
    }

    @Provide
    Arbitrary<Integer> positions() {
        return Arbitraries.integers().between(0, 10_000);
    }

    @Provide
    Arbitrary<Integer> operations() {
        return Arbitraries.integers().between(0, 2);
    }

    @Provide
    Arbitrary<byte[]> mutatedRecordLines() {
        Arbitrary<byte[]> base = Arbitraries.oneOf(records().map(AuditRecordCodec::encode),
                Arbitraries.just(SAMPLE.getBytes(StandardCharsets.UTF_8)));
        Arbitrary<byte[]> fragments = Arbitraries.of(" ", "\\u0041", "\\u00e9", "\\n", "1.0", "-0", "1e+21", "1E+21",
                "\"", ",", "{}", "[]", "\u00e9", "\uD83D\uDE00", "0", "00", "null", "\"a\":1,", "\u2028")
                .map(f -> f.getBytes(StandardCharsets.UTF_8));
        return Combinators.combine(base, Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 4),
                fragments, Arbitraries.bytes()).as((line, position, operation, fragment, value) -> {
                    int at = position % line.length;
                    return switch (operation) {
                        case 0 -> { byte[] m = line.clone(); m[at] = value; yield m; }
                        case 1 -> splice(line, at, 1, new byte[0]);
                        case 2 -> splice(line, at, 0, fragment);
                        case 3 -> splice(line, at, Math.min(fragment.length, line.length - at), fragment);
                        default -> line;
                    };
                });
    }

    private static byte[] splice(byte[] line, int at, int remove, byte[] insert) {
        byte[] out = new byte[line.length - remove + insert.length];
        System.arraycopy(line, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(line, at + remove, out, at + insert.length, line.length - at - remove);
        return out;
    }

    /** Records whose body member names are plain ASCII, all of which the allocation-free route must accept. */
    @Provide
    Arbitrary<AuditRecord> plainNamedRecords() {
        Arbitrary<String> text = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(20)
                .filter(s -> s.codePoints().allMatch(Character::isDefined) && isWellFormed(s));
        Arbitrary<String> name = Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(12)
                .filter(s -> s.indexOf('"') < 0 && s.indexOf('\\') < 0 && !s.equals("nested"));
        Arbitrary<ObjectNode> body = Combinators.combine(name, text, Arbitraries.doubles().between(-1e30, 1e30),
                Arbitraries.longs().between(-(1L << 53), 1L << 53)).as((k, v, d, l) -> {
                    ObjectNode node = JsonNodeFactory.instance.objectNode();
                    node.put(k, d);
                    ObjectNode nested = node.putObject("nested").put("long", l).put(k, v);
                    nested.putArray("list").add(true).add(false).addNull().add(l).add(v).addObject();
                    return node;
                });
        return Combinators.combine(Arbitraries.longs().between(0, 999_999_999_999_999L), text, text,
                Arbitraries.of(ActorKind.class), Arbitraries.of(Outcome.class), body,
                Arbitraries.longs().between(0, 253402300799L), Arbitraries.integers().between(0, 999_999))
                .as((seq, a, b, kind, outcome, details, seconds, micros) -> new AuditRecord(seq, new AuditEvent(
                        Instant.ofEpochSecond(seconds, micros * 1000L), new Actor(kind, a, b), seq % 2 == 0 ? null : b,
                        b, new ObjectRef(a, b), a, outcome, new References(a, b, null, b), details)));
    }

    /** Places {@code line} inside a larger buffer, after other bytes and before a newline and more bytes. */
    private static byte[] embedded(byte[] line, int offset) {
        byte[] buffer = new byte[offset + line.length + 8];
        java.util.Arrays.fill(buffer, (byte) '{');
        System.arraycopy(line, 0, buffer, offset, line.length);
        buffer[offset + line.length] = '\n';
        return buffer;
    }

    @Property(tries = 500)
    void theAllocationFreeRouteAcceptsValidRecordsWhereTheyLie(@ForAll("plainNamedRecords") AuditRecord record,
            @ForAll("positions") int offset) {
        byte[] line = AuditRecordCodec.encode(record);
        byte[] buffer = embedded(line, offset);
        long[] sequences = new long[3];
        assertThat(CanonicalRecordFastCheck.acceptLine(buffer, offset, buffer.length, sequences, 1))
                .as(new String(line, StandardCharsets.UTF_8)).isEqualTo(offset + line.length);
        assertThat(sequences[1]).isEqualTo(record.sequence());
        // The line may also end the buffer, without a newline.
        byte[] exact = java.util.Arrays.copyOf(buffer, offset + line.length);
        assertThat(CanonicalRecordFastCheck.acceptLine(exact, offset, exact.length, sequences, 0))
                .isEqualTo(exact.length);
    }

    /** Whatever the allocation-free route accepts, the independent Jackson route accepts with the same sequence. */
    @Property(tries = 3000)
    void theAllocationFreeRouteAcceptsNothingInvalid(@ForAll("mutatedRecordLines") byte[] line,
            @ForAll("positions") int offset) throws RecordFormatException {
        byte[] buffer = embedded(line, offset % 64);
        int start = offset % 64;
        long[] sequences = new long[1];
        int end = CanonicalRecordFastCheck.acceptLine(buffer, start, buffer.length, sequences, 0);
        if (end != CanonicalRecordFastCheck.UNDECIDED) {
            assertThat(buffer[end]).isEqualTo((byte) '\n');
            byte[] accepted = java.util.Arrays.copyOfRange(buffer, start, end);
            assertThat(AuditRecordCodec.decodeByReencoding(accepted).sequence())
                    .as(new String(accepted, StandardCharsets.UTF_8)).isEqualTo(sequences[0]);
        }
    }

    /** The route that explains rejections still stands on its own (the fast route no longer hides it). */
    @Property(tries = 3000)
    void thePreciseRouteAgreesWithDecodingByReencoding(@ForAll("mutatedRecordLines") byte[] line) {
        Long precise;
        try {
            precise = CanonicalRecordCheck.preciseSequenceOf(line);
        } catch (RecordFormatException e) {
            precise = null;
        }
        Long slow;
        try {
            slow = AuditRecordCodec.decodeByReencoding(line).sequence();
        } catch (RecordFormatException e) {
            slow = null;
        }
        assertThat(precise).as(new String(line, StandardCharsets.UTF_8)).isEqualTo(slow);
    }

    @Test
    void validFormsTheAllocationFreeRouteLeavesUndecidedAreStillAccepted() throws RecordFormatException {
        for (String line : new String[] {
                SAMPLE.replace("\"labels\"", "\"la\\nbels\""),
                SAMPLE.replace("\"labels\"", "\"l\u00e4bels\""),
                SAMPLE.replace("\"seq\":3", "\"seq\":9007199254740991"),
                SAMPLE.replace("\"labels\":[\"prod\",\"db\"]", "\"labels\":" + "[".repeat(40) + "]".repeat(40))}) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(CanonicalRecordFastCheck.acceptLine(bytes, 0, bytes.length, new long[1], 0)).as(line)
                    .isEqualTo(CanonicalRecordFastCheck.UNDECIDED);
            assertThat(CanonicalRecordCheck.sequenceOf(bytes)).as(line)
                    .isEqualTo(AuditRecordCodec.decodeByReencoding(bytes).sequence());
        }
    }

    @Test
    void theAllocationFreeRouteLeavesLinesWithTrailingBytesUndecided() {
        for (String line : new String[] {SAMPLE + "\r\n", SAMPLE + " \n", SAMPLE + "{}\n"}) {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(CanonicalRecordFastCheck.acceptLine(bytes, 0, bytes.length, new long[1], 0)).as(line)
                    .isEqualTo(CanonicalRecordFastCheck.UNDECIDED);
        }
    }

    /** The fast byte-level check accepts exactly the lines that the Jackson route decodes and re-encodes identically. */
    @Property(tries = 3000)
    void fastCheckAgreesWithDecodingByReencoding(@ForAll("mutatedRecordLines") byte[] line) {
        Long fast;
        try {
            fast = CanonicalRecordCheck.sequenceOf(line);
        } catch (RecordFormatException e) {
            fast = null;
        }
        Long slow;
        try {
            slow = AuditRecordCodec.decodeByReencoding(line).sequence();
        } catch (RecordFormatException e) {
            slow = null;
        }
        assertThat(fast).as(new String(line, StandardCharsets.UTF_8)).isEqualTo(slow);
    }
}
