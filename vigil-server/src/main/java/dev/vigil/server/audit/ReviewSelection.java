package dev.vigil.server.audit;

import java.util.List;

/**
 * What to put under review in a period: records matching a filter, a named preset, or a random sample (in percent)
 * of the period's records not selected yet. Samples are deterministic for a period, so re-running selects the same.
 */
public sealed interface ReviewSelection {

    /** Records matching every given criterion (null: any). {@code action} may end in {@code *} for a prefix. */
    record Filter(String action, String actorKind, String objectType, String outcome, Boolean tenantData) implements ReviewSelection {
    }

    /** A named selection: see {@link #PRESETS}. */
    record Preset(String name) implements ReviewSelection {
    }

    /** A share of the period's records that no other selection chose. */
    record Sample(double percent) implements ReviewSelection {
    }

    List<String> PRESETS = List.of("permission-changes", "bastion-sessions-on-tenant-data", "emergency-access",
            "failures-and-denials");
}
