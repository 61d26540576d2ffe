package dev.vigil.monitor.promql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.promql.model.Point;
import dev.vigil.monitor.promql.model.InMemorySeriesStore;

class SeriesStoreTest {

    @Test
    void retentionDropsOldPointsAndEmptySeriesFromBothViews() {
        InMemorySeriesStore store = new InMemorySeriesStore();
        Labels a = Labels.of("__name__", "load", "host", "a");
        Labels b = Labels.of("__name__", "load", "host", "b");
        Labels c = Labels.of("__name__", "mem", "host", "a");
        store.add(a, new Point(1_000, 1, false));
        store.add(a, new Point(5_000, 2, false));
        store.add(b, new Point(1_000, 3, false));
        store.add(c, new Point(6_000, 4, false));
        assertThat(store.select("load", l -> true)).hasSize(2);
        assertThat(store.dropBefore(2_000)).isEqualTo(2);
        assertThat(store.seriesCount()).isEqualTo(2);
        assertThat(store.pointCount()).isEqualTo(2);
        assertThat(store.select("load", l -> true)).extracting(e -> e.getKey()).containsExactly(a);
        assertThat(store.select(l -> true)).hasSize(2);
        assertThat(store.latest(a).value()).isEqualTo(2);
        assertThat(store.select("absent", l -> true)).isEmpty();
        store.add(b, new Point(7_000, 5, false));
        assertThat(store.select("load", l -> true)).extracting(e -> e.getKey()).containsExactly(a, b);
    }
}
