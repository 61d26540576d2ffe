package dev.vigil.monitor.routing;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** All inhibit rules of a configuration. */
public record Inhibitor(List<InhibitRule> rules) {

    public Inhibitor {
        rules = List.copyOf(rules);
    }

    /** Whether any rule mutes the target given the currently firing alerts (resolved alerts must not be passed). */
    public boolean isInhibited(Map<String, String> target, Collection<Map<String, String>> firing) {
        return rules.stream().anyMatch(r -> r.inhibits(target, firing));
    }
}
