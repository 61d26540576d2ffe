package dev.vigil.intel.stix.evaluate;

import dev.vigil.intel.stix.evaluate.ObservedValueComparison.ValueKind;
import dev.vigil.intel.stix.pattern.ComparisonExpression;
import dev.vigil.intel.stix.pattern.ObjectPath;
import dev.vigil.intel.stix.pattern.ObservationExpression;
import dev.vigil.intel.stix.pattern.StixPattern;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a pattern against one event's observables. Within the event, observation-level AND / OR combine the
 * observations' results (the event is a single observed-data object); FOLLOWEDBY and the WITHIN / REPEATS / START-STOP
 * qualifiers describe sequences of events over time and make the pattern not evaluable here, as do object types the
 * event view does not carry (see {@link EventObservables#OBSERVED_TYPES}). A comparison on a property the event lacks
 * is false, with or without NOT; with several values (a {@code [*]} step, or two addresses) one satisfying value suffices.
 */
public final class PatternEvaluator {

    private PatternEvaluator() {
    }

    public static PatternVerdict evaluate(StixPattern pattern, EventObservables event) {
        String reason = notEvaluableReason(pattern.root());
        if (reason != null) {
            return new PatternVerdict.NotEvaluable(reason);
        }
        try {
            return PatternVerdict.of(observation(pattern.root(), event));
        } catch (NotEvaluableException e) {
            return new PatternVerdict.NotEvaluable(e.getMessage());
        }
    }

    private static String notEvaluableReason(ObservationExpression expression) {
        return switch (expression) {
            case ObservationExpression.Qualified qualified -> qualified.qualifier().family()
                    + " qualifies a sequence of events over time; one event cannot satisfy it";
            case ObservationExpression.Combination combination
                    when combination.operator() == ObservationExpression.Operator.FOLLOWEDBY ->
                    "FOLLOWEDBY orders several events in time; one event cannot satisfy it";
            case ObservationExpression.Combination combination -> {
                String left = notEvaluableReason(combination.left());
                yield left != null ? left : notEvaluableReason(combination.right());
            }
            case ObservationExpression.Group group -> notEvaluableReason(group.inner());
            case ObservationExpression.Observation observation -> unobservedType(observation.comparison());
        };
    }

    private static String unobservedType(ComparisonExpression comparison) {
        return switch (comparison) {
            case ComparisonExpression.Combination combination -> {
                String left = unobservedType(combination.left());
                yield left != null ? left : unobservedType(combination.right());
            }
            case ComparisonExpression.Exists exists -> typeReason(exists.path());
            case ComparisonExpression.Test test -> typeReason(test.path());
        };
    }

    private static String typeReason(ObjectPath path) {
        return EventObservables.OBSERVED_TYPES.contains(path.objectType()) ? null
                : "object type '" + path.objectType() + "' is not observed in SOC events (evaluable: "
                + String.join(", ", EventObservables.OBSERVED_TYPES.stream().sorted().toList()) + ")";
    }

    private static boolean observation(ObservationExpression expression, EventObservables event)
            throws NotEvaluableException {
        return switch (expression) {
            case ObservationExpression.Observation observation -> comparison(observation.comparison(), event);
            case ObservationExpression.Group group -> observation(group.inner(), event);
            case ObservationExpression.Combination combination ->
                    combination.operator() == ObservationExpression.Operator.AND
                            ? observation(combination.left(), event) && observation(combination.right(), event)
                            : observation(combination.left(), event) || observation(combination.right(), event);
            case ObservationExpression.Qualified qualified ->
                    throw new NotEvaluableException("qualifiers need a sequence of events");
        };
    }

    private static boolean comparison(ComparisonExpression expression, EventObservables event)
            throws NotEvaluableException {
        return switch (expression) {
            case ComparisonExpression.Combination combination -> combination.junction() == ComparisonExpression.Junction.AND
                    ? comparison(combination.left(), event) && comparison(combination.right(), event)
                    : comparison(combination.left(), event) || comparison(combination.right(), event);
            case ComparisonExpression.Exists exists -> !values(exists.path(), event).isEmpty();
            case ComparisonExpression.Test test -> {
                ValueKind kind = kindOf(test.path());
                for (Object value : values(test.path(), event)) {
                    if (ObservedValueComparison.test(kind, value, test.operator(), test.value()) != test.negated()) {
                        yield true;
                    }
                }
                yield false;
            }
        };
    }

    /** Every value the path reaches in the event's objects of the path's type. */
    private static List<Object> values(ObjectPath path, EventObservables event) {
        List<Object> current = new ArrayList<>(event.objects(path.objectType()));
        for (ObjectPath.Step step : path.steps()) {
            List<Object> next = new ArrayList<>();
            for (Object value : current) {
                switch (step) {
                    case ObjectPath.Property property when value instanceof Map<?, ?> map
                            && map.get(property.name()) != null -> next.add(map.get(property.name()));
                    case ObjectPath.AnyIndex any when value instanceof List<?> list -> next.addAll(list);
                    case ObjectPath.Index index when value instanceof List<?> list -> {
                        long i = index.index() < 0 ? list.size() + index.index() : index.index();
                        if (i >= 0 && i < list.size()) {
                            next.add(list.get((int) i));
                        }
                    }
                    default -> {
                        // the step does not apply to this value: no result
                    }
                }
            }
            current = next;
        }
        return current;
    }

    private static ValueKind kindOf(ObjectPath path) {
        List<ObjectPath.Step> steps = path.steps();
        boolean endsInValue = steps.getLast() instanceof ObjectPath.Property last && last.name().equals("value");
        if (steps.stream().anyMatch(step -> step instanceof ObjectPath.Property p && p.name().equals("hashes"))) {
            return ValueKind.HASH;
        }
        if (!endsInValue) {
            return ValueKind.OTHER;
        }
        if (steps.size() > 1) {
            // a reference walk such as network-traffic:dst_ref.value or email-message:from_ref.value
            return path.objectType().equals("network-traffic") ? ValueKind.ADDRESS : ValueKind.EMAIL;
        }
        return switch (path.objectType()) {
            case "ipv4-addr", "ipv6-addr" -> ValueKind.ADDRESS;
            case "domain-name" -> ValueKind.DOMAIN;
            case "url" -> ValueKind.URL;
            case "email-addr" -> ValueKind.EMAIL;
            default -> ValueKind.OTHER;
        };
    }
}
