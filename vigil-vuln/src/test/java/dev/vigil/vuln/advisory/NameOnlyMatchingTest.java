package dev.vigil.vuln.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.vigil.testkit.Corpus;
import org.junit.jupiter.api.Test;

/**
 * Inventory entries with only a name and a version: matched when a declared type or the asset's distribution tells
 * the ecosystem, reported as undetermined (never as affected) when it cannot be told or another ecosystem's package of
 * the same name could be meant. Over the corpus's PYSEC-2023-74 (PyPI requests), GHSA-mhpp-875w-9cpv (npm jquery)
 * and CVE-2023-25697 (a WordPress plugin, whose collection has no ecosystem).
 */
class NameOnlyMatchingTest {

    private static final DistroRelease BOOKWORM = new DistroRelease("Debian", "12");
    private static final String DEBIAN = """
            {"id": "DSA-TEST-1", "modified": "2024-02-01T00:00:00Z",
             "affected": [{"package": {"ecosystem": "Debian:12", "name": "openssl"},
                "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "3.0.13-1~deb12u1"}]}]}]}""";

    private static Advisory corpus(String path) throws Exception {
        Path file = Corpus.require(path.substring(0, path.indexOf('/'))).resolveSibling(path);
        return AdvisoryReader.read(file.toString(), Files.readAllBytes(file)).advisories().getFirst();
    }

    private static Optional<AdvisoryMatch> match(Advisory advisory, String name, String version, String type, DistroRelease os) {
        return AdvisoryMatcher.match(advisory, new InstalledPackage(name, version, null, null, type, os));
    }

    private static Verdict verdict(Advisory advisory, String name, String version, String type, DistroRelease os) {
        return match(advisory, name, version, type, os).orElseThrow().verdict();
    }

    @Test
    void aDeclaredTypeGivesTheEcosystem() throws Exception {
        Advisory requests = corpus("osv/records/osv-linter-testdata/PYSEC-2023-74.json");
        Verdict affected = verdict(requests, "requests", "2.30.0", "pypi", null);
        assertThat(affected.status()).isEqualTo(Verdict.Status.AFFECTED);
        assertThat(affected.fixedVersion()).isEqualTo("2.31.0");
        assertThat(verdict(requests, "Requests", "2.30.0", "PyPI", null).status()).isEqualTo(Verdict.Status.AFFECTED);
        assertThat(verdict(requests, "requests", "2.30.0", "pypi", BOOKWORM).status()).as("a language type ignores the distribution")
                .isEqualTo(Verdict.Status.AFFECTED);
        assertThat(match(requests, "requests", "2.30.0", "npm", null)).isEmpty();

        Advisory jquery = corpus("osv/records/ghsa-converter-expected/npm_greater_than.osv.json");
        assertThat(verdict(jquery, "jquery", "2.2.4", "npm", null).status()).isEqualTo(Verdict.Status.AFFECTED);
        assertThat(verdict(jquery, "jquery", "3.0.0", "npm", null).status()).isEqualTo(Verdict.Status.NOT_AFFECTED);

        Advisory debian = record(DEBIAN);
        assertThat(verdict(debian, "openssl", "3.0.11-1~deb12u2", "Debian:12", null).status()).isEqualTo(Verdict.Status.AFFECTED);
        assertThat(match(debian, "openssl", "3.0.11-1~deb12u2", "Debian:11", null)).isEmpty();
        assertThat(verdict(debian, "openssl", "3.0.11-1~deb12u2", "deb", BOOKWORM).status()).isEqualTo(Verdict.Status.AFFECTED);
    }

    @Test
    void anOperatingSystemTypeNeedsTheAssetsDistribution() throws Exception {
        Advisory debian = record(DEBIAN);
        Verdict noOs = verdict(debian, "openssl", "3.0.11-1~deb12u2", "deb", null);
        assertThat(noOs.status()).isEqualTo(Verdict.Status.UNKNOWN);
        assertThat(noOs.reason()).contains("deb package").contains("distribution is unknown");
        Verdict wrongType = verdict(debian, "openssl", "3.0.11-1~deb12u2", "rpm", BOOKWORM);
        assertThat(wrongType.status()).isEqualTo(Verdict.Status.UNKNOWN);
        assertThat(wrongType.reason()).contains("Debian 12, which has no rpm packages");
        assertThat(verdict(debian, "openssl", "3.0.11-1~deb12u2", "flatpak", null).reason()).contains("unknown package type flatpak");
    }

