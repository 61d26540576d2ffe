package dev.vigil.server.vuln;

import java.time.LocalDate;
import java.util.List;

/** A tenant's risk posture now and its daily history (the last value recorded each day). */
public record TenantPosture(String tenant, int score, int assets, int openFindings, int act, int attend, int slaBreached,
        List<Day> history) {

    public record Day(LocalDate day, int score, int assets, int openFindings, int act, int attend, int slaBreached) {
    }
}
