package dev.vigil.server.identity;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.vigil.server.platform.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class SeparationOfDutiesTest {

    private final UUID requester = UUID.randomUUID();

    @Test
    void theRequesterCannotApproveTheirOwnRequestNotEvenThroughAToken() {
        VigilPrincipal self = principal(requester, VigilPrincipal.Via.CONSOLE, null);
        VigilPrincipal selfToken = principal(requester, VigilPrincipal.Via.API_TOKEN, UUID.randomUUID());
        for (VigilPrincipal approver : List.of(self, selfToken)) {
            assertThatThrownBy(() -> SeparationOfDuties.requireDifferentPeople(requester, approver, "change CHG-1"))
                    .isInstanceOfSatisfying(ProblemException.class, e -> {
                        org.assertj.core.api.Assertions.assertThat(e.status()).isEqualTo(HttpStatus.FORBIDDEN);
                        org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo("separation-of-duties");
                        org.assertj.core.api.Assertions.assertThat(e.getMessage()).contains("change CHG-1");
                    });
        }
    }

    @Test
    void anotherPersonMayApprove() {
        assertThatCode(() -> SeparationOfDuties.requireDifferentPeople(requester,
                principal(UUID.randomUUID(), VigilPrincipal.Via.CONSOLE, null), "change CHG-1")).doesNotThrowAnyException();
    }

    private static VigilPrincipal principal(UUID user, VigilPrincipal.Via via, UUID token) {
        return new VigilPrincipal(user, "someone", null, List.of("approver"), Set.of(Permission.parse("change:approve:*")), via, token,
                token == null ? null : "ci", VigilPrincipal.Restriction.NONE);
    }
}
