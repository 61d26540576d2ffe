package dev.vigil.server.intel;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.intel.stix.share.TlpMarking;
import tools.jackson.databind.node.ObjectNode;

/**
 * Incidents as TAXII collections share them: implemented by the feature that owns incidents, so that intel, which
 * serves the collections, does not depend on it (incidents already use intel's indicators).
 */
public interface SharedIncidents {

    String STIX_MEDIA_TYPE = "application/stix+json;version=2.1";

    /** An incident chosen for sharing, as the caller (who must be able to read it) sees it. */
    record Shareable(UUID id, String ref, String title, String tenant, String tlp) {
    }

    /** What a chosen incident shares: its TLP and its STIX objects. */
    record SharedObjects(TlpMarking tlp, List<ObjectNode> objects) {
    }

    /** Checks that the caller may read the incident (404 otherwise) and says what it is. */
    Shareable shareable(UUID id);

    /** For a background publisher (no caller): the incident's TLP and STIX objects, if it exists. */
    Optional<SharedObjects> objectsForPublication(UUID id);
}
