package dev.vigil.syslog;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicInteger;

/** A receiver that keeps what it accepts and can be told to be full or to throw, like the spool does. */
final class RecordingReceiver implements SyslogReceiver {

    record Delivery(InetSocketAddress sender, Transport transport, List<String> messages) {
    }

    private final List<Delivery> deliveries = new ArrayList<>();
    private final AtomicBoolean full = new AtomicBoolean();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger highWaterMarkChecks = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicReference<CountDownLatch> gate = new AtomicReference<>();
    private final CountDownLatch held = new CountDownLatch(1);

    @Override
    public void receive(InetSocketAddress sender, Transport transport, List<byte[]> messages) {
        waitAtGate();
        if (failuresLeft.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            failures.incrementAndGet();
            throw new IllegalStateException("test spool refuses");
        }
        List<String> texts = messages.stream().map(m -> new String(m, StandardCharsets.UTF_8)).toList();
        synchronized (deliveries) {
            deliveries.add(new Delivery(sender, transport, texts));
        }
    }

    @Override
    public boolean overHighWaterMark() {
        highWaterMarkChecks.incrementAndGet();
        return full.get();
    }

    /** Makes the next receive call wait, holding its caller, until {@link #release()}; once per receiver. */
    void holdNextCall() {
        gate.set(new CountDownLatch(1));
    }

    void awaitHeldCall() throws InterruptedException {
        held.await();
    }

    void release() {
        gate.get().countDown();
    }

    private void waitAtGate() {
        CountDownLatch closed = gate.get();
        if (closed != null && closed.getCount() > 0 && held.getCount() > 0) {
            held.countDown();
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    void setFull(boolean isFull) {
        full.set(isFull);
    }

    void failNext(int calls) {
        failuresLeft.set(calls);
    }

    int failures() {
        return failures.get();
    }

    int highWaterMarkChecks() {
        return highWaterMarkChecks.get();
    }

    List<Delivery> deliveries() {
        synchronized (deliveries) {
            return List.copyOf(deliveries);
        }
    }

    List<String> messages() {
        return deliveries().stream().flatMap(delivery -> delivery.messages().stream()).toList();
    }

    /** Waits until at least {@code count} messages arrived and returns all of them. */
    List<String> awaitMessages(int count) {
        return Await.until(count + " messages", this::messages, messages -> messages.size() >= count);
    }
}
