package dev.vigil.detect.event;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class FieldValueFoldTest {

    @Test
    void sharpSAndFinalSigmaFoldAlikeWhateverTheCaseOfTheAsciiLettersBeforeThem() {
        assertThat(FieldValue.fold("Straße")).isEqualTo(FieldValue.fold("straße")).isEqualTo(FieldValue.fold("STRASSE"))
                .isEqualTo("strasse");
        assertThat(FieldValue.fold("ΟΔΟΣ")).isEqualTo(FieldValue.fold("Οδος")).isEqualTo(FieldValue.fold("οδος"));
        assertThat(FieldValue.fold("Xς")).isEqualTo(FieldValue.fold("xσ"));
    }

    @Test
    void asciiTextFoldsToLowerCaseAndIsReturnedAsItIsWhenAlreadyFolded() {
        String folded = "c:\\windows\\system32\\cmd.exe /c whoami";
        assertThat(FieldValue.fold(folded)).isSameAs(folded);
        assertThat(FieldValue.fold("C:\\Windows\\System32\\CMD.EXE /c WhoAmI")).isEqualTo(folded);
    }

    @Property(tries = 2000)
    void theCaseOfAsciiLettersNeverChangesTheFold(@ForAll String text) {
        assertThat(FieldValue.fold(swapAsciiCase(text))).isEqualTo(FieldValue.fold(text));
    }

    private static String swapAsciiCase(String text) {
        StringBuilder swapped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            swapped.append(c >= 'a' && c <= 'z' ? (char) (c - 32) : c >= 'A' && c <= 'Z' ? (char) (c + 32) : c);
        }
        return swapped.toString();
    }
}
