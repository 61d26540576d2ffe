package dev.vigil.server.identity;

import java.util.Optional;

import dev.vigil.server.audit.Actor;
import dev.vigil.server.audit.ActorResolver;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Tells the audit log who is acting: the signed-in user, or the API token (naming its owner). */
@Component
class CurrentActor implements ActorResolver {

    private final AccessPolicy access;

    CurrentActor(AccessPolicy access) {
        this.access = access;
    }

    @Override
    public Optional<Actor> currentActor() {
        String address = "";
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            address = attributes.getRequest().getRemoteAddr();
        }
        String from = address;
        return access.current().map(p -> p.via() == VigilPrincipal.Via.API_TOKEN
                ? new Actor("api-token", p.tokenId().toString(), p.tokenName() + " (" + p.username() + ")", from)
                : new Actor("user", p.userId().toString(), p.username(), from));
    }
}
