package dev.vigil.syslog;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits, up to a deadline, for something that arrives asynchronously; fails naming what was last seen. */
final class Await {

    static final Duration DEADLINE = Duration.ofSeconds(30);

    private Await() {
    }

    static <T> T until(String what, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        T seen = probe.get();
        while (!done.test(seen)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what + " after " + DEADLINE + "; last seen: " + seen);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
            seen = probe.get();
        }
        return seen;
    }
}
