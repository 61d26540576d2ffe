package dev.vigil.bastion.gateway;

import java.io.IOException;
import java.io.InputStream;

/**
 * The read buffer of one relay direction. It starts small, so that the many idle channels cost little memory, and
 * doubles up to a ceiling while reads fill it: bulk output then moves in a few large reads, each written on as a burst
 * of full packets, instead of one read, one wake-up and one flush per upstream packet. A read smaller than the initial
 * size (typing, a prompt) takes it back to that size, so a session keeps the large buffer only while bulk output
 * flows. A read never waits to fill the buffer, so typing and echo are passed on as soon as they arrive whatever its
 * size.
 */
final class RelayBuffer {

    static final int INITIAL = 32 * 1024;
    static final int MAX = 256 * 1024;

    private final int initial;
    private final int max;
    private byte[] bytes;
    private int last;

    RelayBuffer() {
        this(INITIAL, MAX);
    }

    RelayBuffer(int initial, int max) {
        if (initial <= 0 || max < initial) {
            throw new IllegalArgumentException("buffer sizes " + initial + ".." + max);
        }
        this.bytes = new byte[initial];
        this.initial = initial;
        this.max = max;
    }

    /**
     * Reads what {@code from} has now (at least one byte, blocking until it has) into {@link #bytes()}; -1 at the end
     * of the stream. The bytes of the previous read are no longer valid.
     */
    int read(InputStream from) throws IOException {
        if (last == bytes.length && bytes.length < max) {
            bytes = new byte[Math.min(max, bytes.length * 2)];
        } else if (last < initial && bytes.length > initial) {
            bytes = new byte[initial];
        }
        last = from.read(bytes, 0, bytes.length);
        return last;
    }

    /** The bytes of the last read, from index 0. */
    byte[] bytes() {
        return bytes;
    }

    int capacity() {
        return bytes.length;
    }
}
