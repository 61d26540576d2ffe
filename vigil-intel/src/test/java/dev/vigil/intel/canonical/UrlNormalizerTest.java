package dev.vigil.intel.canonical;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UrlNormalizerTest {

    @Test
    void lowerCasesSchemeAndHostOnly() {
        assertThat(UrlNormalizer.normalize("HTTPS://Evil.Example/Path/File.EXE?Q=A"))
                .isEqualTo("https://evil.example/Path/File.EXE?Q=A");
    }

    @Test
    void dropsDefaultPortsButKeepsOthers() {
        assertThat(UrlNormalizer.normalize("http://a.test:80/x")).isEqualTo("http://a.test/x");
        assertThat(UrlNormalizer.normalize("https://a.test:443/x")).isEqualTo("https://a.test/x");
        assertThat(UrlNormalizer.normalize("http://a.test:443/x")).isEqualTo("http://a.test:443/x");
        assertThat(UrlNormalizer.normalize("https://a.test:8080/x")).isEqualTo("https://a.test:8080/x");
    }

    @Test
    void dropsFragmentAndSuppliesRootPath() {
        assertThat(UrlNormalizer.normalize("http://a.test/x#frag")).isEqualTo("http://a.test/x");
        assertThat(UrlNormalizer.normalize("http://a.test")).isEqualTo("http://a.test/");
        assertThat(UrlNormalizer.normalize("http://a.test?q=1")).isEqualTo("http://a.test/?q=1");
        assertThat(UrlNormalizer.normalize("http://a.test/?")).isEqualTo("http://a.test/");
    }

    @Test
    void refangsAndAssumesHttpWithoutScheme() {
        assertThat(UrlNormalizer.normalize("hxxp://evil[.]test/a")).isEqualTo("http://evil.test/a");
        assertThat(UrlNormalizer.normalize("evil.test/a")).isEqualTo("http://evil.test/a");
    }

    @Test
    void dropsUserInfo() {
        assertThat(UrlNormalizer.normalize("http://User:Secret@Evil.test/a")).isEqualTo("http://evil.test/a");
    }

    @Test
    void keepsBracketedIpv6HostsAndTheirPorts() {
        assertThat(UrlNormalizer.normalize("http://[2001:DB8::1]:8080/a")).isEqualTo("http://[2001:db8::1]:8080/a");
        assertThat(UrlNormalizer.normalize("http://[2001:db8::1]/a")).isEqualTo("http://[2001:db8::1]/a");
    }

    @Test
    void rejectsMissingHostOrBadPort() {
        assertThat(UrlNormalizer.normalize("http:///x")).isNull();
        assertThat(UrlNormalizer.normalize("http://a.test:http/x")).isNull();
        assertThat(UrlNormalizer.normalize("http://a.test:99999/x")).isNull();
    }

    @Property
    void arbitraryTextNeverThrowsAndNormalizingIsIdempotent(@ForAll String text) {
        String once = UrlNormalizer.normalize(text);
        if (once != null) {
            assertThat(UrlNormalizer.normalize(once)).isEqualTo(once);
        }
    }
}
