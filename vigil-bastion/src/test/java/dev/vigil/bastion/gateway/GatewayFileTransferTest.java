package dev.vigil.bastion.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import dev.vigil.bastion.transfer.FileOperation;
import dev.vigil.bastion.transfer.FileTransfer;
import dev.vigil.testkit.ssh.SshClientRun;
import dev.vigil.testkit.ssh.TargetSshd;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * File transfer through the gateway with the real OpenSSH {@code sftp} and {@code scp} against a real sshd: each file's
 * size and SHA-256 in the audit equal the file's, operations are refused without the channel, and every channel of a
 * shared connection is authorised on its own.
 */
class GatewayFileTransferTest {

    @TempDir
    static Path dir;

    static GrantedGateway bastion;
    static RecordingSink SINK;
    static TargetSshd sshd;
    static BastionGateway gateway;
    static Path key;

    @BeforeAll
    static void start() throws Exception {
        bastion = new GrantedGateway(dir, Map.of(
                "files", Set.of(ChannelKind.SFTP, ChannelKind.SCP, ChannelKind.EXEC),
                "sftponly", Set.of(ChannelKind.SFTP),
                "shellonly", Set.of(ChannelKind.SHELL, ChannelKind.EXEC)), request -> null);
        SINK = bastion.sink;
        sshd = bastion.sshd;
        gateway = bastion.gateway;
        key = bastion.key;
    }

    @AfterAll
    static void stop() throws Exception {
        if (bastion != null) {
            bastion.close();
        }
    }

    private static String user(String target) {
        return bastion.user(target);
    }

    private static List<String> clientOptions(String program) {
        return bastion.client(program, "ERROR");
    }

    private static SshClientRun.Result sftp(String target, String batch, String... options) throws Exception {
        Path file = Files.createTempFile(dir, "batch", ".txt");
        Files.writeString(file, batch);
        List<String> command = clientOptions("/usr/bin/sftp");
        command.addAll(List.of(options));
        command.addAll(List.of("-b", file.toString(), user(target) + "@127.0.0.1"));
        return SshClientRun.run(command, null);
    }

    private static SshClientRun.Result scp(String... arguments) {
        List<String> command = clientOptions("/usr/bin/scp");
        command.addAll(List.of(arguments));
        return SshClientRun.run(command, null);
    }

