package dev.vigil.vuln.advisory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * One advisory, read from an OSV record or a CVE JSON 5 record: what it is called, what it affects and how severe.
 *
 * @param source     the file (and zip entry) it was read from
 * @param aliases    other ids of the same vulnerability (CVE, GHSA, ...), without {@code id}
 * @param withdrawn  when the publisher withdrew it (OSV), or null; a withdrawn advisory matches nothing
 * @param severities CVSS vectors (and other ratings) it carries
 * @param json       the record as JSON text, so that it can be stored and read again
 */
public record Advisory(String id, AdvisoryFormat format, String source, String summary, List<String> aliases,
        Instant published, Instant modified, Instant withdrawn, List<AdvisorySeverity> severities,
        List<AffectedPackage> affected, String json) {

    public Advisory {
        aliases = List.copyOf(aliases);
        severities = List.copyOf(severities);
        affected = List.copyOf(affected);
    }

    /** The CVSS vector to score it by: the newest CVSS version it carries, or null. */
    public String cvssVector() {
        return severities.stream().map(AdvisorySeverity::score)
                .filter(s -> s != null && s.toUpperCase(Locale.ROOT).startsWith("CVSS:"))
                .max(Comparator.comparing(s -> s.substring(0, Math.min(8, s.length()))))
                .orElse(null);
    }

    /** The CVE ids among the id and aliases. */
    public List<String> cveIds() {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(id), aliases.stream())
                .filter(a -> a.toUpperCase(Locale.ROOT).startsWith("CVE-")).distinct().toList();
    }
}
