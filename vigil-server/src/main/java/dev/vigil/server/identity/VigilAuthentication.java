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

    /** Makes the principal the current caller of this thread (the filter that calls it clears it afterwards). */
    static void establish(VigilPrincipal principal) {
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new VigilAuthentication(principal));
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
    }

    @Override
    public String getName() {
        return principal.username();
    }
}
