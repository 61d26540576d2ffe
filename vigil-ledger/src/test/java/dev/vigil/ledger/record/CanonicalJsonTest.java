package dev.vigil.ledger.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class CanonicalJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    /** RFC 8785 Appendix B: IEEE-754 bit patterns and their ECMAScript form. */
    @ParameterizedTest
    @CsvSource({
            "0000000000000000, 0",
            "8000000000000000, 0",
            "0000000000000001, 5e-324",
            "8000000000000001, -5e-324",
            "7fefffffffffffff, 1.7976931348623157e+308",
            "ffefffffffffffff, -1.7976931348623157e+308",
            "4340000000000000, 9007199254740992",
            "c340000000000000, -9007199254740992",
            "4430000000000000, 295147905179352830000",
            "44b52d02c7e14af5, 9.999999999999997e+22",
            "44b52d02c7e14af6, 1e+23",
            "44b52d02c7e14af7, 1.0000000000000001e+23",
            "444b1ae4d6e2ef4e, 999999999999999700000",
            "444b1ae4d6e2ef4f, 999999999999999900000",
            "444b1ae4d6e2ef50, 1e+21",
            "3eb0c6f7a0b5ed8c, 9.999999999999997e-7",
            "3eb0c6f7a0b5ed8d, 0.000001",
            "41b3de4355555553, 333333333.3333332",
            "41b3de4355555554, 333333333.33333325",
            "41b3de4355555555, 333333333.3333333",
            "41b3de4355555556, 333333333.3333334",
            "41b3de4355555557, 333333333.33333343",
            "becbf647612f3696, -0.0000033333333333333333",
            "43143ff3c1cb0959, 1424953923781206.2"})
    void numbersFollowEcmaScript(String bitsHex, String expected) {
        double value = Double.longBitsToDouble(Long.parseUnsignedLong(bitsHex, 16));
        assertThat(CanonicalJson.formatDouble(value)).isEqualTo(expected);
        // The canonical text parses back to the same double.
        assertThat(Double.parseDouble(expected)).isEqualTo(value == 0 ? 0.0 : value);
    }

    /** The example of RFC 8785 §3.2.3/§3.2.4 (sorting, literals, number and string rules). */
    @Test
    void rfcExample() {
        String input = "{\"numbers\": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],"
                + " \"string\": \"\\u20ac$\\u000F\\u000aA'\\u0042\\u0022\\u005c\\\\\\\"\\/\","
                + " \"literals\": [null, true, false]}";
        String expected = "{\"literals\":[null,true,false],\"numbers\":[333333333.3333333,1e+30,4.5,0.002,1e-27],"
                + "\"string\":\"\u20ac$\\u000f\\nA'B\\\"\\\\\\\\\\\"/\"}";
        assertThat(new String(CanonicalJson.encode(JSON.readTree(input)), StandardCharsets.UTF_8)).isEqualTo(expected);
    }

    @Test
    void sortsKeysByUtf16CodeUnits() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("\uD83D\uDE00", 1); // U+1F600 encodes as surrogates D83D DE00
        node.put("\uFB33", 2);       // above the high surrogates in UTF-16 order
        node.put("b", 3);
        node.put("a", 4);
        node.put("\u00e9", 5);
        assertThat(new String(CanonicalJson.encode(node), StandardCharsets.UTF_8))
                .isEqualTo("{\"a\":4,\"b\":3,\"\u00e9\":5,\"\uD83D\uDE00\":1,\"\uFB33\":2}");
    }

    @Test
    void rejectsUnpairedSurrogatesAndOverflow() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("k", "bad \uD800 text");
        assertThatThrownBy(() -> CanonicalJson.encode(node)).isInstanceOf(CanonicalJsonException.class)
                .hasMessageContaining("$.k").hasMessageContaining("surrogate");
        ObjectNode big = JsonNodeFactory.instance.objectNode();
        big.put("n", new BigDecimal("1e400"));
        assertThatThrownBy(() -> CanonicalJson.encode(big)).isInstanceOf(CanonicalJsonException.class)
                .hasMessageContaining("$.n");
    }

    @Test
    void integersAndControlCharacters() {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("i", 42L);
        node.put("neg", -7);
        node.put("c", "\u0001\u001f\u007f\u2028");
        assertThat(new String(CanonicalJson.encode(node), StandardCharsets.UTF_8))
                .isEqualTo("{\"c\":\"\\u0001\\u001f\u007f\u2028\",\"i\":42,\"neg\":-7}");
    }

    /** Every finite double prints in a form that parses back to exactly that double. */
    @net.jqwik.api.Property(tries = 2000)
    void numbersRoundTrip(@net.jqwik.api.ForAll double value) {
        if (Double.isFinite(value)) {
            assertThat(Double.parseDouble(CanonicalJson.formatDouble(value))).isEqualTo(value == 0 ? 0.0 : value);
        }
    }
}
