package dev.vigil.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.vigil.server.platform.web.ProblemException;
import org.junit.jupiter.api.Test;

class RemoteForwardBindsTest {

    @Test
    void aBindMatchesExactlyOrByAWildcardAddressOrPort() {
        List<String> allowed = RemoteForwardBinds.parse(List.of("LOCALHOST:8080", " 127.0.0.1:* ", "*:9000"), true);

        assertThat(allowed).containsExactly("localhost:8080", "127.0.0.1:*", "*:9000");
        assertThat(RemoteForwardBinds.allows(allowed, "localhost:8080")).isTrue();
        assertThat(RemoteForwardBinds.allows(allowed, "localhost:8081")).isFalse();
        assertThat(RemoteForwardBinds.allows(allowed, "127.0.0.1:0")).as("the target picks the port").isTrue();
        assertThat(RemoteForwardBinds.allows(allowed, "0.0.0.0:8080")).isFalse();
        assertThat(RemoteForwardBinds.allows(allowed, "*:9000")).as("all addresses, as ssh -R '*:9000:…' asks").isTrue();
        assertThat(RemoteForwardBinds.allows(allowed, "*:8080")).as("all addresses are not localhost").isFalse();
        assertThat(RemoteForwardBinds.allows(List.of(), "localhost:8080")).as("no list: nothing").isFalse();
    }

    @Test
    void aRemoteForwardNeedsWellFormedBindsAndBindsNeedTheChannel() {
        assertThatThrownBy(() -> RemoteForwardBinds.parse(List.of(), true)).isInstanceOf(ProblemException.class).hasMessageContaining("needs binds");
        assertThatThrownBy(() -> RemoteForwardBinds.parse(List.of("localhost"), true)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> RemoteForwardBinds.parse(List.of("localhost:65536"), true)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> RemoteForwardBinds.parse(List.of("localhost:80;x"), true)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> RemoteForwardBinds.parse(List.of("localhost:8080"), false)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("remote-forward channel only");
        assertThat(RemoteForwardBinds.parse(null, false)).isEmpty();
    }
}
