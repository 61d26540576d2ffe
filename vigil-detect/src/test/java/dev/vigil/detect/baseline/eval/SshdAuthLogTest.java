package dev.vigil.detect.baseline.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SshdAuthLogTest {

    @Test
    void readsFailedAndAcceptedLogins() {
        AuthEvent failed = SshdAuthLog.parse("Mar 30 15:02:01 ip-10-77-20-248 sshd[1234]: Failed password for invalid "
                + "user admin from 24.151.103.17 port 51234 ssh2", 2017);
        assertThat(failed).isEqualTo(new AuthEvent(Instant.parse("2017-03-30T15:02:01Z"), AuthEvent.Kind.LOGIN_FAILED,
                "ip-10-77-20-248", "admin", "24.151.103.17", -1, null, -1));
        AuthEvent accepted = SshdAuthLog.parse("Apr  2 08:09:10 host sshd[1361]: Accepted publickey for ubuntu from "
                + "85.245.107.41 port 54259 ssh2: RSA SHA256:Kl8k", 2017);
        assertThat(accepted.kind()).isEqualTo(AuthEvent.Kind.LOGIN_ACCEPTED);
        assertThat(accepted.timestamp()).isEqualTo(Instant.parse("2017-04-02T08:09:10Z"));
        assertThat(accepted.field("outcome")).isEqualTo("success");
    }

    @Test
    void keepsAnEmptyUserName() {
        AuthEvent failed = SshdAuthLog.parse("Apr  6 20:48:27 h sshd[16841]: Failed password for invalid user  from "
                + "34.204.227.175 port 19074 ssh2", 2017);
        assertThat(failed.user()).isEmpty();
        assertThat(failed.src()).isEqualTo("34.204.227.175");
    }

    @Test
    void ignoresOtherLines() {
        assertThat(SshdAuthLog.parse("Mar 27 13:06:56 host sshd[1291]: Server listening on 0.0.0.0 port 22.", 2017))
                .isNull();
        assertThat(SshdAuthLog.parse("Mar 27 13:09:37 host sudo:   ubuntu : TTY=pts/0 ; COMMAND=/usr/bin/curl", 2017))
                .isNull();
        assertThat(SshdAuthLog.parse("Foo 27 13:09:37 host sshd[1]: Failed password for x from 1.2.3.4 port 1 ssh2",
                2017)).isNull();
    }
}
