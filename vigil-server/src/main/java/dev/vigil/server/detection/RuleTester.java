package dev.vigil.server.detection;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.vigil.detect.event.EventParseException;
import dev.vigil.detect.event.JsonEvent;
import dev.vigil.detect.event.JsonEventParser;
import dev.vigil.detect.sigma.rule.SigmaRule;
import dev.vigil.server.detection.internal.HuntRules;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Tries a stored rule, or rule text not yet imported, on events pasted as JSON lines: flat events (as the event
 * search shows them) or the Windows evtx_dump nesting.
 */
@Service
public class RuleTester {

    public static final int MAX_LINES = 10_000;

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final HuntRules rules;

    RuleTester(JdbcClient jdbc, AccessPolicy access, HuntRules rules) {
        this.jdbc = jdbc;
        this.access = access;
        this.rules = rules;
    }

    public RuleTestResult testStored(UUID ruleId, String eventsJsonl, boolean ignoreLogsource) {
        return test(storedYaml(jdbc, access, ruleId), eventsJsonl, ignoreLogsource);
    }

    public RuleTestResult test(String yaml, String eventsJsonl, boolean ignoreLogsource) {
        if (!access.requireCurrent().can("rule", "read")) {
            throw ProblemException.forbidden("forbidden", "missing permission rule:read");
        }
        if (yaml == null || yaml.isBlank()) {
            throw ProblemException.badRequest("invalid-input", "rule text is required");
        }
        if (eventsJsonl == null || eventsJsonl.isBlank()) {
            throw ProblemException.badRequest("invalid-input", "events are required: one JSON object per line");
        }
        HuntRules.Compiled compiled = rules.compile(yaml, ignoreLogsource);
        String[] lines = eventsJsonl.split("\\r?\\n");
        if (lines.length > MAX_LINES) {
            throw ProblemException.badRequest("invalid-input", "at most " + MAX_LINES + " event lines per test");
        }
        JsonEventParser parser = new JsonEventParser();
        List<RuleTestResult.Match> matches = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int events = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            JsonEvent event;
            try {
                event = parser.parse(lines[i], i + 1);
            } catch (EventParseException e) {
                errors.add("line " + (i + 1) + ": " + e.getMessage());
                continue;
            }
            events++;
            List<SigmaRule> matched = compiled.match(event);
            if (!matched.isEmpty()) {
                matches.add(new RuleTestResult.Match(i + 1, matched.stream().map(SigmaRule::title).distinct().toList()));
            }
        }
        return new RuleTestResult(events, matches, errors);
    }

    static String storedYaml(JdbcClient jdbc, AccessPolicy access, UUID ruleId) {
        if (!access.requireCurrent().can("rule", "read")) {
            throw ProblemException.forbidden("forbidden", "missing permission rule:read");
        }
        return jdbc.sql("SELECT yaml FROM detection_rule WHERE id = ?").param(ruleId).query(String.class).optional()
                .orElseThrow(() -> ProblemException.notFound("rule", ruleId));
    }
}
