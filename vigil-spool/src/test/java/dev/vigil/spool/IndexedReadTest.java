package dev.vigil.spool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vigil.events.SpooledEvent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Reads find their first event without scanning the segment from its start. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndexedReadTest {

    private static final int EVENTS = 20_000;

    private final InstrumentedChannel.Faults channels = new InstrumentedChannel.Faults();
    private FileSpool spool;
    private long segmentBytes;

    @BeforeAll
    void oneLargeSegment(@TempDir Path dir) throws Exception {
        spool = FileSpool.open(dir, new SpoolSettings(64 << 20, 1L << 30, 1 << 20), channels);
        for (int i = 0; i < EVENTS / 1000; i++) {
            spool.append(TestEvents.batch("r" + i, 1000, 500));
        }
        segmentBytes = Files.size(SegmentFiles.last(dir));
    }

    @AfterAll
    void close() {
        spool.close();
    }

    @Test
    void aReadNearTheEndOfALargeSegmentReadsLittleOfIt() throws Exception {
        channels.bytesRead.set(0);
        List<SpooledEvent> tail = spool.read(EVENTS - 10, 10, Duration.ZERO);
        assertThat(tail).extracting(SpooledEvent::sequence).startsWith(EVENTS - 9L).endsWith((long) EVENTS);
        assertThat(channels.bytesRead.get()).isLessThan(segmentBytes / 20);
    }

    @Test
    void readingPageAfterPageReadsTheSegmentAboutOnce() throws Exception {
        channels.bytesRead.set(0);
        long after = 0;
        List<SpooledEvent> page;
        while (!(page = spool.read(after, 2000, Duration.ZERO)).isEmpty()) {
            after = page.getLast().sequence();
        }
        assertThat(after).isEqualTo(EVENTS);
        assertThat(channels.bytesRead.get()).isBetween(segmentBytes, segmentBytes * 3 / 2);
    }
}
