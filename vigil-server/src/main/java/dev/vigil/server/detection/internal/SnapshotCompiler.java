package dev.vigil.server.detection.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.vigil.detect.sigma.correlation.CorrelationEngine;
import dev.vigil.detect.sigma.correlation.SkippedCorrelation;
import dev.vigil.detect.sigma.engine.RuleSet;
import dev.vigil.detect.sigma.engine.SkippedRule;
import dev.vigil.detect.sigma.logsource.LogSourceMapping;
import dev.vigil.detect.sigma.rule.SigmaCorrelation;
import dev.vigil.detect.sigma.rule.SigmaDocuments;
import dev.vigil.detect.sigma.rule.SigmaFilter;
import dev.vigil.detect.sigma.rule.SigmaRule;
import dev.vigil.server.platform.config.VigilProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds a {@link DetectionSnapshot} from the rule tables: parses each stored document (reusing the parse of an
 * unchanged text), compiles the rules on at least one tenant against every mapping, and the correlations over them.
 */
@Component
class SnapshotCompiler {

    private static final int MAX_VALUES_PER_GROUP = 10_000;

    private final JdbcClient jdbc;
    private final DetectionMappings mappings;
    private final SigmaDocumentReader reader = new SigmaDocumentReader();
    private final int maxGroups;
    private final Map<String, SigmaDocuments> parsedBySha = new ConcurrentHashMap<>();

    SnapshotCompiler(JdbcClient jdbc, DetectionMappings mappings, VigilProperties properties) {
        this.jdbc = jdbc;
        this.mappings = mappings;
        this.maxGroups = properties.detection().maxCorrelationGroups();
    }

    private record Row(UUID id, String key, String kind, String title, String level, String author, boolean enabled,
                       String yaml, String sha) {
    }

    DetectionSnapshot compile() {
        Map<UUID, Map<String, Boolean>> switches = new HashMap<>();
        jdbc.sql("SELECT rule_id, tenant, enabled FROM detection_rule_tenant").query(rs -> {
            switches.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashMap<>()).put(rs.getString(2), rs.getBoolean(3));
        });
        List<Row> rows = jdbc.sql("SELECT id, sigma_id, kind, title, level, author, enabled, yaml, sha256 FROM detection_rule ORDER BY sigma_id")
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getString(8), rs.getString(9))).list();
        Map<String, ManagedRule> rules = new LinkedHashMap<>();
        Map<String, ManagedRule> correlationRules = new LinkedHashMap<>();
        List<SigmaRule> sigmaRules = new ArrayList<>();
        List<SigmaCorrelation> correlations = new ArrayList<>();
        List<SigmaFilter> filters = new ArrayList<>();
        Map<UUID, String> problems = new HashMap<>();
        Set<String> live = new HashSet<>();
        for (Row row : rows) {
            ManagedRule managed = new ManagedRule(row.id(), row.key(), row.title(), row.level(), row.author(), row.enabled(),
                    Map.copyOf(switches.getOrDefault(row.id(), Map.of())), true);
            if (!managed.enabledAnywhere()) {
                continue;
            }
            SigmaDocuments documents = parsedBySha.computeIfAbsent(row.sha(), sha -> reader.parseStored(row.yaml(), row.key()));
            switch (row.kind()) {
                case "rule" -> documents.rules().stream().filter(r -> DetectionSnapshot.key(r).equals(row.key())).findFirst()
                        .ifPresent(r -> {
                            sigmaRules.add(r);
                            rules.put(row.key(), managed);
                        });
                case "correlation" -> documents.correlations().stream()
                        .filter(c -> DetectionSnapshot.key(c).equals(row.key())).findFirst().ifPresent(c -> {
                            correlations.add(c);
                            correlationRules.put(row.key(), managed);
                        });
                case "filter" -> documents.filters().stream().filter(f -> row.key().equals(f.id())).findFirst()
                        .ifPresent(filters::add);
                default -> problems.put(row.id(), "unknown kind " + row.kind());
            }
            live.add(row.sha());
        }
        parsedBySha.keySet().retainAll(live);

        List<RuleSet> ruleSets = new ArrayList<>();
        Map<String, Integer> unmapped = new HashMap<>();
        Set<String> runnable = new HashSet<>();
        List<SigmaRule> compiledRules = new ArrayList<>();
        for (LogSourceMapping mapping : mappings.all()) {
            RuleSet ruleSet = RuleSet.compile(sigmaRules, mapping, Map.of(), filters);
            ruleSets.add(ruleSet);
            for (SigmaRule rule : ruleSet.rules()) {
                if (runnable.add(DetectionSnapshot.key(rule))) {
                    compiledRules.add(rule);
                }
            }
            for (SkippedRule skipped : ruleSet.skipped()) {
                String key = DetectionSnapshot.key(skipped.rule());
                if (skipped.reason() == SkippedRule.Reason.LOGSOURCE_NOT_MAPPED) {
                    unmapped.merge(key, 1, Integer::sum);
                } else if (rules.containsKey(key)) {
                    problems.put(rules.get(key).id(), skipped.detail());
                }
            }
        }
        unmapped.forEach((key, count) -> {
            if (count == mappings.all().size() && rules.containsKey(key) && !runnable.contains(key)) {
                problems.put(rules.get(key).id(), "its log source is not covered by the mappings " + mappings.names()
                        + " (add a mapping file to vigil.detection.mapping-dir)");
            }
        });

        CorrelationEngine probe = CorrelationEngine.compile(correlations, compiledRules, maxGroups, MAX_VALUES_PER_GROUP);
        for (SkippedCorrelation skipped : probe.skipped()) {
            ManagedRule managed = correlationRules.get(DetectionSnapshot.key(skipped.correlation()));
            if (managed != null) {
                problems.put(managed.id(), skipped.reason());
            }
        }
        Set<UUID> runnableIds = new HashSet<>();
        runnable.forEach(key -> runnableIds.add(rules.get(key).id()));
        Set<String> skippedCorrelations = new HashSet<>();
        probe.skipped().forEach(s -> skippedCorrelations.add(DetectionSnapshot.key(s.correlation())));
        correlationRules.forEach((key, managed) -> {
            if (!skippedCorrelations.contains(key)) {
                runnableIds.add(managed.id());
            }
        });
        markCorrelationOnlyRules(rules, correlations);
        return new DetectionSnapshot(ruleSets, rules, correlationRules, ActiveExceptionsLoader.load(jdbc), problems,
                () -> CorrelationEngine.compile(correlations, compiledRules, maxGroups, MAX_VALUES_PER_GROUP),
                runnableIds);
    }

    /**
     * Sigma: the rules a correlation refers to do not alert on their own unless a correlation says
     * {@code generate: true}.
     */
    private static void markCorrelationOnlyRules(Map<String, ManagedRule> rules, List<SigmaCorrelation> correlations) {
        Map<String, Boolean> generates = new HashMap<>();
        for (SigmaCorrelation correlation : correlations) {
            for (String reference : correlation.rules()) {
                generates.merge(reference, correlation.generate(), Boolean::logicalOr);
            }
        }
        rules.replaceAll((key, rule) -> {
            String reference = key.startsWith("name:") ? key.substring("name:".length()) : key;
            Boolean byId = generates.get(reference);
            return byId == null || byId ? rule : rule.withGenerates(false);
        });
    }
}
