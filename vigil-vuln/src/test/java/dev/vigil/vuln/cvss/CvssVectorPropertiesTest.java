package dev.vigil.vuln.cvss;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Hostile and malformed vectors: the only exception that may escape is the documented InvalidCvssVectorException. */
class CvssVectorPropertiesTest {

    private static final String V31 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C/CR:H/MAV:N/MS:C";
    private static final String V40 = "CVSS:4.0/AV:N/AC:L/AT:P/PR:H/UI:A/VC:N/VI:H/VA:L/SC:N/SI:N/SA:L/E:U/MSI:S/U:Red";

    @Property(tries = 2000)
    void arbitraryStringsNeverThrowAnythingElse(@ForAll("hostile") String vector) {
        Throwable thrown = catchThrowable(() -> CvssCalculator.score(vector));
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(InvalidCvssVectorException.class);
        }
    }

    @Property(tries = 2000)
    void mutatedValidVectorsScoreInRangeOrFailWithAReason(@ForAll("mutated") String vector) {
        Throwable thrown = catchThrowable(() -> {
            CvssScore score = CvssCalculator.score(vector);
            assertThat(score.baseScore()).isBetween(java.math.BigDecimal.ZERO, java.math.BigDecimal.TEN);
            assertThat(score.baseScore().scale()).isEqualTo(1);
        });
        if (thrown != null) {
            assertThat(thrown).isInstanceOf(InvalidCvssVectorException.class);
        }
    }

    @Provide
    Arbitrary<String> hostile() {
        Arbitrary<String> noise = Arbitraries.strings().withChars("CVS:/3140ANLPRUIHXSMEx \u0000\u00e9").ofMaxLength(120);
        Arbitrary<String> prefixed = noise.map(s -> (s.length() % 2 == 0 ? "CVSS:3.1/" : "CVSS:4.0/") + s);
        return Arbitraries.oneOf(noise, prefixed, Arbitraries.strings().ofMaxLength(60));
    }

    @Provide
    Arbitrary<String> mutated() {
        Arbitrary<String> source = Arbitraries.of(V31, V40);
        Arbitrary<Integer> position = Arbitraries.integers().between(0, 200);
        Arbitrary<Character> replacement = Arbitraries.of('/', ':', 'N', 'H', 'L', 'X', 'S', 'Q', 'A', 'P');
        return net.jqwik.api.Combinators.combine(source, position, replacement, Arbitraries.integers().between(0, 2))
                .as((vector, pos, ch, op) -> {
                    int p = Math.min(pos, vector.length() - 1);
                    return switch (op) {
                        case 0 -> vector.substring(0, p) + ch + vector.substring(p + 1);
                        case 1 -> vector.substring(0, p) + vector.substring(p + 1);
                        default -> vector.substring(0, p) + ch + vector.substring(p);
                    };
                });
    }
}
