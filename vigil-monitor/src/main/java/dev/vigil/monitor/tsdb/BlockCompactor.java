package dev.vigil.monitor.tsdb;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

import dev.vigil.monitor.promql.model.Labels;

/**
 * Merges adjacent blocks into one covering their whole range: a k-way merge of their label-ordered series, each
 * series' chunks concatenated in time order (chunks are copied, not re-encoded). Streams series by series, so the
 * memory needed is one series' chunks.
 */
final class BlockCompactor {

    private BlockCompactor() {
    }

    /** Writes the merged block of {@code blocks} (time-ordered, not overlapping) and opens it. */
    static Block merge(Path blocksDir, List<Block> blocks, long minTime, long maxTime) throws IOException {
        record Cursor(Block block, int order, int series) {
        }
        PriorityQueue<Cursor> queue = new PriorityQueue<>((a, b) -> {
            int c = a.block().labels(a.series()).compareTo(b.block().labels(b.series()));
            return c != 0 ? c : Integer.compare(a.order(), b.order());
        });
        for (int i = 0; i < blocks.size(); i++) {
            if (blocks.get(i).seriesCount() > 0) {
                queue.add(new Cursor(blocks.get(i), i, 0));
            }
        }
        try (BlockWriter writer = new BlockWriter(blocksDir, minTime, maxTime)) {
            while (!queue.isEmpty()) {
                Labels labels = queue.peek().block().labels(queue.peek().series());
                List<Chunk> chunks = new ArrayList<>();
                while (!queue.isEmpty() && queue.peek().block().labels(queue.peek().series()).equals(labels)) {
                    Cursor c = queue.poll();
                    chunks.addAll(c.block().chunks(c.series(), Long.MIN_VALUE, Long.MAX_VALUE));
                    if (c.series() + 1 < c.block().seriesCount()) {
                        queue.add(new Cursor(c.block(), c.order(), c.series() + 1));
                    }
                }
                writer.add(labels, chunks);
            }
            return writer.finish();
        }
    }
}
