package dev.vigil.events.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.vigil.events.Event;

/** Authentication-log messages of sshd, PAM, sudo, su and the account tools, read from auth.log lines. */
class AuthLogMessagesTest {
    private static final String HEADER = "Mar 27 13:06:56 bastion1 ";

    @Test
    void acceptedPublicKeyLogin() {
        Event event = authLine("sshd[1291]: Accepted publickey for deploy from 2001:db8::7 port 50122 ssh2: "
                + "ED25519 SHA256:AbCdEf");

        assertThat(event.fields()).contains(
                entry("event.action", "ssh_login"),
                entry("event.category", List.of("authentication")),
                entry("event.outcome", "success"),
                entry("event.dataset", "system.auth"),
                entry("user.name", "deploy"),
                entry("source.ip", "2001:db8::7"),
                entry("source.port", 50122L),
                entry("ssh.method", "publickey"),
                entry("ssh.signature", "ED25519 SHA256:AbCdEf"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Failed password for root from 203.0.113.9 port 41000 ssh2|password|root",
        "Failed password for invalid user admin from 203.0.113.9 port 41000 ssh2|password|admin",
        "Failed keyboard-interactive/pam for invalid user oracle from 203.0.113.9 port 41000 ssh2|keyboard-interactive/pam|oracle",
        "Failed none for invalid user guest from 203.0.113.9 port 41000 ssh2|none|guest",
        "message repeated 3 times: [ Failed password for root from 203.0.113.9 port 41000 ssh2]|password|root"})
    void failedLogins(String message, String method, String user) {
        Event event = authLine("sshd[7]: " + message);

        assertThat(event.fields()).contains(entry("event.action", "ssh_login"), entry("event.outcome", "failure"),
                entry("ssh.method", method), entry("user.name", user), entry("source.ip", "203.0.113.9"),
                entry("source.port", 41000L));
    }

    @Test
    void failedLoginOfAnEmptyUserName() {
        Event event = authLine("sshd[7]: Failed password for invalid user  from 203.0.113.9 port 41000 ssh2");

        assertThat(event.fields()).contains(entry("event.outcome", "failure"), entry("source.ip", "203.0.113.9"));
        assertThat(event.fields()).doesNotContainKey("user.name");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Invalid user webmaster from 173.234.31.186|webmaster|173.234.31.186|",
        "Invalid user test from 10.0.0.1 port 5555|test|10.0.0.1|5555"})
    void invalidUsers(String message, String user, String ip, Long port) {
        Event event = authLine("sshd[7]: " + message);

        assertThat(event.fields()).contains(entry("event.action", "ssh_invalid_user"),
                entry("event.outcome", "failure"), entry("user.name", user), entry("source.ip", ip));
        assertThat(event.field("source.port")).isEqualTo(port);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Connection closed by authenticating user root 10.1.1.1 port 3022 [preauth]|root|3022|",
        "Connection closed by invalid user admin 10.1.1.1 port 3022 [preauth]|admin|3022|",
        "Connection closed by 10.1.1.1 [preauth]||| ",
        "Disconnected from user alice 10.1.1.1 port 3022|alice|3022|",
        "Received disconnect from 10.1.1.1 port 3022:11: disconnected by user||3022|disconnected by user",
        "Received disconnect from 10.1.1.1: 11: Bye Bye [preauth]|||Bye Bye",
        "error: Received disconnect from 10.1.1.1: 3: com.jcraft.jsch.JSchException: Auth fail [preauth]|||"
                + "com.jcraft.jsch.JSchException: Auth fail",
        "Disconnecting authenticating user root 10.1.1.1 port 3022: Too many authentication failures [preauth]|root|3022|"
                + "Too many authentication failures"})
    void disconnects(String message, String user, Long port, String reason) {
        Event event = authLine("sshd[7]: " + message);

        assertThat(event.fields()).contains(entry("event.action", "ssh_disconnect"), entry("source.ip", "10.1.1.1"),
                entry("event.category", List.of("network")));
        assertThat(event.field("user.name")).isEqualTo(user);
        assertThat(event.field("source.port")).isEqualTo(port);
        assertThat(event.field("event.reason")).isEqualTo(reason == null || reason.isBlank() ? null : reason);
    }

    @Test
    void exceededAttemptsAndBreakInWarnings() {
        Event exceeded = authLine("sshd[7]: error: maximum authentication attempts exceeded for invalid user pi "
                + "from 198.51.100.4 port 60000 ssh2 [preauth]");
        Event reverse = authLine("sshd[7]: reverse mapping checking getaddrinfo for ns.example.com [198.51.100.4] "
                + "failed - POSSIBLE BREAK-IN ATTEMPT!");

        assertThat(exceeded.fields()).contains(entry("event.action", "ssh_max_auth_attempts_exceeded"),
                entry("event.outcome", "failure"), entry("user.name", "pi"), entry("source.ip", "198.51.100.4"),
                entry("source.port", 60000L));
        assertThat(reverse.fields()).contains(entry("event.action", "ssh_reverse_mapping_failed"),
                entry("source.ip", "198.51.100.4"), entry("source.domain", "ns.example.com"));
    }

    @Test
    void pamAuthenticationFailureAndSessions() {
        Event failure = authLine("sshd[7]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 "
                + "tty=ssh ruser= rhost=192.0.2.44  user=root");
        Event hostFailure = authLine("sshd(pam_unix)[20882]: authentication failure; logname= uid=0 euid=0 "
                + "tty=NODEVssh ruser= rhost=220-135-151-1.hinet-ip.hinet.net  user=root");
        Event opened = authLine("sshd[7]: pam_unix(sshd:session): session opened for user alice by (uid=0)");
        Event sudoSession = authLine("sudo: pam_unix(sudo:session): session opened for user root by ubuntu(uid=0)");
        Event closed = authLine("sshd[7]: pam_unix(sshd:session): session closed for user alice");

        assertThat(failure.fields()).contains(entry("event.action", "pam_authentication_failure"),
                entry("event.outcome", "failure"), entry("source.ip", "192.0.2.44"), entry("user.name", "root"));
        assertThat(hostFailure.fields()).contains(entry("event.action", "pam_authentication_failure"),
                entry("source.domain", "220-135-151-1.hinet-ip.hinet.net"), entry("process.name", "sshd"));
        assertThat(hostFailure.fields()).doesNotContainKey("source.ip");
        assertThat(opened.fields()).contains(entry("event.action", "session_opened"),
                entry("event.category", List.of("authentication", "session")), entry("event.type", List.of("start")),
                entry("user.name", "alice"));
        assertThat(sudoSession.fields()).contains(entry("user.name", "ubuntu"), entry("user.effective.name", "root"));
        assertThat(closed.fields()).contains(entry("event.action", "session_closed"),
                entry("event.type", List.of("end")), entry("user.name", "alice"));
    }

    @Test
    void sudoCommand() {
        Event event = authLine("sudo:   ubuntu : TTY=pts/0 ; PWD=/home/ubuntu ; USER=root ; COMMAND=/bin/ls -l /root");

        assertThat(event.fields()).contains(
                entry("event.action", "sudo_command"),
                entry("event.outcome", "success"),
                entry("event.category", List.of("process")),
                entry("user.name", "ubuntu"),
                entry("user.effective.name", "root"),
                entry("process.working_directory", "/home/ubuntu"),
                entry("process.command_line", "/bin/ls -l /root"),
                entry("process.name", "sudo"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "mallory : 3 incorrect password attempts ; TTY=pts/1 ; PWD=/tmp ; USER=root ; COMMAND=/bin/sh|3 incorrect password attempts",
        "mallory : user NOT in sudoers ; TTY=pts/1 ; PWD=/tmp ; USER=root ; COMMAND=/usr/bin/id|user NOT in sudoers"})
    void sudoRefusals(String message, String reason) {
        Event event = authLine("sudo: " + message);

        assertThat(event.fields()).contains(entry("event.action", "sudo_command"), entry("event.outcome", "failure"),
                entry("event.reason", reason), entry("user.name", "mallory"), entry("user.effective.name", "root"),
                entry("process.working_directory", "/tmp"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "su[3537]: Successful su for root by alice|success",
        "su[3537]: + /dev/pts/0 alice:root|success",
        "su[3537]: (to root) alice on pts/0|success",
        "su[3537]: FAILED SU (to root) alice on /dev/pts/0|failure",
        "su[3537]: - /dev/pts/0 alice:root|failure",
        "su[3537]: FAILED su for root by alice|failure"})
    void suSwitches(String message, String outcome) {
        Event event = authLine(message);

        assertThat(event.fields()).contains(entry("event.action", "su"), entry("event.outcome", outcome),
                entry("user.name", "alice"), entry("user.effective.name", "root"));
    }

    @Test
    void suPamMessages() {
        Event session = authLine("su[3537]: pam_unix(su:session): session opened for user root by alice(uid=1000)");
        Event failure = authLine("su[3537]: pam_unix(su:auth): authentication failure; logname=alice uid=1000 "
                + "euid=0 tty=/dev/pts/0 ruser=alice rhost=  user=root");

        assertThat(session.fields()).contains(entry("user.name", "alice"), entry("user.effective.name", "root"));
        assertThat(failure.fields()).contains(entry("event.action", "pam_authentication_failure"),
                entry("user.name", "root"));
        assertThat(failure.fields()).doesNotContainKeys("source.ip", "source.domain");
    }

    @Test
    void accountCreation() {
        Event user = authLine("useradd[840]: new user: name=bob, UID=1001, GID=1002, home=/home/bob, "
                + "shell=/bin/bash, from=/dev/pts/0");
        Event group = authLine("groupadd[841]: new group: name=developers, GID=1002");

        assertThat(user.fields()).contains(
                entry("event.action", "user_created"),
                entry("event.category", List.of("iam")),
                entry("event.type", List.of("user", "creation")),
                entry("event.outcome", "success"),
                entry("user.name", "bob"),
                entry("user.id", "1001"),
                entry("group.id", "1002"),
                entry("system.auth.useradd.home", "/home/bob"),
                entry("system.auth.useradd.shell", "/bin/bash"),
                entry("system.auth.useradd.from", "/dev/pts/0"));
        assertThat(group.fields()).contains(entry("event.action", "group_created"),
                entry("event.type", List.of("group", "creation")), entry("group.name", "developers"),
                entry("group.id", "1002"));
    }

    @Test
    void accountChanges() {
        Event added = authLine("usermod[900]: add 'bob' to group 'sudo'");
        Event shadow = authLine("usermod[900]: add 'bob' to shadow group 'sudo'");
        Event deleted = authLine("userdel[901]: delete user 'bob'");
        Event groupDeleted = authLine("userdel[901]: removed group 'bob' owned by 'bob'");
        Event failed = authLine("useradd[994]: failed adding user 'elastic_user_2', data deleted");
        Event password = authLine("passwd[902]: pam_unix(passwd:chauthtok): password changed for bob");

        assertThat(added.fields()).contains(entry("event.action", "user_added_to_group"),
                entry("event.type", List.of("group", "change")), entry("user.name", "bob"),
                entry("group.name", "sudo"));
        assertThat(shadow.fields()).contains(entry("group.name", "sudo"));
        assertThat(deleted.fields()).contains(entry("event.action", "user_deleted"),
                entry("event.type", List.of("user", "deletion")), entry("user.name", "bob"));
        assertThat(groupDeleted.fields()).contains(entry("event.action", "group_deleted"), entry("group.name", "bob"));
        assertThat(failed.fields()).contains(entry("event.action", "user_created"), entry("event.outcome", "failure"),
                entry("user.name", "elastic_user_2"));
        assertThat(password.fields()).contains(entry("event.action", "password_changed"),
                entry("event.category", List.of("iam")), entry("user.name", "bob"));
    }

    @Test
    void otherProgramsKeepOnlyTheirMessage() {
        Event event = authLine("systemd-logind[1]: New session 42 of user ubuntu.");
        Event cron = ParsedEvents.line(HEADER + "anacron[9]: Job `cron.daily' terminated");

        assertThat(event.fields()).contains(entry("event.dataset", "system.auth"),
                entry("message", "New session 42 of user ubuntu."));
        assertThat(event.fields()).doesNotContainKeys("event.action", "event.outcome");
        assertThat(cron.fields()).contains(entry("event.dataset", "system.syslog"), entry("process.name", "anacron"));
        assertThat(cron.tags()).isEmpty();
    }

    private static Event authLine(String tagAndMessage) {
        Event event = ParsedEvents.line(HEADER + tagAndMessage);
        assertThat(event.tags()).isEmpty();
        assertThat(event.field("host.name")).isEqualTo("bastion1");
        return event;
    }
}
