package dev.vigil.intel.canonical;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RefangerTest {

    /** Pieces of defanged and plain values, including near misses of the one-pass check ("xq", "x" at the end). */
    private static final List<String> PIECES = List.of("hxxp", "HXXPS", "hXxP", "fxp", "FXPS", "xp", "Xp", "xP", "x",
            "X", "p", "P", "xq", "[:]", ":", "//", "[.]", "(.)", "{.}", "[dot]", "(DOT)", "{dot}", "\\.", "\\", "[@]",
            "(@)", "{at}", "[AT]", "[/]", "[", "]", "(", ")", "{", "}", ".", "@", "/", "evil", "test", " ", "\u00E9",
            "\u0130", "\uD83D\uDE00");

    @Test
    void undoesCommonDefanging() {
        assertThat(Refanger.refang("hxxp://evil[.]test/a")).isEqualTo("http://evil.test/a");
        assertThat(Refanger.refang("hXXps[:]//evil(.)test")).isEqualTo("https://evil.test");
        assertThat(Refanger.refang("198[.]51[.]100[.]7")).isEqualTo("198.51.100.7");
        assertThat(Refanger.refang("bad[@]mail[dot]test")).isEqualTo("bad@mail.test");
        assertThat(Refanger.refang("user[at]host{.}test")).isEqualTo("user@host.test");
    }

    @Property
    void leavesPlainValuesAlone(@ForAll @AlphaChars String label) {
        String plain = "http://" + label + ".test/" + label;
        assertThat(Refanger.refang(plain)).isEqualTo(plain);
    }

    @Property
    void arbitraryTextNeverThrows(@ForAll String text) {
        assertThat(Refanger.refang(text)).isNotNull();
    }

    @Property(tries = 3000)
    void skipsTheRewriteOnlyWhenItWouldChangeNothing(@ForAll("assembled") String text) {
        assertThat(Refanger.refang(text)).as(text).isEqualTo(Refanger.rewrite(text));
    }

    @Property(tries = 2000)
    void skipsTheRewriteOnlyWhenItWouldChangeNothingOnArbitraryText(@ForAll String text) {
        assertThat(Refanger.refang(text)).as(text).isEqualTo(Refanger.rewrite(text));
    }

    @Provide
    Arbitrary<String> assembled() {
        return Arbitraries.of(PIECES).list().ofMaxSize(10).map(pieces -> String.join("", pieces));
    }
}
