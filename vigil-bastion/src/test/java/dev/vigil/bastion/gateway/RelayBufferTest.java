package dev.vigil.bastion.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RelayBufferTest {

    @Test
    void bulkReadsGrowTheBufferUpToTheCeilingAndRelayEveryByteInOrder() throws IOException {
        byte[] data = new byte[3 * 1024 * 1024];
        new Random(8).nextBytes(data);
        RelayBuffer buffer = new RelayBuffer(1024, 16 * 1024);
        ByteArrayOutputStream relayed = new ByteArrayOutputStream();
        InputStream in = new ByteArrayInputStream(data);
        int reads = 0;
        for (int n = buffer.read(in); n >= 0; n = buffer.read(in)) {
            relayed.write(buffer.bytes(), 0, n);
            reads++;
        }
        assertThat(relayed.toByteArray()).isEqualTo(data);
        assertThat(buffer.capacity()).isEqualTo(16 * 1024);
        // 1 + 2 + 4 + 8 KiB while growing, then 16 KiB reads
        assertThat(reads).isEqualTo(4 + (data.length - 15 * 1024 + 16 * 1024 - 1) / (16 * 1024));
    }

    @Test
    void readsThatDoNotFillTheBufferKeepItSmall() throws IOException {
        RelayBuffer buffer = new RelayBuffer(1024, 16 * 1024);
        InputStream keystrokes = new InputStream() {
            private int left = 500;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left <= 0) {
                    return -1;
                }
                b[off] = 'x';
                left--;
                return 1;
            }
        };
        int total = 0;
        for (int n = buffer.read(keystrokes); n >= 0; n = buffer.read(keystrokes)) {
            assertThat(n).isEqualTo(1);
            assertThat(buffer.bytes()[0]).isEqualTo((byte) 'x');
            total += n;
        }
        assertThat(total).isEqualTo(500);
        assertThat(buffer.capacity()).isEqualTo(1024);
    }

    @Test
    void aSmallReadAfterBulkOutputTakesTheBufferBackToItsInitialSize() throws IOException {
        RelayBuffer buffer = new RelayBuffer(1024, 16 * 1024);
        InputStream bulk = new ByteArrayInputStream(new byte[64 * 1024]);
        for (int i = 0; i < 5; i++) {
            buffer.read(bulk);
        }
        assertThat(buffer.capacity()).isEqualTo(16 * 1024);

        InputStream prompt = new ByteArrayInputStream("$ ".getBytes(StandardCharsets.US_ASCII));
        assertThat(buffer.read(prompt)).isEqualTo(2);
        assertThat(new String(buffer.bytes(), 0, 2, StandardCharsets.US_ASCII)).isEqualTo("$ ");
        assertThat(buffer.capacity()).as("kept until the bytes of the small read are used").isEqualTo(16 * 1024);
        buffer.read(prompt);
        assertThat(buffer.capacity()).isEqualTo(1024);
    }

    @Test
    void theDefaultStartsAtThirtyTwoKibibytes() {
        assertThat(new RelayBuffer().capacity()).isEqualTo(RelayBuffer.INITIAL).isEqualTo(32 * 1024);
    }

    @Test
    void refusesACeilingBelowTheStart() {
        assertThatThrownBy(() -> new RelayBuffer(2048, 1024)).isInstanceOf(IllegalArgumentException.class);
    }
}
