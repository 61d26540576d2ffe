package dev.vigil.ledger.record;

import java.util.Objects;

/** The principal behind an audited action. {@code displayName} is informative and may be empty. */
public record Actor(ActorKind kind, String id, String displayName) {

    public Actor {
        Objects.requireNonNull(kind, "actor kind");
        Fields.requireNonEmpty(id, "actor id");
        Objects.requireNonNull(displayName, "actor display name");
    }
}
