package dev.vigil.eventstore.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class RetentionPlanTest {
    private static final Instant NOW = Instant.parse("2024-05-10T00:30:00Z");

    private static TreeMap<LocalDate, Long> days(long... sizes) {
        TreeMap<LocalDate, Long> days = new TreeMap<>();
        for (int i = 0; i < sizes.length; i++) {
            days.put(LocalDate.parse("2024-05-05").plusDays(i), sizes[i]);
        }
        return days;
    }

    @Test
    void aDayGoesByAgeOnlyOnceItsLastInstantIsOlderThanTheMaximum() {
        // cutoff 2024-05-08T00:30Z: day 7 ended at 05-08T00:00Z, day 8 has not
        assertThat(RetentionPlan.daysToDelete(days(1, 1, 1, 1, 1), NOW, Duration.ofDays(2), Long.MAX_VALUE))
                .containsExactly(LocalDate.parse("2024-05-05"), LocalDate.parse("2024-05-06"), LocalDate.parse("2024-05-07"));
    }

    @Test
    void sizeRemovesOldestFirstAfterAgeAndKeepsTheNewest() {
        assertThat(RetentionPlan.daysToDelete(days(10, 20, 30, 40, 50), NOW, null, 95))
                .containsExactly(LocalDate.parse("2024-05-05"), LocalDate.parse("2024-05-06"), LocalDate.parse("2024-05-07"));
        assertThat(RetentionPlan.daysToDelete(days(10, 20, 30, 40, 50), NOW, null, 1)).hasSize(4);
        assertThat(RetentionPlan.daysToDelete(days(10, 20, 30, 40, 50), NOW, Duration.ofDays(3), 100))
                .containsExactly(LocalDate.parse("2024-05-05"), LocalDate.parse("2024-05-06"), LocalDate.parse("2024-05-07"));
        assertThat(RetentionPlan.daysToDelete(days(), NOW, Duration.ZERO, 1)).isEmpty();
    }

    @Test
    void nonsenseLimitsAreRefused() {
        assertThatThrownBy(() -> RetentionPlan.daysToDelete(days(1), NOW, Duration.ofDays(-1), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxAge");
        assertThatThrownBy(() -> RetentionPlan.daysToDelete(days(1), NOW, null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxBytes");
    }
}
