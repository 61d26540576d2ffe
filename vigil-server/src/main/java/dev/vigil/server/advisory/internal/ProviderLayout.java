package dev.vigil.server.advisory.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Where a release lives in the CSAF provider layout (CSAF 2.0 §7.1.11-7.1.12): {@code <tlp>/<year of the initial
 * release>/<file name>}; the file name is the tracking id in lower case with every run of characters other than
 * {@code + - a-z 0-9} replaced by {@code _}, plus {@code .json} (§5.1). Only TLP:WHITE releases are served there.
 */
public final class ProviderLayout {

    private ProviderLayout() {
    }

    public static String fileName(String trackingId) {
        return trackingId.toLowerCase(Locale.ROOT).replaceAll("[^+\\-a-z0-9]+", "_") + ".json";
    }

    /** The path below {@code /.well-known/csaf/}, or null when the TLP keeps it out of the public layout. */
    public static String path(String tlp, String trackingId, Instant initialRelease) {
        if (!"WHITE".equals(tlp)) {
            return null;
        }
        return "white/" + initialRelease.atZone(ZoneOffset.UTC).getYear() + "/" + fileName(trackingId);
    }
}
