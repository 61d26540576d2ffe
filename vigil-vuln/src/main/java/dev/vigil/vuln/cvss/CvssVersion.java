package dev.vigil.vuln.cvss;

import java.util.Optional;

/** CVSS versions this module scores, identified by the vector prefix. */
public enum CvssVersion {
    V3_0("CVSS:3.0/"), V3_1("CVSS:3.1/"), V4_0("CVSS:4.0/");

    private final String prefix;

    CvssVersion(String prefix) {
        this.prefix = prefix;
    }

    /** The mandatory vector prefix including the trailing slash, e.g. {@code CVSS:3.1/}. */
    public String prefix() {
        return prefix;
    }

    /** The version whose prefix starts the vector, if any. */
    public static Optional<CvssVersion> ofVector(String vector) {
        for (CvssVersion version : values()) {
            if (vector.startsWith(version.prefix)) {
                return Optional.of(version);
            }
        }
        return Optional.empty();
    }
}
