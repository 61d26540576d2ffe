package dev.vigil.detect.sigma.prefilter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** Fragments are reported exactly when the text contains them, wherever their chosen gram lies. */
class GramFragmentsTest {

    /** few letters, so that grams repeat and fragments share them; separators and non-ASCII (a surrogate pair) */
    private static final String ALPHABET = "ab\\.-\u00e9\ud83d\ude00";

    @Test
    void findsFragmentsSharingGramsAtTheEdgesOfTheText() {
        List<String> fragments = List.of("\\cmd.exe", "cmd.exe /c", ".exe", "powershell", "\u00e9t\u00e9 \ud83d\ude00");
        GramFragments grams = new GramFragments(fragments, new int[] {0, 1, 2, 3, 70});
        assertThat(found(grams, "c:\\windows\\cmd.exe")).containsExactly(0, 2);
        assertThat(found(grams, "cmd.exe /c whoami")).containsExactly(1, 2);
        assertThat(found(grams, "powershel")).isEmpty();
        assertThat(found(grams, "l'\u00e9t\u00e9 \ud83d\ude00")).containsExactly(70);
        assertThat(found(grams, "")).isEmpty();
        assertThat(found(grams, "ex")).isEmpty();
    }

    @Test
    void findsLongFragmentsAtEveryPositionWhileLookingAtFewOfThem() {
        List<String> keywords = List.of("sekurlsa::", "lsadump::", "privilege::debug", "\\mimilib.dll");
        GramFragments grams = new GramFragments(keywords, new int[] {0, 1, 2, 3});
        String noise = "c:\\windows\\system32\\";
        for (int shift = 0; shift < 12; shift++) {
            String text = noise.substring(0, shift) + "sekurlsa::logonpasswords\0" + noise + "x\\mimilib.dll\0";
            assertThat(found(grams, text)).as(text).containsExactly(0, 3);
        }
        assertThat(found(grams, "lsadump:")).isEmpty();
        assertThat(found(grams, "lsadump::")).containsExactly(1);
    }

    @Test
    void refusesFragmentsShorterThanAGram() {
        assertThatThrownBy(() -> new GramFragments(List.of("abc"), new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 500)
    void agreesWithIndexOf(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        int count = 1 + random.nextInt(random.nextBoolean() ? 40 : 600);
        // the shortest fragment sets how many positions the search skips (up to 8 for 12 characters and more)
        int shortest = GramFragments.GRAM + random.nextInt(10);
        for (int i = 0; i < count; i++) {
            distinct.add(text(random, shortest + random.nextInt(5)));
        }
        List<String> fragments = new ArrayList<>(distinct);
        GramFragments grams = new GramFragments(fragments, IntStream.range(0, fragments.size()).toArray());
        for (int t = 0; t < 30; t++) {
            String text = text(random, random.nextInt(120));
            List<Integer> expected = new ArrayList<>();
            for (int id = 0; id < fragments.size(); id++) {
                if (text.contains(fragments.get(id))) {
                    expected.add(id);
                }
            }
            assertThat(found(grams, text)).as("%s in %s", fragments, text).isEqualTo(expected);
        }
    }

    /**
     * ASCII text searched with on-the-fly lower-casing finds what the folded text has: capitals, the characters next
     * to them ({@code @ [ ` {}, whose bit 0x20 differs) and fragments that only a non-ASCII folding could give.
     */
    @Property(tries = 500)
    void asciiTextSearchedFoldingAgreesWithIndexOfInTheFoldedText(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String fragmentAlphabet = "ab`{.\\ks\u00e9";
        String textAlphabet = "abAB@[`{.\\kKsS";
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        int count = 1 + random.nextInt(random.nextBoolean() ? 20 : 300);
        int shortest = GramFragments.GRAM + random.nextInt(10);
        for (int i = 0; i < count; i++) {
            distinct.add(text(random, fragmentAlphabet, shortest + random.nextInt(5)));
        }
        List<String> fragments = new ArrayList<>(distinct);
        GramFragments grams = new GramFragments(fragments, IntStream.range(0, fragments.size()).toArray());
        for (int t = 0; t < 30; t++) {
            String text = text(random, textAlphabet, random.nextInt(120));
            String folded = dev.vigil.detect.event.FieldValue.fold(text);
            List<Integer> expected = new ArrayList<>();
            for (int id = 0; id < fragments.size(); id++) {
                if (folded.contains(fragments.get(id))) {
                    expected.add(id);
                }
            }
            long[] bits = new long[(fragments.size() + 63) / 64];
            grams.findInAsciiFolded(text, bits);
            assertThat(ids(bits, fragments.size())).as("%s in %s", fragments, text).isEqualTo(expected);
        }
    }

    /** Every ASCII character, in every place of the gram, lower-cased as folding does and no other. */
    @Property(tries = 2000)
    void gramsOfAsciiBytesAreLowerCasedOneByOne(@ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        byte[] ascii = new byte[6];
        for (int i = 0; i < ascii.length; i++) {
            ascii[i] = (byte) random.nextInt(0x80);
        }
        int offset = random.nextInt(3);
        String text = new String(ascii, java.nio.charset.StandardCharsets.ISO_8859_1);
        String folded = dev.vigil.detect.event.FieldValue.fold(text);
        long expected = 0;
        for (int k = 0; k < GramFragments.GRAM; k++) {
            expected = (expected << 16) | folded.charAt(offset + k);
        }
        assertThat(GramFragments.lowerGram(ascii, offset)).as(text).isEqualTo(expected);
    }

    private static String text(SplittableRandom random, int length) {
        return text(random, ALPHABET, length);
    }

    private static String text(SplittableRandom random, String alphabet, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static List<Integer> ids(long[] bits, int count) {
        List<Integer> ids = new ArrayList<>();
        for (int id = 0; id < count; id++) {
            if ((bits[id >>> 6] & (1L << id)) != 0) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static List<Integer> found(GramFragments grams, String text) {
        long[] bits = new long[10];
        grams.find(text, bits);
        List<Integer> ids = new ArrayList<>();
        for (int id = 0; id < 640; id++) {
            if ((bits[id >>> 6] & (1L << id)) != 0) {
                ids.add(id);
            }
        }
        return ids;
    }
}
