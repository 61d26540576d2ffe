package dev.vigil.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.events.SpooledEvent;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What opening does with a segment damaged by a crash (cut it off) or otherwise (refuse). */
class TornWriteRecoveryTest {

    private static final SpoolSettings SETTINGS = new SpoolSettings(64 << 10, 1L << 30, 1 << 20);

    @TempDir
    Path dir;

    private Path segment;
    private List<Long> writes;

    /** Three writes of five events each into one segment: sequences 1-5, 6-10, 11-15. */
    @BeforeEach
    void threeWrites() throws Exception {
        try (FileSpool spool = FileSpool.open(dir, SETTINGS)) {
            spool.append(TestEvents.batch("a", 5, 300));
            spool.append(TestEvents.batch("b", 5, 300));
            spool.append(TestEvents.batch("c", 5, 300));
        }
        segment = SegmentFiles.last(dir);
        writes = SegmentFiles.batchOffsets(segment);
        assertThat(writes).hasSize(3);
    }

    @Test
    void aLastWriteCutShortIsDroppedWholeAndTheSequenceContinuesAfterTheWriteBefore() throws Exception {
        long cutSize = Files.size(segment) - 10;
        SegmentFiles.truncate(segment, cutSize);
        try (FileSpool spool = FileSpool.open(dir, SETTINGS)) {
            assertThat(spool.lastSequence()).isEqualTo(10);
            assertThat(spool.stats().truncatedBytesAtOpen()).isEqualTo(cutSize - writes.get(2));
            assertThat(Files.size(segment)).isEqualTo(writes.get(2));
            assertThat(spool.append(List.of(TestEvents.event("after-crash")))).isEqualTo(11);
            assertThat(labels(spool)).containsExactly("a-0", "a-1", "a-2", "a-3", "a-4", "b-0", "b-1", "b-2", "b-3",
                    "b-4", "after-crash");
        }
    }

    @Test
    void aWriteCutInsideItsHeaderIsDropped() throws Exception {
        SegmentFiles.truncate(segment, writes.get(2) + 5);
        try (FileSpool spool = FileSpool.open(dir, SETTINGS)) {
            assertThat(spool.lastSequence()).isEqualTo(10);
            assertThat(spool.stats().truncatedBytesAtOpen()).isEqualTo(5);
        }
    }

    @Test
    void garbageOrZerosAfterTheLastWriteAreDropped() throws Exception {
        long size = Files.size(segment);
        byte[] garbage = new byte[3000];
        new Random(7).nextBytes(garbage);
        SegmentFiles.append(segment, garbage);
        SegmentFiles.append(segment, new byte[4096]);
        try (FileSpool spool = FileSpool.open(dir, SETTINGS)) {
            assertThat(spool.lastSequence()).isEqualTo(15);
            assertThat(spool.stats().truncatedBytesAtOpen()).isEqualTo(3000 + 4096);
            assertThat(Files.size(segment)).isEqualTo(size);
        }
    }

    @Test
    void aLastWriteWithAHoleBeforeItsLaterEventsIsDropped() throws Exception {
        // the page holding the start of the last write never reached the disk, later pages did
        SegmentFiles.zero(segment, writes.get(2), 400);
        try (FileSpool spool = FileSpool.open(dir, SETTINGS)) {
            assertThat(spool.lastSequence()).isEqualTo(10);
            assertThat(Files.size(segment)).isEqualTo(writes.get(2));
        }
    }

    @Test
    void damageInsideTheLastWriteCannotBeToldFromATornWriteAndDropsIt() throws Exception {
        SegmentFiles.flipByte(segment, Files.size(segment) - 50);
        try (FileSpool spool = FileSpool.open(dir, SETTINGS)) {
            assertThat(spool.lastSequence()).isEqualTo(10);
        }
    }

    @Test
    void damageBeforeLaterWritesRefusesToOpenAndLeavesTheFileAlone() throws Exception {
        long damaged = writes.get(1) + RecordCodec.BATCH_ENTRY_BYTES + 100;
        SegmentFiles.flipByte(segment, damaged);
        long size = Files.size(segment);
        assertThatThrownBy(() -> FileSpool.open(dir, SETTINGS))
                .isInstanceOf(SpoolCorruptedException.class)
                .hasMessageContaining(segment.toString())
                .hasMessageContaining("at offset " + (writes.get(1) + RecordCodec.BATCH_ENTRY_BYTES))
                .hasMessageContaining("checksum mismatch")
                .hasMessageContaining("not a write torn by a crash")
                .satisfies(e -> assertThat(((SpoolCorruptedException) e).file()).isEqualTo(segment));
        assertThat(Files.size(segment)).isEqualTo(size);
    }

    @Test
    void aDamagedBatchHeaderBeforeLaterWritesRefusesToOpen() throws Exception {
        SegmentFiles.flipByte(segment, writes.get(1) + 1);
        assertThatThrownBy(() -> FileSpool.open(dir, SETTINGS))
                .isInstanceOf(SpoolCorruptedException.class)
                .hasMessageContaining("at offset " + writes.get(1));
    }

    @Test
    void aFileThatIsNotASegmentAtAllIsDroppedOnlyWhenItIsTheLastSegment() throws Exception {
        byte[] garbage = new byte[5000];
        new Random(11).nextBytes(garbage);
        Path next = dir.resolve(String.format("%020d.seg", 16));
        Files.write(next, garbage);
        try (FileSpool spool = FileSpool.open(dir, SETTINGS)) {
            assertThat(spool.lastSequence()).isEqualTo(15);
            assertThat(Files.size(next)).isZero();
            assertThat(spool.append(List.of(TestEvents.event("into-the-emptied-segment")))).isEqualTo(16);
        }
        assertThat(SegmentFiles.batchOffsets(next)).containsExactly(0L);
    }

    @Test
    void anEmptyLastSegmentLeftByACrashAfterCreatingItIsUsed() throws Exception {
        Files.createFile(dir.resolve(String.format("%020d.seg", 16)));
        try (FileSpool spool = FileSpool.open(dir, SETTINGS)) {
            assertThat(spool.lastSequence()).isEqualTo(15);
            assertThat(spool.append(List.of(TestEvents.event("x")))).isEqualTo(16);
            assertThat(spool.read(15, 5, Duration.ZERO)).extracting(SpooledEvent::sequence).containsExactly(16L);
        }
    }

    private static List<String> labels(FileSpool spool) throws InterruptedException {
        return spool.read(0, 1000, Duration.ZERO).stream().map(event -> TestEvents.label(event.raw())).toList();
    }
}
