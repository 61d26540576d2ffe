package dev.vigil.ledger.store;

import java.io.IOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: writers that need durability up to some position wait here; one of them becomes the leader and
 * flushes everything written so far with a single fsync, the others wait for it and are released together.
 * Writers arriving during a flush are covered by the next one, so n concurrent writers cost far fewer than n fsyncs.
 *
 * <p>The leader's flush runs on a thread of its own that nothing can interrupt: interrupting a thread in the middle of
 * channel I/O closes the channel, which would refuse every later write, and writers (request handlers, bastion
 * sessions being cut off) do get interrupted. An interrupted leader still waits for the flush and keeps its interrupt.
 */
final class GroupCommit {

    /** Makes everything written so far durable and returns the position it made durable. */
    @FunctionalInterface
    interface Flush {
        long flush() throws IOException;
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition flushed = lock.newCondition();
    private final Flush flush;
    private long durable;
    private boolean flushing;
    private IOException failure;

    GroupCommit(long durable, Flush flush) {
        this.durable = durable;
        this.flush = flush;
    }

    /** Returns once every position below {@code position} is durable. */
    void awaitDurable(long position) throws IOException {
        lock.lock();
        try {
            while (durable < position) {
                if (failure != null) {
                    throw new IOException("an earlier flush failed; the store refuses further writes", failure);
                }
                if (flushing) {
                    flushed.awaitUninterruptibly();
                    continue;
                }
                flushing = true;
                lock.unlock();
                long reached;
                try {
                    reached = flushUninterruptibly();
                } catch (IOException | RuntimeException e) {
                    lock.lock();
                    failure = e instanceof IOException io ? io : new IOException(e);
                    flushing = false;
                    flushed.signalAll();
                    throw failure;
                }
                lock.lock();
                durable = Math.max(durable, reached);
                flushing = false;
                flushed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private long flushUninterruptibly() throws IOException {
        long[] reached = new long[1];
        Throwable[] failed = new Throwable[1];
        Thread flusher = Thread.ofVirtual().name("vigil-ledger-flush").start(() -> {
            try {
                reached[0] = flush.flush();
            } catch (IOException | RuntimeException | Error e) {
                failed[0] = e;
            }
        });
        boolean interrupted = false;
        while (true) {
            try {
                flusher.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        switch (failed[0]) {
            case null -> {
                return reached[0];
            }
            case IOException io -> throw io;
            case RuntimeException runtime -> throw runtime;
            case Error error -> throw error;
            default -> throw new IOException(failed[0]);
        }
    }

    long durable() {
        lock.lock();
        try {
            return durable;
        } finally {
            lock.unlock();
        }
    }
}
