package dev.vigil.server.identity;

import java.time.Instant;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * What a console session remembers: only who signed in and when. The principal is rebuilt from the database on every
 * request ({@link ConsoleSessionFilter}), so role changes and disabling take effect at once.
 */
public final class ConsoleSession {

    static final String USER = "vigil.user";
    static final String SIGNED_IN_AT = "vigil.signedInAt";
    static final String PENDING_TOTP_USER = "vigil.pendingTotpUser";

    private ConsoleSession() {
    }

    /** Starts a fresh session (a new id, against fixation) for a user who passed every sign-in step. */
    public static void signIn(HttpServletRequest request, UUID userId) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(USER, userId);
        session.setAttribute(SIGNED_IN_AT, Instant.now());
    }

    /** Remembers a user whose password was right and who still has to give a TOTP code. */
    public static void awaitTotp(HttpServletRequest request, UUID userId) {
        request.getSession(true).setAttribute(PENDING_TOTP_USER, userId);
    }

    public static UUID pendingTotpUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (UUID) session.getAttribute(PENDING_TOTP_USER);
    }
}
