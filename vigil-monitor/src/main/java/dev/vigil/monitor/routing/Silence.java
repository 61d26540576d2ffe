package dev.vigil.monitor.routing;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A silence: alerts matching all matchers are muted from {@code startsAt} (inclusive) to {@code endsAt} (exclusive).
 * As Alertmanager requires, it has at least one matcher, at least one matcher that does not match the empty value (so
 * it cannot silence everything), a creator and a comment, and ends after it starts.
 */
public record Silence(List<Matcher> matchers, Instant startsAt, Instant endsAt, String createdBy, String comment) {

    public Silence {
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(endsAt, "endsAt");
        matchers = List.copyOf(matchers);
        if (matchers.isEmpty()) {
            throw new IllegalArgumentException("a silence needs at least one matcher");
        }
        if (matchers.stream().allMatch(m -> m.matchesValue(""))) {
            throw new IllegalArgumentException("at least one matcher must not match the empty string");
        }
        if (!endsAt.isAfter(startsAt)) {
            throw new IllegalArgumentException("endsAt must be after startsAt");
        }
        if (createdBy == null || createdBy.isBlank()) {
            throw new IllegalArgumentException("a silence needs a creator");
        }
        if (comment == null || comment.isBlank()) {
            throw new IllegalArgumentException("a silence needs a comment");
        }
    }

    public boolean isActive(Instant now) {
        return !now.isBefore(startsAt) && now.isBefore(endsAt);
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(endsAt);
    }

    public boolean isSilencing(Map<String, String> labels, Instant now) {
        return isActive(now) && InhibitRule.allMatch(matchers, labels);
    }
}
