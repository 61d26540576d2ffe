package dev.vigil.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

class SyslogFrameDecoderPropertyTest {

    private static final int LIMIT = 200;

    /** One message and whether it is sent octet-counted. */
    record Frame(byte[] message, boolean octetCounted) {

        byte[] encode() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (octetCounted) {
                out.writeBytes((message.length + " ").getBytes(StandardCharsets.US_ASCII));
                out.writeBytes(message);
            } else {
                out.writeBytes(message);
                out.write('\n');
            }
            return out.toByteArray();
        }
    }

    /** What decoding produced: the messages and the framing errors, in order. */
    record Decoded(List<String> messages, List<FramingError> errors) {
    }

    @Property
    void anySplitOfAValidStreamYieldsItsMessages(@ForAll("frames") List<Frame> frames,
                                                  @ForAll("cuts") List<Integer> cuts) {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        frames.forEach(frame -> stream.writeBytes(frame.encode()));

        Decoded decoded = decodeInChunks(stream.toByteArray(), cuts, LIMIT);

        assertThat(decoded.messages()).containsExactlyElementsOf(frames.stream().map(f -> text(f.message())).toList());
        assertThat(decoded.errors()).isEmpty();
    }

    @Property
    void anySplitOfAnyStreamYieldsWhatTheWholeStreamYields(@ForAll("syslogish") byte[] stream,
                                                           @ForAll("cuts") List<Integer> cuts,
                                                           @ForAll @IntRange(min = 1, max = 64) int limit) {
        Decoded whole = decodeInChunks(stream, List.of(Math.max(stream.length, 1)), limit);
        Decoded chunked = decodeInChunks(stream, cuts, limit);

        assertThat(chunked).isEqualTo(whole);
    }

    @Property
    void anyStreamStaysWithinTheMemoryBound(@ForAll("syslogish") byte[] stream,
                                            @ForAll @IntRange(min = 1, max = 64) int limit) {
        SyslogFrameDecoder decoder = new SyslogFrameDecoder(limit, error -> { });
        List<byte[]> messages = new ArrayList<>();
        for (int offset = 0; offset < stream.length; offset += 7) {
            decoder.decode(stream, offset, Math.min(7, stream.length - offset), messages);
            assertThat(decoder.bufferedBytes()).isLessThanOrEqualTo(limit + 1);
        }
        decoder.finish(messages);

        assertThat(messages).allSatisfy(message -> assertThat(message.length).isBetween(1, limit));
    }

    @Property
    void hugeFramesAreTruncatedAndTheNextFrameIsIntact(@ForAll @IntRange(min = LIMIT + 1, max = 20 * LIMIT) int size,
                                                       @ForAll boolean octetCounted,
                                                       @ForAll("cuts") List<Integer> cuts) {
        byte[] huge = new byte[size];
        Arrays.fill(huge, (byte) 'x');
        huge[0] = '<';
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        stream.writeBytes(new Frame(huge, octetCounted).encode());
        stream.writeBytes(new Frame("<13>after".getBytes(StandardCharsets.US_ASCII), false).encode());

        Decoded decoded = decodeInChunks(stream.toByteArray(), cuts, LIMIT);

        assertThat(decoded.messages()).containsExactly(text(Arrays.copyOf(huge, LIMIT)), "<13>after");
        assertThat(decoded.errors()).containsExactly(FramingError.OVERSIZED_FRAME);
    }

    @Provide
    Arbitrary<List<Frame>> frames() {
        Arbitrary<Frame> octetCounted = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(LIMIT)
                .filter(message -> !isTrailer(message[message.length - 1]))
                .map(message -> new Frame(message, true));
        Arbitrary<Frame> lines = Combinators.combine(
                        Arbitraries.of((byte) '<', (byte) 'a', (byte) '0', (byte) ' ', (byte) '\r'),
                        Arbitraries.bytes().filter(b -> b != '\n' && b != 0).array(byte[].class)
                                .ofMaxSize(LIMIT - 2))
                .as((first, rest) -> {
                    byte[] message = new byte[rest.length + 2];
                    message[0] = first;
                    System.arraycopy(rest, 0, message, 1, rest.length);
                    message[message.length - 1] = '.';
                    return new Frame(message, false);
                });
        return Arbitraries.oneOf(octetCounted, lines).list().ofMaxSize(30);
    }

    /** Chunk sizes, used in turn to cut a stream. */
    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(1, 64).list().ofMinSize(1).ofMaxSize(40);
    }

    /** Bytes that often form frames, counts, trailers and near misses, not just noise. */
    @Provide
    Arbitrary<byte[]> syslogish() {
        return Arbitraries.frequencyOf(
                        Tuple.of(4, Arbitraries.of((byte) 'a', (byte) '<', (byte) '>')),
                        Tuple.of(3, Arbitraries.bytes().between((byte) '0', (byte) '9')),
                        Tuple.of(2, Arbitraries.of((byte) ' ', (byte) '\n', (byte) '\r', (byte) 0)),
                        Tuple.of(1, Arbitraries.bytes()))
                .array(byte[].class).ofMaxSize(600);
    }

    private static Decoded decodeInChunks(byte[] stream, List<Integer> cuts, int limit) {
        List<FramingError> errors = new ArrayList<>();
        SyslogFrameDecoder decoder = new SyslogFrameDecoder(limit, errors::add);
        List<byte[]> messages = new ArrayList<>();
        int offset = 0;
        for (int i = 0; offset < stream.length; i++) {
            int length = Math.min(cuts.get(i % cuts.size()), stream.length - offset);
            decoder.decode(stream, offset, length, messages);
            offset += length;
        }
        decoder.finish(messages);
        return new Decoded(messages.stream().map(SyslogFrameDecoderPropertyTest::text).toList(), errors);
    }

    private static boolean isTrailer(byte b) {
        return b == '\n' || b == '\r' || b == 0;
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }
}
