package dev.vigil.server.ingest;

import java.util.Optional;

/**
 * What Vigil knows about the hosts and addresses events name. The enrich stage asks it for every event, so an
 * implementation answers from memory; the asset inventory provides one. Values are as events carry them (an
 * implementation canonicalizes them itself).
 */
public interface HostDirectory {

    Optional<KnownHost> byAddress(String tenant, String address);

    Optional<KnownHost> byHostname(String tenant, String hostname);

    /** An asset as the event path sees it: enough to judge an event without a database lookup. */
    record KnownHost(String id, String name, int criticality, String environment) {
    }
}
