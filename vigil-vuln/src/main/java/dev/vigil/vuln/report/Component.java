package dev.vigil.vuln.report;

/** The affected software package; any part may be null when the scanner does not give it. */
public record Component(String name, String version, String purl) {

    /** A component or null when there is nothing to identify it. */
    public static Component of(String name, String version, String purl) {
        return name == null && version == null && purl == null ? null : new Component(name, version, purl);
    }
}
