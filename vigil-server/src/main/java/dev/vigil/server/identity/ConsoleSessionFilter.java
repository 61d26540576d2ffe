package dev.vigil.server.identity;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns a console session into a principal on each request, ending sessions past the absolute timeout and sessions of
 * users who were disabled or deleted meanwhile. (The idle timeout is the servlet session timeout.)
 */
class ConsoleSessionFilter extends OncePerRequestFilter {

    private final PrincipalFactory principals;
    private final Duration absoluteTimeout;

    ConsoleSessionFilter(PrincipalFactory principals, Duration absoluteTimeout) {
        this.principals = principals;
        this.absoluteTimeout = absoluteTimeout;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(ConsoleSession.USER) instanceof UUID userId) {
            Instant signedInAt = (Instant) session.getAttribute(ConsoleSession.SIGNED_IN_AT);
            var principal = principals.forUser(userId, VigilPrincipal.Via.CONSOLE);
            if (principal.isEmpty() || signedInAt == null || signedInAt.plus(absoluteTimeout).isBefore(Instant.now())) {
                session.invalidate();
            } else {
                VigilAuthentication.establish(principal.get());
            }
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
