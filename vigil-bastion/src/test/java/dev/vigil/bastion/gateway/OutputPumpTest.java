package dev.vigil.bastion.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Output arrives in bursts (what the target sent before the relay caught up), each burst in chunks (what one read
 * returns). Whatever the bursts, the operator gets every byte in order, the recording sees the same bytes, and nothing
 * written is left unsent while the relay waits for the next burst.
 */
class OutputPumpTest {

    @Provide
    Arbitrary<List<List<Integer>>> bursts() {
        Arbitrary<Integer> chunk = Arbitraries.oneOf(Arbitraries.integers().between(1, 200),
                Arbitraries.integers().between(RelayBuffer.INITIAL - 10, RelayBuffer.MAX + 1000));
        return chunk.list().ofMinSize(1).ofMaxSize(6).list().ofMinSize(0).ofMaxSize(8);
    }

    @Property(tries = 200)
    void everyByteReachesTheOperatorAndTheRecordingInOrderAndNothingWaitsUnsent(@ForAll("bursts") List<List<Integer>> bursts) {
        BurstSource source = new BurstSource(bursts);
        FlushTrackingSink sink = new FlushTrackingSink();
        source.sink = sink;
        ByteArrayOutputStream recorded = new ByteArrayOutputStream();

        OutputPump.run(source, sink, recorded::write);

        assertThat(source.unflushedWhileWaiting).as("bytes left unsent while the relay waited for the target").isZero();
        assertThat(sink.bytes.toByteArray()).isEqualTo(source.all());
        assertThat(recorded.toByteArray()).isEqualTo(source.all());
        assertThat(sink.unflushed).isZero();
    }

    @Test
    void aBurstOfManyReadsIsFlushedOnceWhenItEndsNotAfterEveryRead() {
        // three bursts of 4 reads each: one flush per burst, and one at the end of the stream
        List<List<Integer>> bursts = List.of(List.of(100, 100, 100, 100), List.of(5, 5, 5, 5), List.of(7000, 7000, 7000, 7000));
        BurstSource source = new BurstSource(bursts);
        FlushTrackingSink sink = new FlushTrackingSink();
        source.sink = sink;

        OutputPump.run(source, sink, (bytes, offset, length) -> { });

        assertThat(sink.bytes.toByteArray()).isEqualTo(source.all());
        assertThat(sink.flushes).isEqualTo(4);
    }

    @Test
    void aSourceThatCannotTellWhatIsAvailableIsFlushedAfterEveryRead() {
        byte[] data = new byte[10];
        InputStream trickle = new InputStream() {
            private int next;

            @Override
            public int read() {
                return next < data.length ? data[next++] : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int got = read();
                if (got < 0) {
                    return -1;
                }
                b[off] = (byte) got;
                return 1;
            }
        };
        FlushTrackingSink sink = new FlushTrackingSink();

        OutputPump.run(trickle, sink, (bytes, offset, length) -> { });

        assertThat(sink.flushes).isEqualTo(data.length + 1);
    }

    @Test
    void whatWasReadIsSentEvenWhenTheSourceFailsToTellWhatIsAvailable() {
        byte[] data = "last words".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        InputStream broken = new java.io.FilterInputStream(new java.io.ByteArrayInputStream(data)) {
            @Override
            public int available() throws java.io.IOException {
                throw new java.io.IOException("pipe closed");
            }
        };
        FlushTrackingSink sink = new FlushTrackingSink();

        OutputPump.run(broken, sink, (bytes, offset, length) -> { });

        assertThat(sink.bytes.toByteArray()).isEqualTo(data);
        assertThat(sink.unflushed).isZero();
    }

    /**
     * Returns each burst's chunks one read at a time, reporting the rest of the burst as available; between bursts
     * nothing is available, which is when a real relay would block: the sink must have nothing unflushed then.
     */
    private static final class BurstSource extends InputStream {
        private final List<byte[]> chunks = new ArrayList<>();
        private final List<Boolean> lastOfBurst = new ArrayList<>();
        private FlushTrackingSink sink;
        private int next;
        private int offset;
        private int unflushedWhileWaiting;

        BurstSource(List<List<Integer>> bursts) {
            int value = 0;
            for (List<Integer> burst : bursts) {
                for (int i = 0; i < burst.size(); i++) {
                    byte[] chunk = new byte[burst.get(i)];
                    for (int j = 0; j < chunk.length; j++) {
                        chunk[j] = (byte) (value++ * 31 + 7);
                    }
                    chunks.add(chunk);
                    lastOfBurst.add(i == burst.size() - 1);
                }
            }
        }

        byte[] all() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            chunks.forEach(all::writeBytes);
            return all.toByteArray();
        }

        private boolean betweenBursts() {
            return offset == 0 && (next == 0 || lastOfBurst.get(next - 1));
        }

        @Override
        public int available() {
            return next == chunks.size() ? -1 : betweenBursts() ? 0 : chunks.get(next).length - offset;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (betweenBursts() && offset == 0 && sink.unflushed > 0) {
                unflushedWhileWaiting += sink.unflushed;
            }
            if (next == chunks.size()) {
                return -1;
            }
            // a chunk larger than the caller's buffer takes several reads: its rest stays available, within the burst
            byte[] chunk = chunks.get(next);
            int n = Math.min(len, chunk.length - offset);
            System.arraycopy(chunk, offset, b, off, n);
            offset += n;
            if (offset == chunk.length) {
                next++;
                offset = 0;
            }
            return n;
        }
    }

    private static final class FlushTrackingSink extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private int unflushed;
        private int flushes;

        @Override
        public void write(int b) {
            bytes.write(b);
            unflushed++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes.write(b, off, len);
            unflushed += len;
        }

        @Override
        public void flush() {
            flushes++;
            unflushed = 0;
        }
    }
}