    @Test
    void withoutTypeTheAssetsDistributionIsTakenButOtherEcosystemsStayUndetermined() throws Exception {
        Advisory debian = record(DEBIAN);
        Verdict onBookworm = verdict(debian, "openssl", "3.0.11-1~deb12u2", null, BOOKWORM);
        assertThat(onBookworm.status()).isEqualTo(Verdict.Status.AFFECTED);
        assertThat(onBookworm.fixedVersion()).isEqualTo("3.0.13-1~deb12u1");
        assertThat(match(debian, "openssl", "3.0.11-1~deb12u2", null, new DistroRelease("Debian", "11"))).isEmpty();
        assertThat(match(debian, "openssl", "3.0.11-0ubuntu1", null, new DistroRelease("Ubuntu", "22.04"))).isEmpty();

        // a Debian host listing "requests": the Debian package is meant, but PyPI's requests could be
        Advisory requests = corpus("osv/records/osv-linter-testdata/PYSEC-2023-74.json");
        Verdict ambiguous = verdict(requests, "requests", "2.30.0", null, BOOKWORM);
        assertThat(ambiguous.status()).isEqualTo(Verdict.Status.UNKNOWN);
        assertThat(ambiguous.reason()).contains("taken as a Debian 12 package").contains("PyPI/requests");
    }

    @Test
    void aNameAloneIsNeverMatchedOnlyReported() throws Exception {
        Advisory requests = corpus("osv/records/osv-linter-testdata/PYSEC-2023-74.json");
        Verdict bare = verdict(requests, "requests", "2.30.0", null, null);
        assertThat(bare.status()).isEqualTo(Verdict.Status.UNKNOWN);
        assertThat(bare.reason()).contains("ecosystem cannot be told").contains("PyPI/requests");
        assertThat(match(requests, "urllib3", "1.0", null, null)).isEmpty();

        // a CVE record names a WordPress plugin by package name and product, in a collection without ecosystem
        Advisory plugin = corpus("cve-json5/records/2023/25xxx/CVE-2023-25697.json");
        assertThat(verdict(plugin, "gamipress", "2.5.6", null, null).status()).isEqualTo(Verdict.Status.UNKNOWN);
        assertThat(verdict(plugin, "GamiPress", "2.5.6", null, BOOKWORM).status()).isEqualTo(Verdict.Status.UNKNOWN);
        assertThat(match(plugin, "gamipress-pro", "2.5.6", null, null)).isEmpty();
    }

    @Test
    void matchKeysLetAStoreFindTheCandidates() throws Exception {
        Advisory requests = corpus("osv/records/osv-linter-testdata/PYSEC-2023-74.json");
        assertThat(MatchKeys.of(requests)).contains("purl:pypi/requests", "name:requests");
        assertThat(MatchKeys.of(new InstalledPackage("requests", "2.30.0", null, null, null, null))).containsExactly("name:requests");
        assertThat(MatchKeys.of(new InstalledPackage("requests", "2.30.0", null, null, "pypi", null))).containsExactly("purl:pypi/requests");
        assertThat(MatchKeys.of(new InstalledPackage("openssl", "3.0.11", null, null, null, BOOKWORM)))
                .containsExactly("purl:deb/debian/openssl", "name:openssl");
        assertThat(MatchKeys.of(new InstalledPackage("x", "1", "pkg:npm/x@1", null, null, BOOKWORM))).containsExactly("purl:npm/x");
        Advisory plugin = corpus("cve-json5/records/2023/25xxx/CVE-2023-25697.json");
        assertThat(MatchKeys.of(plugin)).contains("cpe:gamipress:gamipress", "name:gamipress");
    }

    private static Advisory record(String json) throws Exception {
        return AdvisoryReader.read("t.json", json.getBytes(StandardCharsets.UTF_8)).advisories().getFirst();
    }
}
