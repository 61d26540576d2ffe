package dev.vigil.eventstore;

import static dev.vigil.eventstore.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AggregationsTest {
    private static final Instant DAY = Instant.parse("2024-05-01T00:00:00Z");

    @TempDir
    Path directory;

    private LuceneEventStore store;

    @AfterEach
    void closeStore() {
        store.close();
    }

    private LuceneEventStore open(LuceneStoreSettings settings) {
        store = LuceneEventStore.open(directory, settings);
        return store;
    }

    private static EventQuery query(String text, Instant from, Instant to) {
        return new EventQuery(text, from, to, TenantScope.ALL);
    }

    @Test
    void histogramListsEveryBucketBetweenFromAndToIncludingEmptyOnes() {
        open(LuceneStoreSettings.defaults()).store(List.of(
                event("a", "2024-05-01T01:10:00Z", "acme", "user.name", "alice"),
                event("b", "2024-05-01T01:59:59.999Z", "acme", "user.name", "alice"),
                event("c", "2024-05-01T04:00:00Z", "acme", "user.name", "bob"),
                event("d", "2024-05-01T05:30:00Z", "acme", "user.name", "alice"),
                event("outside", "2024-05-01T06:00:00Z", "acme", "user.name", "alice")));
        store.refresh();

        EventStore.Histogram histogram = store.dateHistogram(
                query("user.name:alice OR user.name:bob", DAY.plus(Duration.ofMinutes(30)), DAY.plus(Duration.ofHours(6))),
                Duration.ofHours(1));

        assertThat(histogram.interval()).isEqualTo(Duration.ofHours(1));
        assertThat(histogram.buckets()).extracting(EventStore.Histogram.Bucket::start).containsExactly(
                DAY, DAY.plusSeconds(3600), DAY.plusSeconds(7200), DAY.plusSeconds(3 * 3600), DAY.plusSeconds(4 * 3600),
                DAY.plusSeconds(5 * 3600));
        assertThat(histogram.buckets()).extracting(EventStore.Histogram.Bucket::count).containsExactly(0L, 2L, 0L, 0L, 1L, 1L);
    }

    @Test
    void histogramOverTwoDaysWithADayIntervalStartsAtUtcMidnight() {
        open(LuceneStoreSettings.defaults()).store(List.of(
                event("a", "2024-05-01T23:00:00Z", "acme"),
                event("b", "2024-05-02T01:00:00Z", "acme"),
                event("c", "2024-05-02T02:00:00Z", "acme")));
        store.refresh();

        EventStore.Histogram histogram = store.dateHistogram(query("", DAY.plusSeconds(3600), DAY.plus(Duration.ofDays(2))),
                Duration.ofDays(1));

        assertThat(histogram.buckets()).containsExactly(new EventStore.Histogram.Bucket(DAY, 1),
                new EventStore.Histogram.Bucket(DAY.plus(Duration.ofDays(1)), 2));
    }

    @Test
    void histogramWithoutBoundsSpansTheMatches() {
        open(LuceneStoreSettings.defaults()).store(List.of(
                event("a", "2024-05-01T01:10:00Z", "acme", "user.name", "x"),
                event("b", "2024-05-01T03:10:00Z", "acme", "user.name", "x"),
                event("c", "2024-05-01T09:00:00Z", "acme", "user.name", "y")));
        store.refresh();

        EventStore.Histogram histogram = store.dateHistogram(query("user.name:x", null, null), Duration.ofHours(1));

        assertThat(histogram.buckets()).extracting(EventStore.Histogram.Bucket::count).containsExactly(1L, 0L, 1L);
        assertThat(histogram.buckets().getFirst().start()).isEqualTo(DAY.plusSeconds(3600));
        assertThat(store.dateHistogram(query("user.name:nobody", null, null), Duration.ofHours(1)).buckets()).isEmpty();
    }

    @Test
    void histogramRefusesTooManyBucketsAndBadIntervals() {
        open(LuceneStoreSettings.defaults());
        assertThatThrownBy(() -> store.dateHistogram(query("", DAY, DAY.plus(Duration.ofDays(30))), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 10000");
        assertThatThrownBy(() -> store.dateHistogram(query("", DAY, DAY.plusSeconds(60)), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("interval");
    }

    @Test
    void termsListsTheTopValuesWithTheRestCountedAsOther() {
        List<Event> events = new ArrayList<>();
        addUsers(events, "alice", 5);
        addUsers(events, "bob", 3);
        addUsers(events, "carol", 2);
        addUsers(events, "dave", 1);
        addUsers(events, "erin", 1);
        events.add(event("multi", DAY.plusSeconds(99), "acme", "user.name", List.of("zed", "zed2")));
        events.add(event("none", DAY.plusSeconds(98), "acme"));
        open(LuceneStoreSettings.defaults()).store(events);
        store.refresh();

        EventStore.TermsResult top = store.terms(query("", null, null), "user.name", 3);

        assertThat(top.field()).isEqualTo("user.name");
        assertThat(top.terms()).containsExactly(new EventStore.TermsResult.Term("alice", 5),
                new EventStore.TermsResult.Term("bob", 3), new EventStore.TermsResult.Term("carol", 2));
        assertThat(top.otherCount()).isEqualTo(4);
        assertThat(store.terms(query("user.name:bob OR user.name:dave", null, null), "user.name", 10).terms())
                .containsExactly(new EventStore.TermsResult.Term("bob", 3), new EventStore.TermsResult.Term("dave", 1));
    }

    @Test
    void termsOnNumericFieldsCountNumbersAndNonNumbersTogether() {
        open(LuceneStoreSettings.defaults()).store(List.of(
                event("a", DAY.plusSeconds(1), "acme", "http.response.status_code", 200L, "latency", 0.5),
                event("b", DAY.plusSeconds(2), "acme", "http.response.status_code", 200L, "latency", 0.5),
                event("c", DAY.plusSeconds(3), "acme", "http.response.status_code", 404L, "latency", 2L),
                event("d", DAY.plusSeconds(4), "acme", "http.response.status_code", "-")));
        store.refresh();

        assertThat(store.terms(query("", null, null), "http.response.status_code", 5).terms()).containsExactly(
                new EventStore.TermsResult.Term("200", 2), new EventStore.TermsResult.Term("-", 1),
                new EventStore.TermsResult.Term("404", 1));
        assertThat(store.terms(query("", null, null), "latency", 5).terms()).containsExactly(
                new EventStore.TermsResult.Term("0.5", 2), new EventStore.TermsResult.Term("2.0", 1));
        assertThat(store.cardinality(query("", null, null), "http.response.status_code")).isEqualTo(3);
        assertThat(store.terms(query("", null, null), "no.such.field", 5))
                .isEqualTo(new EventStore.TermsResult("no.such.field", List.of(), 0));
    }

    @Test
    void textFieldsCannotBeAggregated() {
        open(LuceneStoreSettings.defaults());
        assertThatThrownBy(() -> store.terms(query("", null, null), "message", 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("full text");
    }

    @Test
    void cardinalityIsExactBelowTheThreshold() {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            events.add(event("e" + i, DAY.plusSeconds(i), "acme", "user.name", "user-" + (i % 1_234), "process.pid", (long) (i % 777)));
        }
        open(LuceneStoreSettings.defaults()).store(events);
        store.refresh();

        assertThat(store.cardinality(query("", null, null), "user.name")).isEqualTo(1_234);
        assertThat(store.cardinality(query("", null, null), "process.pid")).isEqualTo(777);
        assertThat(store.cardinality(query("", DAY, DAY.plusSeconds(100)), "user.name")).isEqualTo(100);
        assertThat(store.cardinality(query("", null, null), "tags")).isZero();
        assertThat(store.cardinality(query("", null, null), "no.such.field")).isZero();
    }

    @Test
    void cardinalityAboveTheThresholdIsCloseToTheTruth() {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 8_000; i++) {
            events.add(event("e" + i, DAY.plusMillis(i), "acme", "source.ip", "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255)));
        }
        open(LuceneStoreSettings.defaults().withCardinalityExactThreshold(1_000)).store(events);
        store.refresh();

        long estimate = store.cardinality(query("", null, null), "source.ip");

        assertThat((double) estimate).isCloseTo(8_000, within(8_000 * 0.03));
    }

    private static void addUsers(List<Event> events, String user, int count) {
        for (int i = 0; i < count; i++) {
            events.add(event(user + i, DAY.plusSeconds(events.size()), "acme", "user.name", user));
        }
    }
}
