package dev.vigil.eventstore;

import static dev.vigil.eventstore.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.vigil.events.Event;
import dev.vigil.events.store.EventQuery;
import dev.vigil.events.store.EventStore;
import dev.vigil.events.store.TenantScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
    private static final Instant NOW = Instant.parse("2024-05-10T12:00:00Z");

    @TempDir
    Path directory;

    private LuceneEventStore store;

    @BeforeEach
    void storeFiveDays() {
        store = LuceneEventStore.open(directory, LuceneStoreSettings.defaults());
        List<Event> events = new ArrayList<>();
        for (int day = 5; day <= 9; day++) {
            for (int i = 0; i < 50; i++) {
                events.add(event("d" + day + "-" + i, Instant.parse("2024-05-0" + day + "T10:00:00Z").plusSeconds(i), "acme",
                        "message", "event number " + i + " of day " + day + " with some padding to take room"));
            }
        }
        store.store(events);
        store.commit();
        store.refresh();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void daysOlderThanTheMaximumAgeAreDeletedWhole() {
        // the cutoff is 2024-05-07T12:00Z: days 5 and 6 ended before it, day 7 did not
        EventStore.RetentionResult result = store.applyRetention(NOW, Duration.ofDays(3), Long.MAX_VALUE);

        assertThat(result.deletedDays()).containsExactly("2024-05-05", "2024-05-06");
        assertThat(result.bytesFreed()).isPositive();
        assertThat(store.stats().days()).containsExactly("2024-05-07", "2024-05-08", "2024-05-09");
        assertThat(store.count(EventQuery.all(TenantScope.ALL))).isEqualTo(150);
        assertThat(store.get("d5-1", TenantScope.ALL)).isEmpty();
        assertThat(Files.exists(directory.resolve("2024-05-05"))).isFalse();
    }

    @Test
    void oldestDaysGoWhileTheStoreIsOverItsSize() {
        long total = store.stats().bytesOnDisk();
        long perDay = total / 5;

        EventStore.RetentionResult result = store.applyRetention(NOW, null, total - perDay);

        assertThat(result.deletedDays()).startsWith("2024-05-05");
        assertThat(store.stats().bytesOnDisk()).isLessThanOrEqualTo(total - perDay);
        assertThat(store.stats().days()).contains("2024-05-09");
    }

    @Test
    void theNewestDayStaysEvenWhenItAloneExceedsTheSize() {
        EventStore.RetentionResult result = store.applyRetention(NOW, null, 1);

        assertThat(result.deletedDays()).hasSize(4);
        assertThat(store.stats().days()).containsExactly("2024-05-09");
    }

    @Test
    void aDeletedDayIsRecreatedByALateEvent() {
        store.applyRetention(NOW, Duration.ofDays(3), Long.MAX_VALUE);
        store.store(List.of(event("late", "2024-05-05T10:00:00Z", "acme")));
        store.refresh();

        assertThat(store.get("late", TenantScope.ALL)).isPresent();
        assertThat(store.stats().days()).contains("2024-05-05");
    }

    @Test
    void nothingToDeleteReportsNothing() {
        EventStore.RetentionResult result = store.applyRetention(NOW, Duration.ofDays(30), Long.MAX_VALUE);
        assertThat(result.deletedDays()).isEmpty();
        assertThat(result.bytesFreed()).isZero();
    }
}
