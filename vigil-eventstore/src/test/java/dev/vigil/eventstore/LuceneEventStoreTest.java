package dev.vigil.eventstore;

import static dev.vigil.eventstore.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.vigil.events.Event;
import dev.vigil.events.store.EventQuery;
import dev.vigil.events.store.EventStore;
import dev.vigil.events.store.TenantScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneEventStoreTest {
    @TempDir
    Path directory;

    private LuceneEventStore store;

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    private LuceneEventStore open() {
        store = LuceneEventStore.open(directory, LuceneStoreSettings.defaults());
        return store;
    }

    @Test
    void storedEventComesBackIdenticalFromGetAndSearch() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("message", "Failed password for root from 10.1.2.3 port 22 ssh2");
        fields.put("user.name", "root");
        fields.put("source.ip", "10.1.2.3");
        fields.put("source.port", 22L);
        fields.put("event.risk_score", 7.5);
        fields.put("event.outcome_known", true);
        fields.put("related.user", List.of("root", "admin"));
        fields.put("EventID", 4625L);
        fields.put("weird", List.of(1L, "two", 3.0, false));
        fields.put("unicode", "grüße ☃ 𝄞");
        Event event = new Event("spool-1", Instant.parse("2024-05-01T10:15:30.123456789Z"),
                Instant.parse("2024-05-01T10:15:31Z"), "acme", "input-9", fields,
                "<38>May  1 10:15:30 host sshd[42]: Failed password for root", List.of("parse-error", "late"));

        open().store(List.of(event));
        store.refresh();

        assertThat(store.get("spool-1", TenantScope.ALL)).contains(event);
        EventStore.SearchResult result = store.search(new EventStore.SearchRequest(EventQuery.all(TenantScope.ALL), 0, 10,
                EventStore.Sort.NEWEST_FIRST));
        assertThat(result.total()).isEqualTo(1);
        assertThat(result.events()).containsExactly(event);
        assertThat(List.copyOf(result.events().getFirst().fields().keySet())).isEqualTo(List.copyOf(fields.keySet()));
    }

    @Test
    void eventsAreSearchableOnlyAfterRefresh() {
        open().store(List.of(event("a", "2024-05-01T10:00:00Z", "acme")));
        assertThat(store.count(EventQuery.all(TenantScope.ALL))).isZero();
        store.refresh();
        assertThat(store.count(EventQuery.all(TenantScope.ALL))).isEqualTo(1);
    }

    @Test
    void storingTheSameIdAgainKeepsOneCopy() {
        open().store(List.of(event("a", "2024-05-01T10:00:00Z", "acme", "user.name", "first")));
        store.refresh();
        store.store(List.of(event("a", "2024-05-01T10:00:00Z", "acme", "user.name", "second")));
        store.store(List.of(event("a", "2024-05-01T10:00:00Z", "acme", "user.name", "second")));
        store.commit();
        store.refresh();

        assertThat(store.count(EventQuery.all(TenantScope.ALL))).isEqualTo(1);
        assertThat(store.get("a", TenantScope.ALL)).get().extracting(e -> e.field("user.name")).isEqualTo("second");
        assertThat(store.stats().events()).isEqualTo(1);
    }

    @Test
    void aTenantScopeNeverSeesOtherTenantsEvents() {
        open().store(List.of(
                event("a1", "2024-05-01T10:00:00Z", "acme", "user.name", "alice"),
                event("a2", "2024-05-01T11:00:00Z", "acme", "user.name", "bob"),
                event("g1", "2024-05-01T10:30:00Z", "globex", "user.name", "mallory")));
        store.refresh();
        TenantScope acme = TenantScope.of(Set.of("acme"));
        EventQuery acmeAll = new EventQuery("", Instant.parse("2024-05-01T00:00:00Z"), Instant.parse("2024-05-02T00:00:00Z"), acme);

        assertThat(store.count(acmeAll)).isEqualTo(2);
        assertThat(store.count(new EventQuery("user.name:mallory", null, null, acme))).isZero();
        assertThat(store.get("g1", acme)).isEmpty();
        assertThat(store.get("g1", TenantScope.of(Set.of("globex")))).isPresent();
        assertThat(store.terms(acmeAll, "user.name", 10).terms())
                .extracting(EventStore.TermsResult.Term::value).containsExactlyInAnyOrder("alice", "bob");
        assertThat(store.dateHistogram(acmeAll, java.time.Duration.ofDays(1)).buckets())
                .extracting(EventStore.Histogram.Bucket::count).containsExactly(2L);
        assertThat(store.cardinality(acmeAll, "user.name")).isEqualTo(2);
        assertThat(store.count(EventQuery.all(TenantScope.of(Set.of())))).isZero();
        assertThat(store.count(EventQuery.all(TenantScope.of(Set.of("acme", "globex"))))).isEqualTo(3);
    }

    @Test
    void timeRangeIncludesFromExcludesToAndSpansDays() {
        open().store(List.of(
                event("before", "2024-04-30T23:59:59.999Z", "acme"),
                event("from", "2024-05-01T00:00:00Z", "acme"),
                event("late", "2024-05-01T23:59:59.999Z", "acme"),
                event("next-day", "2024-05-02T08:00:00Z", "acme"),
                event("to", "2024-05-02T12:00:00Z", "acme")));
        store.refresh();

        EventQuery range = new EventQuery("", Instant.parse("2024-05-01T00:00:00Z"), Instant.parse("2024-05-02T12:00:00Z"),
                TenantScope.ALL);
        List<Event> found = store.search(new EventStore.SearchRequest(range, 0, 10, EventStore.Sort.OLDEST_FIRST)).events();

        assertThat(found).extracting(Event::id).containsExactly("from", "late", "next-day");
        assertThat(store.stats().days()).containsExactly("2024-04-30", "2024-05-01", "2024-05-02");
        assertThat(Files.isDirectory(directory.resolve("2024-05-02"))).isTrue();
    }

    @Test
    void pagesAreNewestFirstStableAndNeverOverlap() {
        List<Event> events = new ArrayList<>();
        Instant base = Instant.parse("2024-05-01T10:00:00Z");
        for (int i = 0; i < 25; i++) {
            // pairs share a timestamp, so the order between them comes from the id
            events.add(event(String.format("e%02d", i), base.plusSeconds(i / 2), "acme"));
        }
        open().store(events);
        store.refresh();

        List<Event> seen = new ArrayList<>();
        for (int from = 0; from < 25; from += 10) {
            EventStore.SearchResult page = store.search(new EventStore.SearchRequest(EventQuery.all(TenantScope.ALL), from, 10,
                    EventStore.Sort.NEWEST_FIRST));
            assertThat(page.total()).isEqualTo(25);
            seen.addAll(page.events());
        }

        assertThat(seen).extracting(Event::id).doesNotHaveDuplicates().hasSize(25);
        assertThat(seen).extracting(Event::timestamp).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        List<Event> onePage = store.search(new EventStore.SearchRequest(EventQuery.all(TenantScope.ALL), 0, 25,
                EventStore.Sort.NEWEST_FIRST)).events();
        assertThat(seen).isEqualTo(onePage);
        List<Event> oldestFirst = store.search(new EventStore.SearchRequest(EventQuery.all(TenantScope.ALL), 0, 25,
                EventStore.Sort.OLDEST_FIRST)).events();
        assertThat(oldestFirst).isEqualTo(onePage.reversed());
    }

    @Test
    void pagingBeyondTheResultWindowIsRefused() {
        open();
        assertThatThrownBy(() -> store.search(new EventStore.SearchRequest(EventQuery.all(TenantScope.ALL), 9_995, 10,
                EventStore.Sort.NEWEST_FIRST)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 10000");
        assertThatThrownBy(() -> store.search(new EventStore.SearchRequest(EventQuery.all(TenantScope.ALL), -1, 10,
                EventStore.Sort.NEWEST_FIRST)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sizeZeroCountsWithoutEvents() {
        open().store(List.of(event("a", "2024-05-01T10:00:00Z", "acme"), event("b", "2024-05-01T11:00:00Z", "acme")));
        store.refresh();
        EventStore.SearchResult result = store.search(new EventStore.SearchRequest(EventQuery.all(TenantScope.ALL), 0, 0,
                EventStore.Sort.NEWEST_FIRST));
        assertThat(result.total()).isEqualTo(2);
        assertThat(result.events()).isEmpty();
    }

    @Test
    void appendedEventsAreSearchableAndAReplayOfTheirIdsKeepsOneCopy() {
        // enough events for the batch to be split over both indexing threads, on two days
        List<Event> appended = new ArrayList<>();
        List<Event> replayed = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String timestamp = i % 2 == 0 ? "2024-05-01T10:00:00Z" : "2024-05-02T10:00:00Z";
            appended.add(event("e-" + i, timestamp, "acme", "n", (long) i, "user.name", "first"));
            replayed.add(event("e-" + i, timestamp, "acme", "n", (long) i, "user.name", "replayed"));
        }
        open().append(appended);
        store.commit();
        store.close();
        store = null;

        open().store(replayed);
        store.refresh();

        assertThat(store.count(EventQuery.all(TenantScope.ALL))).isEqualTo(1_000);
        assertThat(store.count(new EventQuery("user.name:first", null, null, TenantScope.ALL))).isZero();
        assertThat(store.cardinality(EventQuery.all(TenantScope.ALL), "n")).isEqualTo(1_000);
        assertThat(store.get("e-7", TenantScope.ALL)).contains(replayed.get(7));
    }

    @Test
    void appendingAndStoringTheSameNewEventsGiveTheSameAnswers(@TempDir Path byIdDirectory) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            events.add(event("e-" + i, Instant.parse("2024-05-01T00:00:00Z").plusSeconds(i * 97L), "acme",
                    "message", "login " + (i % 3 == 0 ? "failed" : "accepted") + " for user" + (i % 7),
                    "user.name", "user" + (i % 7), "source.port", (long) (1000 + i % 50)));
        }
        open().append(events);
        store.refresh();
        try (LuceneEventStore stored = LuceneEventStore.open(byIdDirectory, LuceneStoreSettings.defaults())) {
            stored.store(events);
            stored.refresh();
            for (String query : List.of("*", "failed", "\"login accepted\"", "user.name:user3", "source.port:[1010 TO 1020]")) {
                EventQuery q = new EventQuery(query, null, null, TenantScope.ALL);
                assertThat(store.count(q)).as(query).isEqualTo(stored.count(q)).isPositive();
                assertThat(store.search(new EventStore.SearchRequest(q, 0, 50, EventStore.Sort.NEWEST_FIRST)))
                        .as(query).isEqualTo(stored.search(new EventStore.SearchRequest(q, 0, 50, EventStore.Sort.NEWEST_FIRST)));
            }
            EventQuery all = EventQuery.all(TenantScope.ALL);
            assertThat(store.terms(all, "user.name", 10)).isEqualTo(stored.terms(all, "user.name", 10));
        }
    }

    @Test
    void committedEventsSurviveCloseAndReopen() {
        Event first = event("a", "2024-05-01T10:00:00Z", "acme", "http.response.status_code", 503L, "user.name", "alice");
        Event second = event("b", "2024-05-03T10:00:00Z", "acme", "http.response.status_code", "n/a");
        open().store(List.of(first, second));
        store.commit();
        store.close();
        store = null;

        open();
        assertThat(store.get("a", TenantScope.ALL)).contains(first);
        assertThat(store.count(EventQuery.all(TenantScope.ALL))).isEqualTo(2);
        assertThat(store.count(new EventQuery("http.response.status_code:[500 TO 599]", null, null, TenantScope.ALL)))
                .isEqualTo(1);
        assertThat(store.stats().days()).containsExactly("2024-05-01", "2024-05-03");
        assertThat(store.stats().bytesOnDisk()).isPositive();
    }

    @Test
    void closeCommitsWhatWasStored() {
        open().store(List.of(event("a", "2024-05-01T10:00:00Z", "acme")));
        store.close();
        store = null;
        assertThat(open().get("a", TenantScope.ALL)).isPresent();
    }

    @Test
    void aSecondOpenOfTheSameDirectoryIsRefusedClearly() {
        open();
        assertThatThrownBy(() -> LuceneEventStore.open(directory, LuceneStoreSettings.defaults()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already open");
    }

    @Test
    void aClosedStoreRefusesWork() {
        open().close();
        assertThatThrownBy(() -> store.count(EventQuery.all(TenantScope.ALL)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        store.close();
        store = null;
    }

    @Test
    void reservedFieldNamesAreStoredButNeverConfuseTheIndex() {
        Event sneaky = event("real-id", "2024-05-01T10:00:00Z", "acme", "_id", "other-id", "_tenant", "globex",
                "@timestamp", "1999-01-01", "tags", "fake");
        open().store(List.of(sneaky));
        store.refresh();

        assertThat(store.get("real-id", TenantScope.of(Set.of("acme")))).contains(sneaky);
        assertThat(store.get("other-id", TenantScope.ALL)).isEmpty();
        assertThat(store.count(EventQuery.all(TenantScope.of(Set.of("globex"))))).isZero();
        assertThat(store.count(new EventQuery("tags:fake", null, null, TenantScope.ALL))).isZero();
    }

    @Test
    void finishedDaysAreCompactedOnceAndStaySearchable() {
        open();
        for (int i = 0; i < 3; i++) {
            store.store(List.of(event("old" + i, "2024-05-01T1" + i + ":00:00Z", "acme", "user.name", "alice"),
                    event("new" + i, "2024-05-02T1" + i + ":00:00Z", "acme", "user.name", "bob")));
            store.refresh();
        }

        assertThat(store.compactFinishedDays(Instant.parse("2024-05-02T00:30:00Z"))).isEmpty();
        assertThat(store.compactFinishedDays(Instant.parse("2024-05-02T12:00:00Z"))).containsExactly("2024-05-01");
        assertThat(store.compactFinishedDays(Instant.parse("2024-05-02T12:00:00Z"))).isEmpty();
        assertThat(store.count(new EventQuery("user.name:alice", null, null, TenantScope.ALL))).isEqualTo(3);
        assertThat(store.get("old2", TenantScope.ALL)).isPresent();
    }

    @Test
    void settingsAreValidatedWithClearMessages() {
        assertThatThrownBy(() -> LuceneStoreSettings.defaults().withRamBufferMb(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ramBufferMb");
        assertThatThrownBy(() -> new LuceneStoreSettings(64, 10_000, 40_000, 1, 1, 1, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxKeywordBytes");
    }
}
