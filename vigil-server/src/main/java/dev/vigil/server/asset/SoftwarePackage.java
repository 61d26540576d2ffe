package dev.vigil.server.asset;

import java.time.Instant;

/**
 * One installed package of an asset's software inventory.
 *
 * @param purl   package URL, or empty
 * @param cpe    CPE 2.3 name, or empty
 * @param source where it was learnt: api, csv or the scanner whose report named it
 * @param type   what kind of package it is when known: a package-URL type ({@code deb}, {@code npm}, ...) or an OSV
 *               ecosystem ({@code PyPI}, {@code Debian:12}); empty when unknown
 */
public record SoftwarePackage(String name, String version, String purl, String cpe, String source, Instant seenAt,
                              String type) {

    public SoftwarePackage {
        name = name == null ? null : withoutNul(name);
        version = version == null ? "" : withoutNul(version);
        purl = purl == null ? "" : withoutNul(purl);
        cpe = cpe == null ? "" : withoutNul(cpe);
        type = type == null ? "" : withoutNul(type).strip();
    }

    /** A package whose type is not known. */
    public SoftwarePackage(String name, String version, String purl, String cpe, String source, Instant seenAt) {
        this(name, version, purl, cpe, source, seenAt, null);
    }

    /** Some scanner reports carry NUL characters, which PostgreSQL text cannot hold. */
    private static String withoutNul(String text) {
        return text.replace("\u0000", "");
    }
}
