package dev.vigil.server.identity;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A Spring Security authentication carrying the Vigil principal. */
final class VigilAuthentication extends AbstractAuthenticationToken {

    private final VigilPrincipal principal;

    VigilAuthentication(VigilPrincipal principal) {
        super(List.of(new SimpleGrantedAuthority("ROLE_USER")));
        this.principal = principal;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public VigilPrincipal getPrincipal() {
        return principal;
    }

    @Override
    public String getName() {
        return principal.username();
    }
}
