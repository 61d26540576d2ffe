package dev.vigil.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.events.SpooledEvent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A write or fsync the disk refuses fails its appenders, leaves nothing partial behind and the spool usable. */
class DiskFullTest {

    private static final SpoolSettings SETTINGS = new SpoolSettings(8192, 1L << 30, 1 << 20);

    @TempDir
    Path dir;

    private final InstrumentedChannel.Faults faults = new InstrumentedChannel.Faults();

    @Test
    void aFailedWriteIsRolledBackAndLaterAppendsSucceed() throws Exception {
        try (FileSpool spool = FileSpool.open(dir, SETTINGS, faults)) {
            spool.append(TestEvents.batch("before", 3, 200));
            long durableSize = Files.size(SegmentFiles.last(dir));

            faults.writes.set(1);
            assertThatThrownBy(() -> spool.append(TestEvents.batch("lost", 4, 200)))
                    .isInstanceOf(SpoolWriteException.class)
                    .hasMessageContaining("No space left on device")
                    .hasRootCauseMessage("No space left on device");
            assertThat(Files.size(SegmentFiles.last(dir))).as("nothing partial stays in the file")
                    .isEqualTo(durableSize);
            assertThat(spool.lastSequence()).isEqualTo(3);
            assertThat(spool.read(3, 10, Duration.ZERO)).isEmpty();
            assertThat(spool.stats().failedWrites()).isEqualTo(1);

            assertThat(spool.append(TestEvents.batch("after", 2, 200))).isEqualTo(5);
            assertThat(labels(spool)).containsExactly("before-0", "before-1", "before-2", "after-0", "after-1");
        }
        try (FileSpool reopened = FileSpool.open(dir, SETTINGS)) {
            assertThat(reopened.stats().truncatedBytesAtOpen()).isZero();
            assertThat(labels(reopened)).containsExactly("before-0", "before-1", "before-2", "after-0", "after-1");
        }
    }

    @Test
    void aFailedFsyncIsRolledBackToo() throws Exception {
        try (FileSpool spool = FileSpool.open(dir, SETTINGS, faults)) {
            spool.append(TestEvents.batch("before", 2, 200));
            faults.forces.set(1);
            assertThatThrownBy(() -> spool.append(TestEvents.batch("lost", 2, 200)))
                    .isInstanceOf(SpoolWriteException.class);
            assertThat(spool.read(0, 10, Duration.ZERO)).hasSize(2);
            assertThat(spool.append(TestEvents.batch("after", 1, 200))).isEqualTo(3);
        }
        try (FileSpool reopened = FileSpool.open(dir, SETTINGS)) {
            assertThat(labels(reopened)).containsExactly("before-0", "before-1", "after-0");
        }
    }

    @Test
    void whenEvenTheRollbackFailsItIsRetriedBeforeTheNextWrite() throws Exception {
        try (FileSpool spool = FileSpool.open(dir, SETTINGS, faults)) {
            spool.append(TestEvents.batch("before", 2, 200));
            faults.writes.set(1);
            faults.truncates.set(2);
            assertThatThrownBy(() -> spool.append(TestEvents.batch("lost", 2, 200)))
                    .isInstanceOf(SpoolWriteException.class);
            assertThatThrownBy(() -> spool.append(TestEvents.batch("refused", 1, 200)))
                    .as("the owed truncation fails once more")
                    .isInstanceOf(SpoolWriteException.class)
                    .hasMessageContaining("Input/output error");
            assertThat(spool.append(TestEvents.batch("after", 1, 200))).isEqualTo(3);
            assertThat(labels(spool)).containsExactly("before-0", "before-1", "after-0");
        }
        try (FileSpool reopened = FileSpool.open(dir, SETTINGS)) {
            assertThat(reopened.stats().truncatedBytesAtOpen()).isZero();
            assertThat(labels(reopened)).containsExactly("before-0", "before-1", "after-0");
        }
    }

    @Test
    void aFailureWhileStartingANewSegmentLeavesTheSpoolConsistent() throws Exception {
        try (FileSpool spool = FileSpool.open(dir, SETTINGS, faults)) {
            spool.append(TestEvents.batch("first", 10, 700));
            assertThat(SegmentFiles.list(dir)).hasSize(1);

            faults.writes.set(1);
            assertThatThrownBy(() -> spool.append(TestEvents.batch("lost", 10, 700)))
                    .isInstanceOf(SpoolWriteException.class);
            assertThat(SegmentFiles.list(dir)).hasSize(2);
            assertThat(Files.size(SegmentFiles.last(dir))).isZero();

            assertThat(spool.append(TestEvents.batch("second", 10, 700))).isEqualTo(20);
        }
        try (FileSpool reopened = FileSpool.open(dir, SETTINGS)) {
            List<SpooledEvent> all = reopened.read(0, 100, Duration.ZERO);
            assertThat(all).extracting(SpooledEvent::sequence).hasSize(20).isSorted().doesNotHaveDuplicates();
            assertThat(TestEvents.label(all.get(10).raw())).isEqualTo("second-0");
        }
    }

    private static List<String> labels(FileSpool spool) throws InterruptedException {
        return spool.read(0, 1000, Duration.ZERO).stream().map(event -> TestEvents.label(event.raw())).toList();
    }
}
