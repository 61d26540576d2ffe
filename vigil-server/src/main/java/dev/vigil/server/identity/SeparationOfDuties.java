package dev.vigil.server.identity;

import java.util.UUID;

import dev.vigil.server.platform.web.ProblemException;

/**
 * Rules that keep one person from completing a sensitive action alone. Features that approve things call these;
 * an API token acts for its owner, so a user cannot approve their own request through a token either.
 */
public final class SeparationOfDuties {

    private SeparationOfDuties() {
    }

    /** Whoever requested something can never approve it. */
    public static void requireDifferentPeople(UUID requester, VigilPrincipal approver, String what) {
        if (requester.equals(approver.userId())) {
            throw ProblemException.forbidden("separation-of-duties",
                    "the requester of " + what + " cannot approve it; another person with the approver role must");
        }
    }
}
