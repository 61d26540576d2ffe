package dev.vigil.bastion.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SftpAuditTest {

    private final List<FileTransfer> seen = new ArrayList<>();
    private final SftpAudit audit = new SftpAudit(seen::add, Clock.systemUTC());

    /** A packet: type, then uint32 (Integer), uint64 (Long) and string (String or byte[]) fields. */
    private static SftpPacket packet(int type, Object... fields) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body);
        out.writeByte(type);
        for (Object field : fields) {
            switch (field) {
                case Integer i -> out.writeInt(i);
                case Long l -> out.writeLong(l);
                case String s -> {
                    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                    out.writeInt(bytes.length);
                    out.write(bytes);
                }
                case byte[] b -> {
                    out.writeInt(b.length);
                    out.write(b);
                }
                default -> throw new IllegalArgumentException(String.valueOf(field));
            }
        }
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        new DataOutputStream(frame).writeInt(body.size());
        frame.write(body.toByteArray());
        return SftpPacket.read(new ByteArrayInputStream(frame.toByteArray()));
    }

    @Test
    void anUploadIsReportedWhenTheTargetConfirmsTheClose() throws Exception {
        audit.fromClient(packet(SftpPacket.OPEN, 1, "/srv/a.txt", 0x1a, 0));
        audit.fromTarget(packet(SftpPacket.HANDLE, 1, "h1"));
        audit.fromClient(packet(SftpPacket.WRITE, 2, "h1", 0L, "hello"));
        audit.fromTarget(packet(SftpPacket.STATUS, 2, 0, "", ""));
        audit.fromClient(packet(SftpPacket.CLOSE, 3, "h1"));
        assertThat(seen).isEmpty();
        audit.fromTarget(packet(SftpPacket.STATUS, 3, 0, "", ""));

        assertThat(seen).singleElement().satisfies(t -> {
            assertThat(t.operation()).isEqualTo(FileOperation.UPLOAD);
            assertThat(t.path()).isEqualTo("/srv/a.txt");
            assertThat(t.bytes()).isEqualTo(5);
            assertThat(t.sha256()).contains("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
            assertThat(t.succeeded()).isTrue();
        });
    }

    @Test
    void aReusedRequestIdEndsTheRelayRatherThanMisattributingAHandle() throws Exception {
        audit.fromClient(packet(SftpPacket.OPEN, 7, "/srv/a", 0x1a, 0));

        assertThatThrownBy(() -> audit.fromClient(packet(SftpPacket.OPEN, 7, "/srv/b", 0x1a, 0))).isInstanceOf(SftpProtocolException.class)
                .hasMessageContaining("reused");
    }

    @Test
    void aDownloadStillOpenWhenTheChannelEndsIsReportedAsNotFinished() throws Exception {
        audit.fromClient(packet(SftpPacket.OPEN, 1, "/etc/hosts", 0x01, 0));
        audit.fromTarget(packet(SftpPacket.HANDLE, 1, "h"));
        audit.fromClient(packet(SftpPacket.READ, 2, "h", 0L, 32768));
        audit.fromTarget(packet(SftpPacket.DATA, 2, "abc"));
        audit.end();

        assertThat(seen).singleElement().satisfies(t -> {
            assertThat(t.operation()).isEqualTo(FileOperation.DOWNLOAD);
            assertThat(t.bytes()).isEqualTo(3);
            assertThat(t.outcome()).contains("not closed");
        });
    }

    @Test
    void aTruncatedPacketIsAProtocolError() throws Exception {
        assertThatThrownBy(() -> audit.fromClient(packet(SftpPacket.OPEN, 1))).isInstanceOf(SftpProtocolException.class);
    }
}
