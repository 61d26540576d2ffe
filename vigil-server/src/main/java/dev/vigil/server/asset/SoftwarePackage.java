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
        version = version == null ? "" : version;
        purl = purl == null ? "" : purl;
        cpe = cpe == null ? "" : cpe;
    }
}
