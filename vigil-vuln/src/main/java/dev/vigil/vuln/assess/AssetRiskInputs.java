package dev.vigil.vuln.assess;

import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.vuln.ssvc.CisaLevel;

/**
 * What the risk of one asset is computed from.
 *
 * @param openFindings      open findings per SSVC outcome
 * @param firingAlerts      the severity of each firing alert that names the asset ({@code critical}, {@code high}, ...)
 * @param openIncidentLevels the level (1 = I, most severe, to 4 = IV; 0 = not graded yet) of each open incident that
 *                           names the asset
 * @param coverageGaps      {@code not-scanned}, {@code no-logs}, {@code not-monitored}, {@code no-bastion-target}
 */
public record AssetRiskInputs(int criticality, boolean internetExposed, Map<CisaLevel, Integer> openFindings,
        List<String> firingAlerts, List<Integer> openIncidentLevels, Set<String> coverageGaps) {

    public AssetRiskInputs {
        openFindings = Map.copyOf(openFindings);
        firingAlerts = List.copyOf(firingAlerts);
        openIncidentLevels = List.copyOf(openIncidentLevels);
        coverageGaps = Set.copyOf(coverageGaps);
    }
}
