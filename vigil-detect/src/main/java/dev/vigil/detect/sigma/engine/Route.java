package dev.vigil.detect.sigma.engine;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldValue;
import dev.vigil.detect.sigma.logsource.SourceScope;
import dev.vigil.detect.sigma.prefilter.RoutePrefilter;

/**
 * The rules of one log-source scope, reached through the channel (and event id) index. {@code conditions} are the scope's
 * conditions not already settled by the index; the scope's {@code present} fields are checked too.
 */
record Route(SourceScope scope, Map<String, Set<String>> conditions, CompiledRule[] rules, RoutePrefilter prefilter) {

    Route(SourceScope scope, Map<String, Set<String>> conditions, CompiledRule[] rules) {
        this(scope, conditions, rules,
                new RoutePrefilter(Arrays.stream(rules).map(CompiledRule::requirement).toList()));
    }

    boolean accepts(Event event) {
        for (Map.Entry<String, Set<String>> condition : conditions.entrySet()) {
            FieldValue value = event.field(condition.getKey());
            if (value == null || value.text() == null || !condition.getValue().contains(value.text())) {
                return false;
            }
        }
        for (String field : scope.present()) {
            FieldValue value = event.field(field);
            if (value == null || value.isNull()) {
                return false;
            }
        }
        return true;
    }
}
