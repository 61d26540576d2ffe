package dev.vigil.vuln.advisory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import dev.vigil.testkit.Corpus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Advisories scoped to a distribution release apply only to packages of that release: the release comes from the
 * package URL's {@code distro} qualifier (numbers, {@code id-version} or code names), else the asset's distribution;
 * without either, or with a less precise one, the answer is "cannot tell". Red Hat streams from the corpus's
 * RHSA-2024:6220; Debian, Ubuntu, Alpine and Rocky Linux records in the shape osv.dev publishes them, matched against
 * package URLs as the corpus's Trivy and Grype reports write them.
 */
class DistroScopedMatchingTest {

    /** Two entries of one Debian advisory, one per release, as osv.dev's Debian records have them. */
    private static final String DEBIAN = """
            {"id": "DSA-TEST-1", "modified": "2024-02-01T00:00:00Z", "aliases": ["CVE-2023-5678"],
             "affected": [
               {"package": {"ecosystem": "Debian:11", "name": "openssl", "purl": "pkg:deb/debian/openssl?arch=source"},
                "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.1.1w-0+deb11u1"}]}]},
               {"package": {"ecosystem": "Debian:12", "name": "openssl", "purl": "pkg:deb/debian/openssl?arch=source"},
                "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "3.0.13-1~deb12u1"}]}]}]}""";
    private static final String DEBIAN_11_ONLY = """
            {"id": "DLA-TEST-2", "modified": "2024-02-01T00:00:00Z",
             "affected": [{"package": {"ecosystem": "Debian:11", "name": "bash"},
                "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "5.1-2+deb11u9"}]}]}]}""";
    private static final String UBUNTU = """
            {"id": "USN-TEST-3", "modified": "2024-02-01T00:00:00Z",
             "affected": [{"package": {"ecosystem": "Ubuntu:22.04:LTS", "name": "curl"},
                "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "7.81.0-1ubuntu1.15"}]}]},
               {"package": {"ecosystem": "Ubuntu:Pro:18.04:LTS", "name": "curl"},
                "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "7.58.0-2ubuntu3.24+esm2"}]}]}]}""";
    private static final String ALPINE = """
            {"id": "ALPINE-TEST-4", "modified": "2024-02-01T00:00:00Z",
             "affected": [{"package": {"ecosystem": "Alpine:v3.10", "name": "openssl"},
                "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1.1.1d-r0"}]}]},
               {"package": {"ecosystem": "Alpine:v3.18", "name": "openssl"},
                "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "3.1.4-r1"}]}]}]}""";
    private static final String ROCKY = """
            {"id": "RLSA-TEST-5", "modified": "2024-02-01T00:00:00Z",
             "affected": [{"package": {"ecosystem": "Rocky Linux:9", "name": "openssl"},
                "ranges": [{"type": "ECOSYSTEM", "events": [{"introduced": "0"}, {"fixed": "1:3.0.7-25.el9_3"}]}]}]}""";

    private static Advisory record(String json) throws Exception {
        return AdvisoryReader.read("t.json", json.getBytes(StandardCharsets.UTF_8)).advisories().getFirst();
    }

    private static Optional<AdvisoryMatch> match(Advisory advisory, String purl, DistroRelease os) {
        return AdvisoryMatcher.match(advisory, new InstalledPackage(null, null, purl, null, null, os));
    }

    private static Optional<AdvisoryMatch> match(Advisory advisory, String purl) {
        return match(advisory, purl, null);
    }

