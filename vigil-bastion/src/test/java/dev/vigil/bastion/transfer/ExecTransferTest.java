package dev.vigil.bastion.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExecTransferTest {

    @Test
    void legacyScpEndpointsAreRecognisedWithDirectionAndPath() {
        assertThat(ExecTransfer.classify("scp -t /srv/in/")).isEqualTo(new ExecTransfer.Scp(FileOperation.UPLOAD, "/srv/in/", true));
        assertThat(ExecTransfer.classify("scp -v -p -t -- -odd-name")).isEqualTo(new ExecTransfer.Scp(FileOperation.UPLOAD, "-odd-name", false));
        assertThat(ExecTransfer.classify("scp -r -f /var/log/*.log")).isEqualTo(new ExecTransfer.Scp(FileOperation.DOWNLOAD, "/var/log/*.log", true));
        assertThat(ExecTransfer.classify("scp -d -t /tmp")).isEqualTo(new ExecTransfer.Scp(FileOperation.UPLOAD, "/tmp", true));
    }

    @Test
    void shellSyntaxOrUnknownOptionsAreRefusedNotRun() {
        assertThat(ExecTransfer.classify("scp -t /tmp/x;id")).isInstanceOf(ExecTransfer.Refused.class);
        assertThat(ExecTransfer.classify("scp -t $(id)")).isInstanceOf(ExecTransfer.Refused.class);
        assertThat(ExecTransfer.classify("scp -t a b")).isInstanceOf(ExecTransfer.Refused.class);
        assertThat(ExecTransfer.classify("scp -S /bin/sh -t a")).isInstanceOf(ExecTransfer.Refused.class);
        assertThat(ExecTransfer.classify("scp -t *.txt")).as("globs only for downloads").isInstanceOf(ExecTransfer.Refused.class);
        assertThat(ExecTransfer.classify("scp -t")).isInstanceOf(ExecTransfer.Refused.class);
        assertThat(ExecTransfer.classify("scp -t -f x")).isInstanceOf(ExecTransfer.Refused.class);
    }

    @Test
    void sftpServerByPathIsSftpAndEverythingElseIsPlain() {
        assertThat(ExecTransfer.classify("/usr/lib/openssh/sftp-server")).isInstanceOf(ExecTransfer.SftpServer.class);
        assertThat(ExecTransfer.classify("/tmp/sftp-server -e; rm -rf /")).as("never run, served by the subsystem")
                .isInstanceOf(ExecTransfer.SftpServer.class);
        assertThat(ExecTransfer.classify("scp a b")).isInstanceOf(ExecTransfer.Plain.class);
        assertThat(ExecTransfer.classify("uptime")).isInstanceOf(ExecTransfer.Plain.class);
    }
}
