package dev.vigil.vuln.advisory.version;

/** The ordering of versions within one ecosystem (npm's SemVer, Debian's dpkg, Maven's ComparableVersion, ...). */
public interface VersionScheme {

    /** A short name for messages, e.g. {@code SemVer} or {@code dpkg}. */
    String name();

    /**
     * Negative, zero or positive as {@code a} orders before, with or after {@code b}.
     *
     * @throws IncomparableVersionException when either version does not follow the scheme
     */
    int compare(String a, String b) throws IncomparableVersionException;
}
