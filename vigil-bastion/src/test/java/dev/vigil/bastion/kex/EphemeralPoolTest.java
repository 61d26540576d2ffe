package dev.vigil.bastion.kex;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class EphemeralPoolTest {

    /** A value that remembers which thread made it. */
    private record Made(long serial, Thread by) {
    }

    private static final class Maker implements Supplier<Made> {
        final List<Made> made = new CopyOnWriteArrayList<>();
        private final AtomicLong serial = new AtomicLong();

        @Override
        public Made get() {
            Made value = new Made(serial.incrementAndGet(), Thread.currentThread());
            made.add(value);
            return value;
        }
    }

    private static void awaitReady(EphemeralPool<?> pool, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pool.readyCount() < count) {
            assertThat(System.nanoTime()).as("pool filled to %d in time", count).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    @Test
    void fillsToItsSizeInTheBackgroundAndNoFurther() throws Exception {
        Maker maker = new Maker();
        try (EphemeralPool<Made> pool = new EphemeralPool<>("pool-fill", maker, 3, Duration.ofMinutes(5), System::nanoTime)) {
            awaitReady(pool, 3);
            Thread.sleep(200);
            assertThat(pool.readyCount()).isEqualTo(3);
            assertThat(maker.made).hasSize(3).allSatisfy(made -> assertThat(made.by().getName()).isEqualTo("pool-fill"));
        }
    }

    @Test
    void aTakenValueIsNeverHandedOutAgainAndThePoolRefills() throws Exception {
        Maker maker = new Maker();
        try (EphemeralPool<Made> pool = new EphemeralPool<>("pool-single-use", maker, 2, Duration.ofMinutes(5), System::nanoTime)) {
            Set<Made> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            for (int round = 0; round < 5; round++) {
                awaitReady(pool, 2);
                assertThat(seen.add(pool.take())).isTrue();
                assertThat(seen.add(pool.take())).isTrue();
            }
            assertThat(pool.takenFromPool()).isEqualTo(10);
            assertThat(pool.madeInline()).isZero();
        }
    }

    @Test
    void concurrentTakersNeverGetTheSameValue() throws Exception {
        Maker maker = new Maker();
        int threads = 8;
        int takesEach = 100;
        try (EphemeralPool<Made> pool = new EphemeralPool<>("pool-concurrent", maker, 4, Duration.ofMinutes(5), System::nanoTime);
             ExecutorService executor = Executors.newFixedThreadPool(threads)) {
            awaitReady(pool, 4);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<Made>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(executor.submit(() -> {
                    go.await();
                    List<Made> taken = new ArrayList<>();
                    for (int i = 0; i < takesEach; i++) {
                        taken.add(pool.take());
                    }
                    return taken;
                }));
            }
            go.countDown();
            Set<Made> all = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Future<List<Made>> result : results) {
                all.addAll(result.get(30, TimeUnit.SECONDS));
            }
            assertThat(all).hasSize(threads * takesEach);
            assertThat(pool.takenFromPool() + pool.madeInline()).isEqualTo(threads * takesEach);
            assertThat(pool.takenFromPool()).isPositive();
        }
    }

    @Test
    void valuesThatReachTheMaximumAgeAreDiscardedUnused() throws Exception {
        Maker maker = new Maker();
        AtomicLong now = new AtomicLong();
        try (EphemeralPool<Made> pool = new EphemeralPool<>("pool-expiry", maker, 3, Duration.ofSeconds(60), now::get)) {
            awaitReady(pool, 3);
            List<Made> aged = List.copyOf(maker.made);
            now.addAndGet(Duration.ofSeconds(59).toNanos());
            assertThat(pool.readyCount()).isEqualTo(3);
            now.addAndGet(Duration.ofSeconds(1).toNanos());

            Made taken = pool.take();

            assertThat(aged).doesNotContain(taken);
            assertThat(taken.by()).isSameAs(Thread.currentThread());
            assertThat(pool.expired()).isEqualTo(3);
            assertThat(pool.takenFromPool()).isZero();
            assertThat(pool.madeInline()).isEqualTo(1);
            awaitReady(pool, 3);
            assertThat(pool.take()).isNotIn(aged);
        }
    }

    @Test
    void anEmptyPoolMakesTheValueInTheTakersThread() throws Exception {
        Thread test = Thread.currentThread();
        CountDownLatch release = new CountDownLatch(1);
        Maker maker = new Maker();
        Supplier<Made> blockedInBackground = () -> {
            if (Thread.currentThread() != test) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return maker.get();
        };
        try (EphemeralPool<Made> pool = new EphemeralPool<>("pool-empty", blockedInBackground, 2, Duration.ofMinutes(5), System::nanoTime)) {
            Made taken = pool.take();

            assertThat(taken.by()).isSameAs(test);
            assertThat(pool.madeInline()).isEqualTo(1);
            assertThat(pool.takenFromPool()).isZero();
            release.countDown();
        }
    }

    @Test
    void sizeZeroStartsNoThreadAndMakesEveryValueInline() {
        Maker maker = new Maker();
        try (EphemeralPool<Made> pool = new EphemeralPool<>("pool-off", maker, 0, Duration.ofMinutes(5), System::nanoTime)) {
            assertThat(pool.take().by()).isSameAs(Thread.currentThread());
            assertThat(pool.take().by()).isSameAs(Thread.currentThread());
            assertThat(pool.madeInline()).isEqualTo(2);
            assertThat(threadNamed("pool-off")).isFalse();
        }
    }

    @Test
    void closeDiscardsWhatIsReadyAndStopsTheThread() throws Exception {
        Maker maker = new Maker();
        EphemeralPool<Made> pool = new EphemeralPool<>("pool-close", maker, 2, Duration.ofMinutes(5), System::nanoTime);
        awaitReady(pool, 2);

        pool.close();

        assertThat(pool.readyCount()).isZero();
        assertThat(threadNamed("pool-close")).isFalse();
    }

    @Test
    void aFailingMakerInTheBackgroundLeavesTakersToMakeTheirOwn() throws Exception {
        Thread test = Thread.currentThread();
        Maker maker = new Maker();
        Supplier<Made> failsInBackground = () -> {
            if (Thread.currentThread() != test) {
                throw new IllegalStateException("no randomness");
            }
            return maker.get();
        };
        try (EphemeralPool<Made> pool = new EphemeralPool<>("pool-failing", failsInBackground, 2, Duration.ofMinutes(5), System::nanoTime)) {
            Thread.sleep(100);
            assertThat(pool.readyCount()).isZero();
            assertThat(pool.take().by()).isSameAs(test);
        }
    }

    private static boolean threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(thread -> thread.getName().equals(name) && thread.isAlive());
    }
}
