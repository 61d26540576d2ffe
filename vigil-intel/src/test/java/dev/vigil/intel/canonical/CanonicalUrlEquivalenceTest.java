package dev.vigil.intel.canonical;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CanonicalUrl} (both the string and the Latin-1 bytes a lookup probes with) against the string-building
 * normaliser it replaced, on arbitrary text and on URLs assembled from the pieces each parsing step looks for.
 */
class CanonicalUrlEquivalenceTest {

    /** Pieces that move the parser's boundaries, change case, or need Unicode-aware lower-casing. */
    private static final List<String> PIECES = List.of(
            "http", "HTTPS", "hXXp", "hxxps", "fxp", "ftp", "Ws", "wss", "a+b.c-d", "1x", "://", "[:]//", ":/", "//",
            "[.]", "(.)", "[dot]", "\\.", "[@]", "[at]", "[/]", "@", ":", "/", "?", "#", "[", "]", "[2001:DB8::1]",
            "0", "80", ":80", ":443", ":21", ":0", ":00080", ":65535", ":65536", ":99999", ":123456", ":8o",
            "Evil", "EXAMPLE", "test", ".", "-", "x", "%2F", "=", "&", " ", "\t", "\u00A0",
            "\u00C0", "\u00DF", "\u00B5", "\u00FF", "\u00DE", "\u0130", "\u03A3", "\u212A", "\u212B", "\u0416",
            "\uD83D\uDE00", "\uD800");

    @Property(tries = 3000)
    void agreesWithTheStringBuildingNormaliserOnAssembledUrls(@ForAll("assembledUrls") String text) {
        assertEquivalent(text);
    }

    @Property(tries = 2000)
    void agreesWithTheStringBuildingNormaliserOnArbitraryText(@ForAll String text) {
        assertEquivalent(text);
    }

    @Test
    void agreesOnHandPickedEdgeCases() {
        for (String text : List.of("", " ", "http://", "http:///x", "://x", "x://", "http://a.test:", "http://a.test:/x",
                "http://@a.test", "http://u@:80/", "http://[::1]", "http://[::1]:443", "https://[::1]:443/?",
                "http://a.test?#", "http://a.test#?x", "a.test?x=http://b.test:81/y", "HTTP://İ.test/", "http://K.test",
                "http://ΑΣ.test/Σ", "ftp://A.test:21", "wss://A.test:443/", "WS://a.test:80?q", "x+y://a.test:80/")) {
            assertEquivalent(text);
        }
    }

    @Provide
    Arbitrary<String> assembledUrls() {
        return Arbitraries.of(PIECES).list().ofMaxSize(14).map(pieces -> String.join("", pieces));
    }

    private static void assertEquivalent(String text) {
        String expected = ReferenceUrlNormalizer.normalize(text);
        assertThat(UrlNormalizer.normalize(text)).as("normalize(%s)", text).isEqualTo(expected);
        CanonicalUrl url = CanonicalUrl.parse(text);
        if (expected == null) {
            assertThat(url).as("parse(%s)", text).isNull();
            return;
        }
        byte[] latin1 = new byte[url.latin1Length()];
        boolean written = url.writeLatin1(latin1);
        if (Refanger.refang(text.strip()).chars().allMatch(c -> c <= 0xFF)) {
            assertThat(written).as("Latin-1 text %s is written as bytes", text).isTrue();
        }
        if (written) {
            assertThat(new String(latin1, StandardCharsets.ISO_8859_1)).as("bytes of %s", text).isEqualTo(expected);
        }
    }
}
