package dev.vigil.detect.sigma.correlation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.event.FieldValue;
import dev.vigil.detect.sigma.engine.RuleMatch;
import dev.vigil.detect.sigma.rule.SigmaCorrelation;
import dev.vigil.detect.sigma.rule.SigmaRule;

/**
 * Evaluates correlation rules (event_count, value_count, temporal, temporal_ordered, value_sum, value_avg,
 * value_percentile) over the stream of rule matches, with group-by, aliases and a sliding timespan. Events must arrive in
 * time order. Memory is bounded: each correlation keeps at most {@code maxGroups} groups (least recently active dropped
 * first, idle groups expire after the timespan), value_count at most {@code maxValues} distinct values per group and the
 * value_* aggregates at most {@code maxValues} events per group. An event whose condition field is not a number is left
 * out of the value_* correlations (counted in {@link #nonNumericValues()}). Not thread-safe: one engine per stream.
 */
public final class CorrelationEngine {

    private static final int SWEEP_EVERY = 4096;
    private static final List<String> TYPES = List.of("event_count", "value_count", "temporal", "temporal_ordered",
            "value_sum", "value_avg", "value_percentile");
    /** percentile used by value_percentile when the condition names none (the spec's own example names none) */
    static final int DEFAULT_PERCENTILE = 50;

    private final List<Compiled> correlations;
    private final List<SkippedCorrelation> skipped;
    /** rule (by identity: records hash deeply) to the correlations referencing it, with its positions in each */
    private final Map<SigmaRule, List<Reference>> byRule = new IdentityHashMap<>();
    private long accepted;
    private long nonNumericValues;

    private record Reference(Compiled correlation, int[] positions) {
    }

    private static final class Compiled {
        final SigmaCorrelation correlation;
        final long span;
        final CountCondition condition;
        final ValueCondition valueCondition;
        final int percentile;
        final int ruleCount;
        final String valueField;
        /** per rule position: the field of each group-by name */
        final List<Map<String, String>> groupFields;
        final LinkedHashMap<List<String>, WindowState> groups;
        final int maxValues;

