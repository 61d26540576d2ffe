package dev.vigil.eventstore.index;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Which whole days retention deletes: first every day that ended at least {@code maxAge} before {@code now}, then the
 * oldest remaining days while the total size exceeds {@code maxBytes}. The newest day is never deleted for size, so a
 * store that is over its limit with one day keeps the day being written.
 */
public final class RetentionPlan {

    private RetentionPlan() {
    }

    /**
     * @param sizes  bytes per day, in day order
     * @param maxAge null for no age limit
     */
    public static List<LocalDate> daysToDelete(SortedMap<LocalDate, Long> sizes, Instant now, Duration maxAge, long maxBytes) {
        if (maxAge != null && maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must not be negative, was " + maxAge);
        }
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive (Long.MAX_VALUE for no limit), was " + maxBytes);
        }
        List<LocalDate> doomed = new ArrayList<>();
        long total = 0;
        for (long size : sizes.values()) {
            total += size;
        }
        Instant cutoff = maxAge == null ? null : now.minus(maxAge);
        List<Map.Entry<LocalDate, Long>> kept = new ArrayList<>();
        for (Map.Entry<LocalDate, Long> day : sizes.entrySet()) {
            if (cutoff != null && !DayNames.end(day.getKey()).isAfter(cutoff)) {
                doomed.add(day.getKey());
                total -= day.getValue();
            } else {
                kept.add(day);
            }
        }
        for (int i = 0; i < kept.size() - 1 && total > maxBytes; i++) {
            doomed.add(kept.get(i).getKey());
            total -= kept.get(i).getValue();
        }
        return doomed;
    }
}
