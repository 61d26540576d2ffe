package dev.vigil.eventstore.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import dev.vigil.testkit.Corpus;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The event analyzer's text fields give exactly the tokens Lucene's StandardAnalyzer gives, on any text. */
class LowerCasedWordTokenizerTest {
    /** Every ASCII class the word rules tell apart, and characters that send text to StandardTokenizer. */
    private static final String ASCII = "aZkQ09_:.,;' \t\n\r-/\"@#=[]{}()!?+*&%$~`|\\<>^";
    private static final String[] NON_ASCII = {"é", "Ü", "ß", "中文", "ﾃｽﾄ", "٣", "\u2019", "\u00ad", "\u200d", "😀", "\u20e3",
        "\u05d0", "\u0301", "İ", "ǅ", "\u00a0"};

    private static final Analyzer STANDARD = new StandardAnalyzer();
    private static final Analyzer EVENTS = EventAnalyzer.create();

    @AfterAll
    static void close() {
        STANDARD.close();
        EVENTS.close();
    }

    @Test
    void wordRulesOnAsciiMatchStandardAnalyzer() {
        List<String> samples = List.of("", " ", "_", "__", "_a", "a_", "a.b", "a..b", "a.", ".a", "1.2", "1.a", "a.1", "1,2",
                "a,b", "a:b", "1:2", "a'b", "1'2", "a;b", "1;2", "2026-11-30T02:47:46.123Z", "10.1.2.3", "web-12.prod.example.net",
                "{\"event\":{\"action\":\"login\"},\"user\":{\"name\":\"O'Brien\"}}", "GET /api/v2/orders/123?x=1 HTTP/1.1",
                "_1_", "1_a", "a_1.b", "x'.'y", "3.14,15;9", "A.B.C", "HTTP", "I'M", "e.g.,", "::1", "fe80::1%eth0");
        for (String text : samples) {
            assertSameTokens(text);
        }
    }

    @Test
    void randomTextMatchesStandardAnalyzer() {
        Random random = new Random(20261130);
        for (int i = 0; i < 30_000; i++) {
            assertSameTokens(randomText(random));
        }
    }

    @Test
    void longWordsMatchStandardAnalyzer() {
        Random random = new Random(7);
        for (int length : new int[] {LowerCasedWordTokenizer.LONGEST_FAST_RUN - 1, LowerCasedWordTokenizer.LONGEST_FAST_RUN,
            LowerCasedWordTokenizer.LONGEST_FAST_RUN + 1, 254, 255, 256, 300, 511, 700, 5_000}) {
            StringBuilder word = new StringBuilder();
            for (int i = 0; i < length; i++) {
                word.append("abcXYZ019_.:'".charAt(random.nextInt(13)));
            }
            assertSameTokens(word.toString());
            assertSameTokens("start " + word + " end " + word.toString().toUpperCase());
        }
    }

    @Test
    void textsAfterAHugeOneStillMatchStandardAnalyzer() {
        // the tokenizer drops its buffer after a text larger than it keeps; the texts after it must not notice
        String huge = "user=alice src=10.0.0.1 action=login ".repeat(6_000);
        for (String text : List.of(huge, "a.b c", huge + " é", "x_1 2,3", huge.substring(0, 70_000), "")) {
            assertSameTokens(text);
        }
    }

    @Test
    void corpusLogLinesMatchStandardAnalyzer() throws IOException {
        Path logs = Corpus.require("linux-logs");
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                lines.addAll(readLines(file));
            }
        }
        assertThat(lines).hasSizeGreaterThan(1_000);
        for (String line : lines) {
            assertSameTokens(line);
        }
    }

    @Test
    void queryNormalizationMatchesStandardAnalyzer() {
        for (String text : List.of("Admin*", "ÜBER", "Web-12.PROD", "İstanbul")) {
            BytesRef expected = STANDARD.normalize(IndexedFields.ORIGINAL, text);
            assertThat(EVENTS.normalize(IndexedFields.ORIGINAL, text)).isEqualTo(expected);
            assertThat(EVENTS.normalize(IndexedFields.MESSAGE, text)).isEqualTo(expected);
        }
    }

    private static String randomText(Random random) {
        int length = random.nextInt(60);
        boolean nonAscii = random.nextInt(4) == 0;
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (nonAscii && random.nextInt(8) == 0) {
                text.append(NON_ASCII[random.nextInt(NON_ASCII.length)]);
            } else {
                text.append(ASCII.charAt(random.nextInt(ASCII.length())));
            }
        }
        return text.toString();
    }

    private static void assertSameTokens(String text) {
        // both fields, twice each: the reused token streams must not carry state from one text to the next
        for (String field : List.of(IndexedFields.ORIGINAL, IndexedFields.MESSAGE, IndexedFields.ORIGINAL)) {
            assertThat(tokens(EVENTS, field, text)).as("tokens of %s in %s", quoted(text), field)
                    .isEqualTo(tokens(STANDARD, field, text));
        }
    }

    /** Every attribute the index or a query reads, one line per token, and the state after end(). */
    private static List<String> tokens(Analyzer analyzer, String field, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term + " " + offset.startOffset() + "-" + offset.endOffset() + " +" + increment.getPositionIncrement()
                        + " " + type.type());
            }
            stream.end();
            tokens.add("end " + offset.startOffset() + "-" + offset.endOffset() + " +" + increment.getPositionIncrement());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static List<String> readLines(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        return text.lines().toList();
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "\"";
    }
}
