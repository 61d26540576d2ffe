package dev.vigil.syslog;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Tells a listener's threads that it is closing, and wakes those that are pausing. */
final class ShutdownSignal {

    private final CountDownLatch closing = new CountDownLatch(1);

    void signal() {
        closing.countDown();
    }

    boolean isSignalled() {
        return closing.getCount() == 0;
    }

    /** Pauses for up to {@code pause}; returns early, with true, once the listener is closing. */
    boolean awaitFor(Duration pause) {
        try {
            return closing.await(pause.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
