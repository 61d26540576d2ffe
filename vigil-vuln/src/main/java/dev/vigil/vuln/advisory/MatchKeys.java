package dev.vigil.vuln.advisory;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Index keys under which an advisory entry and an installed package can meet: {@code purl:TYPE/PATH},
 * {@code cpe:VENDOR:PRODUCT} and {@code name:NAME}. An entry that {@link AdvisoryMatcher} may match with a package
 * shares a key with it, so a store can look up candidate advisories by key instead of reading all of them; the
 * matcher decides. Name keys serve inventory entries known by name only; an entry has one for its package name, the
 * artifact id of a Maven name and a CVE product.
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
        namesOf(entry).forEach(n -> keys.add("name:" + n));
        return keys;
    }

    public static Set<String> of(Advisory advisory) {
        Set<String> keys = new LinkedHashSet<>();
        advisory.affected().forEach(entry -> keys.addAll(of(entry)));
        return keys;
    }

    public static Set<String> of(InstalledPackage installed) {
        Set<String> keys = new LinkedHashSet<>();
        InstalledIdentity identity = InstalledIdentity.of(installed);
        if (identity.key() != null) {
            keys.add(purlKey(identity.key()));
        }
        AdvisoryMatcher.vendorProduct(installed.cpe()).ifPresent(vp -> keys.add(cpeKey(vp)));
        if (identity.nameOnly() && !nameKey(installed.name()).isEmpty()) {
            keys.add("name:" + nameKey(installed.name()));
        }
        return keys;
    }

    /** The names an entry gives its package, as name keys: package name, Maven artifact id, CVE product. */
    static Set<String> namesOf(AffectedPackage entry) {
        Set<String> names = new LinkedHashSet<>();
        if (entry.name() != null) {
            names.add(nameKey(entry.name()));
            int colon = entry.name().lastIndexOf(':');
            if (colon > 0 && Ecosystems.base(entry.ecosystem() == null ? "" : entry.ecosystem()).equalsIgnoreCase("maven")) {
                names.add(nameKey(entry.name().substring(colon + 1)));
            }
        }
        if (entry.product() != null) {
            names.add(nameKey(entry.product()));
        }
        names.remove("");
        return names;
    }

    /** A package name compared without case and with runs of '-', '_', '.' and spaces as one '-'. */
    static String nameKey(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replaceAll("[-_. ]+", "-");
    }

    private static String purlKey(PackageKey key) {
        return "purl:" + key.type() + "/" + key.path();
    }

    private static String cpeKey(String[] vendorProduct) {
        return "cpe:" + vendorProduct[0] + ":" + vendorProduct[1];
    }

    /** A CVE vendor or product as CPE dictionaries write it: lower case, spaces as underscores. */
    static String cpeName(String text) {
        return text.strip().toLowerCase(Locale.ROOT).replace(' ', '_');
    }
}
