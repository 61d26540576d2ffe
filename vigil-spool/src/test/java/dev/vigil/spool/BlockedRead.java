package dev.vigil.spool;

import dev.vigil.events.SpooledEvent;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A read on its own thread, started only once that thread is parked waiting inside the spool. */
final class BlockedRead {

    private final CompletableFuture<List<SpooledEvent>> result = new CompletableFuture<>();
    private final Thread thread;

    private BlockedRead(Spool spool, long afterSequence, Duration wait) {
        thread = Thread.ofPlatform().daemon().start(() -> {
            try {
                result.complete(spool.read(afterSequence, 100, wait));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
    }

    static BlockedRead start(Spool spool, long afterSequence, Duration wait) {
        BlockedRead read = new BlockedRead(spool, afterSequence, wait);
        while (read.thread.getState() != Thread.State.TIMED_WAITING && !read.result.isDone()) {
            Thread.onSpinWait();
        }
        return read;
    }

    List<SpooledEvent> result() throws Exception {
        return result.get(1, TimeUnit.MINUTES);
    }
}
