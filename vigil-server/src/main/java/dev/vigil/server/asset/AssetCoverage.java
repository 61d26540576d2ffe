package dev.vigil.server.asset;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Whether an asset is seen by the platform. A null answer means the platform cannot tell (no feature reports that
 * aspect).
 *
 * @param sendsLogs     events named it within {@code vigil.asset.log-window}, or an active input is bound to it
 * @param logSources    the bound inputs that are active
 * @param scanned       a vulnerability scan of it was imported within {@code vigil.asset.scan-stale-after}
 * @param monitored     a scraped or probed service component lists it, or a live monitor targets it (by asset name, or
 *                      through a component that lists it); see {@link CoverageSource.Aspect#MONITORED}
 * @param viaBastion    a bastion target references it (by asset name or id), so operators can reach it through the
 *                      recording bastion; this does not prove that no other path to it exists
 * @param gaps          {@code no-logs}, {@code not-scanned}, {@code not-monitored}, {@code no-bastion-target}: what is
 *                      missing (an unknown aspect is not a gap)
 */
public record AssetCoverage(UUID assetId, String tenant, String name, String kind, int criticality, boolean sendsLogs,
        List<String> logSources, boolean scanned, Instant lastScannedAt, Boolean monitored, Boolean viaBastion,
        List<String> gaps) {
}