    @Test
    void aDebianElevenAdvisoryDoesNotMatchAPackageFromDebianTwelve() throws Exception {
        Advisory advisory = record(DEBIAN_11_ONLY);
        assertThat(match(advisory, "pkg:deb/debian/bash@5.1-2?arch=amd64&distro=debian-12")).isEmpty();
        assertThat(match(advisory, "pkg:deb/debian/bash@5.1-2?distro=bookworm")).isEmpty();
        assertThat(match(advisory, "pkg:deb/debian/bash@5.1-2?distro=debian-12.4")).isEmpty();
        AdvisoryMatch eleven = match(advisory, "pkg:deb/debian/bash@5.1-2?distro=bullseye").orElseThrow();
        assertThat(eleven.verdict().status()).isEqualTo(Verdict.Status.AFFECTED);
        assertThat(eleven.verdict().fixedVersion()).isEqualTo("5.1-2+deb11u9");
        assertThat(match(advisory, "pkg:deb/debian/bash@5.1-2+deb11u9?distro=debian-11.8").orElseThrow().verdict().status())
                .isEqualTo(Verdict.Status.NOT_AFFECTED);
    }

    @Test
    void eachReleaseIsJudgedByItsOwnEntry() throws Exception {
        Advisory advisory = record(DEBIAN);
        AdvisoryMatch twelve = match(advisory, "pkg:deb/debian/openssl@3.0.11-1~deb12u2?arch=amd64&distro=debian-12").orElseThrow();
        assertThat(twelve.verdict().status()).isEqualTo(Verdict.Status.AFFECTED);
        assertThat(twelve.verdict().fixedVersion()).isEqualTo("3.0.13-1~deb12u1");
        assertThat(twelve.entry().ecosystem()).isEqualTo("Debian:12");
        // 1.1.1w-0+deb11u1 is below 3.0.x: only the Debian 11 entry would call it fixed
        assertThat(match(advisory, "pkg:deb/debian/openssl@1.1.1w-0+deb11u1?distro=bullseye").orElseThrow().verdict().status())
                .isEqualTo(Verdict.Status.NOT_AFFECTED);
        assertThat(match(advisory, "pkg:deb/debian/openssl@3.0.13-1~deb12u1?distro=bookworm").orElseThrow().verdict().status())
                .isEqualTo(Verdict.Status.NOT_AFFECTED);
        assertThat(match(advisory, "pkg:deb/debian/openssl@3.0.9-1?distro=debian-13")).isEmpty();
        assertThat(match(advisory, "pkg:deb/debian/openssl@3.0.9-1?distro=trixie")).isEmpty();
    }

    @Test
    void withoutADistroTheAssetsDistributionDecidesElseItCannotBeTold() throws Exception {
        Advisory advisory = record(DEBIAN);
        AdvisoryMatch unknown = match(advisory, "pkg:deb/debian/openssl@3.0.11-1~deb12u2").orElseThrow();
        assertThat(unknown.verdict().status()).isEqualTo(Verdict.Status.UNKNOWN);
        assertThat(unknown.verdict().reason()).contains("about Debian 11, Debian 12 only").contains("which Debian release");
        assertThat(match(advisory, "pkg:deb/debian/openssl@3.0.11-1~deb12u2", new DistroRelease("Debian", "12")).orElseThrow()
                .verdict().status()).isEqualTo(Verdict.Status.AFFECTED);
        assertThat(match(advisory, "pkg:deb/debian/openssl@3.0.11-1~deb12u2", new DistroRelease("Debian", "10"))).isEmpty();
        // an asset of another distribution says nothing about a Debian package's release
        assertThat(match(advisory, "pkg:deb/debian/openssl@3.0.11-1~deb12u2", new DistroRelease("Ubuntu", "22.04")).orElseThrow()
                .verdict().status()).isEqualTo(Verdict.Status.UNKNOWN);
        // the qualifier wins over the asset's distribution
        assertThat(match(advisory, "pkg:deb/debian/openssl@3.0.11-1~deb12u2?distro=debian-11", new DistroRelease("Debian", "12"))
                .orElseThrow().entry().ecosystem()).isEqualTo("Debian:11");
    }

