package dev.vigil.bastion.gateway;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.vigil.bastion.transfer.FileTransfer;

/** Keeps what the gateway reports, for assertions. */
final class RecordingSink implements SessionSink {

    final List<SessionOpened> opened = new CopyOnWriteArrayList<>();
    final Map<String, List<String>> commands = new ConcurrentHashMap<>();
    final Map<String, List<RecordedCommand>> decisions = new ConcurrentHashMap<>();
    final Map<String, SessionClosed> closed = new ConcurrentHashMap<>();
    final Map<String, List<FileTransfer>> transfers = new ConcurrentHashMap<>();
    final List<String> refusals = new CopyOnWriteArrayList<>();
    final List<String> changedKeys = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch closing = new CountDownLatch(1);

    @Override
    public void opened(SessionOpened session) {
        opened.add(session);
    }

    @Override
    public void command(String sessionId, RecordedCommand command) {
        commands.computeIfAbsent(sessionId, id -> new CopyOnWriteArrayList<>()).add(command.text());
        decisions.computeIfAbsent(sessionId, id -> new CopyOnWriteArrayList<>()).add(command);
    }

    @Override
    public void transfer(String sessionId, FileTransfer transfer) {
        transfers.computeIfAbsent(sessionId, id -> new CopyOnWriteArrayList<>()).add(transfer);
    }

    @Override
    public void closed(String sessionId, SessionClosed outcome) {
        closed.put(sessionId, outcome);
        closing.countDown();
    }

    @Override
    public void refused(ChannelRequest request, String reason) {
        refusals.add(request.address() + ": " + reason);
    }

    @Override
    public void hostKeyChanged(UpstreamTarget target, String presentedFingerprint) {
        changedKeys.add(target.targetName() + " " + presentedFingerprint);
    }

    /** The last session's outcome, waiting a little because the sink hears of it after the client exits. */
    SessionClosed awaitClosed(String sessionId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!closed.containsKey(sessionId) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return closed.get(sessionId);
    }

    SessionOpened last() {
        return opened.get(opened.size() - 1);
    }
}
