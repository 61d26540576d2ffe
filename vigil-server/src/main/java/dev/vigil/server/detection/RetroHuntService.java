package dev.vigil.server.detection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.detect.sigma.rule.SigmaRule;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.detection.internal.HuntRules;
import dev.vigil.server.detection.internal.StoredEvents;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.ingest.EventHuntView;
import dev.vigil.server.ingest.EventHunts;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Retro-hunts of rules: a stored rule, or rule text, run over the stored events of a range the requester may read. */
@Service
public class RetroHuntService {

    public static final String KIND = "rule";

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final EventHunts hunts;
    private final HuntRules rules;

    RetroHuntService(JdbcClient jdbc, AccessPolicy access, AuditLog audit, EventHunts hunts, HuntRules rules) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.hunts = hunts;
        this.rules = rules;
    }

    /** Starts a hunt of a stored rule ({@code ruleId}) or of rule text ({@code yaml}). */
    public EventHuntView start(UUID ruleId, String yaml, Instant from, Instant to, boolean ignoreLogsource) {
        if (!access.requireCurrent().can("rule", "read")) {
            throw ProblemException.forbidden("forbidden", "a retro-hunt needs rule:read and event:read");
        }
        if ((ruleId == null) == (yaml == null || yaml.isBlank())) {
            throw ProblemException.badRequest("invalid-input", "give either ruleId or yaml");
        }
        EventHunts.validateRange(from, to);
        String text = ruleId != null ? RuleTester.storedYaml(jdbc, access, ruleId) : yaml;
        HuntRules.Compiled compiled = rules.compile(text, ignoreLogsource);
        EventHuntView hunt = hunts.start(KIND, ruleId == null ? null : ruleId.toString(), String.join(", ", compiled.titles()), from, to,
                event -> {
                    List<SigmaRule> matched = compiled.match(StoredEvents.view(event));
                    return matched.isEmpty() ? null : String.join(", ", matched.stream().map(SigmaRule::title).distinct().toList());
                });
        audit.record(AuditEntry.success("rule.retro-hunt", "retro-hunt", hunt.id(), null, Map.of("rules", compiled.titles(),
                "ruleId", ruleId == null ? "" : ruleId.toString(), "from", from.toString(), "to", to.toString())));
        return hunt;
    }

    public EventHuntView get(UUID id) {
        return hunts.get(id, KIND);
    }

    public List<EventHuntView> list() {
        return hunts.list(KIND);
    }
}
