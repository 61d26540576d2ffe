package dev.vigil.bastion.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class TargetAddressTest {

    @Test
    void parsesTheThreeForms() {
        assertThat(TargetAddress.parse("alice")).isEqualTo(new TargetAddress("alice", Optional.empty(), Optional.empty()));
        assertThat(TargetAddress.parse("alice%web01")).isEqualTo(new TargetAddress("alice", Optional.empty(), Optional.of("web01")));
        assertThat(TargetAddress.parse("alice%root%web01.example.com"))
                .isEqualTo(new TargetAddress("alice", Optional.of("root"), Optional.of("web01.example.com")));
        assertThat(TargetAddress.parse("alice%root%web01")).hasToString("alice%root%web01");
    }

    @Test
    void refusesMalformedNames() {
        assertThatThrownBy(() -> TargetAddress.parse("alice%%web01")).hasMessageContaining("invalid account name ''");
        assertThatThrownBy(() -> TargetAddress.parse("a%b%c%d")).hasMessageContaining("too many '%'");
        assertThatThrownBy(() -> TargetAddress.parse("alice%web 01")).hasMessageContaining("invalid target name");
        assertThatThrownBy(() -> TargetAddress.parse("")).hasMessageContaining("empty user name");
        assertThatThrownBy(() -> TargetAddress.parse("-oProxyCommand=x")).hasMessageContaining("invalid operator name");
    }
}
