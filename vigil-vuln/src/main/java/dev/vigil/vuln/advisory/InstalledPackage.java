package dev.vigil.vuln.advisory;

/**
 * A package of a software inventory to match against advisories. It is identified by its package URL, else by its
 * CPE, else by its name with the package type and the asset's distribution ({@link InstalledIdentity} has the rules;
 * a bare name whose ecosystem cannot be told is never matched, only reported as undetermined).
 *
 * @param version the installed version; when empty, the package URL's version is used
 * @param type    the package type when the inventory knows it: a package-URL type ({@code deb}, {@code npm},
 *                {@code pypi}, ...) or an OSV ecosystem ({@code PyPI}, {@code Debian:12}, ...); null when unknown
 * @param os      the distribution release of the asset the package is installed on, when known (its {@code os:} tag or
 *                what the inventory's package URLs agree on); null when unknown
 */
public record InstalledPackage(String name, String version, String purl, String cpe, String type, DistroRelease os) {

    /** A package known by package URL or CPE, on an asset whose distribution is not known. */
    public InstalledPackage(String name, String version, String purl, String cpe) {
        this(name, version, purl, cpe, null, null);
    }

    /** The version to compare: the given one, else the package URL's. */
    public String effectiveVersion() {
        if (version != null && !version.isBlank()) {
            return version.strip();
        }
        return PackageKey.versionOfPurl(purl);
    }
}
