package dev.vigil.detect.sigma.engine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.sigma.logsource.FieldRenames;
import dev.vigil.detect.sigma.logsource.LogSourceMapping;
import dev.vigil.detect.sigma.logsource.SourceScope;
import dev.vigil.detect.sigma.match.CompiledDetection;
import dev.vigil.detect.sigma.match.DetectionCompiler;
import dev.vigil.detect.sigma.match.RuleCompileException;
import dev.vigil.detect.sigma.rule.SigmaFilter;
import dev.vigil.detect.sigma.rule.SigmaRule;

/**
 * A compiled, immutable set of rules that evaluates an event in one pass. Rules are indexed by log source: an event's
 * channel and event id select the few routes (category or service scopes) whose rules can apply, so the cost per event
 * grows with the rules of that source, not with the whole set. Thread-safe.
 */
public final class RuleSet {

    private final LogSourceMapping mapping;
    private final List<CompiledRule> rules;
    private final List<SkippedRule> skipped;
    private final Map<String, ChannelRoutes> byChannel = new HashMap<>();
    private final List<Route> anyChannel = new ArrayList<>();
    private final List<Route> everywhere = new ArrayList<>();

    private static final class ChannelRoutes {
        final Map<String, List<Route>> byEventId = new HashMap<>();
        final List<Route> anyEventId = new ArrayList<>();
    }

    private RuleSet(LogSourceMapping mapping, List<CompiledRule> rules, List<SkippedRule> skipped,
            Map<SourceScope, List<CompiledRule>> byScope) {
        this.mapping = mapping;
        this.rules = List.copyOf(rules);
        this.skipped = List.copyOf(skipped);
        byScope.forEach(this::index);
    }

    /** Compiles rules without placeholder values. */
    public static RuleSet compile(List<SigmaRule> rules, LogSourceMapping mapping) {
        return compile(rules, mapping, Map.of());
    }

    /**
     * @param placeholders values for {@code expand} placeholders by name (without %); rules needing others are skipped
     */
    public static RuleSet compile(List<SigmaRule> rules, LogSourceMapping mapping, Map<String, List<String>> placeholders) {
        return compile(rules, mapping, placeholders, List.of());
    }

    /**
     * @param filters meta-filters; each one's condition is AND-ed to the rules it names (by id, name or "any") whose
     *                log source it covers
     */
    public static RuleSet compile(List<SigmaRule> rules, LogSourceMapping mapping, Map<String, List<String>> placeholders,
            List<SigmaFilter> filters) {
        DetectionCompiler compiler = new DetectionCompiler(placeholders);
        RuleFilters ruleFilters = new RuleFilters(filters);
        List<CompiledRule> compiled = new ArrayList<>();
        List<SkippedRule> skipped = new ArrayList<>();
        Map<SourceScope, List<CompiledRule>> byScope = new LinkedHashMap<>();
        for (SigmaRule rule : rules) {
            Optional<List<SourceScope>> scopes = mapping.resolve(rule.logsource());
            if (scopes.isEmpty()) {
                skipped.add(new SkippedRule(rule, SkippedRule.Reason.LOGSOURCE_NOT_MAPPED,
                        "log source " + rule.logsource() + " is not covered by mapping " + mapping.name()));
                continue;
            }
            CompiledDetection detection;
            SigmaFilter current = null;
            try {
                detection = compiler.compile(rule.condition(), rule.detections());
                for (SigmaFilter filter : ruleFilters.applicableTo(rule)) {
                    current = filter;
                    detection = detection.and(compiler.compile(filter.condition(), filter.detections()).predicate());
                }
            } catch (RuleCompileException e) {
                String where = current == null ? "" : "filter " + current.source() + ":" + current.line() + ": ";
                skipped.add(new SkippedRule(rule, SkippedRule.Reason.NOT_EVALUABLE, where + e.getMessage()));
                continue;
            }
            CompiledRule compiledRule = new CompiledRule(compiled.size(), rule, detection.predicate(), detection.requirement());
            compiled.add(compiledRule);
            for (SourceScope scope : scopes.get()) {
                byScope.computeIfAbsent(scope, s -> new ArrayList<>()).add(compiledRule);
            }
        }
        return new RuleSet(mapping, compiled, skipped, byScope);
    }

