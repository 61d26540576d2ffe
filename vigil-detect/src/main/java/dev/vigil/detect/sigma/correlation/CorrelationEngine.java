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
 * Evaluates correlation rules (event_count, value_count, temporal, temporal_ordered) over the stream of rule matches,
 * with group-by, aliases and a sliding timespan. Events must arrive in time order. Memory is bounded: each correlation
 * keeps at most {@code maxGroups} groups (least recently active dropped first, idle groups expire after the timespan) and
 * value_count at most {@code maxValues} distinct values per group. Not thread-safe: one engine per stream.
 */
public final class CorrelationEngine {

    private static final int SWEEP_EVERY = 4096;

    private final List<Compiled> correlations;
    private final List<SkippedCorrelation> skipped;
    /** rule (by identity: records hash deeply) to the correlations referencing it, with its positions in each */
    private final Map<SigmaRule, List<Reference>> byRule = new IdentityHashMap<>();
    private long accepted;

    private record Reference(Compiled correlation, int[] positions) {
    }

    private static final class Compiled {
        final SigmaCorrelation correlation;
        final long span;
        final CountCondition condition;
        final int ruleCount;
        final String valueField;
        /** per rule position: the field of each group-by name */
        final List<Map<String, String>> groupFields;
        final LinkedHashMap<List<String>, WindowState> groups;
        final int maxValues;

        Compiled(SigmaCorrelation correlation, long span, CountCondition condition, List<Map<String, String>> groupFields,
                int maxGroups, int maxValues) {
            this.correlation = correlation;
            this.span = span;
            this.condition = condition;
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
                default -> new WindowState.Ordered(span, ruleCount);
            };
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
        if (!List.of("event_count", "value_count", "temporal", "temporal_ordered").contains(type)) {
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
        CountCondition condition = temporal ? null : CountCondition.parse(correlation.condition());
        if ("value_count".equals(type) && correlation.condition().get("field") == null) {
            throw new IllegalArgumentException("value_count needs condition.field");
        }
        return new Compiled(correlation, span.toMillis(), condition, groupFields, maxGroups, maxValues);
    }

    public List<SkippedCorrelation> skipped() {
        return skipped;
    }

    public int correlationCount() {
        return correlations.size();
    }

    /**
     * Feeds the rule matches of one event.
     *
     * @param time the event time; events must come in time order
     * @return the correlations that fired on this event
     */
    public List<CorrelationMatch> accept(List<RuleMatch> matches, Event event, Instant time) {
        List<CorrelationMatch> fired = new ArrayList<>(0);
        long now = time.toEpochMilli();
        for (RuleMatch match : matches) {
            for (Reference reference : byRule.getOrDefault(match.rule(), List.of())) {
                Compiled c = reference.correlation();
                for (int position : reference.positions()) {
                    Map<String, String> group = new LinkedHashMap<>();
                    c.groupFields.get(position).forEach((name, field) -> group.put(name, text(event.field(field))));
                    List<String> key = new ArrayList<>(group.values());
                    WindowState state = c.groups.computeIfAbsent(key, k -> c.newState());
                    String value = c.valueField == null ? null : text(event.field(c.valueField));
                    long count = state.add(position, value, now);
                    if (count >= 0) {
                        fired.add(new CorrelationMatch(c.correlation, group, count, time));
                    }
                }
            }
        }
        if (++accepted % SWEEP_EVERY == 0) {
            expire(now);
        }
        return fired;
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
