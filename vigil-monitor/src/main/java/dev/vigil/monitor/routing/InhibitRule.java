package dev.vigil.monitor.routing;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One {@code inhibit_rules} entry: a firing alert matching the source matchers mutes alerts matching the target
 * matchers when both have the same values (absent = "") for every {@code equal} label.
 */
public record InhibitRule(List<Matcher> sourceMatchers, List<Matcher> targetMatchers, List<String> equal) {

    public InhibitRule {
        sourceMatchers = List.copyOf(sourceMatchers);
        targetMatchers = List.copyOf(targetMatchers);
        equal = List.copyOf(equal);
    }

    /**
     * Whether the target is muted by one of the firing alerts. As in Alertmanager, when the target itself also matches
     * the source side, sources that also match the target side are ignored, so an alert never inhibits itself and two
     * alerts matching both sides do not mute each other.
     */
    public boolean inhibits(Map<String, String> target, Collection<Map<String, String>> firing) {
        if (!allMatch(targetMatchers, target)) {
            return false;
        }
        boolean targetIsAlsoSource = allMatch(sourceMatchers, target);
        for (Map<String, String> source : firing) {
            if (!allMatch(sourceMatchers, source) || !equalLabels(source, target)) {
                continue;
            }
            if (targetIsAlsoSource && allMatch(targetMatchers, source)) {
                continue;
            }
            return true;
        }
        return false;
    }

    private boolean equalLabels(Map<String, String> a, Map<String, String> b) {
        for (String name : equal) {
            if (!Objects.equals(a.getOrDefault(name, ""), b.getOrDefault(name, ""))) {
                return false;
            }
        }
        return true;
    }

    static boolean allMatch(List<Matcher> matchers, Map<String, String> labels) {
        for (Matcher m : matchers) {
            if (!m.matches(labels)) {
                return false;
            }
        }
        return true;
    }
}
