package dev.vigil.server.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.vigil.server.platform.web.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates API requests carrying {@code Authorization: Bearer <secret>} (an API token or a bearer session).
 * A presented but invalid, expired or revoked secret is refused with 401 at once rather than treated as anonymous.
 */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokenService tokens;
    private final PrincipalFactory principals;

    BearerTokenFilter(ApiTokenService tokens, PrincipalFactory principals) {
        this.tokens = tokens;
        this.principals = principals;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        String secret = header.substring(7).trim();
        var principal = tokens.authenticate(secret, request.getRemoteAddr()).flatMap(principals::forToken);
        if (principal.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            ProblemWriter.write(response, HttpStatus.UNAUTHORIZED, "invalid-token",
                    "the bearer token is unknown, expired or revoked, or its owner is disabled");
            return;
        }
        VigilAuthentication.establish(principal.get());
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
