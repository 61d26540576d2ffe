package dev.vigil.intel.stix.share;

import java.time.Instant;
import java.util.Objects;

/**
 * The organisation that shares: the STIX {@code identity} every exported object names as {@code created_by_ref}.
 *
 * @param key     stable name the identity's id is derived from (e.g. a tenant id)
 * @param created when the organisation came to be known (the identity's {@code created}; keep it stable)
 */
public record StixProducer(String key, String name, Instant created) {

    /** The operator of a Vigil installation, producing what belongs to no tenant. */
    public static final StixProducer VIGIL = new StixProducer("platform", "Vigil", Instant.EPOCH);

    public StixProducer {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(created, "created");
    }

    public String identityId() {
        return StixIds.of("identity", "producer|" + key);
    }
}
