package dev.vigil.detect.baseline.eval;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import dev.vigil.detect.baseline.BaselineDetector;
import dev.vigil.detect.baseline.Finding;
import dev.vigil.detect.baseline.NewTermsConfig;
import dev.vigil.detect.baseline.NewTermsDetector;
import dev.vigil.detect.baseline.RarityConfig;
import dev.vigil.detect.baseline.RarityDetector;
import dev.vigil.detect.baseline.TermTransform;
import dev.vigil.detect.baseline.VolumeConfig;
import dev.vigil.detect.baseline.VolumeDetector;
import dev.vigil.detect.event.EventParseException;
import dev.vigil.detect.event.JsonEvent;
import dev.vigil.detect.event.JsonEventParser;
import dev.vigil.detect.sigma.correlation.CorrelationEngine;
import dev.vigil.detect.sigma.correlation.CorrelationMatch;
import dev.vigil.detect.sigma.engine.RuleMatch;
import dev.vigil.detect.sigma.engine.RuleSet;
import dev.vigil.detect.sigma.logsource.LogSourceMapping;
import dev.vigil.detect.sigma.rule.SigmaDocuments;
import dev.vigil.detect.sigma.rule.SigmaRuleParser;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * The detectors the evaluation compares: three Sigma correlations (fixed thresholds) and four learned baselines, each
 * with the configuration documented in docs/DETECTION.md. Fresh instances per scenario run.
 */
final class EvaluationDetectors {

    static final String SIGMA_RULES = """
            title: SSH failed password
            name: ssh_failed
            logsource: {product: linux, service: sshd}
            detection: {sel: {event: ssh_login, outcome: failure}, condition: sel}
            ---
            title: Workstation transfer
            name: transfer
            logsource: {product: linux, category: network}
            detection: {sel: {event: transfer}, condition: sel}
            ---
            title: sigma event_count (>= 10 failed logins per source in 5m)
            name: sigma_event_count
            correlation: {type: event_count, rules: [ssh_failed], group-by: [src], timespan: 5m, condition: {gte: 10}}
            ---
            title: sigma value_count (>= 5 accounts failing per source in 10m)
            name: sigma_value_count
            correlation: {type: value_count, rules: [ssh_failed], group-by: [src], timespan: 10m,
                          condition: {field: user, gte: 5}}
            ---
            title: sigma value_sum (> 50 MB per workstation in 1h)
            name: sigma_value_sum
            correlation: {type: value_sum, rules: [transfer], group-by: [host], timespan: 1h,
                          condition: {field: bytes, gt: 50000000}}
            """;

    /** Names in table order. */
    static final List<String> NAMES = List.of("sigma_event_count", "sigma_value_count", "sigma_value_sum",
            "new_terms_user_src24", "rarity_user_src16", "volume_failed_per_host", "volume_bytes_per_workstation");

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private record Baseline(BaselineDetector detector, Predicate<AuthEvent> accepts) {
    }

    private final RuleSet ruleSet;
    private final CorrelationEngine correlations;
    private final List<Baseline> baselines = new ArrayList<>();

    EvaluationDetectors() {
        SigmaDocuments documents = new SigmaRuleParser().parse(SIGMA_RULES, "evaluation.yml");
        if (!documents.problems().isEmpty()) {
            throw new IllegalStateException("evaluation rules: " + documents.problems());
        }
        ruleSet = RuleSet.compile(documents.rules(), LogSourceMapping.none());
        correlations = CorrelationEngine.compile(documents.correlations(), ruleSet.rules(), 100_000, 10_000);
        if (!correlations.skipped().isEmpty()) {
            throw new IllegalStateException("evaluation correlations: " + correlations.skipped());
        }
        Predicate<AuthEvent> accepted = e -> e.kind() == AuthEvent.Kind.LOGIN_ACCEPTED;
        baselines.add(new Baseline(new NewTermsDetector(new NewTermsConfig("new_terms_user_src24", List.of("user"),
                "src", TermTransform.IPV4_NETWORK_24, Duration.ofDays(30), Duration.ofDays(7), 5, 0.3, 256, 100_000)),
                accepted));
        baselines.add(new Baseline(new RarityDetector(new RarityConfig("rarity_user_src16", List.of("user"), "src",
                TermTransform.IPV4_NETWORK_16, Duration.ofDays(14), 10, 0.05, 128, 100_000)), accepted));
        baselines.add(new Baseline(new VolumeDetector(new VolumeConfig("volume_failed_per_host", List.of("host"), null,
                ZoneOffset.UTC, 4, 14, 168, 2, 6, 0.5, 3, 0, 10_000)), e -> e.kind() == AuthEvent.Kind.LOGIN_FAILED));
        baselines.add(new Baseline(new VolumeDetector(new VolumeConfig("volume_bytes_per_workstation", List.of("host"),
                "bytes", ZoneOffset.UTC, 4, 14, 168, 2, 6, 1.0, 1, 0, 10_000)), e -> e.kind() == AuthEvent.Kind.TRANSFER));
    }

    /** The event as the Sigma rules see it. */
    static JsonEvent json(AuthEvent event) {
        try {
            return new JsonEventParser().parse(JSON.writeValueAsString(event.toMap()), 1);
        } catch (EventParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Feeds one event to every detector; returns the name of the detector of each finding it raised.
     *
     * @param json the event as {@link #json} gives it (computed once per background event and reused across runs)
     */
    List<String> observe(AuthEvent event, JsonEvent json, long ref) {
        List<String> fired = new ArrayList<>();
        List<RuleMatch> matches = ruleSet.match(json);
        if (!matches.isEmpty()) {
            for (CorrelationMatch match : correlations.accept(matches, json, event.timestamp(), ref)) {
                fired.add(match.correlation().name());
            }
        }
        for (Baseline baseline : baselines) {
            if (baseline.accepts().test(event)) {
                for (Finding finding : baseline.detector().observe(event)) {
                    fired.add(finding.detector());
                }
            }
        }
        return fired;
    }
}
