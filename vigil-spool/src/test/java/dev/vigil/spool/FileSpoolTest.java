package dev.vigil.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vigil.events.RawEvent;
import dev.vigil.events.SpooledEvent;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSpoolTest {

    private static final SpoolSettings SMALL_SEGMENTS = new SpoolSettings(4096, 1L << 30, 1L << 20);

    @TempDir
    Path dir;

    @Test
    void everyFieldOfAnEventComesBackAsAppended() throws Exception {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        List<RawEvent> events = List.of(
                new RawEvent("in-1", "tenant-a", "syslog", Instant.parse("2025-01-02T03:04:05.123456789Z"),
                        "10.0.0.5:51514", "<13>Jan  2 03:04:05 host app: hello".getBytes(StandardCharsets.UTF_8)),
                new RawEvent("in-2", "tenant-b", "json", Instant.EPOCH, "", new byte[0]),
                new RawEvent("eingabe-ü", "mandant-漢字", "ndjson", Instant.parse("1969-12-31T23:59:59.999999999Z"),
                        "[2001:db8::1]:443", binary),
                new RawEvent("in-3", "t", "text", Instant.parse("2262-04-11T23:47:16Z"), "host",
                        "emoji 🚨 and ünïcödé".getBytes(StandardCharsets.UTF_8)));
        try (FileSpool spool = FileSpool.open(dir, SpoolSettings.defaults())) {
            assertThat(spool.append(events)).isEqualTo(4);
            List<SpooledEvent> read = spool.read(0, 10, Duration.ZERO);
            assertThat(read).extracting(SpooledEvent::sequence).containsExactly(1L, 2L, 3L, 4L);
            assertThat(read).extracting(event -> TestEvents.content(event.raw()))
                    .containsExactlyElementsOf(events.stream().map(TestEvents::content).toList());
        }
        try (FileSpool reopened = FileSpool.open(dir, SpoolSettings.defaults())) {
            assertThat(reopened.read(0, 10, Duration.ZERO)).extracting(event -> TestEvents.content(event.raw()))
                    .containsExactlyElementsOf(events.stream().map(TestEvents::content).toList());
        }
    }

    @Test
    void sequencesKeepIncreasingAndIdsStayTheSameAcrossReopening() throws Exception {
        List<SpooledEvent> first;
        try (FileSpool spool = FileSpool.open(dir, SMALL_SEGMENTS)) {
            assertThat(spool.lastSequence()).isZero();
            assertThat(spool.append(TestEvents.batch("a", 30, 200))).isEqualTo(30);
            assertThat(spool.append(TestEvents.batch("b", 5, 200))).isEqualTo(35);
            first = spool.read(0, 100, Duration.ZERO);
        }
        assertThat(first).hasSize(35);
        assertThat(first.getFirst().id()).matches("[0-9a-f]{16}-1");
        try (FileSpool spool = FileSpool.open(dir, SMALL_SEGMENTS)) {
            assertThat(spool.lastSequence()).isEqualTo(35);
            assertThat(spool.read(0, 100, Duration.ZERO)).extracting(SpooledEvent::id)
                    .containsExactlyElementsOf(first.stream().map(SpooledEvent::id).toList());
            String idBeforeAppending = spool.eventId(36);
            assertThat(spool.append(TestEvents.batch("c", 3, 200))).isEqualTo(38);
            List<SpooledEvent> appended = spool.read(35, 100, Duration.ZERO);
            assertThat(appended).extracting(SpooledEvent::sequence).containsExactly(36L, 37L, 38L);
            assertThat(appended.getFirst().id()).isEqualTo(idBeforeAppending);
            assertThat(first).allSatisfy(event -> assertThat(spool.eventId(event.sequence())).isEqualTo(event.id()));
        }
        try (FileSpool other = FileSpool.open(dir.resolve("other"), SMALL_SEGMENTS)) {
            other.append(List.of(TestEvents.event("x")));
            assertThat(other.read(0, 1, Duration.ZERO).getFirst().id()).isNotEqualTo(first.getFirst().id());
        }
    }

    @Test
    void readsReturnAtMostMaxEventsAfterTheGivenSequenceAcrossSegments() throws Exception {
        try (FileSpool spool = FileSpool.open(dir, SMALL_SEGMENTS)) {
            for (int i = 0; i < 50; i++) {
                spool.append(TestEvents.batch("e" + i, 4, 300));
            }
            assertThat(segmentFiles()).hasSizeGreaterThan(10);

            List<Long> sequential = new ArrayList<>();
            long after = 0;
            List<SpooledEvent> page;
            while (!(page = spool.read(after, 7, Duration.ZERO)).isEmpty()) {
                assertThat(page).hasSizeLessThanOrEqualTo(7);
                page.forEach(event -> sequential.add(event.sequence()));
                after = page.getLast().sequence();
            }
            assertThat(sequential).hasSize(200).isSorted().doesNotHaveDuplicates().startsWith(1L).endsWith(200L);

            List<SpooledEvent> jump = spool.read(123, 3, Duration.ZERO);
            assertThat(jump).extracting(SpooledEvent::sequence).containsExactly(124L, 125L, 126L);
            assertThat(TestEvents.label(jump.getFirst().raw())).isEqualTo("e30-3");
            assertThat(spool.read(200, 10, Duration.ZERO)).isEmpty();
        }
    }

    @Test
    void aWaitingReadWakesUpWhenEventsAreAppended() throws Exception {
        try (FileSpool spool = FileSpool.open(dir, SpoolSettings.defaults())) {
            BlockedRead read = BlockedRead.start(spool, 0, Duration.ofMinutes(5));
            spool.append(List.of(TestEvents.event("late")));
            assertThat(read.result()).extracting(e -> TestEvents.label(e.raw())).containsExactly("late");
        }
    }

    @Test
    void aReadWithNothingNewReturnsEmptyAfterItsWait() throws Exception {
        try (FileSpool spool = FileSpool.open(dir, SpoolSettings.defaults())) {
            spool.append(List.of(TestEvents.event("only")));
            assertThat(spool.read(1, 10, Duration.ofMillis(20))).isEmpty();
            assertThat(spool.read(1, 10, Duration.ofMillis(-5))).isEmpty();
        }
    }

    @Test
    void theProcessedMarkSurvivesReopeningAndProcessedSegmentsAreDeleted() throws Exception {
        try (FileSpool spool = FileSpool.open(dir, SMALL_SEGMENTS)) {
            for (int i = 0; i < 40; i++) {
                spool.append(TestEvents.batch("p" + i, 5, 200));
            }
            List<Path> before = segmentFiles();
            assertThat(before.size()).isGreaterThan(5);
            assertThat(spool.processedSequence()).isZero();

            spool.markProcessed(100);
            assertThat(spool.processedSequence()).isEqualTo(100);
            List<Path> after = segmentFiles();
            assertThat(after.size()).isLessThan(before.size());
            assertThat(spool.stats().segments()).isEqualTo(after.size());
            assertThat(spool.read(100, 1, Duration.ZERO).getFirst().sequence()).isEqualTo(101);

            spool.markProcessed(50);
            assertThat(spool.processedSequence()).isEqualTo(100);
        }
        try (FileSpool spool = FileSpool.open(dir, SMALL_SEGMENTS)) {
            assertThat(spool.processedSequence()).isEqualTo(100);
            assertThat(spool.lastSequence()).isEqualTo(200);
            assertThat(spool.read(100, 500, Duration.ZERO)).extracting(SpooledEvent::sequence)
                    .hasSize(100).startsWith(101L).endsWith(200L);

            spool.markProcessed(200);
            assertThat(segmentFiles()).as("only the segment being written is kept").hasSize(1);
            assertThat(spool.backlogBytes()).isZero();
            assertThat(spool.append(List.of(TestEvents.event("next")))).isEqualTo(201);
            assertThat(spool.backlogBytes()).isPositive();
        }
    }

    @Test
    void theBacklogCountsTheBytesAfterTheProcessedMark() throws Exception {
        try (FileSpool spool = FileSpool.open(dir, SpoolSettings.defaults())) {
            assertThat(spool.backlogBytes()).isZero();
            spool.append(TestEvents.batch("b", 1000, 500));
            long full = spool.backlogBytes();
            assertThat(full).isBetween(500_000L, 600_000L);

            spool.markProcessed(500);
            assertThat(spool.backlogBytes()).isLessThan(full)
                    .isBetween(full / 2 - 1000, full / 2 + SparseIndex.SPACING + 1000);

            spool.markProcessed(1000);
            assertThat(spool.backlogBytes()).isZero();
        }
    }

    @Test
    void appendsAreRefusedAboveTheHighWaterMarkUntilProcessingFreesSegments() throws Exception {
        SpoolSettings settings = new SpoolSettings(8192, 20_000, 1 << 20);
        try (FileSpool spool = FileSpool.open(dir, settings)) {
            int appended = 0;
            while (!spool.overHighWaterMark()) {
                spool.append(TestEvents.batch("h" + appended, 5, 300));
                appended++;
            }
            long last = spool.lastSequence();
            assertThatThrownBy(() -> spool.append(List.of(TestEvents.event("refused"))))
                    .isInstanceOf(SpoolFullException.class)
                    .hasMessageContaining("high-water mark of 20000 bytes")
                    .satisfies(e -> assertThat(((SpoolFullException) e).backlogBytes()).isGreaterThan(20_000));
            assertThat(spool.lastSequence()).isEqualTo(last);
            assertThat(spool.read(last, 10, Duration.ZERO)).isEmpty();

            spool.markProcessed(last);
            assertThat(spool.overHighWaterMark()).isFalse();
            assertThat(spool.append(List.of(TestEvents.event("accepted")))).isEqualTo(last + 1);
        }
    }

    @Test
    void anEventAboveTheSizeLimitIsRefusedWithNothingAppended() throws Exception {
        try (FileSpool spool = FileSpool.open(dir, new SpoolSettings(4096, 1 << 20, 1000))) {
            spool.append(List.of(TestEvents.event("fits", 1000)));
            assertThatThrownBy(() -> spool.append(List.of(TestEvents.event("ok"), TestEvents.event("big", 1001))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1001 bytes is above the spool's limit of 1000 bytes");
            assertThatThrownBy(() -> spool.append(List.of()))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(spool.lastSequence()).isEqualTo(1);
        }
    }

    @Test
    void anEventLargerThanASegmentGetsASegmentOfItsOwn() throws Exception {
        try (FileSpool spool = FileSpool.open(dir, new SpoolSettings(4096, 1 << 30, 100_000))) {
            spool.append(List.of(TestEvents.event("small-1")));
            spool.append(List.of(TestEvents.event("huge", 50_000)));
            spool.append(List.of(TestEvents.event("small-2")));
            assertThat(spool.read(0, 10, Duration.ZERO)).extracting(e -> TestEvents.label(e.raw()))
                    .containsExactly("small-1", "huge", "small-2");
        }
        try (FileSpool spool = FileSpool.open(dir, new SpoolSettings(4096, 1 << 30, 100_000))) {
            assertThat(spool.read(1, 1, Duration.ZERO).getFirst().raw().payload()).hasSize(50_000);
        }
    }

    @Test
    void markingBeyondTheLastSequenceIsRefused() throws Exception {
        try (FileSpool spool = FileSpool.open(dir, SpoolSettings.defaults())) {
            spool.append(List.of(TestEvents.event("one")));
            assertThatThrownBy(() -> spool.markProcessed(2))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("the last spooled sequence is 1");
        }
    }

    @Test
    void aSecondSpoolOnTheSameDirectoryIsRefused() throws Exception {
        try (FileSpool spool = FileSpool.open(dir, SpoolSettings.defaults())) {
            assertThatThrownBy(() -> FileSpool.open(dir, SpoolSettings.defaults()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by another spool");
        }
        try (FileSpool reopened = FileSpool.open(dir, SpoolSettings.defaults())) {
            assertThat(reopened.lastSequence()).isZero();
        }
    }

    @Test
    void aClosedSpoolRefusesWorkAndWakesItsReaders() throws Exception {
        FileSpool spool = FileSpool.open(dir, SpoolSettings.defaults());
        BlockedRead read = BlockedRead.start(spool, 0, Duration.ofMinutes(5));
        spool.close();
        spool.close();
        assertThat(read.result()).isEmpty();
        assertThatThrownBy(() -> spool.append(List.of(TestEvents.event("late"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> spool.read(0, 1, Duration.ZERO)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFolderWithSegmentsButNoIdentityIsRefused() throws Exception {
        try (FileSpool spool = FileSpool.open(dir, SpoolSettings.defaults())) {
            spool.append(List.of(TestEvents.event("one")));
        }
        Files.delete(dir.resolve(SpoolIdentity.FILE));
        assertThatThrownBy(() -> FileSpool.open(dir, SpoolSettings.defaults()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("holds segments but no spool-id file");
    }

    private List<Path> segmentFiles() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".seg")).sorted().toList();
        }
    }
}
