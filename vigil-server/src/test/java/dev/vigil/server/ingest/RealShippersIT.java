package dev.vigil.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import dev.vigil.server.ServerTestBase;
import dev.vigil.server.ingest.internal.SyslogListeners;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Debian's rsyslog and syslog-ng ship to the running server as an operator would configure them: rsyslog's omfwd to
 * the syslog TCP listener, rsyslog's omelasticsearch to the Elasticsearch-compatible {@code _bulk} endpoint, and
 * syslog-ng's syslog() driver. The events must come out parsed and searchable. (.ci/install-shippers installs them.)
 */
@Tag("e2e")
class RealShippersIT extends ServerTestBase {

    private static final Path RSYSLOGD = Path.of("/usr/sbin/rsyslogd");
    private static final Path SYSLOG_NG = Path.of("/opt/vigil-test/syslog-ng/usr/sbin/syslog-ng");

    @Autowired
    SyslogListeners listeners;

    @TempDir
    Path directory;

    @Test
    void rsyslogForwardsAuthLogOverTcpToTheSyslogListener() throws Exception {
        String run = marker();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lines.add("Failed password for invalid user " + run + " from 198.51.100." + i + " port " + (40000 + i) + " ssh2");
        }
        rsyslog(lines, "sshd", "", "action(type=\"omfwd\" target=\"127.0.0.1\" port=\"" + listeners.ports().tcp()
                + "\" protocol=\"tcp\" TCP_Framing=\"octet-counted\")", "user.name:" + run, 20);
        IngestClient ingest = new IngestClient(api(), ADMIN_TOKEN);
        assertThat(ingest.count(ADMIN_TOKEN, "user.name:" + run + " AND event.outcome:failure AND process.name:sshd")).isEqualTo(20);
        assertThat(ingest.count(ADMIN_TOKEN, "user.name:" + run + " AND source.ip:\"198.51.100.0/24\"")).isEqualTo(20);
    }

    @Test
    void rsyslogElasticsearchOutputPostsToTheBulkEndpoint() throws Exception {
        IngestClient ingest = new IngestClient(api(), ADMIN_TOKEN);
        String token = ingest.createToken(ingest.createHttpInput(unique("rsyslog-es"), "platform", "json"));
        String run = marker();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            lines.add("order " + i + " processed " + run);
        }
        String template = """
                module(load="omelasticsearch")
                template(name="vigil-doc" type="list" option.jsonf="on") {
                  property(outname="@timestamp" name="timereported" dateFormat="rfc3339" format="jsonf")
                  property(outname="host.name" name="hostname" format="jsonf")
                  property(outname="process.name" name="programname" format="jsonf")
                  property(outname="message" name="msg" format="jsonf")
                }
                """;
        String action = """
                action(type="omelasticsearch" server="127.0.0.1" serverport="%d" template="vigil-doc" searchIndex="logs"
                       bulkmode="on" esVersion.major="8" uid="rsyslog" pwd="%s" action.resumeRetryCount="-1")
                """.formatted(port, token);
        rsyslog(lines, "orders", template, action, "\"" + run + "\"", 30);
        assertThat(ingest.count(ADMIN_TOKEN, "\"" + run + "\" AND process.name:orders")).isEqualTo(30);
    }

    @Test
    void syslogNgSendsRfc5424OverTcp() throws Exception {
        assertThat(SYSLOG_NG).as("syslog-ng unpacked by .ci/install-shippers").isExecutable();
        String run = marker();
        Path input = directory.resolve("ng-input.log");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            lines.add("backup job " + i + " finished " + run);
        }
        Files.write(input, lines);
        Path config = directory.resolve("syslog-ng.conf");
        Files.writeString(config, """
                @version: 3.38
                options { keep-hostname(yes); };
                source s_file { file("%s" program-override("backupd") follow-freq(1)); };
                destination d_vigil { syslog("127.0.0.1" transport("tcp") port(%d)); };
                log { source(s_file); destination(d_vigil); };
                """.formatted(input, listeners.ports().tcp()));
        Path root = SYSLOG_NG.getParent().getParent().getParent();
        List<String> command = List.of(SYSLOG_NG.toString(), "-F", "--no-caps", "--cfgfile", config.toString(),
                "--persist-file", directory.resolve("ng.persist").toString(), "--pidfile", directory.resolve("ng.pid").toString(),
                "--control", directory.resolve("ng.ctl").toString(),
                "--module-path=" + root.resolve("usr/lib/syslog-ng/3.38"));
        Map<String, String> environment = Map.of("LD_LIBRARY_PATH", root.resolve("usr/lib/syslog-ng").toString());
        runUntilSearchable("syslog-ng", command, environment, "\"" + run + "\" AND process.name:backupd", 25);
    }

    private void rsyslog(List<String> lines, String tag, String topLevel, String action, String query, long expected) throws Exception {
        assertThat(RSYSLOGD).as("rsyslogd installed by .ci/install-shippers").isExecutable();
        Path input = directory.resolve("input.log");
        Files.write(input, lines);
        Path work = Files.createDirectories(directory.resolve("work"));
        Path config = directory.resolve("rsyslog.conf");
        Files.writeString(config, """
                global(workDirectory="%s")
                %s
                module(load="imfile" mode="inotify")
                input(type="imfile" file="%s" tag="%s:" ruleset="forward")
                ruleset(name="forward") {
                %s
                }
                """.formatted(work, topLevel, input, tag, action));
        runUntilSearchable("rsyslogd", List.of(RSYSLOGD.toString(), "-n", "-f", config.toString(), "-i",
                directory.resolve("rsyslogd.pid").toString()), Map.of(), query, expected);
    }

    private void runUntilSearchable(String name, List<String> command, Map<String, String> environment, String query, long expected)
            throws IOException, InterruptedException {
        Path output = directory.resolve(name + ".out");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process shipper = builder.start();
        try {
            new IngestClient(api(), ADMIN_TOKEN).awaitCount(ADMIN_TOKEN, query, expected);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError(e.getMessage() + "\n" + name + " said:\n" + Files.readString(output), e);
        } finally {
            shipper.destroy();
            if (!shipper.waitFor(20, TimeUnit.SECONDS)) {
                shipper.destroyForcibly();
            }
        }
    }

    private static String marker() {
        return "run" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
