package dev.vigil.vuln.advisory;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release of an operating-system distribution, named as OSV names its ecosystem ({@code Debian}, {@code Ubuntu},
 * {@code Alpine}, {@code Rocky Linux}, ...) with the release number ({@code 12}, {@code 22.04}, {@code 3.18}).
 * Read from an OSV ecosystem suffix ({@code Debian:11}, {@code Ubuntu:22.04:LTS}, {@code Ubuntu:Pro:18.04:LTS},
 * {@code Alpine:v3.18}, {@code Red Hat:rhel_aus:8.6::appstream}, {@code SUSE:Linux Enterprise Server 15 SP4}) or
 * from a package URL's {@code distro} qualifier and the like ({@code debian-12}, {@code debian-12.4},
 * {@code bookworm}, {@code ubuntu-22.04}, {@code jammy}, {@code alpine-3.18.4}, {@code rhel-9.2}, {@code rocky-9}).
 * Debian and Ubuntu code names become their release numbers.
 */
public record DistroRelease(String family, String release) {

    /** Whether an advisory scoped to one release applies to an installed package's release. */
    public enum Coverage {
        /** Same distribution and release (the advisory's release may be less precise: 9 covers 9.2). */
        COVERS,
        /** Another distribution or another release. */
        OTHER,
        /** The installed release is less precise than the advisory's (8 against 8.6): cannot tell. */
        CANNOT_TELL
    }

    /** Distribution ids as {@code /etc/os-release} ID, package-URL namespaces and distro qualifiers write them. */
    private static final Map<String, String> FAMILY_OF_ID = Map.ofEntries(
            Map.entry("debian", "Debian"), Map.entry("ubuntu", "Ubuntu"), Map.entry("alpine", "Alpine"),
            Map.entry("rhel", "Red Hat"), Map.entry("redhat", "Red Hat"), Map.entry("red hat", "Red Hat"),
            Map.entry("rocky", "Rocky Linux"), Map.entry("rocky-linux", "Rocky Linux"), Map.entry("rocky linux", "Rocky Linux"),
            Map.entry("almalinux", "AlmaLinux"), Map.entry("alma", "AlmaLinux"),
            Map.entry("sles", "SUSE"), Map.entry("suse", "SUSE"), Map.entry("sle", "SUSE"),
            Map.entry("opensuse", "openSUSE"), Map.entry("opensuse-leap", "openSUSE"),
            Map.entry("opensuse-tumbleweed", "openSUSE"), Map.entry("mageia", "Mageia"), Map.entry("openeuler", "openEuler"),
            Map.entry("wolfi", "Wolfi"), Map.entry("chainguard", "Chainguard"), Map.entry("photon", "Photon OS"),
            Map.entry("photon os", "Photon OS"), Map.entry("azurelinux", "Azure Linux"), Map.entry("azure linux", "Azure Linux"),
            Map.entry("mariner", "Azure Linux"), Map.entry("alpaquita", "Alpaquita"));

    /** Debian code names (distro-info-data debian.csv) and Ubuntu's (ubuntu.csv), to release numbers. */
    private static final Map<String, DistroRelease> CODENAMES = Map.ofEntries(
            Map.entry("squeeze", debian("6")), Map.entry("wheezy", debian("7")), Map.entry("jessie", debian("8")),
            Map.entry("stretch", debian("9")), Map.entry("buster", debian("10")), Map.entry("bullseye", debian("11")),
            Map.entry("bookworm", debian("12")), Map.entry("trixie", debian("13")), Map.entry("forky", debian("14")),
            Map.entry("duke", debian("15")), Map.entry("sid", debian("sid")),
            Map.entry("trusty", ubuntu("14.04")), Map.entry("xenial", ubuntu("16.04")), Map.entry("bionic", ubuntu("18.04")),
            Map.entry("focal", ubuntu("20.04")), Map.entry("jammy", ubuntu("22.04")), Map.entry("kinetic", ubuntu("22.10")),
            Map.entry("lunar", ubuntu("23.04")), Map.entry("mantic", ubuntu("23.10")), Map.entry("noble", ubuntu("24.04")),
            Map.entry("oracular", ubuntu("24.10")), Map.entry("plucky", ubuntu("25.04")), Map.entry("questing", ubuntu("25.10")));

    private static final Pattern ID_AND_VERSION = Pattern.compile("([a-z][a-z ]*?(?:-linux|-leap|-tumbleweed)?)[- ]?v?(\\d[\\w.]*)");
    private static final Pattern NUMBER = Pattern.compile("v?(\\d+(?:\\.\\d+)*)");
    private static final Pattern SUSE_RELEASE = Pattern.compile("(\\d+)(?:[. ]?sp(\\d+)|\\.(\\d+))?", Pattern.CASE_INSENSITIVE);

    public DistroRelease {
        release = release.strip().toLowerCase(Locale.ROOT);
    }

