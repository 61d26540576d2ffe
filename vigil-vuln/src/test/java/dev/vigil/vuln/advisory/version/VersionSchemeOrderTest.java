package dev.vigil.vuln.advisory.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Each scheme against ascending sequences taken from its ecosystem's documentation: every earlier element must
 * order strictly before every later one, and equal spellings compare equal.
 */
class VersionSchemeOrderTest {

    @Test
    void semverFollowsSpecPrecedence() throws Exception {
        // the example chain of semver.org, section 11
        ascending(VersionSchemes.SEMVER, "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.9.0", "1.10.0", "2.0.0", "v2.1.0",
                "18446744073709551616.0.0");
        assertThat(VersionSchemes.SEMVER.compare("1.0.0+build.1", "1.0.0")).isZero();
        assertThat(VersionSchemes.SEMVER.compare("1.2", "1.2.0")).isZero();
        assertThatThrownBy(() -> VersionSchemes.SEMVER.compare("1.0.0.0.1", "1.0.0"))
                .isInstanceOf(IncomparableVersionException.class).hasMessageContaining("SemVer");
    }

    @Test
    void mavenUsesComparableVersion() throws Exception {
        ascending(VersionSchemes.MAVEN, "1.0-alpha-1", "1.0-beta", "1.0-milestone-1", "1.0-rc1", "1.0-SNAPSHOT", "1.0",
                "1.0-sp1", "1.0.1", "1.10", "2.5.16");
        assertThat(VersionSchemes.MAVEN.compare("1.0", "1.0.0")).isZero();
        assertThat(VersionSchemes.MAVEN.compare("1.0.FINAL", "1.0")).isZero();
    }

    @Test
    void pep440OrdersAsTheSpecification() throws Exception {
        // the ordering example of PEP 440, "Summary of permitted suffixes and relative ordering"
        ascending(VersionSchemes.PEP440, "1.dev0", "1.0.dev456", "1.0a1", "1.0a2.dev456", "1.0a12.dev456", "1.0a12",
                "1.0b1.dev456", "1.0b2", "1.0b2.post345.dev456", "1.0b2.post345", "1.0rc1.dev456", "1.0rc1", "1.0",
                "1.0+abc.5", "1.0+abc.7", "1.0+5", "1.0.post456.dev34", "1.0.post456", "1.0.15", "1.1.dev1", "1!0.1");
        assertThat(VersionSchemes.PEP440.compare("1.0", "1.0.0")).isZero();
        assertThat(VersionSchemes.PEP440.compare("1.0-1", "1.0.post1")).isZero();
        assertThat(VersionSchemes.PEP440.compare("1.0ALPHA1", "1.0a1")).isZero();
        assertThatThrownBy(() -> VersionSchemes.PEP440.compare("4.36.-1", "4.36.1"))
                .isInstanceOf(IncomparableVersionException.class);
    }

    @Test
    void dpkgOrdersAsDebianPolicy() throws Exception {
        // Debian Policy 5.6.12: ~ sorts before anything, even the end
        ascending(VersionSchemes.DPKG, "1.0~rc1", "1.0", "1.0-1", "1.0-1+deb11u1", "1.0a", "1.0+dfsg", "1.2.3-4",
                "1.10", "1:0.9");
        assertThat(VersionSchemes.DPKG.compare("0:1.0-1", "1.0-1")).isZero();
        assertThat(VersionSchemes.DPKG.compare("1.0-00", "1.0-0")).isZero();
    }

