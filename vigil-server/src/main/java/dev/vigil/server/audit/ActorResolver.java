package dev.vigil.server.audit;

import java.util.Optional;

/** Tells the audit log who the current caller is; the identity feature provides it. */
public interface ActorResolver {

    Optional<Actor> currentActor();
}