    private static DistroRelease debian(String release) {
        return new DistroRelease("Debian", release);
    }

    private static DistroRelease ubuntu(String release) {
        return new DistroRelease("Ubuntu", release);
    }

    /** The OSV ecosystem family of a distribution id ({@code debian}, {@code rhel}, {@code rocky-linux}), if it is one. */
    public static Optional<String> family(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(FAMILY_OF_ID.get(id.strip().toLowerCase(Locale.ROOT)));
    }

    /** True when the OSV ecosystem (with or without release) is an operating-system distribution. */
    public static boolean isDistribution(String ecosystem) {
        return ecosystem != null && family(Ecosystems.base(ecosystem)).isPresent();
    }

    /** The release an OSV ecosystem string is scoped to, or empty when it names none (all releases) or is no distribution. */
    public static Optional<DistroRelease> ofEcosystem(String ecosystem) {
        if (ecosystem == null || ecosystem.indexOf(':') < 0) {
            return Optional.empty();
        }
        String family = family(Ecosystems.base(ecosystem)).orElse(null);
        if (family == null) {
            return Optional.empty();
        }
        String rest = ecosystem.substring(ecosystem.indexOf(':') + 1).strip();
        return switch (family) {
            case "Ubuntu" -> release(family, rest.replaceFirst("(?i)^pro:", "").replaceFirst("(?i):lts$", ""));
            case "Red Hat" -> {
                // a CPE without its prefix: product:version:update:edition, e.g. rhel_aus:8.6::appstream
                String[] parts = rest.split(":", -1);
                yield parts.length > 1 ? release(family, parts[1]) : Optional.empty();
            }
            case "SUSE", "openSUSE" -> suse(family, rest);
            default -> release(family, rest);
        };
    }

    /**
     * The release a distro text names: {@code debian-12}, {@code debian-12.4}, {@code bookworm}, {@code alpine-3.18.4},
     * {@code ubuntu-22.04}, {@code jammy}, {@code rhel-9.2}, {@code rocky-9}, {@code sles-15.4}; a bare number
     * ({@code 12}) when {@code familyHint} (the package URL's namespace) gives the distribution. Empty when it names
     * none of those.
     */
    public static Optional<DistroRelease> parse(String text, String familyHint) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        DistroRelease named = CODENAMES.get(t);
        if (named != null) {
            return Optional.of(named);
        }
        Matcher number = NUMBER.matcher(t);
        if (number.matches()) {
            return family(familyHint).map(f -> new DistroRelease(f, number.group(1)));
        }
        Matcher m = ID_AND_VERSION.matcher(t);
        if (m.matches()) {
            Optional<String> family = family(m.group(1).strip());
            if (family.isPresent()) {
                return family.get().equals("SUSE") || family.get().equals("openSUSE") ? suse(family.get(), m.group(2))
                        : release(family.get(), m.group(2));
            }
        }
        if (t.equals("opensuse-tumbleweed") || t.equals("tumbleweed")) {
            return Optional.of(new DistroRelease("openSUSE", "tumbleweed"));
        }
        return Optional.empty();
    }

    /**
     * Whether this release (an advisory's scope) applies to the installed package's release. Dotted numbers compare
     * by their parts (9 covers 9.2, 8.6 against an installed 8 cannot tell); other names (sid, tumbleweed, edge)
     * must be equal, and one that merely begins with the other (22.03-lts-sp1 against 22.03) cannot tell.
     */
    public Coverage covers(DistroRelease installed) {
        if (!family.equals(installed.family)) {
            return Coverage.OTHER;
        }
        String mine = release;
        String theirs = installed.release;
        if (mine.equals(theirs) || theirs.startsWith(mine + ".")) {
            return Coverage.COVERS;
        }
        if (mine.startsWith(theirs + ".") || mine.startsWith(theirs + "-") || theirs.startsWith(mine + "-")) {
            return Coverage.CANNOT_TELL;
        }
        return Coverage.OTHER;
    }

    @Override
    public String toString() {
        return family + " " + release;
    }

    private static Optional<DistroRelease> release(String family, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        DistroRelease named = CODENAMES.get(t);
        if (named != null && named.family.equals(family)) {
            return Optional.of(named);
        }
        Matcher number = NUMBER.matcher(t);
        return Optional.of(new DistroRelease(family, number.matches() ? number.group(1) : t));
    }

    /** SUSE names its releases by marketing name: "Linux Enterprise Server 15 SP4" is 15.4, "Leap 15.5" is 15.5. */
    private static Optional<DistroRelease> suse(String family, String text) {
        if (text.toLowerCase(Locale.ROOT).contains("tumbleweed")) {
            return Optional.of(new DistroRelease(family, "tumbleweed"));
        }
        Matcher m = SUSE_RELEASE.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        String minor = m.group(2) != null ? m.group(2) : m.group(3);
        return Optional.of(new DistroRelease(family, minor == null ? m.group(1) : m.group(1) + "." + minor));
    }
}
