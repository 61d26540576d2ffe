package dev.vigil.vuln.advisory.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every scheme is a total order on the versions it accepts (antisymmetric, transitive) and refuses anything else only
 * with {@link IncomparableVersionException}.
 */
class VersionSchemePropertiesTest {

    private static final List<VersionScheme> SCHEMES = List.of(VersionSchemes.SEMVER, VersionSchemes.MAVEN,
            VersionSchemes.PEP440, VersionSchemes.DPKG, VersionSchemes.RPM, VersionSchemes.APK, VersionSchemes.RUBYGEMS,
            VersionSchemes.NUGET, VersionSchemes.DOTTED);

    @Property(tries = 3000)
    void orderIsAntisymmetricAndTransitive(@ForAll("versions") String a, @ForAll("versions") String b,
            @ForAll("versions") String c) {
        for (VersionScheme scheme : SCHEMES) {
            try {
                int ab = scheme.compare(a, b);
                int ba = scheme.compare(b, a);
                assertThat(Integer.signum(ab)).as("%s: %s vs %s", scheme.name(), a, b).isEqualTo(-Integer.signum(ba));
                int bc = scheme.compare(b, c);
                int ac = scheme.compare(a, c);
                if (ab <= 0 && bc <= 0) {
                    assertThat(ac).as("%s: %s <= %s <= %s", scheme.name(), a, b, c).isLessThanOrEqualTo(0);
                }
            } catch (IncomparableVersionException refused) {
                // not a version of this scheme: the documented answer
            }
        }
    }

    @Property(tries = 500)
    void numericReleasesOrderByTheirNumbers(@ForAll("numbers") int major, @ForAll("numbers") int minor,
            @ForAll("numbers") int otherMinor) throws IncomparableVersionException {
        String a = major + "." + minor + ".0";
        String b = major + "." + otherMinor + ".0";
        for (VersionScheme scheme : SCHEMES) {
            assertThat(Integer.signum(scheme.compare(a, b))).as("%s: %s vs %s", scheme.name(), a, b)
                    .isEqualTo(Integer.signum(Integer.compare(minor, otherMinor)));
        }
    }

    @Provide
    Arbitrary<String> versions() {
        Arbitrary<String> part = Arbitraries.oneOf(Arbitraries.integers().between(0, 30).map(String::valueOf),
                Arbitraries.of("a", "b", "rc", "alpha", "beta", "pre", "post", "dev", "p", "r", "0", "00", "10", "~", "^"));
        Arbitrary<String> separator = Arbitraries.of(".", "-", "_", "+", "~", ":", "");
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, 5).flatMap(n -> part.list().ofSize(n + 1).flatMap(parts ->
                        separator.list().ofSize(n + 1).map(seps -> {
                            StringBuilder text = new StringBuilder(parts.get(0));
                            for (int i = 1; i < parts.size(); i++) {
                                text.append(seps.get(i)).append(parts.get(i));
                            }
                            return text.toString();
                        }))),
                Arbitraries.strings().ofMaxLength(12));
    }

    @Provide
    Arbitrary<Integer> numbers() {
        return Arbitraries.integers().between(0, 2000);
    }
}
