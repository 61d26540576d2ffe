package dev.vigil.bastion.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.function.Consumer;

import dev.vigil.bastion.transfer.ExecTransfer;
import dev.vigil.bastion.transfer.FileOperation;
import dev.vigil.bastion.transfer.FileTransfer;
import dev.vigil.bastion.transfer.ScpAudit;
import dev.vigil.bastion.transfer.SftpAudit;
import dev.vigil.bastion.transfer.SftpRelay;
import org.apache.sshd.client.channel.ClientChannel;

/**
 * Relays an SFTP or legacy SCP channel between the operator and the upstream channel, reporting each file operation.
 * SFTP is relayed packet by packet through {@link SftpRelay}; SCP byte for byte with the data direction (operator →
 * target for {@code scp -t}, target → operator for {@code scp -f}) followed by {@link ScpAudit}.
 */
final class FileTransferRelay {

    private static final int BUFFER = 32 * 1024;

    private FileTransferRelay() {
    }

    /** Runs until the channel ends; returns why the gateway stopped it (a stream it could not follow), or null. */
    static String run(ExecTransfer transfer, ClientChannel up, InputStream in, OutputStream out, OutputStream err,
            Consumer<FileTransfer> report) throws InterruptedException {
        Thread errors = Thread.ofVirtual().start(() -> pump(up.getInvertedErr(), err, null, false));
        try {
            if (transfer instanceof ExecTransfer.Scp scp) {
                ScpAudit audit = new ScpAudit(scp.operation(), scp.path(), scp.intoDirectory(), report, Clock.systemUTC());
                boolean upload = scp.operation() == FileOperation.UPLOAD;
                Thread input = Thread.ofVirtual().start(() -> pump(in, up.getInvertedIn(), upload ? audit : null, true));
                pump(up.getInvertedOut(), out, upload ? null : audit, false);
                input.join(1000);
                input.interrupt();
                audit.end();
                return audit.fault();
            }
            return new SftpRelay(new SftpAudit(report, Clock.systemUTC())).run(in, up.getInvertedIn(), up.getInvertedOut(), out);
        } finally {
            errors.join(1000);
        }
    }

    /** Copies until the end of {@code from}; closes {@code to} only if asked (the upstream input, so the target sees EOF). */
    private static void pump(InputStream from, OutputStream to, ScpAudit audit, boolean close) {
        byte[] buffer = new byte[BUFFER];
        try {
            for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
                if (audit != null) {
                    audit.accept(buffer, 0, n);
                    if (audit.fault() != null) {
                        break;
                    }
                }
                to.write(buffer, 0, n);
                to.flush();
            }
        } catch (IOException | RuntimeException e) {
            // either side closed
        } finally {
            try {
                if (close) {
                    to.close();
                } else {
                    to.flush();
                }
            } catch (IOException | RuntimeException ignored) {
                // already closed
            }
        }
    }
}
