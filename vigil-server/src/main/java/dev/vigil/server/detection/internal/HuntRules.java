package dev.vigil.server.detection.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.vigil.detect.event.Event;
import dev.vigil.detect.sigma.engine.RuleSet;
import dev.vigil.detect.sigma.engine.SkippedRule;
import dev.vigil.detect.sigma.logsource.LogSourceMapping;
import dev.vigil.detect.sigma.rule.SigmaDocuments;
import dev.vigil.detect.sigma.rule.SigmaProblem;
import dev.vigil.detect.sigma.rule.SigmaRule;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Component;

/**
 * Compiles the detection rules of one document (a stored rule or text being tried out) for a retro-hunt or a test:
 * against every mapping, or with no log-source scoping at all when asked to ignore it.
 */
@Component
public class HuntRules {

    private final DetectionMappings mappings;
    private final SigmaDocumentReader reader = new SigmaDocumentReader();

    HuntRules(DetectionMappings mappings) {
        this.mappings = mappings;
    }

    /** The rules, compiled; matching is thread-safe. */
    public record Compiled(List<RuleSet> ruleSets, List<String> titles) {

        public List<SigmaRule> match(Event event) {
            List<SigmaRule> matched = new ArrayList<>(0);
            for (RuleSet ruleSet : ruleSets) {
                ruleSet.match(event).forEach(m -> matched.add(m.rule()));
            }
            return matched;
        }
    }

    public Compiled compile(String yaml, boolean ignoreLogsource) {
        SigmaDocuments documents = reader.parseStored(yaml, "rule");
        if (documents.hasProblems()) {
            throw ProblemException.badRequest("invalid-rule", String.join("; ",
                    documents.problems().stream().map(SigmaProblem::toString).toList()));
        }
        if (documents.rules().isEmpty()) {
            throw ProblemException.badRequest("invalid-rule", "the text holds no detection rule (correlations and filters "
                    + "are hunted through the rules they name)");
        }
        List<LogSourceMapping> scopes = ignoreLogsource ? List.of(LogSourceMapping.none()) : mappings.all();
        List<RuleSet> ruleSets = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (LogSourceMapping mapping : scopes) {
            RuleSet ruleSet = RuleSet.compile(documents.rules(), mapping, Map.of(), documents.filters());
            if (!ruleSet.rules().isEmpty()) {
                ruleSets.add(ruleSet);
            }
            for (SkippedRule rule : ruleSet.skipped()) {
                if (rule.reason() != SkippedRule.Reason.LOGSOURCE_NOT_MAPPED) {
                    skipped.add(rule.detail());
                }
            }
        }
        if (ruleSets.isEmpty()) {
            throw ProblemException.badRequest("not-runnable", skipped.isEmpty()
                    ? "the rule's log source is not covered by the mappings " + mappings.names() + " (try ignoring the log source)"
                    : String.join("; ", skipped));
        }
        return new Compiled(ruleSets, documents.rules().stream().map(SigmaRule::title).toList());
    }
}
