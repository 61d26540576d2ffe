package dev.vigil.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageLengthTest {

    private final List<FramingError> errors = new ArrayList<>();

    @Test
    void leavesOutTrailingLineEndsAndNuls() {
        assertThat(length("<13>a\r\n\0", false, 100)).isEqualTo("<13>a".length());
        assertThat(errors).isEmpty();
    }

    @Test
    void keepsInnerLineEnds() {
        assertThat(length("<13>a\nb", false, 100)).isEqualTo("<13>a\nb".length());
    }

    @Test
    void isZeroForNothingButTrailers() {
        assertThat(length("\r\n\0", false, 100)).isZero();
    }

    @Test
    void cutsToTheLimit() {
        assertThat(length("<13>abcdef\n", false, 5)).isEqualTo(5);
        assertThat(errors).containsExactly(FramingError.OVERSIZED_FRAME);
    }

    @Test
    void acceptsAMessageOfTheLimitFollowedByATrailer() {
        assertThat(length("<13>a\n", false, 5)).isEqualTo(5);
        assertThat(errors).isEmpty();
    }

    @Test
    void cutsAFrameThatWentOnWithoutLookingForTrailers() {
        assertThat(length("<13>a\n", true, 5)).isEqualTo(5);
        assertThat(errors).containsExactly(FramingError.OVERSIZED_FRAME);
    }

    private int length(String frame, boolean cut, int limit) {
        byte[] bytes = frame.getBytes(StandardCharsets.US_ASCII);
        return MessageLength.of(bytes, bytes.length, cut, limit, errors::add);
    }
}
