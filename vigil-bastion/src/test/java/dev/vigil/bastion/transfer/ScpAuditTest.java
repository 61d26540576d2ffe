package dev.vigil.bastion.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

class ScpAuditTest {

    @Test
    void aRecursiveStreamSplitAnywhereGivesEachFileWithPathSizeAndDigest() throws Exception {
        String stream = "D0755 0 logs\nT1 0 1 0\n\0C0644 5 a.txt\nhello\0C0600 0 empty\n\0E\n";
        byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
        for (int split = 1; split < bytes.length; split++) {
            List<FileTransfer> seen = new ArrayList<>();
            ScpAudit audit = new ScpAudit(FileOperation.UPLOAD, "/srv/", true, seen::add, Clock.systemUTC());
            audit.accept(bytes, 0, split);
            audit.accept(bytes, split, bytes.length - split);
            audit.end();

            assertThat(seen).extracting(FileTransfer::path).containsExactly("/srv/logs/a.txt", "/srv/logs/empty");
            assertThat(seen.get(0).bytes()).isEqualTo(5);
            assertThat(seen.get(0).sha256()).contains(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest("hello".getBytes(StandardCharsets.UTF_8))));
            assertThat(audit.fault()).isNull();
        }
    }

    @Test
    void aFileCutOffIsReportedAsNotFinished() {
        List<FileTransfer> seen = new ArrayList<>();
        ScpAudit audit = new ScpAudit(FileOperation.DOWNLOAD, "/etc/hosts", false, seen::add, Clock.systemUTC());
        audit.accept("C0644 10 hosts\nabc".getBytes(StandardCharsets.UTF_8), 0, 18);
        audit.end();

        assertThat(seen).singleElement().satisfies(t -> {
            assertThat(t.path()).isEqualTo("/etc/hosts");
            assertThat(t.succeeded()).isFalse();
            assertThat(t.sha256()).isEmpty();
        });
    }
}