    @Test
    void rpmOrdersAsRpmvercmp() throws Exception {
        // cases of rpm's tests/rpmvercmp.at
        ascending(VersionSchemes.RPM, "1.0~rc1", "1.0", "1.0^", "1.0^git1", "1.0a", "1.0.1", "1.1", "2.0", "1:0.5");
        assertThat(VersionSchemes.RPM.compare("1.0a", "1.0.a")).isZero();
        assertThat(VersionSchemes.RPM.compare("1.0010", "1.9")).isPositive();
        assertThat(VersionSchemes.RPM.compare("1.05", "1.5")).isZero();
        assertThat(VersionSchemes.RPM.compare("0:5.4.1-1.module+el8.5.0+10613+59a13ec4",
                "0:5.4.1-1.module+el8.5.0+10614+59a13ec4")).isNegative();
        assertThat(VersionSchemes.RPM.compare("1.2.3-1.el9", "1.2.3")).isZero();
    }

    @Test
    void apkOrdersAsApkTools() throws Exception {
        ascending(VersionSchemes.APK, "1.0_alpha1", "1.0_beta", "1.0_rc1", "1.0", "1.0-r1", "1.0_p1", "1.0a", "1.0.1",
                "1.0.2q-r0", "1.1");
    }

    @Test
    void rubyGemsTreatsLettersAsPrerelease() throws Exception {
        ascending(VersionSchemes.RUBYGEMS, "1.0.a", "1.0.b1", "1.0.rc1", "1.0", "1.0.1", "3.2.22", "4.0.0", "4.1.11");
        assertThat(VersionSchemes.RUBYGEMS.compare("1.0.0", "1")).isZero();
        assertThat(VersionSchemes.RUBYGEMS.compare("1.0-beta", "1.0.pre.beta")).isZero();
    }

    @Test
    void nugetComparesFourPartsAndLabelsWithoutCase() throws Exception {
        ascending(VersionSchemes.NUGET, "1.0.0-alpha", "1.0.0-Beta", "1.0.0-rc.1", "1.0.0", "1.0.0.1", "1.0.1", "2.0");
        assertThat(VersionSchemes.NUGET.compare("1.0.0-BETA", "1.0.0-beta")).isZero();
        assertThat(VersionSchemes.NUGET.compare("1.0", "1.0.0.0")).isZero();
    }

    @Test
    void dottedNumbersRefuseAnythingElse() throws Exception {
        ascending(VersionSchemes.DOTTED, "1", "1.2", "1.2.9", "1.10", "10.0.19041");
        assertThatThrownBy(() -> VersionSchemes.DOTTED.compare("8.0U2", "8.0"))
                .isInstanceOf(IncomparableVersionException.class).hasMessageContaining("8.0U2");
    }

    @Test
    void ecosystemsChooseTheirScheme() {
        assertThat(VersionSchemes.forEcosystem("Debian:12")).containsSame(VersionSchemes.DPKG);
        assertThat(VersionSchemes.forEcosystem("Red Hat:rhel_aus:8.6::appstream")).containsSame(VersionSchemes.RPM);
        assertThat(VersionSchemes.forEcosystem("Alpine:v3.18")).containsSame(VersionSchemes.APK);
        assertThat(VersionSchemes.forEcosystem("crates.io")).containsSame(VersionSchemes.SEMVER);
        assertThat(VersionSchemes.forEcosystem("Bitnami")).isEmpty();
        assertThat(VersionSchemes.forCveVersionType("git", null)).isEmpty();
        assertThat(VersionSchemes.forCveVersionType("custom", "PyPI")).containsSame(VersionSchemes.PEP440);
    }

    private static void ascending(VersionScheme scheme, String... versions) throws IncomparableVersionException {
        List<String> list = List.of(versions);
        for (int i = 0; i < list.size(); i++) {
            assertThat(scheme.compare(list.get(i), list.get(i))).as("%s = %s", list.get(i), list.get(i)).isZero();
            for (int j = i + 1; j < list.size(); j++) {
                assertThat(scheme.compare(list.get(i), list.get(j))).as("%s < %s", list.get(i), list.get(j)).isNegative();
                assertThat(scheme.compare(list.get(j), list.get(i))).as("%s > %s", list.get(j), list.get(i)).isPositive();
            }
        }
    }
}
