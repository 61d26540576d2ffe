package dev.vigil.server.incident;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An incident as the API, the console and the report show it: the case, its grading and SLA timers, linked alerts,
 * work (tasks, observables, comments, attachments), recovery and retests, the review and the derived timeline.
 *
 * @param ref        human reference, {@code INC-42}
 * @param nextPhases the phases it may move to now (requirements are checked on the move)
 * @param phaseTimes when each phase reached was first entered ({@code closed}: last closure)
 * @param tlp        the TLP its observables are shared under ({@code clear} … {@code red})
 */
public record IncidentView(UUID id, String ref, String tenant, String title, String summary, String type, String phase,
                           List<String> nextPhases, Grading grading, List<String> affectedAssets, String harm,
                           Instant startedAt, Instant detectedAt, Instant createdAt, String createdBy, Instant updatedAt,
                           Map<String, Instant> phaseTimes, List<SlaTimer> slaTimers, List<Breach> slaBreaches,
                           List<LinkedAlert> alerts, List<Task> tasks, List<Observable> observables, List<Comment> comments,
                           List<Attachment> attachments, List<Retest> retests, Review review, List<ActionItem> actionItems,
                           EmergencyPlan plan, List<TimelineEntry> timeline, String tlp) {

    /** The grading factors, the proposed level and the final one with who set it and why. */
    public record Grading(String impactScope, String assetCriticality, String dataSensitivity, Boolean ongoing,
                          Integer proposedLevel, String proposedLabel, Integer level, String levelLabel, String levelSetBy,
                          String levelReason, Instant levelSetAt) {
    }

    /** An SLA timer that ran out, and the alert raised for it. */
    public record Breach(String timer, int level, Instant dueAt, Instant breachedAt, UUID alertId) {
    }

    /** A linked alert; title and severity are blank when the caller may not read alerts of its tenant. */
    public record LinkedAlert(UUID id, String title, String severity, String state, Instant firstSeen,
                              Map<String, String> entities, String linkedBy, Instant linkedAt) {
    }

    public record Task(UUID id, String kind, String title, String description, String assignee, Instant dueAt, String status,
                       String evidence, String createdBy, Instant createdAt, String completedBy, Instant completedAt) {
    }

    /**
     * @param source   "manual" or the alert it was taken from ({@code alert:<id>})
     * @param evidence the stored events and indicators that contain it (null where it is not looked up)
     */
    public record Observable(UUID id, String kind, String value, String note, String source, String createdBy, Instant createdAt,
                             Evidence evidence) {

        Observable withEvidence(Evidence found) {
            return new Observable(id, kind, value, note, source, createdBy, createdAt, found);
        }
    }

    /**
     * Where an observable shows up: how many stored events of the incident's tenant contain it from shortly before the
     * incident until now, the search that lists them (API and console), and the indicators of intel feeds with its value.
     *
     * @param indicators null when the caller may not read threat intelligence
     */
    public record Evidence(long events, String query, Instant from, Instant to, String search, String console,
                           List<IndicatorMatch> indicators) {
    }

    /** An indicator of a feed whose value equals the observable's; {@code verdict} is an analyst's false-positive or revoked. */
    public record IndicatorMatch(String feed, String type, String value, int confidence, String description, String verdict,
                                 long sightings) {
    }

    public record Comment(UUID id, String author, String body, Instant createdAt) {
    }

    public record Attachment(UUID id, String filename, String contentType, long size, String sha256, String uploadedBy,
                             Instant uploadedAt) {
    }

    public record Retest(UUID id, boolean passed, String evidence, String testedBy, Instant testedAt) {
    }

    public record Review(String rootCause, String causeCategory, String contributingFactors, String wentWell, String wentBadly,
                         String writtenBy, Instant writtenAt) {
    }

    public record ActionItem(UUID id, String title, String owner, Instant dueAt, String status, String createdBy,
                             Instant createdAt, String completedBy, Instant completedAt) {
    }

    /**
     * @param kind  alert, phase, grading, task, comment, observable, attachment, retest, review, sla, note, notification,
     *              session, impact, …
     * @param links where to read more: {@code api} and {@code console} paths (a session's recording, an alert)
     */
    public record TimelineEntry(Instant at, String kind, String actor, String text, Map<String, String> links) {

        public TimelineEntry(Instant at, String kind, String actor, String text) {
            this(at, kind, actor, text, Map.of());
        }
    }
}
