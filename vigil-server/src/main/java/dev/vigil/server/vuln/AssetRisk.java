package dev.vigil.server.vuln;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Risk of one asset (0-1000) with its inputs, so the number can be explained (formula in docs/risk.md).
 *
 * @param openByDecision open findings per SSVC decision (Act, Attend, Track*, Track)
 * @param slaBreached    open findings past their due date
 * @param firingAlerts   firing alerts whose entities name the asset (host name, address, asset name)
 * @param openIncidents  open incidents that name the asset (affected assets, host observables, linked alerts)
 * @param coverageGaps   what the asset's coverage misses: not-scanned, no-logs, not-monitored, no-bastion-target
 */
public record AssetRisk(UUID assetId, String tenant, String name, String kind, int criticality, boolean internetExposed,
        boolean scanned, Map<String, Integer> openByDecision, int slaBreached, int firingAlerts, int openIncidents,
        List<String> coverageGaps, int score) {
}
