package dev.vigil.server.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import dev.vigil.server.platform.web.ProblemException;
import org.junit.jupiter.api.Test;

class ForwardDestinationsTest {

    @Test
    void aDestinationMatchesExactlyOrByHostWithAnyPort() {
        List<String> allowed = ForwardDestinations.parse(List.of("DB01:5432", " 10.0.0.7:* "), true);

        assertThat(allowed).containsExactly("db01:5432", "10.0.0.7:*");
        assertThat(ForwardDestinations.allows(allowed, "db01:5432")).isTrue();
        assertThat(ForwardDestinations.allows(allowed, "DB01:5432")).isTrue();
        assertThat(ForwardDestinations.allows(allowed, "db01:22")).isFalse();
        assertThat(ForwardDestinations.allows(allowed, "10.0.0.7:8080")).isTrue();
        assertThat(ForwardDestinations.allows(allowed, "10.0.0.70:8080")).isFalse();
        assertThat(ForwardDestinations.allows(List.of(), "anything:1")).as("no list: any destination").isTrue();
    }

    @Test
    void malformedDestinationsOrDestinationsWithoutForwardAreRefused() {
        assertThatThrownBy(() -> ForwardDestinations.parse(List.of("db01"), true)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> ForwardDestinations.parse(List.of("db01:0"), true)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> ForwardDestinations.parse(List.of("db01:5432;x"), true)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> ForwardDestinations.parse(List.of("db01:5432"), false)).isInstanceOf(ProblemException.class)
                .hasMessageContaining("forward channel only");
    }
}
