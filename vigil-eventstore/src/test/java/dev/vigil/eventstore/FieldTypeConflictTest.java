package dev.vigil.eventstore;

import static dev.vigil.eventstore.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.vigil.events.Event;
import dev.vigil.events.store.EventQuery;
import dev.vigil.events.store.TenantScope;
import dev.vigil.eventstore.mapping.FieldTypeRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FieldTypeConflictTest {
    @TempDir
    Path directory;

    private static long count(LuceneEventStore store, String query) {
        return store.count(new EventQuery(query, null, null, TenantScope.ALL));
    }

    @Test
    void theFirstKindSeenWinsAndOtherValuesStayFindable() {
        Event numeric = event("a", "2024-05-01T10:00:00Z", "acme", "bytes", 100L, "code", "E42");
        Event text = event("b", "2024-05-01T10:01:00Z", "acme", "bytes", "lots", "code", 7L);
        Event numericString = event("c", "2024-05-02T10:02:00Z", "acme", "bytes", "250");
        Event fraction = event("d", "2024-05-02T10:03:00Z", "acme", "bytes", 2.5);
        try (LuceneEventStore store = LuceneEventStore.open(directory, LuceneStoreSettings.defaults())) {
            store.store(List.of(numeric, text, numericString, fraction));
            store.refresh();

            assertThat(count(store, "bytes:[50 TO 300]")).isEqualTo(2);
            assertThat(count(store, "bytes:lots")).isEqualTo(1);
            assertThat(count(store, "bytes:2.5")).isEqualTo(1);
            assertThat(count(store, "bytes:*")).isEqualTo(4);
            assertThat(count(store, "code:7")).isEqualTo(1);
            assertThat(count(store, "code:E*")).isEqualTo(1);
            assertThat(store.get("b", TenantScope.ALL)).contains(text);
            assertThat(store.get("c", TenantScope.ALL)).contains(numericString);
        }
        try (LuceneEventStore reopened = LuceneEventStore.open(directory, LuceneStoreSettings.defaults())) {
            reopened.store(List.of(event("e", "2024-05-02T11:00:00Z", "acme", "bytes", "more", "code", 8L)));
            reopened.refresh();

            assertThat(count(reopened, "bytes:>=100")).isEqualTo(2);
            assertThat(count(reopened, "bytes:more")).isEqualTo(1);
            assertThat(count(reopened, "code:8")).isEqualTo(1);
        }
    }

    @Test
    void wellKnownNumericFieldsAreNumericEvenWhenFirstSentAsText() {
        try (LuceneEventStore store = LuceneEventStore.open(directory, LuceneStoreSettings.defaults())) {
            store.store(List.of(event("a", "2024-05-01T10:00:00Z", "acme", "source.port", "443"),
                    event("b", "2024-05-01T10:00:00Z", "acme", "destination.port", 22L)));
            store.refresh();
            assertThat(count(store, "source.port:>400")).isEqualTo(1);
        }
    }

    @Test
    void fieldsBeyondTheLimitAreStoredButNotIndexed() throws Exception {
        Event wide = event("a", "2024-05-01T10:00:00Z", "acme", "one", "1", "two", "2", "three", "3");
        try (LuceneEventStore store = LuceneEventStore.open(directory, LuceneStoreSettings.defaults().withMaxFields(2))) {
            store.store(List.of(wide));
            store.refresh();

            assertThat(count(store, "one:1")).isEqualTo(1);
            assertThat(count(store, "three:3")).isZero();
            assertThat(store.get("a", TenantScope.ALL)).contains(wide);
        }
        assertThat(Files.readAllLines(directory.resolve(FieldTypeRegistry.FILE_NAME))).containsExactly("one\tKEYWORD", "two\tKEYWORD");
    }
}
