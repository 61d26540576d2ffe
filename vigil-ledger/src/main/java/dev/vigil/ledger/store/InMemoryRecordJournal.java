package dev.vigil.ledger.store;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/** Record lines held in memory; for tests and short-lived ledgers. */
public final class InMemoryRecordJournal implements RecordJournal {

    private final List<byte[]> lines = new ArrayList<>();

    @Override
    public synchronized long enqueue(byte[] line) {
        lines.add(line.clone());
        return lines.size() - 1L;
    }

    @Override
    public void awaitDurable(long count) {
        // Memory has no durability to wait for.
    }

    @Override
    public synchronized long size() {
        return lines.size();
    }

    @Override
    public void forEach(long from, long to, LineConsumer consumer) throws IOException {
        List<byte[]> snapshot;
        synchronized (this) {
            snapshot = List.copyOf(lines.subList((int) from, (int) Math.min(to, lines.size())));
        }
        long index = from;
        for (byte[] line : snapshot) {
            consumer.accept(index++, line.clone());
        }
    }

    @Override
    public void writeTo(OutputStream out, long count) throws IOException {
        List<byte[]> snapshot;
        synchronized (this) {
            snapshot = new ArrayList<>(lines.subList(0, (int) count));
        }
        for (byte[] line : snapshot) {
            out.write(line);
            out.write('\n');
        }
    }
}
