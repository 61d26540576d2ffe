package dev.vigil.server.detection.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.vigil.detect.sigma.correlation.CorrelationMatch;
import dev.vigil.detect.sigma.rule.SigmaRule;
import dev.vigil.server.alerting.AlertDraft;
import dev.vigil.server.alerting.AlertIntake;
import dev.vigil.server.alerting.AlertSeverity;
import dev.vigil.server.ingest.EventEntities;
import dev.vigil.server.platform.config.VigilProperties;
import org.springframework.stereotype.Component;

/**
 * Turns the detections of one pipeline batch into alert drafts: matches of the same rule, tenant and entities are one
 * draft (so a noisy rule costs one database write per batch, not one per event), and the alert intake deduplicates
 * further across batches within the window.
 */
@Component
class DetectionAlerts {

    private static final int MAX_EXPLAINED_FIELDS = 8;
    private static final int MAX_VALUE_CHARS = 300;

    private final AlertIntake intake;
    private final Duration window;
    private final List<String> dedupFields;

    DetectionAlerts(AlertIntake intake, VigilProperties properties) {
        this.intake = intake;
        this.window = properties.detection().dedupWindow();
        this.dedupFields = List.copyOf(properties.detection().dedupFields());
    }

    /** The deduplication key: rule, tenant and the values of the configured fields. */
    private String key(ManagedRule rule, StoredEventView event) {
        StringBuilder key = new StringBuilder("detection:").append(rule.id()).append(':').append(event.event().tenant());
        for (String field : dedupFields) {
            key.append('|').append(field).append('=').append(event.text(field));
        }
        return key.toString();
    }

    Batch batch() {
        return new Batch();
    }

    final class Batch {

        private final Map<String, Group> groups = new LinkedHashMap<>();

        void ruleMatched(ManagedRule managed, SigmaRule rule, StoredEventView event) {
            Map<String, String> entities = EventEntities.of(event.event());
            String key = key(managed, event);
            groups.computeIfAbsent(key, k -> new Group(managed, event.event().tenant(), entities, explain(managed, rule, event)))
                    .add(event);
        }

        void correlationFired(ManagedRule managed, CorrelationMatch fired, StoredEventView event) {
            Map<String, String> entities = new LinkedHashMap<>();
            fired.group().forEach((field, value) -> {
                if (value != null) {
                    entities.put(field, value);
                }
            });
            String key = "detection:" + managed.id() + ":" + event.event().tenant() + ":" + entities;
            Group group = groups.computeIfAbsent(key, k -> new Group(managed, event.event().tenant(), entities, fired.explanation()));
            for (String eventId : EventReferences.ids(event.event().id(), fired.events())) {
                group.addId(eventId);
            }
            group.add(event);
        }

        int size() {
            return groups.size();
        }

        void flush() {
            if (groups.isEmpty()) {
                return;
            }
            List<AlertDraft> drafts = new ArrayList<>(groups.size());
            groups.forEach((key, group) -> drafts.add(new AlertDraft(group.tenant, "detection", group.rule.sigmaId(),
                    group.rule.title(), group.rule.author(), AlertSeverity.ofLevel(group.rule.level()), key, window,
                    group.entities, group.eventIds, group.explanation, group.last, group.count)));
            groups.clear();
            intake.raiseAll(drafts);
        }
    }

    private static final class Group {
        final ManagedRule rule;
        final String tenant;
        final Map<String, String> entities;
        final String explanation;
        final List<String> eventIds = new ArrayList<>();
        long count;
        Instant last;

        Group(ManagedRule rule, String tenant, Map<String, String> entities, String explanation) {
            this.rule = rule;
            this.tenant = tenant;
            this.entities = entities;
            this.explanation = explanation;
        }

        void addId(String eventId) {
            if (eventIds.size() < AlertIntake.MAX_EVENT_IDS && !eventIds.contains(eventId)) {
                eventIds.add(eventId);
            }
        }

        void add(StoredEventView event) {
            count++;
            addId(event.event().id());
            Instant at = event.event().timestamp();
            last = last == null || at.isAfter(last) ? at : last;
        }
    }

    private static String explain(ManagedRule managed, SigmaRule rule, StoredEventView event) {
        StringBuilder text = new StringBuilder("Sigma rule '").append(rule.title()).append("'");
        if (!managed.level().isEmpty()) {
            text.append(" (level ").append(managed.level()).append(")");
        }
        text.append(" matched an event of ").append(orDash(event.text("event.dataset")));
        List<String> shown = new ArrayList<>();
        for (String field : RuleFields.of(rule)) {
            String value = event.text(field);
            if (value != null && shown.size() < MAX_EXPLAINED_FIELDS) {
                shown.add(field + "=" + clip(value));
            }
        }
        if (!shown.isEmpty()) {
            text.append(". Matched fields: ").append(String.join(", ", shown));
        }
        if (rule.description() != null && !rule.description().isBlank()) {
            text.append(". Rule: ").append(clip(rule.description().strip()));
        }
        if (!rule.falsePositives().isEmpty()) {
            text.append(". Known false positives: ").append(String.join("; ", rule.falsePositives()));
        }
        return text.toString();
    }

    private static String clip(String value) {
        return value.length() <= MAX_VALUE_CHARS ? value : value.substring(0, MAX_VALUE_CHARS) + "…";
    }

    private static String orDash(String value) {
        return value == null ? "-" : value;
    }
}
