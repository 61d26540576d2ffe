package dev.vigil.bastion.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever words an operator writes, quoting them any way bash allows (single quotes, double quotes, backslashes,
 * ANSI-C {@code $'\xNN'}, or mixed per character) yields the same words after quote removal; and joining commands with
 * any list or pipe operator yields each of them as its own simple command.
 */
class ShellLexerPropertyTest {

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().withChars("abcxyz019-_./=,:%@+ \t'\"\\$`*?[]{}();&|<>!#~^").ofMinLength(1).ofMaxLength(12);
    }

    @Provide
    Arbitrary<Integer> styles() {
        return Arbitraries.integers().between(0, 3);
    }

    static String quote(String word, int style) {
        StringBuilder out = new StringBuilder();
        switch (style) {
            case 0 -> out.append('\'').append(word.replace("'", "'\\''")).append('\'');
            case 1 -> {
                out.append('"');
                for (char c : word.toCharArray()) {
                    if ("$`\"\\".indexOf(c) >= 0) {
                        out.append('\\');
                    }
                    if (c == '!') {
                        out.append("\"'!'\"");
                        continue;
                    }
                    out.append(c);
                }
                out.append('"');
            }
            case 2 -> {
                for (char c : word.toCharArray()) {
                    out.append('\\').append(c);
                }
            }
            default -> {
                out.append("$'");
                for (char c : word.toCharArray()) {
                    out.append(String.format("\\x%02x", (int) c));
                }
                out.append('\'');
            }
        }
        return out.toString();
    }

    @Property(tries = 300)
    void quotedWordsComeBackUnchanged(@ForAll("words") String first, @ForAll("words") String second, @ForAll("styles") int a,
            @ForAll("styles") int b) {
        ParsedLine line = ShellLexer.parse(quote(first, a) + " " + quote(second, b));

        assertThat(line.commands()).hasSize(1);
        assertThat(line.commands().get(0).words()).extracting(Word::value).containsExactly(first, second);
        assertThat(line.incomplete()).isFalse();
    }

    @Property(tries = 300)
    void everyCommandOfAListOrPipelineIsSeparate(@ForAll("words") String first, @ForAll("words") String second, @ForAll("styles") int a,
            @ForAll("styles") int b, @ForAll("operators") String operator) {
        ParsedLine line = ShellLexer.parse("run " + quote(first, a) + operator + "rm " + quote(second, b));

        assertThat(line.commands()).extracting(c -> c.words().stream().map(Word::value).toList())
                .containsExactly(List.of("run", first), List.of("rm", second));
    }

    @Provide
    Arbitrary<String> operators() {
        return Arbitraries.of(";", " ; ", "&&", " || ", "|", " |& ", " & ", "\n");
    }
}
