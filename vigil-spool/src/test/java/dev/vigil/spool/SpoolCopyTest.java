package dev.vigil.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import dev.vigil.events.SpooledEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolCopyTest {

    private static final SpoolSettings SMALL_SEGMENTS = new SpoolSettings(4096, 1L << 30, 1L << 20);

    @TempDir
    Path dir;

    @Test
    void aCopyOfAnOpenSpoolOpensWithTheSameIdsAndTheUnprocessedEvents() throws Exception {
        List<SpooledEvent> all;
        try (FileSpool spool = FileSpool.open(dir.resolve("live"), SMALL_SEGMENTS)) {
            spool.append(TestEvents.batch("a", 100, 200));
            spool.markProcessed(40);
            all = spool.read(0, 1000, Duration.ZERO);
            List<Path> written = SpoolCopy.copy(dir.resolve("live"), dir.resolve("copy"));
            assertThat(written).extracting(p -> p.getFileName().toString()).contains("spool-id", "processed");
        }
        try (FileSpool copy = FileSpool.open(dir.resolve("copy"), SMALL_SEGMENTS)) {
            assertThat(copy.processedSequence()).isGreaterThanOrEqualTo(40);
            long mark = copy.processedSequence();
            assertThat(copy.read(mark, 1000, Duration.ZERO)).extracting(SpooledEvent::id)
                    .containsExactlyElementsOf(all.stream().filter(e -> e.sequence() > mark).map(SpooledEvent::id).toList());
            assertThat(copy.lastSequence()).isEqualTo(100);
        }
    }

    @Test
    void copiesTakenWhileEventsArriveAndSegmentsAreDeletedAlwaysOpen() throws Exception {
        Path live = dir.resolve("live");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (FileSpool spool = FileSpool.open(live, SMALL_SEGMENTS)) {
            Thread writer = Thread.ofPlatform().start(() -> {
                try {
                    while (!stop.get()) {
                        long last = spool.append(TestEvents.batch("w", 20, 150));
                        spool.markProcessed(Math.max(0, last - 30));
                    }
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            try {
                for (int round = 0; round < 25; round++) {
                    Path target = dir.resolve("copy-" + round);
                    SpoolCopy.copy(live, target);
                    try (FileSpool copy = FileSpool.open(target, SMALL_SEGMENTS)) {
                        long mark = copy.processedSequence();
                        List<SpooledEvent> rest = copy.read(mark, 100_000, Duration.ZERO);
                        assertThat(rest).extracting(SpooledEvent::sequence).as("round %d", round)
                                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(mark + 1, copy.lastSequence())
                                        .boxed().toList());
                    }
                }
            } finally {
                stop.set(true);
                writer.join();
            }
        }
        assertThat(failure.get()).isNull();
    }
}
