package dev.vigil.intel.stix.pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Hostile and malformed input: the only failure is {@link InvalidPatternException}, and parsing stays fast. */
class StixPatternPropertiesTest {

    private static final String SEED = "([file:hashes.'SHA-256' = '" + "a".repeat(64) + "' AND network-traffic:dst_port "
            + "IN (80, 443)] OR [url:value MATCHES '^http://.*' AND x-a:b[*].'c-d' NOT LIKE 'x%']) FOLLOWEDBY "
            + "[ipv4-addr:value = '198.51.100.0/24'] WITHIN 300 SECONDS REPEATS 2 TIMES START "
            + "t'2024-01-01T00:00:00Z' STOP t'2024-01-02T00:00:00.5Z'";

    @Provide
    Arbitrary<String> patternAlphabet() {
        return Arbitraries.strings().withChars("[]()':.,=!<>*-+ \\abthxyzANDORNOTINWITHSECONDSREPEATSTIME01259_/\"")
                .ofMaxLength(80);
    }

    @Property(tries = 2000)
    void randomTokensSoupOnlyEverFailsAsInvalidPattern(@ForAll("patternAlphabet") String text) {
        assertOnlyInvalidPatternEscapes(text);
    }

    @Property(tries = 1000)
    void arbitraryUnicodeOnlyEverFailsAsInvalidPattern(@ForAll String text) {
        assertOnlyInvalidPatternEscapes(text);
    }

    @Property(tries = 1000)
    void mutatingAValidPatternOnlyEverFailsAsInvalidPattern(@ForAll @IntRange(min = 0, max = 400) int at,
                                                            @ForAll @IntRange(min = 0, max = 6) int cut,
                                                            @ForAll("patternAlphabet") String insert) {
        int position = Math.min(at, SEED.length());
        int end = Math.min(SEED.length(), position + cut);
        assertOnlyInvalidPatternEscapes(SEED.substring(0, position) + insert + SEED.substring(end));
    }

    @Property(tries = 20)
    void longInputsParseInBoundedTime(@ForAll @IntRange(min = 1, max = 2000) int repeats) {
        String wide = "[a:b = 1]" + " AND [a:b = 1]".repeat(repeats);
        assertThat(StixPatternParser.isValid(wide)).isTrue();
        String unterminated = "[a:b = '" + "\\\\".repeat(repeats * 10);
        assertThat(StixPatternParser.isValid(unterminated)).isFalse();
    }

    private static void assertOnlyInvalidPatternEscapes(String text) {
        assertThatCode(() -> {
            long start = System.nanoTime();
            try {
                StixPatternParser.parse(text);
            } catch (InvalidPatternException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        }).as(text).doesNotThrowAnyException();
    }

    @Property(tries = 200)
    void seedStaysValidAndParsesTheSameEveryTime(@ForAll @IntRange(min = 0, max = 3) int spaces) throws Exception {
        String spaced = SEED.replace(" ", " ".repeat(spaces + 1));
        assertThat(StixPatternParser.parse(spaced).root()).isEqualTo(StixPatternParser.parse(SEED).root());
    }
}
