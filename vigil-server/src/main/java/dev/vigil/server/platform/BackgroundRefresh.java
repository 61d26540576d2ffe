package dev.vigil.server.platform;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a refresh (recompiling rules, rebuilding an index) on its own thread when asked, coalescing requests that arrive
 * while one is waiting, so that a burst of changes costs one refresh and the caller never waits.
 */
public final class BackgroundRefresh implements AutoCloseable {

    private final Runnable refresh;
    private final ExecutorService thread;
    private final AtomicBoolean queued = new AtomicBoolean();

    public BackgroundRefresh(String threadName, Runnable refresh) {
        this.refresh = refresh;
        this.thread = Executors.newSingleThreadExecutor(Thread.ofPlatform().name(threadName).daemon().factory());
    }

    public void request() {
        if (queued.compareAndSet(false, true)) {
            thread.execute(() -> {
                queued.set(false);
                refresh.run();
            });
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
