package dev.vigil.bastion.rotation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class AuthorizedKeyOptionsTest {

    private static final String BLOB = "AAAAC3NzaC1lZDI1NTE5AAAAIKxyz";

    @Test
    void theOptionsOfTheKeysLinesAreKeptVerbatimIncludingQuotedSpaces() {
        String file = """
                # keys of the web team
                ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIother other@host
                command="echo \\"a b\\"",from="10.0.0.0/8" ssh-ed25519 %1$s ops@host
                no-pty ssh-ed25519 %1$s second line
                no-pty  ssh-ed25519 %1$s duplicate options
                """.formatted(BLOB);
        assertThat(AuthorizedKeyOptions.of(file, BLOB)).containsExactly("command=\"echo \\\"a b\\\"\",from=\"10.0.0.0/8\"", "no-pty");
    }

    @Test
    void aLineWithoutOptionsGivesAnEmptyOptionFieldAndAnAbsentKeyNone() {
        String file = "ssh-ed25519 " + BLOB + "\r\n\tssh-ed25519 AAAAother c\n";
        assertThat(AuthorizedKeyOptions.of(file, BLOB)).containsExactly("");
        assertThat(AuthorizedKeyOptions.of(file, "AAAAmissing")).isEmpty();
        assertThat(AuthorizedKeyOptions.of("", BLOB)).isEmpty();
        assertThat(AuthorizedKeyOptions.of("#ssh-ed25519 " + BLOB, BLOB)).as("a commented-out key").isEmpty();
    }

    @Test
    void theNewLineCarriesTheOptionsBeforeTheKey() {
        assertThat(AuthorizedKeyOptions.line("", "ssh-ed25519 AAAAnew c")).isEqualTo("ssh-ed25519 AAAAnew c");
        assertThat(AuthorizedKeyOptions.line("no-pty", "ssh-ed25519 AAAAnew c")).isEqualTo("no-pty ssh-ed25519 AAAAnew c");
    }

    @Property
    void anyOptionFieldIsFoundAgain(@ForAll("options") String options, @ForAll("comments") String comment) {
        String line = AuthorizedKeyOptions.line(options, "ssh-ed25519 " + BLOB + (comment.isEmpty() ? "" : " " + comment));
        assertThat(AuthorizedKeyOptions.of("ssh-rsa AAAAB3other x\n" + line + "\n", BLOB)).isEqualTo(List.of(options));
    }

    @Provide
    Arbitrary<String> options() {
        Arbitrary<String> flag = Arbitraries.of("no-pty", "restrict", "no-port-forwarding", "no-X11-forwarding", "cert-authority");
        Arbitrary<String> quoted = Combinators.combine(Arbitraries.of("from", "command", "environment", "permitopen", "expiry-time"),
                Arbitraries.strings().withChars("abc xyz,.=/*-\t").ofMaxLength(20).map(v -> v.replace("\"", "")),
                Arbitraries.of("", "\\\"q\\\" ")).as((name, value, escaped) -> name + "=\"" + escaped + value + "\"");
        return Arbitraries.oneOf(flag, quoted).list().ofMaxSize(4).map(parts -> String.join(",", parts));
    }

    @Provide
    Arbitrary<String> comments() {
        return Arbitraries.strings().withChars("abc @.-").ofMaxLength(15).map(String::strip);
    }
}