    private void index(SourceScope scope, List<CompiledRule> scopeRules) {
        CompiledRule[] array = scopeRules.toArray(CompiledRule[]::new);
        if (!mapping.scopesEvents()) {
            everywhere.add(new Route(scope, scope.conditions(), array));
            return;
        }
        String idField = mapping.eventIdField();
        Set<String> eventIds = idField == null ? null : scope.conditions().get(idField);
        Map<String, Set<String>> rest = new HashMap<>(scope.conditions());
        if (eventIds != null) {
            rest.remove(idField);
        }
        Route route = new Route(scope, Map.copyOf(rest), array);
        if (scope.channels() == null) {
            anyChannel.add(eventIds == null ? route : new Route(scope, scope.conditions(), array));
            return;
        }
        for (String channel : scope.channels()) {
            ChannelRoutes routes = byChannel.computeIfAbsent(channel, c -> new ChannelRoutes());
            if (eventIds == null) {
                routes.anyEventId.add(route);
            } else {
                for (String id : eventIds) {
                    routes.byEventId.computeIfAbsent(id, i -> new ArrayList<>()).add(route);
                }
            }
        }
    }

    /** Rules that will be evaluated. */
    public List<SigmaRule> rules() {
        return rules.stream().map(CompiledRule::rule).toList();
    }

    /** Rules left out, with the reason. */
    public List<SkippedRule> skipped() {
        return skipped;
    }

    public LogSourceMapping mapping() {
        return mapping;
    }

    /** The rules matching the event, in rule order; each rule at most once. */
    public List<RuleMatch> match(Event event) {
        return match(event, true);
    }

    /**
     * The same as {@link #match} but evaluating every rule of the event's routes, without the literal prefilter: the
     * reference the prefilter must agree with.
     */
    List<RuleMatch> matchExhaustively(Event event) {
        return match(event, false);
    }

    private List<RuleMatch> match(Event event, boolean prefiltered) {
        List<Route> routes = candidates(event);
        if (routes.isEmpty()) {
            return List.of();
        }
        BitSet matched = null;
        for (Route route : routes) {
            if (!route.accepts(event)) {
                continue;
            }
            Event view = FieldRenames.view(event, route.scope().fieldMappings());
            long[] selected = prefiltered ? route.prefilter().candidates(view) : everyRule(route.rules().length);
            CompiledRule[] routeRules = route.rules();
            for (int w = 0; w < selected.length; w++) {
                long bits = selected[w];
                while (bits != 0) {
                    CompiledRule rule = routeRules[(w << 6) + Long.numberOfTrailingZeros(bits)];
                    bits &= bits - 1;
                    if ((matched == null || !matched.get(rule.index())) && rule.predicate().test(view)) {
                        if (matched == null) {
                            matched = new BitSet(rules.size());
                        }
                        matched.set(rule.index());
                    }
                }
            }
        }
        if (matched == null) {
            return List.of();
        }
        List<RuleMatch> out = new ArrayList<>(matched.cardinality());
        for (int i = matched.nextSetBit(0); i >= 0; i = matched.nextSetBit(i + 1)) {
            out.add(new RuleMatch(rules.get(i).rule()));
        }
        return out;
    }

    private static long[] everyRule(int count) {
        long[] all = new long[(count + 63) / 64];
        for (int i = 0; i < count; i++) {
            all[i >>> 6] |= 1L << i;
        }
        return all;
    }

    private List<Route> candidates(Event event) {
        if (!mapping.scopesEvents()) {
            return everywhere;
        }
        String channel = mapping.channelOf(event);
        if (channel == null) {
            return List.of();
        }
        ChannelRoutes routes = byChannel.get(channel);
        List<Route> byId = null;
        if (routes != null) {
            String eventId = mapping.eventIdOf(event);
            byId = eventId == null ? null : routes.byEventId.get(eventId);
        }
        int size = (byId == null ? 0 : byId.size()) + (routes == null ? 0 : routes.anyEventId.size()) + anyChannel.size();
        List<Route> out = new ArrayList<>(size);
        if (byId != null) {
            out.addAll(byId);
        }
        if (routes != null) {
            out.addAll(routes.anyEventId);
        }
        out.addAll(anyChannel);
        return out;
    }
}
