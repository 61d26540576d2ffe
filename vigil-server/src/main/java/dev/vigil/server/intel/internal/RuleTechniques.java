package dev.vigil.server.intel.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.vigil.detect.sigma.rule.SigmaParseException;
import dev.vigil.detect.sigma.rule.SigmaRuleParser;
import dev.vigil.server.detection.RuleService;
import dev.vigil.server.detection.RuleView;
import org.springframework.stereotype.Component;

/**
 * The ATT&CK techniques of each Sigma rule, from its {@code attack.tNNNN[.NNN]} tags, read through the detection
 * feature's {@link RuleService} (as the caller, who needs rule:read). Tags are cached per rule version.
 */
@Component
public class RuleTechniques {

    /** A rule and the technique ids its tags name (upper case). */
    public record Tagged(RuleView rule, List<String> techniques) {
    }

    private record Cached(int version, List<String> techniques) {
    }

    private final RuleService rules;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    RuleTechniques(RuleService rules) {
        this.rules = rules;
    }

    /** Every managed rule (enabled or not) with its techniques. */
    public List<Tagged> all() {
        List<Tagged> tagged = new ArrayList<>();
        for (int offset = 0; ; offset += RuleService.MAX_LIMIT) {
            List<RuleView> page = rules.list(null, null, null, null, RuleService.MAX_LIMIT, offset);
            for (RuleView rule : page) {
                Cached cached = cache.get(rule.id());
                if (cached == null || cached.version() != rule.version()) {
                    cached = new Cached(rule.version(), techniques(rules.get(rule.id()).yaml()));
                    cache.put(rule.id(), cached);
                }
                tagged.add(new Tagged(rule, cached.techniques()));
            }
            if (page.size() < RuleService.MAX_LIMIT) {
                return tagged;
            }
        }
    }

    static List<String> techniques(String yaml) {
        try {
            List<String> ids = new ArrayList<>();
            for (String tag : new SigmaRuleParser().parseRule(yaml, "rule").tags()) {
                String lower = tag.toLowerCase(Locale.ROOT);
                if (lower.matches("attack\\.t\\d{4}(\\.\\d{3})?")) {
                    ids.add(lower.substring("attack.".length()).toUpperCase(Locale.ROOT));
                }
            }
            return List.copyOf(ids);
        } catch (SigmaParseException | RuntimeException e) {
            return List.of();
        }
    }
}
