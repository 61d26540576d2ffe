package dev.vigil.intel.stix.pattern;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** Constant operands of comparisons; {@link #text()} is the literal as written in the pattern. */
public sealed interface Literal {

    String text();

    /** {@code 'text'} with {@code \'} and {@code \\} unescaped in {@link #value()}. */
    record StringValue(String value, String text) implements Literal {
    }

    record IntegerValue(BigInteger value, String text) implements Literal {
    }

    record FloatValue(BigDecimal value, String text) implements Literal {
    }

    record BooleanValue(boolean value, String text) implements Literal {
    }

    /** {@code b'base64'}. */
    record BinaryValue(String base64, String text) implements Literal {
        public byte[] bytes() {
            return Base64.getDecoder().decode(base64);
        }
    }

    /** {@code h'hex'}. */
    record HexValue(String hex, String text) implements Literal {
        public byte[] bytes() {
            return HexFormat.of().parseHex(hex);
        }
    }

    /** {@code t'...Z'}; {@link #instant()} is null for range-valid but non-existent dates such as Feb 30. */
    record TimestampValue(String body, String text) implements Literal {
        public Instant instant() {
            return TimestampSyntax.toInstant(body);
        }
    }

    /** {@code (a, b, ...)} after {@code IN}. */
    record SetValue(List<Literal> elements, String text) implements Literal {
        public SetValue {
            elements = List.copyOf(elements);
        }
    }
}
