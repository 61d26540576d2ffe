package dev.vigil.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damage that a crash cannot cause, across segments and in the folder's metadata, keeps the spool closed. */
class SegmentDamageTest {

    private static final SpoolSettings SMALL_SEGMENTS = new SpoolSettings(4096, 1L << 30, 1 << 20);

    @TempDir
    Path dir;

    private List<Path> segments;

    @BeforeEach
    void severalSegments() throws Exception {
        try (FileSpool spool = FileSpool.open(dir, SMALL_SEGMENTS)) {
            for (int i = 0; i < 30; i++) {
                spool.append(TestEvents.batch("s" + i, 3, 400));
            }
        }
        segments = SegmentFiles.list(dir);
        assertThat(segments).hasSizeGreaterThan(4);
    }

    @Test
    void aTornTailInASegmentThatIsNotTheLastRefusesToOpen() throws Exception {
        Path first = segments.getFirst();
        SegmentFiles.truncate(first, Files.size(first) - 1);
        assertThatThrownBy(() -> FileSpool.open(dir, SMALL_SEGMENTS))
                .isInstanceOf(SpoolCorruptedException.class)
                .hasMessageContaining(first.toString())
                .hasMessageContaining("it is not the last segment");
    }

    @Test
    void aFlippedByteInAnEarlierSegmentRefusesToOpen() throws Exception {
        Path second = segments.get(1);
        SegmentFiles.flipByte(second, Files.size(second) / 2);
        assertThatThrownBy(() -> FileSpool.open(dir, SMALL_SEGMENTS))
                .isInstanceOf(SpoolCorruptedException.class)
                .hasMessageContaining(second.toString());
    }

    @Test
    void aMissingSegmentRefusesToOpen() throws Exception {
        Files.delete(segments.get(2));
        assertThatThrownBy(() -> FileSpool.open(dir, SMALL_SEGMENTS))
                .isInstanceOf(SpoolCorruptedException.class)
                .hasMessageContaining(segments.get(3).toString())
                .hasMessageContaining("a segment file is missing");
    }

    @Test
    void aMissingFirstSegmentWithUnprocessedEventsRefusesToOpen() throws Exception {
        Files.delete(segments.getFirst());
        assertThatThrownBy(() -> FileSpool.open(dir, SMALL_SEGMENTS))
                .isInstanceOf(SpoolCorruptedException.class)
                .hasMessageContaining("not processed yet");
    }

    @Test
    void aProcessedSegmentThatCouldNotBeDeletedIsDeletedAtTheNextOpen() throws Exception {
        Path first = segments.getFirst();
        byte[] content = Files.readAllBytes(first);
        try (FileSpool spool = FileSpool.open(dir, SMALL_SEGMENTS)) {
            spool.markProcessed(spool.lastSequence());
        }
        Files.write(first, content);
        try (FileSpool spool = FileSpool.open(dir, SMALL_SEGMENTS)) {
            assertThat(Files.exists(first)).isFalse();
            assertThat(spool.backlogBytes()).isZero();
        }
    }

    @Test
    void aDamagedProcessedMarkRefusesToOpen() throws Exception {
        Files.writeString(dir.resolve(ProcessedMarkFile.FILE), "twelve\n");
        assertThatThrownBy(() -> FileSpool.open(dir, SMALL_SEGMENTS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("processed-mark file");
    }
}
