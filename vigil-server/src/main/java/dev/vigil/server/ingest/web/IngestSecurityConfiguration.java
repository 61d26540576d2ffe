package dev.vigil.server.ingest.web;

import java.util.List;

import dev.vigil.server.ingest.internal.IngestTokenCache;
import dev.vigil.server.platform.config.VigilProperties;
import dev.vigil.server.platform.web.BodyLimit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The event-sending endpoints have their own filter chain, ahead of the API's: they take ingest tokens (not user
 * tokens), are stateless, and accept bodies up to {@code vigil.ingest.max-request-body}.
 */
@Configuration(proxyBeanMethods = false)
class IngestSecurityConfiguration {

    /** Every path that receives events (the Elasticsearch-compatible ones also at the root, where rsyslog posts). */
    static final List<String> DATA_PATHS = List.of("/api/v1/ingest/ndjson", "/api/v1/ingest/json", "/api/v1/ingest/es",
            "/api/v1/ingest/es/**", "/_bulk", "/{index}/_bulk");

    @Bean
    @Order(0)
    SecurityFilterChain ingestChain(HttpSecurity http, IngestTokenCache tokens) throws Exception {
        RequestMatcher[] matchers = DATA_PATHS.stream().map(p -> PathPatternRequestMatcher.withDefaults().matcher(p))
                .toArray(RequestMatcher[]::new);
        http.securityMatcher(new OrRequestMatcher(matchers))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new IngestAuthenticationFilter(tokens), AbstractPreAuthenticatedProcessingFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    BodyLimit ingestBodyLimit(VigilProperties properties) {
        return new BodyLimit(DATA_PATHS, properties.ingest().maxRequestBody().toBytes(), "vigil.ingest.max-request-body");
    }
}
