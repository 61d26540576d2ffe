package dev.vigil.detect.sigma.prefilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class LiteralAutomatonTest {

    @Test
    void findsOverlappingAndNestedLiterals() {
        LiteralAutomaton automaton = new LiteralAutomaton(List.of("he", "she", "his", "hers", "\u00e9t\u00e9", "\ud83d\ude00"));
        assertThat(automaton.find("ushers")).containsExactly(0, 1, 3);
        assertThat(automaton.find("l'\u00e9t\u00e9 \ud83d\ude00")).containsExactly(4, 5);
        assertThat(automaton.find("nothing")).isEmpty();
    }

    /** Enough distinct long literals for more than 65,535 states, so the wide transition table is used. */
    @Test
    void largeAutomataFindTheSameLiterals() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        List<String> literals = new ArrayList<>();
        for (int i = 0; i < 3500; i++) {
            StringBuilder literal = new StringBuilder();
            for (int c = 0; c < 24; c++) {
                literal.append((char) ('a' + random.nextInt(26)));
            }
            literals.add(literal.toString());
        }
        LiteralAutomaton automaton = new LiteralAutomaton(literals);
        String text = "xx" + literals.get(17) + "--" + literals.get(3499).substring(0, 23) + literals.get(1234);
        assertThat(automaton.find(text)).containsExactly(17, 1234);
    }

    @Provide
    Arbitrary<List<String>> literals() {
        return Arbitraries.strings().withChars("ab-\\").ofMinLength(1).ofMaxLength(5).list().ofMinSize(1).ofMaxSize(30);
    }

    @Provide
    Arbitrary<List<String>> unicodeLiterals() {
        return Arbitraries.strings().withChars("ab\u00e9\u00fc\ud83d\ude00").ofMinLength(1).ofMaxLength(5).list()
                .ofMinSize(1).ofMaxSize(30);
    }

    /** Non-ASCII characters share one class, so the automaton may report more, never less. */
    @Property(tries = 300)
    void neverMissesAUnicodeLiteral(@ForAll("unicodeLiterals") List<String> literals, @ForAll("texts") String text) {
        List<Integer> found = new LiteralAutomaton(literals).find(text);
        for (int i = 0; i < literals.size(); i++) {
            if (text.contains(literals.get(i))) {
                assertThat(found).contains(i);
            }
        }
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("ab-\\\u00e9\u00fcxy\ud83d\ude00").ofMaxLength(60);
    }

    @Property(tries = 500)
    void agreesWithNaiveSearchForAsciiLiterals(@ForAll("literals") List<String> literals, @ForAll("texts") String text) {
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < literals.size(); i++) {
            if (text.contains(literals.get(i))) {
                expected.add(i);
            }
        }
        assertThat(new LiteralAutomaton(literals).find(text)).isEqualTo(expected);
    }
}
