package dev.vigil.bastion.kex;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A small bounded pool of single-use values made ahead of time by one background thread. {@link #take()} hands out the
 * oldest ready value and removes it, so no value is ever given twice; a value older than the maximum age is discarded
 * unused; when none is ready the caller makes one itself, as if there were no pool. The thread makes a new value
 * whenever the pool is below its size, so after a take it refills on its own.
 */
final class EphemeralPool<T> implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EphemeralPool.class.getName());
    private static final long RETRY_AFTER_FAILURE_NANOS = TimeUnit.SECONDS.toNanos(1);

    private record Ready<T>(T value, long madeAt) {
    }

    private final Supplier<T> maker;
    private final int size;
    private final long maxAgeNanos;
    private final LongSupplier nanoClock;
    private final ArrayDeque<Ready<T>> ready = new ArrayDeque<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final AtomicLong taken = new AtomicLong();
    private final AtomicLong madeInline = new AtomicLong();
    private final AtomicLong expired = new AtomicLong();
    private final Thread filler;
    private boolean closed;

    /**
     * @param maker     makes one value (the same code the caller would run without a pool)
     * @param size      how many values are kept ready; 0 turns the pool off (every take makes its value inline)
     * @param maxAge    how long a value may wait unused before it is discarded
     * @param nanoClock the time in nanoseconds ({@link System#nanoTime} outside tests)
     */
    public EphemeralPool(String threadName, Supplier<T> maker, int size, Duration maxAge, LongSupplier nanoClock) {
        if (size < 0) {
            throw new IllegalArgumentException("pool size must be at least 0: " + size);
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maximum age must be positive: " + maxAge);
        }
        this.maker = maker;
        this.size = size;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoClock = nanoClock;
        // a platform thread: a key generation keeps the CPU for tens of milliseconds and would hold a carrier of the
        // virtual threads that relay sessions
        filler = size == 0 ? null : Thread.ofPlatform().name(threadName).daemon().start(this::fill);
    }

    /** A value no one else has received or will receive: a ready one if there is one, otherwise one made now. */
    public T take() {
        lock.lock();
        try {
            discardExpired();
            Ready<T> first = ready.pollFirst();
            if (first != null) {
                changed.signalAll();
                taken.incrementAndGet();
                return first.value();
            }
        } finally {
            lock.unlock();
        }
        madeInline.incrementAndGet();
        return maker.get();
    }

    /** Values ready now (expired ones are discarded first). */
    public int readyCount() {
        lock.lock();
        try {
            discardExpired();
            return ready.size();
        } finally {
            lock.unlock();
        }
    }

    /** Takes served by a value made ahead of time. */
    public long takenFromPool() {
        return taken.get();
    }

    /** Takes that found the pool empty and made their value themselves. */
    public long madeInline() {
        return madeInline.get();
    }

    /** Values discarded unused because they reached the maximum age. */
    public long expired() {
        return expired.get();
    }

    private void fill() {
        while (true) {
            lock.lock();
            try {
                while (true) {
                    if (closed) {
                        return;
                    }
                    discardExpired();
                    if (ready.size() < size) {
                        break;
                    }
                    changed.awaitNanos(Math.max(1, ready.peekFirst().madeAt() + maxAgeNanos - nanoClock.getAsLong()));
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            T value;
            try {
                value = maker.get();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "could not make a value ahead of time; takers make their own meanwhile", e);
                if (!pauseAfterFailure()) {
                    return;
                }
                continue;
            }
            lock.lock();
            try {
                if (closed) {
                    return;
                }
                ready.addLast(new Ready<>(value, nanoClock.getAsLong()));
            } finally {
                lock.unlock();
            }
        }
    }

    private boolean pauseAfterFailure() {
        lock.lock();
        try {
            if (!closed) {
                changed.awaitNanos(RETRY_AFTER_FAILURE_NANOS);
            }
            return !closed;
        } catch (InterruptedException e) {
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Drops values that reached the maximum age (the oldest sit at the head) and wakes the thread to replace them. */
    private void discardExpired() {
        long now = nanoClock.getAsLong();
        boolean dropped = false;
        while (!ready.isEmpty() && now - ready.peekFirst().madeAt() >= maxAgeNanos) {
            ready.pollFirst();
            expired.incrementAndGet();
            dropped = true;
        }
        if (dropped) {
            changed.signalAll();
        }
    }

    /** Stops the thread and discards every value not taken. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            ready.clear();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        if (filler != null) {
            filler.interrupt();
            try {
                filler.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
