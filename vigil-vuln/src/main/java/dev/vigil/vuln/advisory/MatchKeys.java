package dev.vigil.vuln.advisory;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Index keys under which an advisory entry and an installed package can meet: {@code purl:TYPE/PATH} and
 * {@code cpe:VENDOR:PRODUCT}. Two share a key exactly when {@link AdvisoryMatcher} would consider the entry to name
 * the package, so a store can look up candidate advisories by key instead of reading all of them.
 */
public final class MatchKeys {

    private MatchKeys() {
    }

    public static Set<String> of(AffectedPackage entry) {
        Set<String> keys = new LinkedHashSet<>();
        Optional<PackageKey> key = entry.purl() != null ? PackageKey.ofPurl(entry.purl()) : Ecosystems.key(entry.ecosystem(), entry.name());
        key.ifPresent(k -> keys.add(purlKey(k)));
        for (String cpe : entry.cpes()) {
            AdvisoryMatcher.vendorProduct(cpe).ifPresent(vp -> keys.add(cpeKey(vp)));
        }
        if (entry.cpes().isEmpty() && entry.vendor() != null && entry.product() != null) {
            keys.add(cpeKey(new String[] {cpeName(entry.vendor()), cpeName(entry.product())}));
        }
        return keys;
    }

    public static Set<String> of(Advisory advisory) {
        Set<String> keys = new LinkedHashSet<>();
        advisory.affected().forEach(entry -> keys.addAll(of(entry)));
        return keys;
    }

    public static Set<String> of(InstalledPackage installed) {
        Set<String> keys = new LinkedHashSet<>();
        PackageKey.ofPurl(installed.purl()).ifPresent(k -> keys.add(purlKey(k)));
        AdvisoryMatcher.vendorProduct(installed.cpe()).ifPresent(vp -> keys.add(cpeKey(vp)));
        return keys;
    }

    private static String purlKey(PackageKey key) {
        return "purl:" + key.type() + "/" + key.path();
    }

    private static String cpeKey(String[] vendorProduct) {
        return "cpe:" + vendorProduct[0] + ":" + vendorProduct[1];
    }

    /** A CVE vendor or product as CPE dictionaries write it: lower case, spaces as underscores. */
    static String cpeName(String text) {
        return text.strip().toLowerCase(java.util.Locale.ROOT).replace(' ', '_');
    }
}
