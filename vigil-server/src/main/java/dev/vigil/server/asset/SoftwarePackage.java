package dev.vigil.server.asset;

import java.time.Instant;

/**
 * One installed package of an asset's software inventory.
 *
 * @param purl   package URL, or empty
 * @param cpe    CPE 2.3 name, or empty
 * @param source where it was learnt: api, csv or the scanner whose report named it
 */
public record SoftwarePackage(String name, String version, String purl, String cpe, String source, Instant seenAt) {

    public SoftwarePackage {
        name = name == null ? null : withoutNul(name);
        version = version == null ? "" : withoutNul(version);
        purl = purl == null ? "" : withoutNul(purl);
        cpe = cpe == null ? "" : withoutNul(cpe);
    }

    /** Some scanner reports carry NUL characters, which PostgreSQL text cannot hold. */
    private static String withoutNul(String text) {
        return text.replace("\u0000", "");
    }
}
