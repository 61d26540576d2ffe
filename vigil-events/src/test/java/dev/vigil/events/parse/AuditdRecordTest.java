package dev.vigil.events.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.vigil.events.Event;

class AuditdRecordTest {

    @Test
    void syscallRecordKeepsItsFieldsAndGetsProcessAndUser() {
        Event event = ParsedEvents.line("type=SYSCALL msg=audit(1364481363.243:24287): arch=c000003e syscall=2 "
                + "success=no exit=-13 a0=7fffd19c5592 a1=0 a2=7fffd19c4b50 a3=a items=1 ppid=2686 pid=3538 "
                + "auid=500 uid=500 gid=500 euid=500 suid=500 fsuid=500 egid=500 sgid=500 fsgid=500 tty=pts0 ses=1 "
                + "comm=\"cat\" exe=\"/usr/bin/cat\" subj=unconfined_u:unconfined_r:unconfined_t:s0 key=\"sshd_config\"");

        assertThat(event.timestamp()).isEqualTo(Instant.parse("2013-03-28T14:36:03.243Z"));
        assertThat(event.fields()).contains(
                entry("type", "SYSCALL"),
                entry("syscall", "2"),
                entry("success", "no"),
                entry("a0", "7fffd19c5592"),
                entry("comm", "cat"),
                entry("exe", "/usr/bin/cat"),
                entry("key", "sshd_config"),
                entry("auditd.log.sequence", 24287L),
                entry("event.action", "syscall"),
                entry("event.outcome", "failure"),
                entry("event.dataset", "auditd"),
                entry("user.id", "500"),
                entry("user.audit.id", "500"),
                entry("group.id", "500"),
                entry("process.pid", 3538L),
                entry("process.parent.pid", 2686L),
                entry("process.name", "cat"),
                entry("process.executable", "/usr/bin/cat"));
        assertThat(event.fields()).doesNotContainKey("msg");
    }

    @Test
    void hexEncodedProctitleAndCommandAreDecoded() {
        Event proctitle = ParsedEvents.line("type=PROCTITLE msg=audit(1700000000.001:77): "
                + "proctitle=636174002F6574632F736861646F77");
        Event encodedComm = ParsedEvents.line("type=SYSCALL msg=audit(1700000000.001:78): syscall=59 success=yes "
                + "comm=6D7920736372697074 exe=\"/tmp/my script\" key=(null)");

        assertThat(proctitle.fields()).contains(entry("proctitle", "cat /etc/shadow"),
                entry("process.title", "cat /etc/shadow"), entry("event.action", "proctitle"));
        assertThat(encodedComm.fields()).contains(entry("comm", "my script"), entry("process.name", "my script"),
                entry("key", "(null)"), entry("event.outcome", "success"));
    }

    @Test
    void execveArgumentsBecomeTheCommandLine() {
        Event event = ParsedEvents.line("node=web1 type=EXECVE msg=audit(1700000000.500:90): argc=3 a0=\"curl\" "
                + "a1=\"-o\" a2=2F746D702F782073682E7368");

        assertThat(event.fields()).contains(
                entry("a2", "/tmp/x sh.sh"),
                entry("host.name", "web1"),
                entry("node", "web1"),
                entry("event.category", List.of("process")),
                entry("process.args", List.of("curl", "-o", "/tmp/x sh.sh")),
                entry("process.command_line", "curl -o /tmp/x sh.sh"));
    }

    @Test
    void userRecordWithInnerMessage() {
        Event event = ParsedEvents.line("type=USER_LOGIN msg=audit(1700000100.000:120): pid=4242 uid=0 "
                + "auid=4294967295 ses=4294967295 subj=system_u:system_r:sshd_t:s0-s0:c0.c1023 "
                + "msg='op=login acct=\"root\" exe=\"/usr/sbin/sshd\" hostname=? addr=198.51.100.7 terminal=ssh "
                + "res=failed'");

        assertThat(event.fields()).contains(
                entry("op", "login"),
                entry("acct", "root"),
                entry("addr", "198.51.100.7"),
                entry("res", "failed"),
                entry("event.action", "user_login"),
                entry("event.category", List.of("authentication")),
                entry("event.outcome", "failure"),
                entry("user.name", "root"),
                entry("source.ip", "198.51.100.7"),
                entry("process.executable", "/usr/sbin/sshd"));
        assertThat(event.fields()).doesNotContainKey("user.audit.id");
    }

    @Test
    void enrichedFormatSeparatorAndKernelForm() {
        Event enriched = ParsedEvents.line("type=USER_CMD msg=audit(1700000200.000:130): pid=1 uid=1000 "
                + "msg='cwd=\"/home/a\" cmd=6C73 res=success'\u001DUID=\"alice\" AUID=\"alice\"");
        Event kernel = ParsedEvents.syslog("<4>Mar 30 10:00:00 host kernel: audit: type=1400 "
                + "audit(1700000300.000:140): apparmor=\"DENIED\" operation=\"open\" profile=\"snap\" name=\"/etc/x\"");

        assertThat(enriched.fields()).contains(entry("cmd", "ls"), entry("UID", "alice"), entry("user.name", "alice"),
                entry("user.audit.name", "alice"), entry("event.outcome", "success"));
        assertThat(kernel.fields()).contains(entry("type", "1400"), entry("apparmor", "DENIED"),
                entry("event.dataset", "auditd"), entry("host.name", "host"));
        assertThat(kernel.timestamp()).isEqualTo(Instant.ofEpochSecond(1700000300));
    }

    @Test
    void textWithoutAuditMarkerIsNotAnAuditRecord() {
        Event event = ParsedEvents.line("type=something without the marker");

        assertThat(event.fields()).contains(entry("event.dataset", "line"),
                entry("message", "type=something without the marker"));
        assertThat(event.fields()).doesNotContainKey("type");
    }
}