    private static Path randomFile(String name, int size, long seed) throws Exception {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return Files.write(dir.resolve(name), bytes);
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    /** The transfers of the session opened after {@code before}, once it closed. */
    private static List<FileTransfer> transfersSince(int before, ChannelKind kind) throws Exception {
        SessionOpened opened = SINK.opened.subList(before, SINK.opened.size()).stream().filter(o -> o.kind() == kind).findFirst().orElseThrow();
        SINK.awaitClosed(opened.sessionId());
        return SINK.transfers.getOrDefault(opened.sessionId(), List.of());
    }

    @Test
    void sftpUploadAndDownloadAreAuditedPerFileWithTheirSha256() throws Exception {
        Path local = randomFile("upload.bin", 1_234_567, 1);
        Path remote = dir.resolve("remote-upload.bin");
        Path back = dir.resolve("downloaded.bin");
        Path remoteDir = dir.resolve("made-by-sftp");
        int before = SINK.opened.size();

        SshClientRun.Result result = sftp("files", String.join("\n",
                "put " + local + " " + remote,
                "get " + remote + " " + back,
                "mkdir " + remoteDir,
                "rename " + remote + " " + remoteDir.resolve("moved.bin"),
                "rm " + remoteDir.resolve("moved.bin"),
                ""));

        assertThat(result.exitStatus()).as(result.stdout() + result.stderr()).isZero();
        assertThat(back).hasSameBinaryContentAs(local);
        assertThat(remoteDir).isEmptyDirectory();
        List<FileTransfer> transfers = transfersSince(before, ChannelKind.SFTP);
        assertThat(transfers).extracting(FileTransfer::operation).containsExactly(FileOperation.UPLOAD, FileOperation.DOWNLOAD,
                FileOperation.MKDIR, FileOperation.RENAME, FileOperation.REMOVE);
        assertThat(transfers).allMatch(FileTransfer::succeeded);
        String expected = sha256(local);
        FileTransfer upload = transfers.get(0);
        assertThat(upload.path()).isEqualTo(remote.toString());
        assertThat(upload.bytes()).isEqualTo(1_234_567);
        assertThat(upload.sha256()).contains(expected);
        FileTransfer download = transfers.get(1);
        assertThat(download.path()).isEqualTo(remote.toString());
        assertThat(download.bytes()).isEqualTo(1_234_567);
        assertThat(download.sha256()).contains(expected);
        assertThat(transfers.get(2).path()).isEqualTo(remoteDir.toString());
        assertThat(transfers.get(3).newPath()).contains(remoteDir.resolve("moved.bin").toString());
        SessionOpened opened = SINK.opened.get(before);
        assertThat(SINK.awaitClosed(opened.sessionId()).recording().sha256()).hasSize(64);
    }

    @Test
    void aFailedOperationIsAuditedWithTheTargetsStatus() throws Exception {
        int before = SINK.opened.size();

        SshClientRun.Result result = sftp("files", "-rm " + dir.resolve("does-not-exist") + "\n");

        assertThat(result.exitStatus()).isZero();
        List<FileTransfer> transfers = transfersSince(before, ChannelKind.SFTP);
        assertThat(transfers).singleElement().satisfies(t -> {
            assertThat(t.operation()).isEqualTo(FileOperation.REMOVE);
            assertThat(t.succeeded()).isFalse();
            assertThat(t.outcome()).contains("No such file");
        });
    }

    @Test
    void defaultScpUsesSftpAndIsAudited() throws Exception {
        Path local = randomFile("scp-default.bin", 300_001, 2);
        Path remote = dir.resolve("scp-default-remote.bin");
        int before = SINK.opened.size();

        SshClientRun.Result result = scp(local.toString(), user("sftponly") + "@127.0.0.1:" + remote);

        assertThat(result.exitStatus()).as(result.stderr()).isZero();
        assertThat(remote).hasSameBinaryContentAs(local);
        assertThat(transfersSince(before, ChannelKind.SFTP)).filteredOn(t -> t.operation() == FileOperation.UPLOAD).singleElement()
                .satisfies(t -> assertThat(t.sha256()).contains(sha256(local)));
    }

    @Test
    void legacyScpUploadAndDownloadAreAuditedWithTheScpChannel() throws Exception {
        Path local = randomFile("scp-legacy.bin", 777_777, 3);
        Path remoteDir = Files.createDirectories(dir.resolve("legacy-in"));
        Path back = dir.resolve("legacy-back.bin");
        int before = SINK.opened.size();

        SshClientRun.Result up = scp("-O", local.toString(), user("files") + "@127.0.0.1:" + remoteDir + "/");
        SshClientRun.Result down = scp("-O", user("files") + "@127.0.0.1:" + remoteDir.resolve("scp-legacy.bin"), back.toString());

        assertThat(up.exitStatus()).as(up.stderr()).isZero();
        assertThat(down.exitStatus()).as(down.stderr()).isZero();
        assertThat(back).hasSameBinaryContentAs(local);
        List<SessionOpened> sessions = SINK.opened.subList(before, SINK.opened.size());
        assertThat(sessions).extracting(SessionOpened::kind).containsExactly(ChannelKind.SCP, ChannelKind.SCP);
        String expected = sha256(local);
        FileTransfer upload = transfersOf(sessions.get(0)).get(0);
        assertThat(upload.operation()).isEqualTo(FileOperation.UPLOAD);
        assertThat(upload.path()).isEqualTo(remoteDir.resolve("scp-legacy.bin").toString());
        assertThat(upload.bytes()).isEqualTo(777_777);
        assertThat(upload.sha256()).contains(expected);
        FileTransfer download = transfersOf(sessions.get(1)).get(0);
        assertThat(download.operation()).isEqualTo(FileOperation.DOWNLOAD);
        assertThat(download.path()).isEqualTo(remoteDir.resolve("scp-legacy.bin").toString());
        assertThat(download.sha256()).contains(expected);
    }

    private static List<FileTransfer> transfersOf(SessionOpened session) throws Exception {
        SINK.awaitClosed(session.sessionId());
        return SINK.transfers.getOrDefault(session.sessionId(), List.of());
    }

    @Test
    void sftpWithoutTheChannelIsRefusedAndNothingReachesTheTarget() throws Exception {
        Path local = randomFile("refused.bin", 1000, 4);
        Path remote = dir.resolve("refused-remote.bin");

        SshClientRun.Result result = sftp("shellonly", "put " + local + " " + remote + "\n");

        assertThat(result.exitStatus()).isNotZero();
        assertThat(remote).doesNotExist();
        assertThat(SINK.refusals).anyMatch(r -> r.contains("no grant for alice on shellonly (sftp)"));
    }

    @Test
    void legacyScpWithoutTheChannelIsRefusedWithAClearMessage() throws Exception {
        Path local = randomFile("refused-legacy.bin", 1000, 5);
        Path remote = dir.resolve("refused-legacy-remote.bin");

        SshClientRun.Result result = scp("-O", local.toString(), user("shellonly") + "@127.0.0.1:" + remote);

        assertThat(result.exitStatus()).isNotZero();
        assertThat(result.stderr()).contains("no grant for alice on shellonly (scp)");
        assertThat(remote).doesNotExist();
    }

    @Test
    void anScpCommandWithShellSyntaxIsRefusedEvenWithTheScpChannel() throws Exception {
        Path smuggled = dir.resolve("smuggled");

        SshClientRun.Result result = SshClientRun.ssh(key, gateway.port(), user("files"), "scp -t /tmp/x;touch " + smuggled);

        assertThat(result.exitStatus()).isEqualTo(BrokeredChannel.REFUSED);
        assertThat(result.stderr()).contains("legacy scp (scp -O) of '/tmp/x;touch' is refused");
        assertThat(smuggled).doesNotExist();
    }

    @Test
    void sftpServerStartedByPathOverExecIsServedAsSftpOnlyWithTheSftpChannel() throws Exception {
        Path local = randomFile("by-path.bin", 5000, 6);
        Path remote = dir.resolve("by-path-remote.bin");
        int before = SINK.opened.size();

        SshClientRun.Result granted = sftp("sftponly", "put " + local + " " + remote + "\n", "-s", "/usr/lib/openssh/sftp-server");
        SshClientRun.Result refused = sftp("shellonly", "put " + local + " " + dir.resolve("by-path-refused.bin") + "\n", "-s",
                "/usr/lib/openssh/sftp-server");

        assertThat(granted.exitStatus()).as(granted.stderr()).isZero();
        assertThat(remote).hasSameBinaryContentAs(local);
        assertThat(transfersSince(before, ChannelKind.SFTP)).singleElement().satisfies(t -> assertThat(t.sha256()).contains(sha256(local)));
        assertThat(refused.exitStatus()).isNotZero();
        assertThat(dir.resolve("by-path-refused.bin")).doesNotExist();
    }

    @Test
    void onASharedConnectionEachChannelIsAuthorisedOnItsOwn() throws Exception {
        Path socket = dir.resolve("mux.sock");
        List<String> mux = List.of("-o", "ControlPath=" + socket);
        List<String> master = new ArrayList<>(clientOptions("/usr/bin/ssh"));
        master.addAll(mux);
        master.addAll(List.of("-o", "ControlMaster=yes", "-o", "ControlPersist=30", "-f", "-N", user("shellonly") + "@127.0.0.1"));
        assertThat(SshClientRun.run(master, null).exitStatus()).isZero();
        try {
            List<String> exec = new ArrayList<>(clientOptions("/usr/bin/ssh"));
            exec.addAll(mux);
            exec.addAll(List.of("-o", "ControlMaster=no", user("shellonly") + "@127.0.0.1", "echo via-shared-connection"));
            SshClientRun.Result shared = SshClientRun.run(exec, null);
            assertThat(shared.stdout()).isEqualTo("via-shared-connection\n");

            Path local = randomFile("mux.bin", 1000, 7);
            Path remote = dir.resolve("mux-remote.bin");
            SshClientRun.Result sftp = sftp("shellonly", "put " + local + " " + remote + "\n", "-o", "ControlPath=" + socket,
                    "-o", "ControlMaster=no");
            assertThat(sftp.exitStatus()).isNotZero();
            assertThat(remote).doesNotExist();
            assertThat(SINK.refusals).anyMatch(r -> r.contains("no grant for alice on shellonly (sftp)"));
        } finally {
            List<String> exit = new ArrayList<>(clientOptions("/usr/bin/ssh"));
            exit.addAll(mux);
            exit.addAll(List.of("-O", "exit", user("shellonly") + "@127.0.0.1"));
            SshClientRun.run(exit, null);
        }
    }

    @Test
    void sixteenMebibytesUpAndDownKeepTheirDigestAndTheTimeIsReported() throws Exception {
        Path local = randomFile("large.bin", 16 * 1024 * 1024, 8);
        Path viaGateway = dir.resolve("large-via-gateway.bin");
        Path back = dir.resolve("large-back.bin");
        int before = SINK.opened.size();

        long start = System.nanoTime();
        SshClientRun.Result result = sftp("files", "put " + local + " " + viaGateway + "\nget " + viaGateway + " " + back + "\n");
        long gatewayMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(result.exitStatus()).as(result.stderr()).isZero();
        assertThat(back).hasSameBinaryContentAs(local);
        String expected = sha256(local);
        assertThat(transfersSince(before, ChannelKind.SFTP)).extracting(t -> t.sha256().orElse("none")).containsExactly(expected, expected);

        Path batch = Files.writeString(dir.resolve("direct.batch"), "put " + local + " " + dir.resolve("large-direct.bin") + "\nget "
                + dir.resolve("large-direct.bin") + " " + dir.resolve("large-direct-back.bin") + "\n");
        start = System.nanoTime();
        SshClientRun.Result direct = SshClientRun.run(List.of("/usr/bin/sftp", "-F", "/dev/null", "-P", String.valueOf(sshd.port()), "-i",
                sshd.dir().resolve("user_key").toString(), "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-b", batch.toString(), sshd.account() + "@127.0.0.1"), null);
        long directMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(direct.exitStatus()).as(direct.stderr()).isZero();
        System.out.printf("MEASURED sftp put+get of 16 MiB: %d ms through the gateway (with per-file SHA-256), %d ms directly%n", gatewayMillis,
                directMillis);
    }
}
