package dev.vigil.detect.sigma.prefilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import dev.vigil.detect.event.FieldValue;

class RegexLiteralsTest {

    @Test
    void takesTheLongestLiteralRunOfTheTopLevelSequence() {
        assertThat(RegexLiterals.required("\\w+`(?:\\w+|-|.)`[\\w+|\\s]", 0)).isEqualTo("`");
        assertThat(RegexLiterals.required("(?i)\\$\\{`?e`?n`?v", 0)).isEqualTo("${");
        assertThat(RegexLiterals.required("Invoke-Expression\\s+\\(", 0)).isEqualTo("invoke-expression");
        assertThat(RegexLiterals.required("abcd?e", 0)).isEqualTo("abc");
        assertThat(RegexLiterals.required("ab+cde", 0)).isEqualTo("cde");
        assertThat(RegexLiterals.required("APT\\d", 0)).isEqualTo("apt");
    }

    @Test
    void listsEveryRunInOrder() {
        assertThat(RegexLiterals.requiredInOrder("\\+.*\\+.*\\+", 0)).containsExactly("+", "+", "+");
        assertThat(RegexLiterals.requiredInOrder("(?i)(?:set).*&&\\s?set.*(?:env|invoke).*&&.*\"", 0))
                .containsExactly("&&", "set", "&&", "\"");
        assertThat(RegexLiterals.requiredInOrder("Ab+cDe?f", 0)).containsExactly("ab", "cd", "f");
        assertThat(RegexLiterals.requiredInOrder("abc|def", 0)).isEmpty();
        assertThat(RegexLiterals.requiredInOrder("[abc]+", 0)).isEmpty();
    }

    @Test
    void givesUpWhereALiteralIsNotRequired() {
        assertThat(RegexLiterals.required("abc|def", 0)).isNull();
        assertThat(RegexLiterals.required("(abc)", 0)).isNull();
        assertThat(RegexLiterals.required("[abc]+", 0)).isNull();
        assertThat(RegexLiterals.required("(?x) a b c", 0)).isNull();
        assertThat(RegexLiterals.required("abc", Pattern.COMMENTS)).isNull();
    }

    @Provide
    Arbitrary<String> regexes() {
        return Arbitraries.of("a", "b", "A", ".", "\\.", "\\d", "*", "+", "?", "{0,2}", "{2}", "(", ")", "(?:", "[ab]",
                "[^a]", "|", "^", "$", "\\\\", "(?i)", "-", "`").list().ofMaxSize(10).map(l -> String.join("", l));
    }

    /** Soundness: whenever the regex finds a match, the folded text contains the derived literal. */
    @Property(tries = 1000)
    void everyMatchContainsTheLiteral(@ForAll("regexes") String regex,
            @ForAll("texts") String text, @ForAll boolean ignoreCase) {
        int flags = ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        Pattern pattern = compiledOrNull(regex, flags);
        if (pattern == null) {
            return;
        }
        String literal = RegexLiterals.required(regex, flags);
        if (literal != null && pattern.matcher(text).find()) {
            assertThat(FieldValue.fold(text)).contains(literal);
        }
    }

    /** Soundness: whenever the regex finds a match, the folded text contains the derived runs in order, apart. */
    @Property(tries = 1000)
    void everyMatchContainsTheRunsInOrder(@ForAll("regexes") String regex,
            @ForAll("texts") String text, @ForAll boolean ignoreCase) {
        int flags = ignoreCase ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0;
        Pattern pattern = compiledOrNull(regex, flags);
        if (pattern == null) {
            return;
        }
        if (pattern.matcher(text).find()) {
            String folded = FieldValue.fold(text);
            int from = 0;
            for (String run : RegexLiterals.requiredInOrder(regex, flags)) {
                int at = folded.indexOf(run, from);
                assertThat(at).as(regex + " on " + text + ": " + run + " after " + from).isGreaterThanOrEqualTo(0);
                from = at + run.length();
            }
        }
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("aAbB.-`\\1 ").ofMaxLength(12);
    }

    /** The generated text may not be a valid regex: such samples say nothing about soundness. */
    private static Pattern compiledOrNull(String regex, int flags) {
        try {
            return Pattern.compile(regex, flags);
        } catch (RuntimeException invalid) {
            return null;
        }
    }
}
