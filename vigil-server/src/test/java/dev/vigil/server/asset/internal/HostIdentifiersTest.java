package dev.vigil.server.asset.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The hand-written shape checks accept exactly what the patterns they replaced accept. */
class HostIdentifiersTest {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern HOSTNAME = Pattern.compile(
            "(?=.{1,253}$)[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?)*");
    /** Mixed characters, and alphabets narrow enough that addresses and names come up often. */
    private static final List<String> ALPHABETS = List.of("0123456789abcdefxyzABCFZ_-.:. \n\u0661[]%", "0123456789.", "0123456789..a",
            "0123abcdefABF:.", "abz09_-.", "ab-.");

    @Test
    void canonicalForms() {
        assertThat(HostIdentifiers.hostname(" Web-12.PROD.example.net. ")).contains("web-12.prod.example.net");
        assertThat(HostIdentifiers.hostname("10.1.2.3")).isEmpty();
        assertThat(HostIdentifiers.hostname("-web.example")).isEmpty();
        assertThat(HostIdentifiers.hostname("a".repeat(64))).isEmpty();
        assertThat(HostIdentifiers.hostname("a".repeat(63))).contains("a".repeat(63));
        assertThat(HostIdentifiers.address("[::1]")).contains("0:0:0:0:0:0:0:1");
        assertThat(HostIdentifiers.address(" 10.001.2.3 ")).contains("10.1.2.3");
        assertThat(HostIdentifiers.address("999.1.2.3")).isEmpty();
        assertThat(HostIdentifiers.address("host.example")).isEmpty();
        assertThat(HostIdentifiers.address(null)).isEqualTo(Optional.empty());
    }

    @Test
    void shapesMatchThePatternsOnRandomText() {
        Random random = new Random(20261130);
        for (int i = 0; i < 200_000; i++) {
            assertSameShapes(randomText(random, random.nextInt(24)));
            assertSameShapes(dottedGroups(random));
        }
        assertThat(java.util.Arrays.stream(accepted).min().orElseThrow()).as("fewest random texts a check accepted").isGreaterThan(100);
    }

    @Test
    void nameLengthLimitsMatchThePattern() {
        Random random = new Random(11);
        for (int length : List.of(61, 62, 63, 64, 65, 252, 253, 254, 300)) {
            for (int i = 0; i < 200; i++) {
                StringBuilder text = new StringBuilder();
                for (int j = 0; j < length; j++) {
                    text.append(random.nextInt(40) == 0 ? '.' : random.nextInt(30) == 0 ? '-' : (char) ('a' + random.nextInt(26)));
                }
                assertSameShapes(text.toString());
                assertSameShapes("a".repeat(length));
            }
        }
    }

    private final int[] accepted = new int[3];

    private void assertSameShapes(String text) {
        assertThat(HostIdentifiers.ipv4Shape(text)).as("IPv4 shape of \"%s\"", text).isEqualTo(IPV4.matcher(text).matches());
        assertThat(HostIdentifiers.ipv6Shape(text)).as("IPv6 shape of \"%s\"", text).isEqualTo(IPV6.matcher(text).matches());
        assertThat(HostIdentifiers.dnsName(text)).as("DNS name \"%s\"", text).isEqualTo(HOSTNAME.matcher(text).matches());
        accepted[0] += IPV4.matcher(text).matches() ? 1 : 0;
        accepted[1] += IPV6.matcher(text).matches() ? 1 : 0;
        accepted[2] += HOSTNAME.matcher(text).matches() ? 1 : 0;
    }

    /** Two to five groups of zero to four digits joined by dots, sometimes with a letter: near and exact IPv4 shapes. */
    private static String dottedGroups(Random random) {
        StringBuilder text = new StringBuilder();
        int groups = 2 + random.nextInt(4);
        for (int g = 0; g < groups; g++) {
            if (g > 0) {
                text.append('.');
            }
            int digits = random.nextInt(5);
            for (int d = 0; d < digits; d++) {
                text.append((char) ('0' + random.nextInt(10)));
            }
        }
        if (random.nextInt(10) == 0) {
            text.insert(random.nextInt(text.length() + 1), 'a');
        }
        return text.toString();
    }

    private static String randomText(Random random, int length) {
        String alphabet = ALPHABETS.get(random.nextInt(ALPHABETS.size()));
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
