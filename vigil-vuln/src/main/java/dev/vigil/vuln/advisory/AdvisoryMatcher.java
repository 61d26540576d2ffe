package dev.vigil.vuln.advisory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Matches installed packages against advisories. An entry names a package when their package keys agree (from the
 * package URL, or from the OSV ecosystem and name; an inventory entry without package URL gets its key by the rules
 * of {@link InstalledIdentity}), or, for CVE records, when the installed CPE has the entry's vendor and product (from
 * its {@code cpes}, else its vendor/product fields). An entry scoped to a distribution release ({@code Debian:11},
 * {@code Ubuntu:22.04:LTS}, {@code Alpine:v3.18}, a {@code distro} qualifier) applies only to packages of that
 * release; when the installed release is unknown, or less precise than the entry's, the answer is "cannot tell". A
 * package known only by name meets the entries naming that name in an ecosystem it could belong to with "cannot
 * tell", never with a verdict. Withdrawn advisories match nothing. Of several entries naming the same package, an
 * affected verdict wins, then not affected, then "cannot tell".
 */
public final class AdvisoryMatcher {

    private AdvisoryMatcher() {
    }

    /** The verdict for the package, or empty when no entry of the advisory names it. */
    public static Optional<AdvisoryMatch> match(Advisory advisory, InstalledPackage installed) {
        if (advisory.withdrawn() != null) {
            return Optional.empty();
        }
        String version = installed.effectiveVersion();
        InstalledIdentity identity = InstalledIdentity.of(installed);
        Optional<PackageKey> key = Optional.ofNullable(identity.key());
        Optional<String[]> cpe = vendorProduct(installed.cpe());
        AdvisoryMatch best = null;
        for (AffectedPackage entry : advisory.affected()) {
            Verdict verdict;
            if (names(entry, key, cpe)) {
                Optional<DistroRelease> scope = releaseOf(entry);
                DistroRelease.Coverage coverage = scope.isEmpty() ? DistroRelease.Coverage.COVERS
                        : identity.release() == null ? null : scope.get().covers(identity.release());
                if (coverage == DistroRelease.Coverage.OTHER) {
                    continue;
                }
                if (coverage == null) {
                    verdict = Verdict.unknown("the advisory is about " + String.join(", ", scopes(advisory, key, cpe))
                            + " only, and the inventory does not say which " + scope.get().family()
                            + " release the package is from");
                } else if (coverage == DistroRelease.Coverage.CANNOT_TELL) {
                    verdict = Verdict.unknown("the advisory is about " + scope.get() + " only, and the inventory says only "
                            + identity.release());
                } else {
                    verdict = evaluate(advisory, entry, version);
                }
            } else if (identity.nameOnly() && MatchKeys.namesOf(entry).contains(MatchKeys.nameKey(installed.name()))
                    && (identity.undecided() != null || !DistroRelease.isDistribution(entry.ecosystem()))) {
                verdict = Verdict.unknown(identity.undecided() != null ? identity.undecided() + "; the advisory is about "
                        + entry.label() : "the inventory gives " + installed.name() + " without package URL or type; it was"
                        + " taken as a " + identity.release() + " package, but it could be the " + entry.label()
                        + " the advisory is about");
            } else {
                continue;
            }
            if (best == null || rank(verdict) > rank(best.verdict())) {
                best = new AdvisoryMatch(advisory, entry, installed, verdict);
            }
        }
        return Optional.ofNullable(best);
    }

    private static Verdict evaluate(Advisory advisory, AffectedPackage entry, String version) {
        if (version == null || version.isBlank()) {
            return Verdict.unknown("the inventory does not give the installed version");
        }
        return advisory.format() == AdvisoryFormat.OSV ? OsvVersionEvaluator.evaluate(withPurlEcosystem(entry), version)
                : CveVersionEvaluator.evaluate(entry, version);
    }

    /** The releases the entries naming the package are scoped to. */
    private static List<String> scopes(Advisory advisory, Optional<PackageKey> key, Optional<String[]> cpe) {
        return advisory.affected().stream().filter(e -> names(e, key, cpe)).map(AdvisoryMatcher::releaseOf)
                .flatMap(Optional::stream).map(DistroRelease::toString).distinct().toList();
    }

    /** The distribution release an entry is scoped to: its OSV ecosystem's suffix, else its package URL's distro. */
    static Optional<DistroRelease> releaseOf(AffectedPackage entry) {
        Optional<DistroRelease> release = DistroRelease.ofEcosystem(entry.ecosystem());
        return release.isPresent() ? release : PackageKey.distroOfPurl(entry.purl());
    }

    /** Every advisory entry that names one of the packages. */
    public static List<AdvisoryMatch> match(List<Advisory> advisories, List<InstalledPackage> inventory) {
        List<AdvisoryMatch> matches = new ArrayList<>();
        for (InstalledPackage installed : inventory) {
            for (Advisory advisory : advisories) {
                match(advisory, installed).ifPresent(matches::add);
            }
        }
        return matches;
    }

    static boolean names(AffectedPackage entry, Optional<PackageKey> installed, Optional<String[]> cpe) {
        if (installed.isPresent()) {
            Optional<PackageKey> affected = entry.purl() != null ? PackageKey.ofPurl(entry.purl())
                    : Ecosystems.key(entry.ecosystem(), entry.name());
            if (affected.isPresent() && affected.get().equals(installed.get())) {
                return true;
            }
        }
        if (cpe.isPresent()) {
            for (String listed : entry.cpes()) {
                Optional<String[]> other = vendorProduct(listed);
                if (other.isPresent() && other.get()[0].equals(cpe.get()[0]) && other.get()[1].equals(cpe.get()[1])) {
                    return true;
                }
            }
            return entry.cpes().isEmpty() && entry.vendor() != null && entry.product() != null
                    && MatchKeys.cpeName(entry.vendor()).equals(cpe.get()[0])
                    && MatchKeys.cpeName(entry.product()).equals(cpe.get()[1]);
        }
        return false;
    }

    /** An OSV entry given only by package URL gets its ecosystem (and so its version order) from the URL. */
    private static AffectedPackage withPurlEcosystem(AffectedPackage entry) {
        if (entry.ecosystem() != null || entry.purl() == null) {
            return entry;
        }
        return PackageKey.ecosystemOfPurl(entry.purl()).map(e -> new AffectedPackage(e, entry.name(), entry.purl(),
                entry.vendor(), entry.product(), entry.cpes(), entry.ranges(), entry.versions(), entry.statements(),
                entry.defaultStatus(), entry.place())).orElse(entry);
    }

    /** Vendor and product of a CPE 2.3 formatted string or CPE 2.2 URI, lower case. */
    static Optional<String[]> vendorProduct(String cpe) {
        if (cpe == null || cpe.isBlank()) {
            return Optional.empty();
        }
        String[] parts = cpe.strip().toLowerCase(Locale.ROOT).split("(?<!\\\\):");
        if (parts.length >= 5 && parts[0].equals("cpe") && parts[1].equals("2.3")) {
            return Optional.of(new String[] {parts[3], parts[4]});
        }
        if (parts.length >= 4 && parts[0].equals("cpe") && parts[1].startsWith("/")) {
            return Optional.of(new String[] {parts[2], parts[3]});
        }
        return Optional.empty();
    }

    private static int rank(Verdict verdict) {
        return switch (verdict.status()) {
            case AFFECTED -> 2;
            case NOT_AFFECTED -> 1;
            case UNKNOWN -> 0;
        };
    }
}
