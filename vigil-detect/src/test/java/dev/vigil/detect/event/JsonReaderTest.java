package dev.vigil.detect.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

/** The event reader gives the same trees as Jackson's untyped read, and rejects what is not JSON. */
class JsonReaderTest {

    private static final JsonMapper JACKSON = JsonMapper.builder().build();

    @Test
    void readsTheJavaTypesJacksonGives() throws Exception {
        String json = """
                 {"i": 7, "neg": -0, "l": 3000000000, "big": 123456789012345678901234, "d": 1.5e3, "t": true,
                  "n": null, "s": "a\\"b\\\\c\\u00e9\\ud83d\\ude00\\n", "a": [1, "x", [], {}], "k": 1, "k": 2}
                """;
        JsonObject tree = new JsonReader().readObject(json);
        assertThat(tree).isEqualTo(JACKSON.readValue(json, Map.class));
        assertThat(tree.get("i")).isInstanceOf(Integer.class);
        assertThat(tree.get("l")).isInstanceOf(Long.class);
        assertThat(tree.get("big")).isInstanceOf(java.math.BigInteger.class);
        assertThat(tree.get("d")).isEqualTo(1500.0);
        assertThat(tree.get("k")).isEqualTo(2);
        assertThat(List.copyOf(tree.keySet())).containsExactly("i", "neg", "l", "big", "d", "t", "n", "s", "a", "k");
    }

    @Test
    void rejectsWhatIsNotJson() {
        for (String bad : List.of("{", "{\"a\"}", "{\"a\":}", "{\"a\":01}", "{\"a\":1.}", "{\"a\":+1}", "{\"a\":tru}",
                "{\"a\":\"x}", "{\"a\":\"\\x\"}", "{\"a\":\"\u0001\"}", "{\"a\":1,}", "{\"a\":[1,]}", "{} x", "{'a':1}",
                "[1]", "{\"a\":NaN}", "{\"a\":\"\\u12\"}")) {
            assertThatThrownBy(() -> new JsonReader().readObject(bad)).as(bad)
                    .isInstanceOf(JsonReader.MalformedJson.class);
        }
        String deep = "{\"a\":" + "[".repeat(2000) + "]".repeat(2000) + "}";
        assertThatThrownBy(() -> new JsonReader().readObject(deep)).isInstanceOf(JsonReader.MalformedJson.class);
    }

    /** Random documents (nesting, escapes, non-ASCII, numbers of every size, repeated keys) read like Jackson reads them. */
    @Property(tries = 500)
    void randomDocumentsReadLikeJackson(@ForAll long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder json = new StringBuilder();
        object(random, json, 0);
        String text = json.toString();
        JsonReader reader = new JsonReader();
        JsonObject tree = reader.readObject(text);
        Map<?, ?> expected = JACKSON.readValue(text, Map.class);
        assertThat(tree).as(text).isEqualTo(expected);
        assertAsciiValues(reader, text, tree);
        assertThat(List.copyOf(tree.keySet())).isEqualTo(List.copyOf(expected.keySet()));
        // a second read through the same reader (its key cache now warm) gives the same tree
        assertThat(reader.readObject(text)).isEqualTo(expected);
        // every proper prefix is incomplete
        int cut = random.nextInt(text.length());
        assertThatThrownBy(() -> reader.readObject(text.substring(0, cut))).isInstanceOf(JsonReader.MalformedJson.class);
    }

    /** Long strings with escapes between runs of plain text, beyond the reader's first buffer size. */
    @Property(tries = 200)
    void longEscapedStringsReadLikeJackson(@ForAll long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder json = new StringBuilder("{");
        for (int member = 0, n = 1 + random.nextInt(4); member < n; member++) {
            StringBuilder value = new StringBuilder("\"");
            for (int i = 0, pieces = random.nextInt(200); i < pieces; i++) {
                String piece = string(random);
                value.append(piece, 1, piece.length() - 1);
                value.append("C:\\\\Windows\\\\".repeat(random.nextInt(3))).append("x".repeat(random.nextInt(40)));
            }
            json.append(member > 0 ? "," : "").append("\"k").append(member).append("\":").append(value).append('"');
        }
        String text = json.append('}').toString();
        JsonReader reader = new JsonReader();
        Map<?, ?> expected = JACKSON.readValue(text, Map.class);
        JsonObject tree = reader.readObject(text);
        assertThat(tree).as(text).isEqualTo(expected);
        assertAsciiValues(reader, text, tree);
    }

    @Test
    void keysSharingLengthAndEndsAreNotConfused() throws Exception {
        String json = "{\"abcXe\":1,\"abcYe\":2,\"abcXe\":3,\"a\":4,\"\":5,\"abcYe\":6}";
        JsonReader reader = new JsonReader();
        for (int pass = 0; pass < 2; pass++) {
            JsonObject tree = reader.readObject(json);
            assertThat(tree).isEqualTo(JACKSON.readValue(json, Map.class));
            assertThat(List.copyOf(tree.keySet())).containsExactly("abcXe", "abcYe", "a", "");
        }
    }

    @Test
    void errorsInStringsSayWhere() {
        assertThatThrownBy(() -> new JsonReader().readObject("{\"a\":\"x\\q\"}"))
                .hasMessage("invalid escape '\\q' at character 9");
        assertThatThrownBy(() -> new JsonReader().readObject("{\"a\":\"x\\n\u0001\"}"))
                .hasMessage("unescaped control character in a string at character 10");
        assertThatThrownBy(() -> new JsonReader().readObject("{\"a\":\"x\\nyz"))
                .hasMessage("unterminated string at character 12");
        assertThatThrownBy(() -> new JsonReader().readObject("{\"a\":\"x\\u00"))
                .hasMessage("unterminated string at character 10");
    }

