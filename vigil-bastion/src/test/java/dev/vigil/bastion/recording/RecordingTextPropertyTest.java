package dev.vigil.bastion.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import tools.jackson.databind.json.JsonMapper;

/**
 * The relay's text path without strings: bytes decoded in place across arbitrary read boundaries give what decoding
 * the whole stream at once gives, and every quoted line is valid UTF-8 JSON that reads back as the text.
 */
class RecordingTextPropertyTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Provide
    Arbitrary<byte[]> terminalBytes() {
        // mostly UTF-8 text with escapes, plus stray continuation and lead bytes
        Arbitrary<byte[]> pieces = Arbitraries.oneOf(
                Arbitraries.strings().withChars("ab \r\n\t\"\\\u001b[0m\u007f").ofMaxLength(8).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.strings().withChars("äé€✓日本").ofMaxLength(4).map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.of("\uD83D\uDE80", "\uD834\uDD1E").map(s -> s.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(3));
        return pieces.list().ofMaxSize(30).map(list -> {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            list.forEach(all::writeBytes);
            return all.toByteArray();
        });
    }

    @Property(tries = 500)
    void decodingInPlaceAcrossReadsEqualsDecodingAtOnce(@ForAll("terminalBytes") byte[] bytes,
            @ForAll("cuts") List<Integer> cuts) {
        Utf8Stream stream = new Utf8Stream();
        StringBuilder decoded = new StringBuilder();
        int from = 0;
        for (int cut : cuts.stream().map(c -> Math.min(c, bytes.length)).sorted().toList()) {
            decoded.append(stream.decodeInPlace(bytes, from, cut - from));
            from = cut;
        }
        decoded.append(stream.decodeInPlace(bytes, from, bytes.length - from)).append(stream.flush());

        assertThat(decoded.toString()).isEqualTo(new String(bytes, StandardCharsets.UTF_8));
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(0, 200).list().ofMaxSize(8);
    }

    @Property(tries = 500)
    void aQuotedLineIsValidUtf8JsonThatReadsBackAsTheText(@ForAll("anyText") String text) throws IOException {
        JsonLine line = new JsonLine().clear().plain("[").quoted(text).plain("]\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        line.writeTo(out);
        byte[] bytes = out.toByteArray();

        StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes));
        for (byte b : bytes) {
            assertThat(b >= 0x20 && b != 0x7f || b < 0 || b == '\n').as("no raw control byte").isTrue();
        }
        String[] parsed = JSON.readValue(bytes, String[].class);
        assertThat(parsed).containsExactly(withoutLoneSurrogates(text));
    }

    @Provide
    Arbitrary<String> anyText() {
        // any UTF-16, with surrogates (paired and lone) made likely
        return Arbitraries.strings().all().withChars('\uD83D', '\uDE80', '\uDC00', '\u001b', '"', '\\').ofMaxLength(40);
    }

    private static String withoutLoneSurrogates(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\ufffd' : c);
            }
        }
        return out.toString();
    }
}
