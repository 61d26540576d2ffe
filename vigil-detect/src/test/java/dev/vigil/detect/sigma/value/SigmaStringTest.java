package dev.vigil.detect.sigma.value;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vigil.detect.sigma.value.StringToken.Literal;

class SigmaStringTest {

    @Test
    void backslashEscapesOnlyWildcardsAndBackslash() {
        assertThat(SigmaString.parse("C:\\Windows\\")).isEqualTo(SigmaString.parse("C:\\\\Windows\\\\"));
        assertThat(SigmaString.parse("a\\\\*").tokens()).containsExactly(new Literal("a\\"), StringToken.ANY);
        assertThat(SigmaString.parse("a\\\\\\*").tokens()).containsExactly(new Literal("a\\*"));
        assertThat(SigmaString.parse("a\\?b").tokens()).containsExactly(new Literal("a?b"));
        assertThat(SigmaString.parse("x\\n").tokens()).containsExactly(new Literal("x\\n"));
    }

    @Test
    void addedWildcardsAreTokensNotText() {
        SigmaString value = SigmaString.parse("\\Control\\Print\\Monitors\\").withLeadingWildcard().withTrailingWildcard();
        assertThat(value.tokens()).containsExactly(StringToken.ANY, new Literal("\\Control\\Print\\Monitors\\"),
                StringToken.ANY);
    }

    @Test
    void wildcardsAreNotDoubled() {
        assertThat(SigmaString.parse("*abc").withLeadingWildcard().tokens()).hasSize(2);
        assertThat(SigmaString.parse("a*?b").tokens()).isEqualTo(List.of(new Literal("a"), StringToken.ANY,
                StringToken.ONE, new Literal("b")));
    }
}
