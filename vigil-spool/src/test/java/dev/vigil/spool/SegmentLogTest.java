package dev.vigil.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What readers are shown of the segments while the writer rolls over to a new one. */
class SegmentLogTest {

    @Test
    void aSegmentJustStartedIsNotOfferedToReadersBeforeItHoldsADurableEvent() {
        Segment first = new Segment(1, Path.of("1.seg"), new SparseIndex(), 1000, 10);
        SegmentLog log = new SegmentLog(List.of(first), 0);
        Segment next = Segment.empty(11, Path.of("11.seg"));
        log.add(next);
        // the writer has indexed the new segment's first event but not yet published it
        next.index().offer(11, 25);

        assertThat(log.after(5)).extracting(SegmentLog.SegmentView::segment).containsExactly(first);

        log.published(next, 200, 12);
        assertThat(log.after(5)).extracting(SegmentLog.SegmentView::segment).containsExactly(first, next);
        assertThat(log.after(10)).extracting(SegmentLog.SegmentView::end).containsExactly(200L);
    }
}
