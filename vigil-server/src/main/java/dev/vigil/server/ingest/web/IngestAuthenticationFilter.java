package dev.vigil.server.ingest.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.vigil.server.ingest.IngestTokenService;
import dev.vigil.server.ingest.InputView;
import dev.vigil.server.ingest.internal.IngestTokenCache;
import dev.vigil.server.platform.web.ProblemWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates the event-sending endpoints with ingest tokens. The input the token belongs to is handed to the
 * controller as a request attribute: it fixes the tenant and source of everything in the request.
 */
class IngestAuthenticationFilter extends OncePerRequestFilter {

    static final String INPUT_ATTRIBUTE = "vigil.ingest.input";

    private final IngestTokenCache tokens;

    IngestAuthenticationFilter(IngestTokenCache tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> secret = IngestCredentials.secret(request.getHeader(HttpHeaders.AUTHORIZATION));
        if (secret.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"vigil-ingest\", Basic realm=\"vigil-ingest\"");
            ProblemWriter.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                    "send an ingest token: Authorization: Bearer <token> (or Basic/ApiKey with the token as password)");
            return;
        }
        if (!secret.get().startsWith(IngestTokenService.SECRET_PREFIX)) {
            ProblemWriter.write(response, HttpStatus.FORBIDDEN, "forbidden",
                    "this endpoint takes ingest tokens (vgi_...), which POST /api/v1/ingest/tokens creates for an input");
            return;
        }
        Optional<InputView> input = tokens.authenticate(secret.get());
        if (input.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
            ProblemWriter.write(response, HttpStatus.UNAUTHORIZED, "invalid-token",
                    "the ingest token is unknown, expired or revoked, or its input is disabled");
            return;
        }
        request.setAttribute(INPUT_ATTRIBUTE, input.get());
        chain.doFilter(request, response);
    }
}