        Compiled(SigmaCorrelation correlation, long span, CountCondition condition, ValueCondition valueCondition,
                int percentile, List<Map<String, String>> groupFields, int maxGroups, int maxValues) {
            this.correlation = correlation;
            this.span = span;
            this.condition = condition;
            this.valueCondition = valueCondition;
            this.percentile = percentile;
            this.ruleCount = correlation.rules().size();
            this.valueField = correlation.condition().get("field");
            this.groupFields = groupFields;
            this.maxValues = maxValues;
            this.groups = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<List<String>, WindowState> eldest) {
                    return size() > maxGroups;
                }
            };
        }

        WindowState newState() {
            return switch (correlation.type()) {
                case "event_count" -> new WindowState.EventCount(span, condition);
                case "value_count" -> new WindowState.ValueCount(span, condition, maxValues);
                case "temporal" -> new WindowState.Temporal(span, ruleCount);
                case "temporal_ordered" -> new WindowState.Ordered(span, ruleCount);
                case "value_sum" -> new ValueAggregate(ValueAggregate.Kind.SUM, span, valueCondition, 0, maxValues);
                case "value_avg" -> new ValueAggregate(ValueAggregate.Kind.AVG, span, valueCondition, 0, maxValues);
                default -> new ValueAggregate(ValueAggregate.Kind.PERCENTILE, span, valueCondition, percentile,
                        maxValues);
            };
        }

        boolean aggregatesValues() {
            return valueCondition != null;
        }

        /** Like {@code gte 100}, or {@code p95 gt 5000} for value_percentile. */
        String describeCondition() {
            if (valueCondition == null) {
                return condition == null ? "all " + ruleCount + " rules" : condition.describe();
            }
            return ("value_percentile".equals(correlation.type()) ? "p" + percentile + " " : "")
                    + valueCondition.describe();
        }
    }

    private CorrelationEngine(List<Compiled> correlations, List<SkippedCorrelation> skipped) {
        this.correlations = correlations;
        this.skipped = skipped;
    }

    /**
     * @param rules the base rules; correlations reference them by id or name
     */
    public static CorrelationEngine compile(List<SigmaCorrelation> correlations, List<SigmaRule> rules, int maxGroups,
            int maxValues) {
        Map<String, SigmaRule> byReference = new HashMap<>();
        for (SigmaRule rule : rules) {
            if (rule.id() != null) {
                byReference.put(rule.id(), rule);
            }
            if (rule.name() != null) {
                byReference.put(rule.name(), rule);
            }
        }
        List<Compiled> compiled = new ArrayList<>();
        List<SkippedCorrelation> skipped = new ArrayList<>();
        List<Map.Entry<SigmaRule, Reference>> references = new ArrayList<>();
        Set<String> correlationNames = new HashSet<>();
        for (SigmaCorrelation correlation : correlations) {
            if (correlation.id() != null) {
                correlationNames.add(correlation.id());
            }
            if (correlation.name() != null) {
                correlationNames.add(correlation.name());
            }
        }
        for (SigmaCorrelation correlation : correlations) {
            try {
                Compiled c = compileOne(correlation, byReference, correlationNames, maxGroups, maxValues);
                compiled.add(c);
                Map<SigmaRule, List<Integer>> positions = new IdentityHashMap<>();
                for (int p = 0; p < correlation.rules().size(); p++) {
                    positions.computeIfAbsent(byReference.get(correlation.rules().get(p)), r -> new ArrayList<>()).add(p);
                }
                positions.forEach((rule, list) -> references.add(Map.entry(rule, new Reference(c,
                        list.reversed().stream().mapToInt(Integer::intValue).toArray()))));
            } catch (IllegalArgumentException e) {
                skipped.add(new SkippedCorrelation(correlation, e.getMessage()));
            }
        }
        CorrelationEngine engine = new CorrelationEngine(compiled, skipped);
        references.forEach(e -> engine.byRule.computeIfAbsent(e.getKey(), r -> new ArrayList<>()).add(e.getValue()));
        return engine;
    }

    private static Compiled compileOne(SigmaCorrelation correlation, Map<String, SigmaRule> rules,
            Set<String> correlationNames, int maxGroups, int maxValues) {
        String type = correlation.type();
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("correlation type " + type + " is not supported by this engine");
        }
        List<Map<String, String>> groupFields = new ArrayList<>();
        for (String reference : correlation.rules()) {
            SigmaRule rule = rules.get(reference);
            if (rule == null) {
                throw new IllegalArgumentException(correlationNames.contains(reference)
                        ? "references correlation '" + reference + "': chains of correlations are not supported"
                        : "references unknown rule '" + reference + "'");
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (String name : correlation.groupBy()) {
                Map<String, String> alias = correlation.aliases().get(name);
                String field = alias == null ? name
                        : alias.getOrDefault(rule.id(), alias.getOrDefault(rule.name(), name));
                fields.put(name, field);
            }
            groupFields.add(fields);
        }
        Duration span = Timespan.parse(correlation.timespan());
        boolean temporal = type.startsWith("temporal");
        boolean aggregate = type.startsWith("value_") && !"value_count".equals(type);
        CountCondition condition = temporal || aggregate ? null : CountCondition.parse(correlation.condition());
        ValueCondition valueCondition = aggregate ? ValueCondition.parse(correlation.condition()) : null;
        if (type.startsWith("value_") && correlation.condition().get("field") == null) {
            throw new IllegalArgumentException(type + " needs condition.field");
        }
        int percentile = percentile(correlation);
        return new Compiled(correlation, span.toMillis(), condition, valueCondition, percentile, groupFields, maxGroups,
                maxValues);
    }

    private static int percentile(SigmaCorrelation correlation) {
        String text = correlation.condition().get("percentile");
        if (text == null) {
            return DEFAULT_PERCENTILE;
        }
        if (!"value_percentile".equals(correlation.type())) {
            throw new IllegalArgumentException("condition.percentile only applies to value_percentile");
        }
        try {
            int percentile = Integer.parseInt(text.strip());
            if (percentile >= 0 && percentile <= 100) {
                return percentile;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("condition.percentile must be an integer from 0 to 100, got '" + text + "'");
    }

    public List<SkippedCorrelation> skipped() {
        return skipped;
    }

    public int correlationCount() {
        return correlations.size();
    }

    /** Matching events left out of a value_* correlation because their condition field held no number. */
    public long nonNumericValues() {
        return nonNumericValues;
    }

    /**
     * Feeds the rule matches of one event; its reference in findings is its position in the stream (0, 1, ...).
     *
     * @param time the event time; events must come in time order
     * @return the correlations that fired on this event
     */
    public List<CorrelationMatch> accept(List<RuleMatch> matches, Event event, Instant time) {
        return accept(matches, event, time, accepted);
    }

    /**
     * Feeds the rule matches of one event.
     *
     * @param time     the event time; events must come in time order
     * @param eventRef the caller's reference to the event (a line number, a sequence), echoed in findings
     * @return the correlations that fired on this event
     */
    public List<CorrelationMatch> accept(List<RuleMatch> matches, Event event, Instant time, long eventRef) {
        List<CorrelationMatch> fired = new ArrayList<>(0);
        long now = time.toEpochMilli();
        for (RuleMatch match : matches) {
            for (Reference reference : byRule.getOrDefault(match.rule(), List.of())) {
                Compiled c = reference.correlation();
                double number = Double.NaN;
                if (c.aggregatesValues()) {
                    Double parsed = NumericValues.of(event.field(c.valueField));
                    if (parsed == null) {
                        nonNumericValues++;
                        continue;
                    }
                    number = parsed;
                }
                String text = c.valueField == null ? null : text(event.field(c.valueField));
                for (int position : reference.positions()) {
                    Map<String, String> group = new LinkedHashMap<>();
                    c.groupFields.get(position).forEach((name, field) -> group.put(name, text(event.field(field))));
                    List<String> key = new ArrayList<>(group.values());
                    WindowState state = c.groups.computeIfAbsent(key, k -> c.newState());
                    WindowState.Fired result = state.add(
                            new WindowState.Observation(position, text, number, now, eventRef));
                    if (result != null) {
                        fired.add(match(c, group, result, time));
                    }
                }
            }
        }
        if (++accepted % SWEEP_EVERY == 0) {
            expire(now);
        }
        return fired;
    }

    private static CorrelationMatch match(Compiled c, Map<String, String> group, WindowState.Fired result, Instant time) {
        Instant windowStart = Instant.ofEpochMilli(result.windowStart());
        String condition = c.describeCondition();
        String type = c.correlation.type();
        String explanation;
        if (c.aggregatesValues()) {
            explanation = type + " of " + c.valueField + " over " + result.count() + " events from " + windowStart
                    + " to " + time + " for " + group + " = " + NumericValues.format(result.value()) + ", condition "
                    + condition + (result.truncated() ? " (window truncated to the latest " + result.count()
                    + " events by the per-group cap)" : "");
        } else {
            String counted = type.startsWith("temporal") ? " of its rules"
                    : "value_count".equals(type) ? " distinct values of " + c.valueField : " events";
            String span = "event_count".equals(type) ? " from " + windowStart + " to " + time
                    : " within " + c.correlation.timespan() + " up to " + time;
            explanation = type + " reached " + result.count() + counted + span + " for " + group + ", condition "
                    + condition;
        }
        return new CorrelationMatch(c.correlation, group, result.count(), time,
                c.aggregatesValues() ? result.value() : null, condition, windowStart, result.events(), explanation);
    }

    /** Drops groups idle for longer than their correlation's timespan. */
    private void expire(long now) {
        for (Compiled c : correlations) {
            Iterator<WindowState> states = c.groups.values().iterator();
            while (states.hasNext()) {
                if (states.next().lastSeen() < now - c.span) {
                    states.remove();
                }
            }
        }
    }

    private static String text(FieldValue value) {
        if (value == null || value.isNull()) {
            return null;
        }
        return value.isList() ? value.elements().toString() : value.text();
    }
}
