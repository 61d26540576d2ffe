package dev.vigil.server.vuln;

/**
 * One matching run over a tenant's software inventory (or one asset's).
 *
 * @param affected   package × advisory pairs whose installed version is affected (one finding each)
 * @param undetermined pairs the advisory names but whose version it cannot place (GIT ranges, versions outside the
 *                     ecosystem's order, no status given); no finding is made for them
 */
public record AdvisoryMatchReport(String tenant, int assets, int packages, int affected, int undetermined, int created,
        int updated, int reopened, int closed) {
}
