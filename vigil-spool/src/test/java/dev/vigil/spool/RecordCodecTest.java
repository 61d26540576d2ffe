package dev.vigil.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.events.RawEvent;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RecordCodecTest {

    @Test
    void randomEventsDecodeToWhatWasEncoded() {
        Random random = new Random(20250301);
        for (int i = 0; i < 2000; i++) {
            RawEvent event = new RawEvent(randomText(random), randomText(random), randomText(random),
                    Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
                            random.nextInt(1_000_000_000)),
                    randomText(random), randomBytes(random));
            long sequence = random.nextLong(1, Long.MAX_VALUE);
            byte[] entry = RecordCodec.encodeEvent(event);
            RecordCodec.seal(entry, 0, sequence);

            ByteBuffer body = ByteBuffer.wrap(entry).slice(RecordCodec.FRAME_BYTES,
                    entry.length - RecordCodec.FRAME_BYTES);
            assertThat(ByteBuffer.wrap(entry).getInt(0)).isEqualTo(body.remaining());
            assertThat(ByteBuffer.wrap(entry).getInt(4)).isEqualTo(RecordCodec.checksum(body));
            assertThat(RecordCodec.type(body)).isEqualTo(RecordCodec.EVENT);
            assertThat(RecordCodec.eventSequence(body)).isEqualTo(sequence);
            assertThat(TestEvents.content(RecordCodec.decodeEvent(body))).isEqualTo(TestEvents.content(event));
        }
    }

    @Test
    void aBatchHeaderDecodesToWhatWasWritten() {
        byte[] buffer = new byte[RecordCodec.BATCH_ENTRY_BYTES + 3];
        RecordCodec.writeBatchHeader(buffer, 3, 42, 7, 1234);
        ByteBuffer body = ByteBuffer.wrap(buffer).slice(3 + RecordCodec.FRAME_BYTES, RecordCodec.BATCH_BODY_BYTES);
        assertThat(RecordCodec.type(body)).isEqualTo(RecordCodec.BATCH);
        assertThat(RecordCodec.decodeBatch(body)).isEqualTo(new RecordCodec.BatchHeader(42, 7, 1234));
        assertThat(ByteBuffer.wrap(buffer).getInt(3 + 4)).isEqualTo(RecordCodec.checksum(body));
    }

    @Test
    void textFieldsLongerThanTheFormatAllowsAreRefused() {
        RawEvent event = new RawEvent("i".repeat(70_000), "t", "syslog", Instant.EPOCH, "", new byte[0]);
        assertThatThrownBy(() -> RecordCodec.encodeEvent(event))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("inputId is 70000 bytes");
    }

    private static String randomText(Random random) {
        int length = random.nextInt(40);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int codePoint = switch (random.nextInt(4)) {
                case 0 -> random.nextInt(0x20, 0x7F);
                case 1 -> random.nextInt(0xA0, 0x800);
                case 2 -> random.nextInt(0x4E00, 0x9FFF);
                default -> random.nextInt(0x1F300, 0x1F5FF);
            };
            text.appendCodePoint(codePoint);
        }
        return text.toString();
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(3) == 0 ? 0 : random.nextInt(2000)];
        random.nextBytes(bytes);
        return bytes;
    }
}
