package dev.vigil.detect.sigma.engine;

import java.util.List;
import java.util.Objects;

import dev.vigil.detect.sigma.rule.LogSource;
import dev.vigil.detect.sigma.rule.SigmaFilter;
import dev.vigil.detect.sigma.rule.SigmaRule;

/**
 * Finds the filters (Sigma meta-filters) that apply to a rule: the filter lists the rule's id or name (or {@code any}) and
 * every log-source key the filter gives equals the rule's. As in pySigma, a filter's condition is AND-ed to the rule's,
 * so filters are written {@code condition: not selection} to exclude events.
 */
final class RuleFilters {

    private final List<SigmaFilter> filters;

    RuleFilters(List<SigmaFilter> filters) {
        this.filters = List.copyOf(filters);
    }

    List<SigmaFilter> applicableTo(SigmaRule rule) {
        return filters.stream().filter(f -> targets(f, rule) && covers(f.logsource(), rule.logsource())).toList();
    }

    private static boolean targets(SigmaFilter filter, SigmaRule rule) {
        return filter.rules().contains("any") || (rule.id() != null && filter.rules().contains(rule.id()))
                || (rule.name() != null && filter.rules().contains(rule.name()));
    }

    private static boolean covers(LogSource filter, LogSource rule) {
        return (filter.product() == null || Objects.equals(filter.product(), rule.product()))
                && (filter.category() == null || Objects.equals(filter.category(), rule.category()))
                && (filter.service() == null || Objects.equals(filter.service(), rule.service()));
    }
}
