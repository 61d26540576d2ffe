package dev.vigil.server.vuln;

import java.util.List;

/**
 * One matching run over a tenant's software inventory (or one asset's).
 *
 * @param affected     package × advisory pairs whose installed version is affected (one finding each)
 * @param undetermined pairs the advisory names, or may name, but that cannot be decided: versions it cannot place
 *                     (GIT ranges, versions outside the ecosystem's order, no status given), a release-scoped advisory
 *                     for a package whose release is unknown, a package known by name only whose ecosystem cannot be
 *                     told; no finding is made for them
 * @param undeterminedDetails the first {@value #MAX_DETAILS} of those pairs with the reason
 */
public record AdvisoryMatchReport(String tenant, int assets, int packages, int affected, int undetermined, int created,
        int updated, int reopened, int closed, List<Undetermined> undeterminedDetails) {

    public static final int MAX_DETAILS = 100;

    /** A package and an advisory that may concern it, and why it cannot be decided. */
    public record Undetermined(String asset, String packageName, String version, String advisory, String reason) {
    }

    public AdvisoryMatchReport {
        undeterminedDetails = List.copyOf(undeterminedDetails);
    }
}
