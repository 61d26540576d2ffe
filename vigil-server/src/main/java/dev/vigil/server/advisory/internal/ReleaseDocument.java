package dev.vigil.server.advisory.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The document of a release: the draft with {@code /document/tracking} set by the publisher — status final, the
 * next integer version, the current release date, the initial release date of the first release, and the revision
 * history of the previous release with this one appended.
 */
public final class ReleaseDocument {

    private ReleaseDocument() {
    }

    /**
     * @param draft    the edited draft (not changed)
     * @param previous the document of the latest release, or null for the first
     * @param version  the number of this release (1, 2, ...)
     */
    public static ObjectNode of(JsonNode draft, String trackingId, JsonNode previous, int version, Instant now, String summary) {
        ObjectNode release = (ObjectNode) draft.deepCopy();
        ObjectNode document = release.has("document") && release.get("document").isObject()
                ? (ObjectNode) release.get("document") : release.putObject("document");
        JsonNode oldTracking = document.path("tracking");
        ObjectNode tracking = JsonNodeFactory.instance.objectNode();
        String date = now.truncatedTo(ChronoUnit.SECONDS).toString();
        tracking.put("current_release_date", date);
        if (oldTracking.has("generator")) {
            tracking.set("generator", oldTracking.get("generator"));
        }
        tracking.put("id", trackingId);
        JsonNode previousTracking = previous == null ? null : previous.path("document").path("tracking");
        tracking.put("initial_release_date", previousTracking == null ? date : previousTracking.path("initial_release_date").asString());
        ArrayNode history = tracking.putArray("revision_history");
        if (previousTracking != null) {
            previousTracking.path("revision_history").values().forEach(item -> history.add(item.deepCopy()));
        }
        history.addObject().put("date", date).put("number", Integer.toString(version)).put("summary", summary);
        tracking.put("status", "final");
        tracking.put("version", Integer.toString(version));
        document.set("tracking", tracking);
        return release;
    }
}
