package dev.vigil.syslog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyslogFrameDecoderTest {

    private final List<FramingError> errors = new ArrayList<>();

    @Test
    void readsNewlineTerminatedFrames() {
        assertThat(decode(100, "<13>first\n<13>second\n")).containsExactly("<13>first", "<13>second");
        assertThat(errors).isEmpty();
    }

    @Test
    void acceptsCrLfAndNulAsTrailers() {
        assertThat(decode(100, "<13>a\r\n<13>b\0<13>c\n")).containsExactly("<13>a", "<13>b", "<13>c");
    }

    @Test
    void skipsEmptyLines() {
        assertThat(decode(100, "\n\r\n<13>a\n\n\0")).containsExactly("<13>a");
        assertThat(errors).isEmpty();
    }

    @Test
    void readsOctetCountedFramesWithEmbeddedNewlines() {
        assertThat(decode(100, "10 <13>a\nb\r\nc8 <13>x\0\ny")).containsExactly("<13>a\nb\r\nc", "<13>x\0\ny");
        assertThat(errors).isEmpty();
    }

    @Test
    void leavesTheTrailingNewlineOutOfAnOctetCountedFrame() {
        assertThat(decode(100, "7 <13>a\r\n6 <13>b\n")).containsExactly("<13>a", "<13>b");
        assertThat(errors).isEmpty();
    }

    @Test
    void keepsAnOctetFrameOfExactlyTheLimitWithItsTrailingNewline() {
        assertThat(decode(5, "6 <13>a\n")).containsExactly("<13>a");
        assertThat(errors).isEmpty();
    }

    @Test
    void switchesFramingFrameByFrame() {
        assertThat(decode(100, "6 <13>a1<13>b\n6 <13>c2<13>d\r\n"))
                .containsExactly("<13>a1", "<13>b", "<13>c2", "<13>d");
        assertThat(errors).isEmpty();
    }

    @Test
    void toleratesALineEndAfterAnOctetCountedFrame() {
        assertThat(decode(100, "5 <13>a\n5 <13>b\n")).containsExactly("<13>a", "<13>b");
        assertThat(errors).isEmpty();
    }

    @Test
    void readsDigitsWithoutASpaceAsTheStartOfALine() {
        assertThat(decode(100, "2024-05-01 host app: started\n12345\n<13>next\n"))
                .containsExactly("2024-05-01 host app: started", "12345", "<13>next");
        assertThat(errors).containsExactly(FramingError.INVALID_OCTET_COUNT, FramingError.INVALID_OCTET_COUNT);
    }

    @Test
    void readsAnOverlongCountAsTheStartOfALine() {
        assertThat(decode(100, "1234567890 x\n")).containsExactly("1234567890 x");
        assertThat(errors).containsExactly(FramingError.INVALID_OCTET_COUNT);
    }

    @Test
    void truncatesAnOversizedLineAndSkipsItsRest() {
        assertThat(decode(5, "<13>abcdefgh\n<13>a\n")).containsExactly("<13>a", "<13>a");
        assertThat(errors).containsExactly(FramingError.OVERSIZED_FRAME);
    }

    @Test
    void keepsALineOfExactlyTheLimitEndedByCrLf() {
        assertThat(decode(5, "<13>a\r\n")).containsExactly("<13>a");
        assertThat(errors).isEmpty();
    }

    @Test
    void truncatesAnOversizedOctetFrameAndSkipsItsRest() {
        assertThat(decode(5, "9 <13>abcde3 <1>")).containsExactly("<13>a", "<1>");
        assertThat(errors).containsExactly(FramingError.OVERSIZED_FRAME);
    }

    @Test
    void deliversAnUnterminatedLastLineAtTheEnd() {
        List<byte[]> messages = new ArrayList<>();
        SyslogFrameDecoder decoder = decoder(100);
        byte[] bytes = bytes("<13>a\n<13>last");
        decoder.decode(bytes, 0, bytes.length, messages);
        assertThat(strings(messages)).containsExactly("<13>a");
        decoder.finish(messages);
        assertThat(strings(messages)).containsExactly("<13>a", "<13>last");
        assertThat(errors).isEmpty();
    }

    @Test
    void deliversACutOffOctetFrameAtTheEndAsAnError() {
        assertThat(decode(100, "20 <13>cut")).containsExactly("<13>cut");
        assertThat(errors).containsExactly(FramingError.INCOMPLETE_FRAME);
    }

    @Test
    void deliversBareDigitsAtTheEndAsALine() {
        assertThat(decode(100, "42")).containsExactly("42");
        assertThat(errors).containsExactly(FramingError.INVALID_OCTET_COUNT);
    }

    @Test
    void holdsOnlyTheOpenFrame() {
        SyslogFrameDecoder decoder = decoder(1000);
        List<byte[]> messages = new ArrayList<>();
        byte[] bytes = bytes("<13>complete\n<13>open");
        decoder.decode(bytes, 0, bytes.length, messages);
        assertThat(decoder.bufferedBytes()).isEqualTo("<13>open".length());
    }

    @Test
    void rejectsANonPositiveLimit() {
        assertThatThrownBy(() -> new SyslogFrameDecoder(0, errors::add))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxMessageBytes");
    }

    private List<String> decode(int maxMessageBytes, String stream) {
        SyslogFrameDecoder decoder = decoder(maxMessageBytes);
        List<byte[]> messages = new ArrayList<>();
        byte[] bytes = bytes(stream);
        decoder.decode(bytes, 0, bytes.length, messages);
        decoder.finish(messages);
        return strings(messages);
    }

    private SyslogFrameDecoder decoder(int maxMessageBytes) {
        return new SyslogFrameDecoder(maxMessageBytes, errors::add);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<String> strings(List<byte[]> messages) {
        return messages.stream().map(message -> new String(message, StandardCharsets.ISO_8859_1)).toList();
    }
}
