package dev.vigil.vuln.advisory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Matches installed packages against advisories. An entry names a package when their package keys agree (from the
 * package URL, or from the OSV ecosystem and name), or, for CVE records, when the installed CPE has the entry's
 * vendor and product (from its {@code cpes}, else its vendor/product fields). Withdrawn advisories match nothing.
 * Of several entries naming the same package, an affected verdict wins, then not affected, then "cannot tell".
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
        Optional<PackageKey> key = PackageKey.ofPurl(installed.purl());
        Optional<String[]> cpe = vendorProduct(installed.cpe());
        AdvisoryMatch best = null;
        for (AffectedPackage entry : advisory.affected()) {
            if (!names(entry, key, cpe)) {
                continue;
            }
            Verdict verdict = version == null || version.isBlank()
                    ? Verdict.unknown("the inventory does not give the installed version")
                    : advisory.format() == AdvisoryFormat.OSV
                            ? OsvVersionEvaluator.evaluate(withPurlEcosystem(entry), version)
                            : CveVersionEvaluator.evaluate(entry, version);
            if (best == null || rank(verdict) > rank(best.verdict())) {
                best = new AdvisoryMatch(advisory, entry, installed, verdict);
            }
        }
        return Optional.ofNullable(best);
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
