package dev.vigil.server.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.vigil.server.platform.config.VigilProperties;
import dev.vigil.server.platform.security.EndpointAccess;
import dev.vigil.server.platform.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains. The API ({@code /api/**}): stateless, bearer tokens, problem-JSON 401/403, no CSRF (no cookies
 * are accepted there). Everything else (console, health, metrics, API docs): a server-side session with CSRF
 * protection, HttpOnly SameSite cookies, and a strict content security policy. Both authorize each endpoint from the
 * features' {@link EndpointAccess} declarations before the request body is read; undeclared endpoints are refused.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, List<EndpointAccess.Declarations> declarations, ApiTokenService tokens,
            PrincipalFactory principals) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .anonymous(a -> { })
                .addFilterBefore(new BearerTokenFilter(tokens, principals), AbstractPreAuthenticatedProcessingFilter.class)
                .authorizeHttpRequests(auth -> {
                    apply(auth, declarations, true);
                    auth.anyRequest().denyAll();
                })
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            ProblemWriter.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                                    "sign in: send Authorization: Bearer <token> (POST /api/v1/auth/login gives one)");
                        })
                        .accessDeniedHandler(SecurityConfiguration::apiDenied));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleChain(HttpSecurity http, List<EndpointAccess.Declarations> declarations,
            PrincipalFactory principals, VigilProperties properties) throws Exception {
        http.securityContext(c -> c.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .addFilterBefore(new ConsoleSessionFilter(principals, properties.security().sessionAbsoluteTimeout()),
                        AbstractPreAuthenticatedProcessingFilter.class)
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(PathPatternRequestMatcher.withDefaults().matcher("/error")).permitAll();
                    apply(auth, declarations, false);
                    auth.anyRequest().denyAll();
                })
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
                        .accessDeniedHandler(SecurityConfiguration::consoleDenied))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut").deleteCookies("VIGIL_SESSION"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
                                + "style-src 'self' 'unsafe-inline'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; "
                                + "base-uri 'self'; form-action 'self'"))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }

    private static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth,
            List<EndpointAccess.Declarations> declarations, boolean api) {
        for (EndpointAccess.Declarations declaration : declarations) {
            for (EndpointAccess endpoint : declaration.endpoints()) {
                if (endpoint.pattern().startsWith("/api/") != api) {
                    continue;
                }
                var matcher = PathPatternRequestMatcher.withDefaults().matcher(endpoint.method(), endpoint.pattern());
                switch (endpoint.access()) {
                    case EndpointAccess.Anonymous anonymous -> auth.requestMatchers(matcher).permitAll();
                    case EndpointAccess.Authenticated authenticated -> auth.requestMatchers(matcher).authenticated();
                    case EndpointAccess.Permission permission ->
                            auth.requestMatchers(matcher).access(holds(permission.resource(), permission.action()));
                }
            }
        }
    }

    private static AuthorizationManager<RequestAuthorizationContext> holds(String resource, String action) {
        return (authentication, context) -> new AuthorizationDecision(principalOf(authentication.get())
                .map(p -> p.can(resource, action)).orElse(false));
    }

    private static java.util.Optional<VigilPrincipal> principalOf(Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof VigilPrincipal p
                ? java.util.Optional.of(p) : java.util.Optional.empty();
    }

    private static void apiDenied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        var principal = principalOf(org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication());
        String detail = switch (principal.map(VigilPrincipal::restriction).orElse(VigilPrincipal.Restriction.NONE)) {
            case PASSWORD_CHANGE -> "you must change your password first: POST /api/v1/me/password";
            case TOTP_ENROLMENT -> "your roles require TOTP and the enrolment grace period is over: "
                    + "POST /api/v1/me/totp/enrolment, then POST /api/v1/me/totp/confirm";
            case NONE -> "you do not have the permission this endpoint requires";
        };
        ProblemWriter.write(response, HttpStatus.FORBIDDEN, "forbidden", detail);
    }

    private static void consoleDenied(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        var principal = principalOf(org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication());
        if (principal.isPresent() && principal.get().restriction() != VigilPrincipal.Restriction.NONE) {
            response.sendRedirect(request.getContextPath() + "/profile");
            return;
        }
        response.sendError(HttpStatus.FORBIDDEN.value(), "You do not have the permission this page requires.");
    }
}