    @Test
    void ubuntuAlpineAndRockyReleasesAsScannersWriteThem() throws Exception {
        Advisory ubuntu = record(UBUNTU);
        // the package URL exactly as the corpus's Trivy report of an Ubuntu 22.04 image writes it
        AdvisoryMatch jammy = match(ubuntu, "pkg:deb/ubuntu/curl@7.81.0-1ubuntu1.14?arch=amd64&distro=ubuntu-22.04").orElseThrow();
        assertThat(jammy.verdict().status()).isEqualTo(Verdict.Status.AFFECTED);
        assertThat(jammy.verdict().fixedVersion()).isEqualTo("7.81.0-1ubuntu1.15");
        assertThat(match(ubuntu, "pkg:deb/ubuntu/curl@7.81.0-1ubuntu1.14?distro=jammy").orElseThrow().verdict().status())
                .isEqualTo(Verdict.Status.AFFECTED);
        assertThat(match(ubuntu, "pkg:deb/ubuntu/curl@7.58.0-2ubuntu3.20?distro=ubuntu-18.04").orElseThrow().verdict().fixedVersion())
                .isEqualTo("7.58.0-2ubuntu3.24+esm2");
        assertThat(match(ubuntu, "pkg:deb/ubuntu/curl@7.68.0-1ubuntu2?distro=focal")).isEmpty();

        Advisory alpine = record(ALPINE);
        // Grype's Alpine package URLs carry the bare release number as distro
        AdvisoryMatch old = match(alpine, "pkg:apk/alpine/openssl@1.1.1c-r0?arch=x86_64&distro=3.10.2").orElseThrow();
        assertThat(old.verdict().status()).isEqualTo(Verdict.Status.AFFECTED);
        assertThat(old.verdict().fixedVersion()).isEqualTo("1.1.1d-r0");
        assertThat(match(alpine, "pkg:apk/alpine/openssl@3.1.4-r0?distro=alpine-3.18.4").orElseThrow().verdict().fixedVersion())
                .isEqualTo("3.1.4-r1");
        assertThat(match(alpine, "pkg:apk/alpine/openssl@3.1.4-r0?distro=alpine-3.19.1")).isEmpty();

        Advisory rocky = record(ROCKY);
        assertThat(match(rocky, "pkg:rpm/rocky-linux/openssl@3.0.7-24.el9?epoch=1&distro=rocky-9.3").orElseThrow().verdict().status())
                .isEqualTo(Verdict.Status.AFFECTED);
        assertThat(match(rocky, "pkg:rpm/rocky-linux/openssl@1.1.1k-9.el8_7?distro=rocky-8.7")).isEmpty();
    }

