package dev.vigil.vuln.advisory;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an inventory entry is, for matching: its package key, its distribution release, and whether its ecosystem is
 * known, inferred or cannot be told. The rules, first that applies:
 * <ol>
 * <li>A package URL gives the key; the release is its {@code distro} qualifier, else the asset's distribution when the
 * URL is a package of that distribution.</li>
 * <li>A CPE gives vendor and product (no key).</li>
 * <li>A name with a declared type: an OSV ecosystem ({@code PyPI}, {@code Debian:12}) or a package-URL type. A
 * language type ({@code npm}, {@code pypi}, {@code maven}, ...) gives the key at once; an operating-system type
 * ({@code deb}, {@code rpm}, {@code apk}) takes the distribution from the asset, and cannot be told without it
 * (a {@code deb} could be Debian's or Ubuntu's).</li>
 * <li>A name without type on an asset whose distribution is known is taken as a package of that distribution (what
 * a host's package manager lists); advisories about a package of the same name in a language ecosystem stay
 * undetermined, because it could be that one.</li>
 * <li>A name alone cannot be placed in an ecosystem: every advisory naming a package of that name is undetermined.</li>
 * </ol>
 *
 * @param key        the package key, or null when there is none (CPE only, or the ecosystem cannot be told)
 * @param release    the distribution release the package comes from, or null when unknown
 * @param undecided  why the ecosystem cannot be told (rules 3 without distribution, and 5), else null
 * @param inferred   the ecosystem was inferred from the asset's distribution (rule 4)
 */
record InstalledIdentity(PackageKey key, DistroRelease release, String undecided, boolean inferred) {

    private static final Set<String> OS_TYPES = Set.of("deb", "rpm", "apk");

    static InstalledIdentity of(InstalledPackage installed) {
        DistroRelease os = installed.os();
        Optional<PackageKey> fromPurl = PackageKey.ofPurl(installed.purl());
        if (fromPurl.isPresent()) {
            DistroRelease release = PackageKey.distroOfPurl(installed.purl())
                    .orElseGet(() -> sameFamily(PackageKey.ecosystemOfPurl(installed.purl()).orElse(null), os));
            return new InstalledIdentity(fromPurl.get(), release, null, false);
        }
        if (AdvisoryMatcher.vendorProduct(installed.cpe()).isPresent()) {
            return new InstalledIdentity(null, null, null, false);
        }
        String name = installed.name() == null ? "" : installed.name().strip();
        if (name.isEmpty()) {
            return new InstalledIdentity(null, null, null, false);
        }
        String type = installed.type() == null ? "" : installed.type().strip();
        if (!type.isEmpty()) {
            return declared(name, type, os);
        }
        if (os != null) {
            Optional<PackageKey> key = Ecosystems.key(os.family(), name);
            if (key.isPresent()) {
                return new InstalledIdentity(key.get(), os, null, true);
            }
        }
        return new InstalledIdentity(null, null, "the inventory gives " + name + " without package URL, CPE or type, and "
                + (os == null ? "the asset's distribution is unknown" : "the asset's distribution " + os + " has no known"
                + " package type") + ", so its ecosystem cannot be told", false);
    }

    private static InstalledIdentity declared(String name, String type, DistroRelease os) {
        Optional<PackageKey> ecosystemKey = Ecosystems.key(type, name);
        if (ecosystemKey.isPresent()) {
            DistroRelease release = DistroRelease.ofEcosystem(type).orElseGet(() -> sameFamily(type, os));
            return new InstalledIdentity(ecosystemKey.get(), release, null, false);
        }
        String purlType = type.toLowerCase(Locale.ROOT);
        if (OS_TYPES.contains(purlType)) {
            Optional<PackageKey> key = os == null ? Optional.empty() : Ecosystems.key(os.family(), name);
            if (key.isPresent() && key.get().type().equals(purlType)) {
                return new InstalledIdentity(key.get(), os, null, false);
            }
            return new InstalledIdentity(null, null, "the inventory gives " + name + " as a " + purlType + " package but "
                    + (os == null ? "the asset's distribution is unknown" : "the asset runs " + os + ", which has no "
                    + purlType + " packages") + ", so its distribution cannot be told", false);
        }
        if (Ecosystems.ofPurl(purlType, null).isPresent()) {
            return new InstalledIdentity(PackageKey.of(purlType, purlType.equals("maven") ? name.replace(':', '/') : name),
                    null, null, false);
        }
        return new InstalledIdentity(null, null, "the inventory gives " + name + " the unknown package type " + type, false);
    }

    /** The asset's distribution when the ecosystem is one of its releases' family, else null. */
    private static DistroRelease sameFamily(String ecosystem, DistroRelease os) {
        if (ecosystem == null || os == null) {
            return null;
        }
        return DistroRelease.family(Ecosystems.base(ecosystem)).filter(os.family()::equals).map(f -> os).orElse(null);
    }

    /** True when the name stands alone (rules 4 and 5): advisories naming the same name elsewhere may be about it. */
    boolean nameOnly() {
        return undecided != null || inferred;
    }
}
