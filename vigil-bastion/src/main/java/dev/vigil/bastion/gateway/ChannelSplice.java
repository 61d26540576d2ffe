package dev.vigil.bastion.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Joins a channel the gateway accepted (its data arrives through {@link #accept}) to a channel it opened on the other
 * side (read and written as streams), both ways, and counts the bytes. The accepted channel's window opens again only
 * once a chunk is written to the other side, so a slow side slows the other down instead of filling memory.
 */
final class ChannelSplice {

    /** Opens the accepted channel's window by {@code bytes}. */
    interface Release {
        void release(long bytes) throws IOException;
    }

    private static final byte[] END = new byte[0];
    private static final int BUFFER = 32 * 1024;

    private final BlockingQueue<byte[]> fromAccepted = new LinkedBlockingQueue<>();
    private final AtomicLong bytesFromAccepted = new AtomicLong();
    private final AtomicLong bytesToAccepted = new AtomicLong();
    private final Release releaseAccepted;
    private final Runnable abort;

    /** {@code releaseAccepted} opens the accepted channel's window; {@code abort} ends it when the other side fails. */
    ChannelSplice(Release releaseAccepted, Runnable abort) {
        this.releaseAccepted = releaseAccepted;
        this.abort = abort;
    }

    /** Data the accepted channel received. */
    void accept(byte[] data, int off, long len) {
        byte[] chunk = new byte[(int) len];
        System.arraycopy(data, off, chunk, 0, (int) len);
        fromAccepted.add(chunk);
    }

    /** The accepted channel's peer sent EOF. */
    void acceptEof() {
        fromAccepted.add(END);
    }

    /** Relays until the opened side ends; {@code toAccepted} sends EOF when closed. */
    void run(OutputStream toAccepted, OutputStream toOpened, InputStream fromOpened) throws InterruptedException {
        Thread writer = Thread.ofVirtual().name("vigil-bastion-splice").start(() -> write(toOpened));
        try {
            byte[] buffer = new byte[BUFFER];
            for (int n = fromOpened.read(buffer); n >= 0; n = fromOpened.read(buffer)) {
                toAccepted.write(buffer, 0, n);
                toAccepted.flush();
                bytesToAccepted.addAndGet(n);
            }
            toAccepted.close();
        } catch (IOException | RuntimeException e) {
            // either side closed
        }
        writer.join(1000);
        writer.interrupt();
    }

    private void write(OutputStream toOpened) {
        try {
            for (byte[] chunk = fromAccepted.take(); chunk != END; chunk = fromAccepted.take()) {
                toOpened.write(chunk);
                toOpened.flush();
                bytesFromAccepted.addAndGet(chunk.length);
                releaseAccepted.release(chunk.length);
            }
            toOpened.close();
        } catch (IOException | RuntimeException e) {
            abort.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    long bytesFromAccepted() {
        return bytesFromAccepted.get();
    }

    long bytesToAccepted() {
        return bytesToAccepted.get();
    }
}
