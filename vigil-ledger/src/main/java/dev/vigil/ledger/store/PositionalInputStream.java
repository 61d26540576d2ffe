package dev.vigil.ledger.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Reads a shared channel from offset 0 up to a limit with positional reads, leaving the channel's position alone. */
final class PositionalInputStream extends InputStream {

    private final FileChannel channel;
    private final long limit;
    private long position;

    PositionalInputStream(FileChannel channel, long limit) {
        this.channel = channel;
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (position >= limit) {
            return -1;
        }
        int wanted = (int) Math.min(length, limit - position);
        int read = channel.read(ByteBuffer.wrap(buffer, offset, wanted), position);
        if (read > 0) {
            position += read;
        }
        return read;
    }
}
