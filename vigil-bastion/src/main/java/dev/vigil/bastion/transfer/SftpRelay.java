package dev.vigil.bastion.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Relays an SFTP session between the operator's channel and the target's SFTP subsystem packet by packet, showing
 * every packet to an {@link SftpAudit} before passing it on. A packet that cannot be parsed ends the relay (nothing
 * passes unaudited).
 */
public final class SftpRelay {

    private final SftpAudit audit;
    private final AtomicReference<String> fault = new AtomicReference<>();

    public SftpRelay(SftpAudit audit) {
        this.audit = audit;
    }

    /**
     * Runs until the target's side ends (closing {@code toTarget} when the operator's side ends first). Returns why it
     * stopped early, or null when a side simply ended.
     */
    public String run(InputStream fromOperator, OutputStream toTarget, InputStream fromTarget, OutputStream toOperator)
            throws InterruptedException {
        Thread requests = Thread.ofVirtual().name("vigil-sftp-requests").start(() -> pump(fromOperator, toTarget, true));
        Thread replies = Thread.ofVirtual().name("vigil-sftp-replies").start(() -> pump(fromTarget, toOperator, false));
        replies.join();
        closeQuietly(toTarget);
        requests.join(1000);
        requests.interrupt();
        audit.end();
        return fault.get();
    }

    private void pump(InputStream from, OutputStream to, boolean request) {
        try {
            for (SftpPacket packet = SftpPacket.read(from); packet != null; packet = SftpPacket.read(from)) {
                if (request) {
                    packet.capInitVersion();
                    audit.fromClient(packet);
                } else {
                    audit.fromTarget(packet);
                }
                to.write(packet.frame());
                to.flush();
            }
        } catch (SftpProtocolException e) {
            fault.compareAndSet(null, e.getMessage());
        } catch (IOException | RuntimeException e) {
            // either side closed
        } finally {
            if (request) {
                closeQuietly(to);
            } else {
                flushQuietly(to);
            }
        }
    }

    private static void flushQuietly(OutputStream out) {
        try {
            out.flush();
        } catch (IOException | RuntimeException ignored) {
            // already closed
        }
    }

    private static void closeQuietly(OutputStream out) {
        try {
            out.close();
        } catch (IOException | RuntimeException ignored) {
            // already closed
        }
    }
}
