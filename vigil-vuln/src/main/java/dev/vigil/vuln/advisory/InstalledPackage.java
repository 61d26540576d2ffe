package dev.vigil.vuln.advisory;

/**
 * A package of a software inventory to match against advisories. It is identified by its package URL, else by its
 * CPE; a bare name is not enough (the same name exists in many ecosystems).
 *
 * @param version the installed version; when empty, the package URL's version is used
 */
public record InstalledPackage(String name, String version, String purl, String cpe) {

    /** The version to compare: the given one, else the package URL's. */
    public String effectiveVersion() {
        if (version != null && !version.isBlank()) {
            return version.strip();
        }
        return PackageKey.versionOfPurl(purl);
    }
}
