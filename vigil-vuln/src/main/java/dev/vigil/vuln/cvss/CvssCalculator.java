package dev.vigil.vuln.cvss;

import java.util.Map;

/**
 * Entry point: scores a CVSS v3.0, v3.1 or v4.0 vector; the prefix decides the version.
 * Thread-safe and stateless.
 */
public final class CvssCalculator {

    private static final Cvss3Calculator V3 = new Cvss3Calculator();
    private static final Cvss4Calculator V4 = new Cvss4Calculator();

    private CvssCalculator() {
    }

    /**
     * Scores the vector.
     *
     * @throws InvalidCvssVectorException when the vector is not valid for its version (the reason is in the message)
     */
    public static CvssScore score(String vector) {
        CvssVersion version = versionOf(vector);
        return switch (version) {
            case V3_0, V3_1 -> V3.score(vector, version);
            case V4_0 -> V4.score(vector);
        };
    }

    /**
     * The metrics the vector sets, keyed by abbreviation in vector order; metrics it leaves out are absent (they
     * mean X, Not Defined).
     *
     * @throws InvalidCvssVectorException when the vector is not valid for its version
     */
    public static Map<String, String> metrics(String vector) {
        CvssVersion version = versionOf(vector);
        return switch (version) {
            case V3_0, V3_1 -> V3.metrics(vector, version);
            case V4_0 -> V4.metrics(vector);
        };
    }

    private static CvssVersion versionOf(String vector) {
        if (vector == null || vector.isBlank()) {
            throw new InvalidCvssVectorException(String.valueOf(vector), "vector is empty");
        }
        return CvssVersion.ofVector(vector).orElseThrow(() -> new InvalidCvssVectorException(vector,
                "must start with 'CVSS:3.0/', 'CVSS:3.1/' or 'CVSS:4.0/'"));
    }
}