    @Test
    void redHatStreamsOfTheCorpusAdvisory() throws Exception {
        Path file = Corpus.require("osv").resolve("records/redhat-converter-expected/RHSA-2024_6220.json");
        Advisory advisory = AdvisoryReader.read(file.toString(), Files.readAllBytes(file)).advisories().getFirst();
        assertThat(advisory.affected()).extracting(AffectedPackage::ecosystem).allMatch(e -> e.contains(":8.6::"));
        String pyyaml = "pkg:rpm/redhat/PyYAML@5.3.1-1.module%2Bel8.4.0%2B9822%2B20bf1249?arch=x86_64";
        AdvisoryMatch onEightSix = match(advisory, pyyaml + "&distro=rhel-8.6").orElseThrow();
        assertThat(onEightSix.verdict().status()).isEqualTo(Verdict.Status.AFFECTED);
        assertThat(onEightSix.verdict().fixedVersion()).isEqualTo("0:5.4.1-1.module+el8.5.0+10613+59a13ec4");
        assertThat(match(advisory, pyyaml + "&distro=rhel-9.2")).isEmpty();
        AdvisoryMatch onlyMajor = match(advisory, pyyaml + "&distro=rhel-8").orElseThrow();
        assertThat(onlyMajor.verdict().status()).isEqualTo(Verdict.Status.UNKNOWN);
        assertThat(onlyMajor.verdict().reason()).contains("says only Red Hat 8");
        assertThat(match(advisory, pyyaml).orElseThrow().verdict().status()).isEqualTo(Verdict.Status.UNKNOWN);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            Debian:11                              | Debian      | 11
            Debian:sid                             | Debian      | sid
            Debian                                 | -           | -
            Ubuntu:22.04:LTS                       | Ubuntu      | 22.04
            Ubuntu:Pro:18.04:LTS                   | Ubuntu      | 18.04
            Ubuntu:23.10                           | Ubuntu      | 23.10
            Alpine:v3.18                           | Alpine      | 3.18
            Rocky Linux:9                          | Rocky Linux | 9
            AlmaLinux:8                            | AlmaLinux   | 8
            Red Hat:rhel_aus:8.6::appstream        | Red Hat     | 8.6
            Red Hat:enterprise_linux:9::baseos     | Red Hat     | 9
            SUSE:Linux Enterprise Server 15 SP4    | SUSE        | 15.4
            openSUSE:Leap 15.5                     | openSUSE    | 15.5
            openSUSE:Tumbleweed                    | openSUSE    | tumbleweed
            Mageia:9                               | Mageia      | 9
            npm                                    | -           | -
            Maven:https://maven.google.com         | -           | -
            """)
    void ecosystemReleases(String ecosystem, String family, String release) {
        Optional<DistroRelease> read = DistroRelease.ofEcosystem(ecosystem);
        if (family == null) {
            assertThat(read).isEmpty();
        } else {
            assertThat(read).contains(new DistroRelease(family, release));
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            debian-12          | -       | Debian      | 12
            debian-10.12       | -       | Debian      | 10.12
            bookworm           | -       | Debian      | 12
            bullseye           | -       | Debian      | 11
            buster             | ubuntu  | Debian      | 10
            ubuntu-22.04       | -       | Ubuntu      | 22.04
            jammy              | -       | Ubuntu      | 22.04
            noble              | -       | Ubuntu      | 24.04
            alpine-3.18.4      | -       | Alpine      | 3.18.4
            3.10.2             | alpine  | Alpine      | 3.10.2
            12                 | debian  | Debian      | 12
            rhel-9.2           | -       | Red Hat     | 9.2
            rocky-9            | -       | Rocky Linux | 9
            sles-15.4          | -       | SUSE        | 15.4
            opensuse-leap-15.5 | -       | openSUSE    | 15.5
            12                 | -       | -           | -
            el9                | -       | -           | -
            windows-2022       | -       | -           | -
            """)
    void distroQualifiers(String text, String hint, String family, String release) {
        Optional<DistroRelease> read = DistroRelease.parse(text, hint);
        if (family == null) {
            assertThat(read).isEmpty();
        } else {
            assertThat(read).contains(new DistroRelease(family, release));
        }
    }

    @Test
    void coverageComparesReleasesByTheirParts() {
        DistroRelease nine = new DistroRelease("Red Hat", "9");
        assertThat(nine.covers(new DistroRelease("Red Hat", "9.2"))).isEqualTo(DistroRelease.Coverage.COVERS);
        assertThat(nine.covers(new DistroRelease("Red Hat", "10"))).isEqualTo(DistroRelease.Coverage.OTHER);
        assertThat(nine.covers(new DistroRelease("Red Hat", "90"))).isEqualTo(DistroRelease.Coverage.OTHER);
        assertThat(new DistroRelease("Red Hat", "8.6").covers(new DistroRelease("Red Hat", "8"))).isEqualTo(DistroRelease.Coverage.CANNOT_TELL);
        assertThat(new DistroRelease("Debian", "12").covers(new DistroRelease("Ubuntu", "12"))).isEqualTo(DistroRelease.Coverage.OTHER);
        assertThat(new DistroRelease("Debian", "sid").covers(new DistroRelease("Debian", "12"))).isEqualTo(DistroRelease.Coverage.OTHER);
    }
}
