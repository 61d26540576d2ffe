package dev.vigil.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real file channel that counts the bytes read through it and fails on demand the way a full disk does: a write
 * stores part of its bytes and then throws "No space left on device", or an fsync throws.
 */
final class InstrumentedChannel extends FileChannel {

    /** Opens instrumented channels; says how many of their next writes, fsyncs, truncations fail. */
    static final class Faults implements SegmentChannelFactory {
        final AtomicInteger writes = new AtomicInteger();
        final AtomicInteger forces = new AtomicInteger();
        final AtomicInteger truncates = new AtomicInteger();
        final AtomicLong bytesRead = new AtomicLong();

        @Override
        public FileChannel open(Path path, OpenOption... options) throws IOException {
            return new InstrumentedChannel(FileChannel.open(path, options), this);
        }
    }

    private final FileChannel delegate;
    private final Faults faults;

    private InstrumentedChannel(FileChannel delegate, Faults faults) {
        this.delegate = delegate;
        this.faults = faults;
    }

    private static IOException diskFull() {
        return new IOException("No space left on device");
    }

    private static boolean take(AtomicInteger fault) {
        return fault.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    @Override
    public int write(ByteBuffer src, long position) throws IOException {
        if (take(faults.writes)) {
            if (src.remaining() > 1) {
                ByteBuffer half = src.slice(src.position(), src.remaining() / 2);
                delegate.write(half, position);
            }
            throw diskFull();
        }
        return delegate.write(src, position);
    }

    @Override
    public void force(boolean metaData) throws IOException {
        if (take(faults.forces)) {
            throw diskFull();
        }
        delegate.force(metaData);
    }

    @Override
    public FileChannel truncate(long size) throws IOException {
        if (take(faults.truncates)) {
            throw new IOException("Input/output error");
        }
        delegate.truncate(size);
        return this;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return delegate.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return delegate.read(dsts, offset, length);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return delegate.write(src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return delegate.write(srcs, offset, length);
    }

    @Override
    public long position() throws IOException {
        return delegate.position();
    }

    @Override
    public FileChannel position(long newPosition) throws IOException {
        delegate.position(newPosition);
        return this;
    }

    @Override
    public long size() throws IOException {
        return delegate.size();
    }

    @Override
    public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
        return delegate.transferTo(position, count, target);
    }

    @Override
    public long transferFrom(ReadableByteChannel src, long position, long count) throws IOException {
        return delegate.transferFrom(src, position, count);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
        int read = delegate.read(dst, position);
        faults.bytesRead.addAndGet(Math.max(0, read));
        return read;
    }

    @Override
    public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
        return delegate.map(mode, position, size);
    }

    @Override
    public FileLock lock(long position, long size, boolean shared) throws IOException {
        return delegate.lock(position, size, shared);
    }

    @Override
    public FileLock tryLock(long position, long size, boolean shared) throws IOException {
        return delegate.tryLock(position, size, shared);
    }

    @Override
    protected void implCloseChannel() throws IOException {
        delegate.close();
    }
}
