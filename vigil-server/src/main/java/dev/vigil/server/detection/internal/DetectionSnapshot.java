package dev.vigil.server.detection.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import dev.vigil.detect.sigma.correlation.CorrelationEngine;
import dev.vigil.detect.sigma.engine.RuleSet;
import dev.vigil.detect.sigma.rule.SigmaCorrelation;
import dev.vigil.detect.sigma.rule.SigmaRule;

/**
 * One compiled state of the managed rules: a rule set per log-source mapping, the rules and correlations by Sigma key,
 * the active exceptions, and why some rules cannot run. Replaced as a whole when rules change; correlation windows
 * live per tenant (a group never mixes tenants) and start empty in a new snapshot.
 */
final class DetectionSnapshot {

    static final DetectionSnapshot EMPTY = new DetectionSnapshot(List.of(), Map.of(), Map.of(), new ActiveExceptions(Map.of()),
            Map.of(), () -> null, java.util.Set.of());

    private final List<RuleSet> ruleSets;
    private final Map<String, ManagedRule> rulesByKey;
    private final Map<String, ManagedRule> correlationsByKey;
    private final ActiveExceptions exceptions;
    private final Map<UUID, String> problems;
    private final Supplier<CorrelationEngine> correlationFactory;
    private final Map<String, CorrelationEngine> correlationsByTenant = new ConcurrentHashMap<>();
    private final java.util.Set<UUID> runnable;

    DetectionSnapshot(List<RuleSet> ruleSets, Map<String, ManagedRule> rulesByKey, Map<String, ManagedRule> correlationsByKey,
            ActiveExceptions exceptions, Map<UUID, String> problems, Supplier<CorrelationEngine> correlationFactory,
            java.util.Set<UUID> runnable) {
        this.ruleSets = List.copyOf(ruleSets);
        this.rulesByKey = Map.copyOf(rulesByKey);
        this.correlationsByKey = Map.copyOf(correlationsByKey);
        this.exceptions = exceptions;
        this.problems = Map.copyOf(problems);
        this.correlationFactory = correlationFactory;
        this.runnable = java.util.Set.copyOf(runnable);
    }

    static String key(SigmaRule rule) {
        return rule.id() != null ? rule.id() : "name:" + rule.name();
    }

    static String key(SigmaCorrelation correlation) {
        return correlation.id() != null ? correlation.id() : "name:" + correlation.name();
    }

    List<RuleSet> ruleSets() {
        return ruleSets;
    }

    ManagedRule rule(SigmaRule rule) {
        return rulesByKey.get(key(rule));
    }

    ManagedRule correlation(SigmaCorrelation correlation) {
        return correlationsByKey.get(key(correlation));
    }

    boolean hasCorrelations() {
        return !correlationsByKey.isEmpty();
    }

    /** The correlation state of a tenant, created on its first matching event. */
    CorrelationEngine correlations(String tenant) {
        return correlationsByTenant.computeIfAbsent(tenant, t -> correlationFactory.get());
    }

    ActiveExceptions exceptions() {
        return exceptions;
    }

    Map<UUID, String> problems() {
        return problems;
    }

    int runnableRules() {
        return runnable.size();
    }

    boolean isRunnable(UUID ruleId) {
        return runnable.contains(ruleId);
    }
}
