package dev.vigil.vuln.advisory;

import java.util.List;

/**
 * What an advisory file held: the advisories read, and the records that are not advisories, each with its reason
 * (a broken record naming the file and the place, or a REJECTED CVE record).
 */
public record AdvisoryFile(List<Advisory> advisories, List<Skipped> skipped) {

    /**
     * A record left out.
     *
     * @param rejected true for a CVE record in state REJECTED (not an error), false for a broken record
     */
    public record Skipped(String source, String place, String reason, boolean rejected) {

        public String message() {
            return source + (place == null || place.isEmpty() ? "" : " at " + place) + ": " + reason;
        }
    }

    public AdvisoryFile {
        advisories = List.copyOf(advisories);
        skipped = List.copyOf(skipped);
    }
}
