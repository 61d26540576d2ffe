package dev.vigil.vuln.advisory.version;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Which version ordering an OSV ecosystem or a CVE {@code versionType} uses; none for an ecosystem without a known order. */
public final class VersionSchemes {

    public static final VersionScheme SEMVER = new SemVer();
    public static final VersionScheme MAVEN = new MavenVersion();
    public static final VersionScheme PEP440 = new Pep440Version();
    public static final VersionScheme DPKG = new DebianVersion();
    public static final VersionScheme RPM = new RpmVersion();
    public static final VersionScheme APK = new AlpineVersion();
    public static final VersionScheme RUBYGEMS = new RubyGemsVersion();
    public static final VersionScheme NUGET = new NuGetVersion();
    public static final VersionScheme DOTTED = new DottedNumericVersion();

    /** Keyed by the base ecosystem (the part before the first ':'), lower case. */
    private static final Map<String, VersionScheme> BY_ECOSYSTEM = Map.ofEntries(
            Map.entry("npm", SEMVER), Map.entry("go", SEMVER), Map.entry("crates.io", SEMVER), Map.entry("hex", SEMVER),
            Map.entry("pub", SEMVER), Map.entry("swifturl", SEMVER),
            Map.entry("maven", MAVEN),
            Map.entry("pypi", PEP440),
            Map.entry("debian", DPKG), Map.entry("ubuntu", DPKG),
            Map.entry("red hat", RPM), Map.entry("suse", RPM), Map.entry("opensuse", RPM), Map.entry("rocky linux", RPM),
            Map.entry("almalinux", RPM), Map.entry("mageia", RPM), Map.entry("openeuler", RPM),
            Map.entry("alpine", APK), Map.entry("wolfi", APK), Map.entry("chainguard", APK),
            Map.entry("rubygems", RUBYGEMS),
            Map.entry("nuget", NUGET));

    private VersionSchemes() {
    }

    /** The ordering of an OSV ecosystem such as {@code npm}, {@code Debian:12} or {@code Red Hat:enterprise_linux:9}. */
    public static Optional<VersionScheme> forEcosystem(String ecosystem) {
        if (ecosystem == null) {
            return Optional.empty();
        }
        int colon = ecosystem.indexOf(':');
        String base = (colon < 0 ? ecosystem : ecosystem.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
        return Optional.ofNullable(BY_ECOSYSTEM.get(base));
    }

    /**
     * The ordering of a CVE record's {@code versionType}: the named schemes; {@code git} has none; any other value
     * ({@code custom}, absent, free text) falls back to the ecosystem of the package when known, else to plain dotted
     * numbers.
     */
    public static Optional<VersionScheme> forCveVersionType(String versionType, String ecosystem) {
        String type = versionType == null ? "" : versionType.strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "semver" -> Optional.of(SEMVER);
            case "maven" -> Optional.of(MAVEN);
            case "python" -> Optional.of(PEP440);
            case "rpm" -> Optional.of(RPM);
            case "git" -> Optional.empty();
            default -> Optional.of(forEcosystem(ecosystem).orElse(DOTTED));
        };
    }
}
