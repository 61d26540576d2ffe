package dev.vigil.server.alerting;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a producer (detection, a monitor, source health) reports. Drafts with the same dedup key that arrive within
 * the window of the last one of a firing alert add to that alert instead of opening a new one.
 *
 * @param tenant       tenant slug ({@code platform} for the provider's own data)
 * @param source       the producing feature: {@code detection}, {@code monitor}, {@code ingest}
 * @param ruleRef      what fired, within the source (rule id, monitor id, input id)
 * @param author       the rule's author (kept for the Detection Rule License)
 * @param dedupKey     alerts with the same key within {@code window} are one alert
 * @param entities     the things involved, by kind ({@code host.name}, {@code user.name}, {@code source.ip})
 * @param eventIds     the matched events (stored event ids)
 * @param occurrences  how many matches this draft stands for
 */
public record AlertDraft(String tenant, String source, String ruleRef, String title, String author,
                         AlertSeverity severity, String dedupKey, Duration window, Map<String, String> entities,
                         List<String> eventIds, String explanation, Instant at, long occurrences) {

    public AlertDraft {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(ruleRef, "ruleRef");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(dedupKey, "dedupKey");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(at, "at");
        author = author == null ? "" : author;
        entities = entities == null ? Map.of() : Map.copyOf(entities);
        eventIds = eventIds == null ? List.of() : List.copyOf(eventIds);
        explanation = explanation == null ? "" : explanation;
        if (occurrences < 1) {
            throw new IllegalArgumentException("occurrences must be at least 1");
        }
    }
}
