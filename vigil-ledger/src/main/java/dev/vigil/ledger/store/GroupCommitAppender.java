package dev.vigil.ledger.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The append side shared by the file-backed stores: appenders queue their entries under a lock, and one group-commit
 * leader at a time writes everything queued with a single write and a single {@code fsync}, then reports how many
 * entries and bytes are durable.
 */
final class GroupCommitAppender {

    /** Told, by the leader, which prefix of the file is durable now. */
    @FunctionalInterface
    interface DurableListener {
        void durable(long entries, long bytes);
    }

    private final FileChannel channel;
    private final DurableListener listener;
    private final GroupCommit commit;
    private final Object appendLock = new Object();
    private final PendingBytes pending = new PendingBytes();
    private long appended;
    private long flushedBytes;

    GroupCommitAppender(FileChannel channel, long entries, long bytes, DurableListener listener) {
        this.channel = channel;
        this.listener = listener;
        this.appended = entries;
        this.flushedBytes = bytes;
        this.commit = new GroupCommit(entries, this::flush);
    }

    /** Queues one entry made of the given parts; returns its index. Not durable until {@link #awaitDurable}. */
    long enqueue(byte[]... parts) {
        synchronized (appendLock) {
            for (byte[] part : parts) {
                pending.add(part);
            }
            return appended++;
        }
    }

    void awaitDurable(long entries) throws IOException {
        commit.awaitDurable(entries);
    }

    /** Called by exactly one group-commit leader at a time. */
    private long flush() throws IOException {
        ByteBuffer batch;
        long reached;
        long position;
        synchronized (appendLock) {
            batch = pending.drain();
            reached = appended;
            position = flushedBytes;
            flushedBytes += batch.remaining();
        }
        while (batch.hasRemaining()) {
            position += channel.write(batch, position);
        }
        channel.force(false);
        listener.durable(reached, position);
        return reached;
    }
}
