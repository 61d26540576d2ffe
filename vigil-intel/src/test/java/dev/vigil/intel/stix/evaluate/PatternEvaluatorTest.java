package dev.vigil.intel.stix.evaluate;

import dev.vigil.intel.stix.pattern.InvalidPatternException;
import dev.vigil.intel.stix.pattern.StixPatternParser;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PatternEvaluatorTest {

    private static final Map<String, Object> EVENT = Map.of(
            "src_ip", "10.1.2.3",
            "dst_ip", "2001:db8::7",
            "dst_port", "443",
            "src_port", 51515,
            "protocol", "TCP",
            "dns_query", "WWW.Evil.Test.",
            "http_url", "HTTPS://www.evil.test:443/Drop.exe#x",
            "file_hash", "D41D8CD98F00B204E9800998ECF8427E",
            "email_from", "Boss@Evil.Test");

    private static String verdict(String pattern) throws InvalidPatternException {
        PatternVerdict verdict = PatternEvaluator.evaluate(StixPatternParser.parse(pattern),
                EventObservables.fromFields(EVENT));
        return switch (verdict) {
            case PatternVerdict.Matched matched -> "match";
            case PatternVerdict.NotMatched notMatched -> "no match";
            case PatternVerdict.NotEvaluable notEvaluable -> "not evaluable: " + notEvaluable.reason();
        };
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            [ipv4-addr:value = '10.1.2.3']                                   | match
            [ipv4-addr:value = '10.0.0.0/8']                                 | match
            [ipv4-addr:value ISSUBSET '10.1.0.0/16']                         | match
            [ipv4-addr:value ISSUBSET '192.0.2.0/24']                        | no match
            [ipv6-addr:value = '2001:0db8:0:0:0:0:0:0007']                   | match
            [ipv6-addr:value = '10.1.2.3']                                   | no match
            [network-traffic:dst_ref.value = '2001:db8::/32']                | match
            [network-traffic:dst_port = 443 AND network-traffic:src_port > 50000] | match
            [network-traffic:dst_port IN (80, 8080)]                         | no match
            [network-traffic:dst_port NOT IN (80, 8080)]                     | match
            [network-traffic:protocols[*] = 'tcp']                           | match
            [domain-name:value = 'www.evil.test']                            | match
            [domain-name:value LIKE '%.evil.test']                           | match
            [domain-name:value MATCHES '^www\\\\.evil']                     | match
            [url:value = 'https://www.evil.test/Drop.exe']                   | match
            [url:value = 'https://www.evil.test/drop.exe']                   | no match
            [file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']           | match
            [file:hashes.'SHA-256' = '0000000000000000000000000000000000000000000000000000000000000000'] | no match
            [email-addr:value = 'boss@evil.test']                            | match
            [email-message:from_ref.value MATCHES '@evil\\\\.test$']        | match
            [file:name = 'x.exe']                                            | no match
            [file:name NOT = 'x.exe']                                        | no match
            [EXISTS file:hashes.MD5]                                         | match
            [EXISTS file:name]                                               | no match
            [url:value = 'http://nope.test/'] OR [domain-name:value = 'www.evil.test'] | match
            [url:value = 'http://nope.test/'] AND [domain-name:value = 'www.evil.test'] | no match
            """)
    void evaluatesSocObservables(String pattern, String expected) throws InvalidPatternException {
        assertThat(verdict(pattern)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            [x509-certificate:serial_number = '01']                    | object type 'x509-certificate'
            [ipv4-addr:value = '10.1.2.3'] WITHIN 5 SECONDS            | WITHIN qualifies a sequence
            [ipv4-addr:value = '10.1.2.3'] FOLLOWEDBY [url:value = 'x'] | FOLLOWEDBY orders several events
            [domain-name:value MATCHES '([a-z']                        | not a valid regular expression
            """)
    void saysWhyAPatternIsNotEvaluable(String pattern, String reason) throws InvalidPatternException {
        assertThat(verdict(pattern)).startsWith("not evaluable: ").contains(reason);
    }
}
