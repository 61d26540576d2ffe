package dev.vigil.server.intel.web;

import dev.vigil.server.intel.internal.PartnerTokens;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.preauth.AbstractPreAuthenticatedProcessingFilter;

/**
 * The TAXII 2.1 server has its own filter chain, ahead of the API's: it takes partner tokens only (never user
 * sessions or API tokens), is stateless and read-only.
 */
@Configuration(proxyBeanMethods = false)
class TaxiiSecurityConfiguration {

    static final String PATHS = "/taxii2/**";

    @Bean
    @Order(0)
    SecurityFilterChain taxiiChain(HttpSecurity http, PartnerTokens tokens, TaxiiAccessLog accessLog) throws Exception {
        http.securityMatcher(PATHS)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new PartnerAuthenticationFilter(tokens, accessLog), AbstractPreAuthenticatedProcessingFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }
}