    @Test
    void recordsTheStringValuesHoldingNonAsciiCharacters() throws Exception {
        JsonReader reader = new JsonReader();
        JsonObject tree = reader.readObject("{\"\u00e9\u212a\":\"C:\\\\x\\u007f\",\"n\":[1,true,null,\"\"]}");
        assertThat(reader.lastNonAsciiValues().isAscii((String) tree.get("\u00e9\u212a"))).isTrue();
        for (String nonAscii : List.of("\"\u212a\"", "\"x\\\\\u017f\"", "\"\\u0130\"", "\"a\\n\\u0080\"")) {
            tree = reader.readObject("{\"a\":\"x\",\"b\":" + nonAscii + ",\"c\":[\"y\"]}");
            assertThat(reader.lastNonAsciiValues().isAscii((String) tree.get("b"))).as(nonAscii).isFalse();
            assertThat(reader.lastNonAsciiValues().isAscii((String) tree.get("a"))).as(nonAscii).isTrue();
            assertThat(reader.lastNonAsciiValues().isAscii((String) ((List<?>) tree.get("c")).get(0))).isTrue();
        }
        // beyond what it records, every value counts as possibly non-ASCII
        tree = reader.readObject("{\"a\":\"x\",\"b\":[" + "\"\u00e9\",".repeat(20) + "\"y\"]}");
        assertThat(reader.lastNonAsciiValues().isAscii((String) tree.get("a"))).isFalse();
    }

    /**
     * A value said to be ASCII is; and as long as the text has few non-ASCII characters and {@code \\u} escapes
     * (each non-ASCII value needs one), every ASCII value is said to be.
     */
    private static void assertAsciiValues(JsonReader reader, String text, Object tree) {
        List<String> values = new ArrayList<>();
        stringValues(tree, values);
        long marks = text.chars().filter(c -> c >= 0x80).count() + text.split("\\\\u", -1).length - 1;
        for (String value : values) {
            boolean ascii = value.chars().allMatch(c -> c < 0x80);
            if (reader.lastNonAsciiValues().isAscii(value)) {
                assertThat(ascii).as("%s in %s", value, text).isTrue();
            } else if (marks <= 16) {
                assertThat(ascii).as("%s in %s", value, text).isFalse();
            }
        }
    }

    private static void stringValues(Object node, List<String> out) {
        switch (node) {
            case Map<?, ?> map -> map.values().forEach(v -> stringValues(v, out));
            case List<?> list -> list.forEach(v -> stringValues(v, out));
            case String s -> out.add(s);
            case null, default -> {
            }
        }
    }

    private static void object(SplittableRandom random, StringBuilder json, int depth) {
        json.append('{').append(space(random));
        List<String> keys = new ArrayList<>();
        int members = random.nextInt(depth > 2 ? 2 : 6);
        for (int i = 0; i < members; i++) {
            if (i > 0) {
                json.append(',').append(space(random));
            }
            String key = !keys.isEmpty() && random.nextInt(6) == 0 ? keys.get(random.nextInt(keys.size()))
                    : string(random);
            keys.add(key);
            json.append(key).append(space(random)).append(':').append(space(random));
            value(random, json, depth);
            json.append(space(random));
        }
        json.append('}');
    }

    private static void value(SplittableRandom random, StringBuilder json, int depth) {
        switch (random.nextInt(depth > 2 ? 4 : 6)) {
            case 0 -> json.append(string(random));
            case 1 -> json.append(number(random));
            case 2 -> json.append(List.of("true", "false", "null").get(random.nextInt(3)));
            case 3 -> json.append(string(random));
            case 4 -> object(random, json, depth + 1);
            default -> {
                json.append('[');
                int n = random.nextInt(4);
                for (int i = 0; i < n; i++) {
                    if (i > 0) {
                        json.append(',');
                    }
                    value(random, json, depth + 1);
                }
                json.append(']');
            }
        }
    }

    private static String number(SplittableRandom random) {
        return switch (random.nextInt(7)) {
            case 0 -> Integer.toString(random.nextInt());
            case 1 -> Long.toString(random.nextLong());
            case 2 -> "-" + random.nextInt(10);
            case 3 -> "98765432109876543210" + random.nextInt(1000);
            case 4 -> random.nextInt(1000) + "." + random.nextInt(1000);
            case 5 -> random.nextInt(100) + "e" + (random.nextBoolean() ? "-" : "+") + random.nextInt(20);
            default -> Long.toString(Integer.MAX_VALUE + (long) random.nextInt(3));
        };
    }

    private static String string(SplittableRandom random) {
        StringBuilder s = new StringBuilder("\"");
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            switch (random.nextInt(10)) {
                case 0 -> s.append("\\\\");
                case 1 -> s.append("\\\"");
                case 2 -> s.append("\\u").append(String.format("%04x", random.nextInt(0x10000)));
                case 3 -> s.append(List.of("\\n", "\\t", "\\/", "\\b", "\\f", "\\r").get(random.nextInt(6)));
                case 4 -> s.append((char) (0xa0 + random.nextInt(0x2000)));
                case 5 -> s.append("\ud83d\ude00");
                default -> s.append((char) ('a' + random.nextInt(26)));
            }
        }
        return s.append('"').toString();
    }

    private static String space(SplittableRandom random) {
        return List.of("", "", " ", "\n\t", "\r\n  ").get(random.nextInt(5));
    }
}
