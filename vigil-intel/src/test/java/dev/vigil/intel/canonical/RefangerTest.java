package dev.vigil.intel.canonical;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RefangerTest {

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
}
