package dev.vigil.ledger.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

import dev.vigil.ledger.merkle.MerkleHash;

/**
 * Leaf hashes in a flat file of 32-byte records (record i at offset 32·i, no header). Appends are made durable with
 * group commit: concurrent appenders share one write and one {@code fsync}. A partial trailing record left by a crash
 * was never acknowledged and is cut off when the file is opened.
 */
public final class FileLeafHashStore implements LeafHashStore {

    private final Path path;
    private final FileChannel channel;
    private final GroupCommitAppender appender;
    private volatile long durableSize;
    private final AtomicLong fsyncs = new AtomicLong();

    private FileLeafHashStore(Path path, FileChannel channel, long size) {
        this.path = path;
        this.channel = channel;
        this.durableSize = size;
        this.appender = new GroupCommitAppender(channel, size, size * MerkleHash.SIZE, (entries, bytes) -> {
            fsyncs.incrementAndGet();
            durableSize = entries;
        });
    }

    /** Opens (creating if absent) the leaf file at {@code path}. */
    public static FileLeafHashStore open(Path path) throws IOException {
        return open(path, Long.MAX_VALUE);
    }

    /**
     * Opens the leaf file keeping at most {@code maxLeaves} hashes. Used for crash recovery when the authoritative
     * record journal holds fewer records than this file holds hashes: the extra hashes belong to appends that were
     * never acknowledged.
     */
    public static FileLeafHashStore open(Path path, long maxLeaves) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            long length = channel.size();
            long complete = Math.min(maxLeaves, length / MerkleHash.SIZE);
            if (length != complete * MerkleHash.SIZE) {
                channel.truncate(complete * MerkleHash.SIZE);
                channel.force(true);
            }
            return new FileLeafHashStore(path, channel, complete);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public long enqueue(byte[] leafHash) {
        InMemoryLeafHashStore.requireHash(leafHash);
        return appender.enqueue(leafHash);
    }

    @Override
    public void awaitDurable(long count) throws IOException {
        appender.awaitDurable(count);
    }

    @Override
    public byte[] leafHash(long index) throws IOException {
        Objects.checkIndex(index, durableSize);
        byte[] hash = new byte[MerkleHash.SIZE];
        readFully(ByteBuffer.wrap(hash), index * MerkleHash.SIZE);
        return hash;
    }

    @Override
    public void readLeafHashes(long from, int count, byte[] target) throws IOException {
        Objects.checkFromIndexSize(from, count, durableSize);
        readFully(ByteBuffer.wrap(target, 0, count * MerkleHash.SIZE), from * MerkleHash.SIZE);
    }

    private void readFully(ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, position);
            if (read < 0) {
                throw new IOException(path + ": unexpected end of leaf file at byte " + position);
            }
            position += read;
        }
    }

    /** Number of fsyncs performed since opening; with group commit this stays well below the number of appends. */
    public long fsyncCount() {
        return fsyncs.get();
    }

    @Override
    public long size() {
        return durableSize;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
