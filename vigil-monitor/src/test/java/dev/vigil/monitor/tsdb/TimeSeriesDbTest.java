package dev.vigil.monitor.tsdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import dev.vigil.monitor.promql.eval.Evaluator;
import dev.vigil.monitor.promql.model.InMemorySeriesStore;
import dev.vigil.monitor.promql.model.Labels;
import dev.vigil.monitor.promql.model.Point;
import dev.vigil.monitor.promql.model.SeriesStore;
import dev.vigil.monitor.promql.model.Value;
import dev.vigil.monitor.promql.parse.PromqlParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TimeSeriesDbTest {

    private static final long STEP = 15_000;
    private static final long HOUR = 3_600_000;
    private static final TimeSeriesDb.Options OPTIONS = new TimeSeriesDb.Options(Duration.ofHours(2), Duration.ofDays(15), 0);

    @TempDir
    Path dir;

    private static Labels series(String name, int instance) {
        return Labels.of("__name__", name, "instance", "host-" + instance, "job", "node");
    }

    /** Writes {@code hours} of 15-second samples of 3 counters and 3 gauges (with a gap and a staleness marker) to both stores. */
    private static void fill(SeriesStore a, SeriesStore b, long from, long hours) {
        for (long t = from; t < from + hours * HOUR; t += STEP) {
            for (int i = 0; i < 3; i++) {
                long jitter = (t / STEP * 7 + i) % 40;
                Point counter = new Point(t + jitter, (double) (t - from) / 1000 * (i + 1), false);
                Point gauge = (t / STEP) % 997 == 5 && i == 1 ? new Point(t, Double.longBitsToDouble(0x7ff0000000000002L), true)
                        : new Point(t, Math.sin(t / 600_000.0 + i) * 100, false);
                a.add(series("requests_total", i), counter);
                b.add(series("requests_total", i), counter);
                a.add(series("load", i), gauge);
                b.add(series("load", i), gauge);
            }
            if (b instanceof TimeSeriesDb db) {
                db.commit();
            }
        }
    }

    private static void assertSameSelect(SeriesStore expected, SeriesStore actual, long from, long to) {
        List<Map.Entry<Labels, List<Point>>> want = expected.select(l -> true, from, to);
        List<Map.Entry<Labels, List<Point>>> got = actual.select(l -> true, from, to);
        assertThat(got).extracting(Map.Entry::getKey).containsExactlyElementsOf(want.stream().map(Map.Entry::getKey).toList());
        for (int i = 0; i < want.size(); i++) {
            List<Point> w = want.get(i).getValue().stream().filter(p -> p.timestampMs() >= from && p.timestampMs() <= to).toList();
            List<Point> g = got.get(i).getValue().stream().filter(p -> p.timestampMs() >= from && p.timestampMs() <= to).toList();
            assertThat(g).as("series %s", want.get(i).getKey()).hasSameSizeAs(w);
            for (int k = 0; k < w.size(); k++) {
                assertThat(g.get(k).timestampMs()).isEqualTo(w.get(k).timestampMs());
                assertThat(Double.doubleToRawLongBits(g.get(k).value())).isEqualTo(Double.doubleToRawLongBits(w.get(k).value()));
                assertThat(g.get(k).stale()).isEqualTo(w.get(k).stale());
            }
        }
    }

    private static void assertSameEvaluation(SeriesStore expected, SeriesStore actual, String query, long at) {
        var expr = PromqlParser.parse(query);
        Value want = new Evaluator(expected, STEP).evaluate(expr, at);
        Value got = new Evaluator(actual, STEP).evaluate(expr, at);
        assertThat(got).as("%s at %d", query, at).isEqualTo(want);
    }

    @Test
    void queriesSpanningBlocksAndTheHeadMatchTheInMemoryStore() throws IOException {
        InMemorySeriesStore memory = new InMemorySeriesStore();
        long start = 1_700_000_000_000L;
        try (TimeSeriesDb db = TimeSeriesDb.open(dir, OPTIONS)) {
            fill(memory, db, start, 7);
            TimeSeriesDb.Maintenance done = db.maintain(start + 7 * HOUR);
            assertThat(done.blocksWritten()).isGreaterThanOrEqualTo(2);
            assertThat(db.blockRanges()).isNotEmpty();
            assertThat(db.stats().blockSamples()).isPositive();
            long end = start + 7 * HOUR;
            assertSameSelect(memory, db, start, end);
            assertSameSelect(memory, db, start + 2 * HOUR - 300_000, start + 5 * HOUR);
            for (long at : new long[] {start + HOUR, db.blockRanges().getLast()[1] + 60_000, end - 1}) {
                assertSameEvaluation(memory, db, "rate(requests_total[5m])", at);
                assertSameEvaluation(memory, db, "load", at);
                assertSameEvaluation(memory, db, "max_over_time(load[3h])", at);
                assertSameEvaluation(memory, db, "sum by (job) (increase(requests_total[6h]))", at);
            }
        }
        try (TimeSeriesDb reopened = TimeSeriesDb.open(dir, OPTIONS)) {
            assertSameSelect(memory, reopened, start, start + 7 * HOUR);
        }
    }

    @Test
    void theWalIsReplayedAfterACrashAndATornLastRecordIsCut() throws IOException {
        InMemorySeriesStore memory = new InMemorySeriesStore();
        long start = 1_700_000_000_000L;
        TimeSeriesDb crashed = TimeSeriesDb.open(dir, OPTIONS);
        fill(memory, crashed, start, 1);
        // one more batch whose record is torn by the crash
        crashed.add(series("load", 0), new Point(start + 2 * HOUR, 42, false));
        crashed.commit();
        Path segment = Files.list(dir.resolve("wal")).filter(p -> p.getFileName().toString().matches("\\d{8}")).sorted().toList().getLast();
        long size = Files.size(segment);
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.truncate(size - 5);
        }
        // no close: the process died
        try (TimeSeriesDb reopened = TimeSeriesDb.open(dir, OPTIONS)) {
            assertSameSelect(memory, reopened, start, start + 3 * HOUR);
            assertThat(Files.size(segment)).as("the torn record is cut").isLessThan(size - 5);
            reopened.add(series("load", 0), new Point(start + 2 * HOUR, 43, false));
            memory.add(series("load", 0), new Point(start + 2 * HOUR, 43, false));
            reopened.commit();
        }
        try (TimeSeriesDb again = TimeSeriesDb.open(dir, OPTIONS)) {
            assertSameSelect(memory, again, start, start + 3 * HOUR);
        }
    }

    @Test
    void checkpointsReplaceOldWalSegmentsAndRestoreTheHead() throws IOException {
        InMemorySeriesStore memory = new InMemorySeriesStore();
        long start = 1_700_000_000_000L;
        try (TimeSeriesDb db = TimeSeriesDb.open(dir, OPTIONS)) {
            fill(memory, db, start, 4);
            db.maintain(start + 4 * HOUR);
            assertThat(Files.list(dir.resolve("wal")).map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("checkpoint.")).doesNotContain("00000001");
            fill(memory, db, start + 4 * HOUR, 1);
        }
        try (TimeSeriesDb reopened = TimeSeriesDb.open(dir, OPTIONS)) {
            assertSameSelect(memory, reopened, start, start + 5 * HOUR);
            assertThat(reopened.seriesCount()).isEqualTo(6);
        }
    }

    @Test
    void aCopyOfTheFolderOpensWithEverything() throws IOException {
        InMemorySeriesStore memory = new InMemorySeriesStore();
        long start = 1_700_006_400_000L;
        try (TimeSeriesDb db = TimeSeriesDb.open(dir.resolve("live"), OPTIONS)) {
            fill(memory, db, start, 5);
            db.maintain(start + 5 * HOUR);
            fill(memory, db, start + 5 * HOUR, 1);
            List<Path> written = TimeSeriesDbCopy.copy(dir.resolve("live"), dir.resolve("copy"));
            assertThat(written).anyMatch(p -> p.toString().contains("blocks")).anyMatch(p -> p.toString().contains("checkpoint"));
        }
        try (TimeSeriesDb copy = TimeSeriesDb.open(dir.resolve("copy"), OPTIONS)) {
            assertSameSelect(memory, copy, start, start + 6 * HOUR);
        }
    }

    @Test
    void retentionDeletesBlocksOlderThanTheRetentionTime() throws IOException {
        TimeSeriesDb.Options oneDay = new TimeSeriesDb.Options(Duration.ofHours(2), Duration.ofDays(1), 0);
        long start = 1_700_006_400_000L; // a multiple of 2 h
        try (TimeSeriesDb db = TimeSeriesDb.open(dir, oneDay)) {
            fill(new InMemorySeriesStore(), db, start, 48);
            long now = start + 48 * HOUR;
            TimeSeriesDb.Maintenance done = db.maintain(now);
            assertThat(done.blocksDeleted()).isPositive();
            assertThat(db.blockRanges()).allSatisfy(r -> assertThat(r[1]).isGreaterThan(now - 24 * HOUR));
            assertThat(db.select(l -> true, start, now - 25 * HOUR)).isEmpty();
            assertThat(db.select(l -> true, now - 20 * HOUR, now - 19 * HOUR)).hasSize(6);
            assertThat(db.blockRanges()).as("complete 6 h and 24 h ranges were merged")
                    .anyMatch(r -> r[1] - r[0] > 2 * HOUR);
            try (var blocks = Files.list(dir.resolve("blocks"))) {
                assertThat(blocks.count()).isEqualTo(db.blockRanges().size());
            }
        }
    }

    @Test
    void retentionBySizeDeletesTheOldestBlocks() throws IOException {
        long start = 1_700_006_400_000L;
        try (TimeSeriesDb db = TimeSeriesDb.open(dir, OPTIONS)) {
            fill(new InMemorySeriesStore(), db, start, 12);
            db.maintain(start + 12 * HOUR);
            long all = db.stats().blockBytes();
            List<long[]> before = db.blockRanges();
            assertThat(before).hasSizeGreaterThan(1);
            db.close();
            try (TimeSeriesDb small = TimeSeriesDb.open(dir, new TimeSeriesDb.Options(Duration.ofHours(2), Duration.ofDays(15), all - 1))) {
                small.maintain(start + 12 * HOUR);
                assertThat(small.stats().blockBytes()).isLessThanOrEqualTo(all - 1);
                assertThat(small.blockRanges().getFirst()[0]).isGreaterThan(before.getFirst()[0]);
            }
        }
    }

    @Test
    void outOfOrderSamplesInTheHeadAreInsertedAndOlderThanBlocksRefused() throws IOException {
        long start = 1_700_006_400_000L;
        Labels l = series("load", 9);
        try (TimeSeriesDb db = TimeSeriesDb.open(dir, OPTIONS)) {
            for (int i = 0; i < 300; i++) {
                db.add(l, new Point(start + i * STEP, i, false));
            }
            db.add(l, new Point(start + 10 * STEP + 1, -1, false)); // into a closed chunk
            db.add(l, new Point(start + 250 * STEP, -2, false)); // replaces, in the open chunk
            db.add(l, new Point(start - STEP, -3, false)); // before everything
            List<Point> points = db.select(x -> true, Long.MIN_VALUE, Long.MAX_VALUE).getFirst().getValue();
            assertThat(points).hasSize(302);
            assertThat(points.getFirst()).isEqualTo(new Point(start - STEP, -3, false));
            assertThat(points.get(12)).isEqualTo(new Point(start + 10 * STEP + 1, -1, false));
            assertThat(points).contains(new Point(start + 250 * STEP, -2, false)).doesNotContain(new Point(start + 250 * STEP, 250, false));
            assertThat(points).isSortedAccordingTo(java.util.Comparator.comparingLong(Point::timestampMs));
            db.add(l, new Point(start + 4 * HOUR, 1, false));
            db.maintain(start + 4 * HOUR);
            db.add(l, new Point(start, 5, false));
            assertThat(db.stats().outOfBounds()).isEqualTo(1);
        }
    }

    @Test
    void staleMarkersSurviveBlocksAndEndTheSeries() throws IOException {
        long start = 1_700_006_400_000L;
        Labels up = Labels.of("__name__", "up", "job", "a");
        try (TimeSeriesDb db = TimeSeriesDb.open(dir, OPTIONS)) {
            db.add(up, new Point(start, 1, false));
            db.add(up, new Point(start + 60_000, Double.NaN, true));
            db.add(Labels.of("__name__", "up", "job", "b"), new Point(start + 4 * HOUR, 1, false));
            db.commit();
            db.maintain(start + 4 * HOUR);
            assertThat(db.blockRanges()).isNotEmpty();
            var expr = PromqlParser.parse("up");
            assertThat(((Value.InstantVector) new Evaluator(db, STEP).evaluate(expr, start + 30_000)).samples()).hasSize(1);
            assertThat(((Value.InstantVector) new Evaluator(db, STEP).evaluate(expr, start + 90_000)).samples()).isEmpty();
            List<Point> points = db.select("up", x -> x.get("job").equals("a"), start, start + 60_000).getFirst().getValue();
            assertThat(points.getLast().stale()).isTrue();
        }
    }
}
