package dev.vigil.vuln.advisory;

import java.util.List;

/**
 * One entry of a CVE record's {@code versions[]}: a single version, or a range from {@code version} up to
 * {@code lessThan} (exclusive) or {@code lessThanOrEqual}, with a status and the points where the status changes.
 *
 * @param status affected, unaffected or unknown
 */
public record VersionStatement(String version, String lessThan, String lessThanOrEqual, String status,
        String versionType, List<Change> changes) {

    /** From version {@code at} on (within the range), the status is {@code status}. */
    public record Change(String at, String status) {
    }

    public VersionStatement {
        changes = List.copyOf(changes);
    }

    public boolean isRange() {
        return lessThan != null || lessThanOrEqual != null;
    }
}
