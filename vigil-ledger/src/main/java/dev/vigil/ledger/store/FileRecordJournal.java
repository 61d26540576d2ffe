package dev.vigil.ledger.store;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Record lines in a JSON Lines file ({@code records.jsonl}), made durable with group commit. A trailing line without
 * its newline was never acknowledged (the crash hit before its fsync) and is cut off when the file is opened.
 */
public final class FileRecordJournal implements RecordJournal {

    private final Path path;
    private final FileChannel channel;
    private final GroupCommitAppender appender;
    private volatile long durableCount;
    private volatile long durableBytes;

    private FileRecordJournal(Path path, FileChannel channel, long count, long bytes) {
        this.path = path;
        this.channel = channel;
        this.durableCount = count;
        this.durableBytes = bytes;
        this.appender = new GroupCommitAppender(channel, count, bytes, (entries, end) -> {
            durableBytes = end;
            durableCount = entries;
        });
    }

    public static FileRecordJournal open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            long count = 0;
            long endOfLastLine = 0;
            long position = 0;
            InputStream in = new BufferedInputStream(new PositionalInputStream(channel, channel.size()), 1 << 16);
            for (int b; (b = in.read()) >= 0; position++) {
                if (b == '\n') {
                    count++;
                    endOfLastLine = position + 1;
                }
            }
            if (endOfLastLine != channel.size()) {
                channel.truncate(endOfLastLine);
                channel.force(true);
            }
            return new FileRecordJournal(path, channel, count, endOfLastLine);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public long enqueue(byte[] line) {
        for (byte b : line) {
            if (b == '\n') {
                throw new IllegalArgumentException("a record line must not contain a newline");
            }
        }
        return appender.enqueue(line, NEWLINE);
    }

    private static final byte[] NEWLINE = {'\n'};

    @Override
    public void awaitDurable(long count) throws IOException {
        appender.awaitDurable(count);
    }

    @Override
    public long size() {
        return durableCount;
    }

    @Override
    public void forEach(long from, long to, LineConsumer consumer) throws IOException {
        long count = Math.min(to, durableCount);
        long limit = durableBytes;
        try (InputStream in = new BufferedInputStream(new PositionalInputStream(channel, limit), 1 << 16)) {
            LineReader lines = new LineReader(in);
            for (long index = 0; index < count; index++) {
                byte[] line = lines.next();
                if (line == null || !lines.lastLineTerminated()) {
                    throw new IOException(path + ": ends before record " + index);
                }
                if (index >= from) {
                    consumer.accept(index, line);
                }
            }
        }
    }

    @Override
    public void writeTo(OutputStream out, long count) throws IOException {
        forEach(0, count, (index, line) -> {
            out.write(line);
            out.write('\n');
        });
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
