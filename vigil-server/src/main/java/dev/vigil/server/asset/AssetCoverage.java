package dev.vigil.server.asset;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Whether an asset is seen by the platform. A null answer means the platform cannot tell yet.
 *
 * @param sendsLogs     events named it within {@code vigil.asset.log-window}, or an active input is bound to it
 * @param logSources    the bound inputs that are active
 * @param scanned       a vulnerability scan of it was imported within {@code vigil.asset.scan-stale-after}
 * @param monitored     whether a monitor watches it: unknown until monitoring publishes its targets
 * @param bastionOnly   whether it is reachable only through the bastion: unknown until the bastion publishes its targets
 * @param gaps          {@code no-logs}, {@code not-scanned}: what is missing
 */
public record AssetCoverage(UUID assetId, String tenant, String name, String kind, int criticality, boolean sendsLogs,
        List<String> logSources, boolean scanned, Instant lastScannedAt, Boolean monitored, Boolean bastionOnly,
        List<String> gaps) {
}
