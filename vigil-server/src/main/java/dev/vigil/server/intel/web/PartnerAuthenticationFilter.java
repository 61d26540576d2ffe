package dev.vigil.server.intel.web;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.vigil.server.intel.TaxiiPartners;
import dev.vigil.server.intel.internal.PartnerTokens;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates TAXII requests with partner tokens ({@code Authorization: Bearer vtp_…}) and checks that the client
 * accepts TAXII 2.1; refusals are TAXII error messages (401, 403, 406) and audit records.
 */
class PartnerAuthenticationFilter extends OncePerRequestFilter {

    static final String PARTNER_ATTRIBUTE = "vigil.taxii.partner";

    private final PartnerTokens tokens;
    private final TaxiiAccessLog accessLog;

    PartnerAuthenticationFilter(PartnerTokens tokens, TaxiiAccessLog accessLog) {
        this.tokens = tokens;
        this.accessLog = accessLog;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String secret = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : "";
        if (secret.isEmpty()) {
            accessLog.refused(null, request, 401, "no partner token");
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"vigil-taxii\"");
            TaxiiResponses.error(response, 401, "Authentication required",
                    "send the partner token an administrator issued: Authorization: Bearer vtp_...");
            return;
        }
        if (!secret.startsWith(TaxiiPartners.SECRET_PREFIX)) {
            accessLog.refused(null, request, 403, "not a partner token");
            TaxiiResponses.error(response, 403, "Forbidden", "the TAXII endpoints take partner tokens (vtp_...), "
                    + "which POST /api/v1/intel/sharing/partners issues; user and API tokens are not accepted");
            return;
        }
        Optional<PartnerTokens.Partner> partner = tokens.authenticate(secret);
        if (partner.isEmpty()) {
            accessLog.refused(null, request, 401, "unknown or revoked partner token");
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"vigil-taxii\", error=\"invalid_token\"");
            TaxiiResponses.error(response, 401, "Invalid token", "the partner token is unknown or revoked");
            return;
        }
        if (!acceptsTaxii21(request.getHeader(HttpHeaders.ACCEPT))) {
            accessLog.refused(partner.get(), request, 406, "Accept: " + request.getHeader(HttpHeaders.ACCEPT));
            TaxiiResponses.error(response, 406, "Not acceptable", "this server answers " + TaxiiResponses.MEDIA_TYPE
                    + "; send it in the Accept header");
            return;
        }
        request.setAttribute(PARTNER_ATTRIBUTE, partner.get());
        chain.doFilter(request, response);
    }

    /** No Accept header, a wildcard, or application/taxii+json without a version or with version 2.1. */
    static boolean acceptsTaxii21(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.toLowerCase(Locale.ROOT).replace(" ", "").split(",")) {
            String type = range.split(";", 2)[0];
            if (type.equals("*/*") || type.equals("application/*")) {
                return true;
            }
            if (type.equals("application/taxii+json") && (!range.contains("version=") || range.contains("version=2.1"))) {
                return true;
            }
        }
        return false;
    }
}
