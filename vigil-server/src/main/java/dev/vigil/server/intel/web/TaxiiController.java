package dev.vigil.server.intel.web;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import dev.vigil.intel.stix.share.StixBundleWriter;
import dev.vigil.server.intel.SharedIncidents;
import dev.vigil.server.intel.internal.CollectionObjects;
import dev.vigil.server.intel.internal.PartnerTokens;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The TAXII 2.1 server partners poll (read-only): discovery, the API root, the collections the partner is scoped to,
 * their objects (added_after, match[id], match[type], match[version], match[spec_version], limit and next, with the
 * X-TAXII-Date-Added-First/Last headers), single objects and manifests. The partner was authenticated by
 * {@link PartnerAuthenticationFilter}; a collection it is not scoped to is refused with 403, and every access is an
 * audit record.
 */
@RestController
@Tag(name = "TAXII 2.1 (partners)")
class TaxiiController {

    static final String DISCOVERY = "/taxii2/";
    static final String ROOT = "/taxii2/vigil/";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private final CollectionObjects objects;
    private final TaxiiAccessLog accessLog;

    TaxiiController(CollectionObjects objects, TaxiiAccessLog accessLog) {
        this.objects = objects;
        this.accessLog = accessLog;
    }

    @GetMapping(DISCOVERY)
    @Operation(summary = "TAXII 2.1 discovery (partner token)")
    void discovery(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PartnerTokens.Partner partner = partner(request);
        String root = ServletUriComponentsBuilder.fromContextPath(request).path(ROOT).toUriString();
        ObjectNode body = TaxiiResponses.JSON.createObjectNode();
        body.put("title", "Vigil TAXII 2.1 server");
        body.put("description", "Threat intelligence shared with " + partner.name());
        body.put("default", root);
        body.putArray("api_roots").add(root);
        accessLog.granted(partner, request, "taxii", "discovery", 0);
        TaxiiResponses.write(response, 200, body.toString(), Map.of());
    }

    @GetMapping(ROOT)
    @Operation(summary = "TAXII 2.1 API root (partner token)")
    void apiRoot(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ObjectNode body = TaxiiResponses.JSON.createObjectNode();
        body.put("title", "Vigil");
        body.put("description", "Collections of indicators and incident reports");
        body.putArray("versions").add(TaxiiResponses.MEDIA_TYPE);
        body.put("max_content_length", 0);
        accessLog.granted(partner(request), request, "taxii", "api-root", 0);
        TaxiiResponses.write(response, 200, body.toString(), Map.of());
    }

    @GetMapping(ROOT + "collections/")
    @Operation(summary = "The collections the partner may read")
    void collections(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PartnerTokens.Partner partner = partner(request);
        List<CollectionObjects.Collection> readable = objects.collections(partner.collectionIds());
        ObjectNode body = TaxiiResponses.JSON.createObjectNode();
        if (!readable.isEmpty()) {
            ArrayNode list = body.putArray("collections");
            readable.forEach(collection -> list.add(describe(collection)));
        }
        accessLog.granted(partner, request, "taxii", "collections", readable.size());
        TaxiiResponses.write(response, 200, body.toString(), Map.of());
    }

    @GetMapping(ROOT + "collections/{id}/")
    @Operation(summary = "One collection the partner may read")
    void collection(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<CollectionObjects.Collection> collection = readable(id, request, response);
        if (collection.isPresent()) {
            accessLog.granted(partner(request), request, "taxii-collection", collection.get().id(), 0);
            TaxiiResponses.write(response, 200, describe(collection.get()).toString(), Map.of());
        }
    }

    @GetMapping(ROOT + "collections/{id}/objects/")
    @Operation(summary = "The collection's objects: added_after, match[id|type|version|spec_version], limit, next")
    void objects(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        page(id, null, Listing.OBJECTS, request, response);
    }

    @GetMapping(ROOT + "collections/{id}/objects/{objectId}/")
    @Operation(summary = "One object of the collection")
    void object(@PathVariable String id, @PathVariable String objectId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        page(id, objectId, Listing.OBJECTS, request, response);
    }

    @GetMapping(ROOT + "collections/{id}/objects/{objectId}/versions/")
    @Operation(summary = "The versions of one object the collection holds (only its latest version is kept)")
    void versions(@PathVariable String id, @PathVariable String objectId, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        page(id, objectId, Listing.VERSIONS, request, response);
    }

    @GetMapping(ROOT + "collections/{id}/manifest/")
    @Operation(summary = "The collection's manifest: id, date_added, version and media type of each object")
    void manifest(@PathVariable String id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        page(id, null, Listing.MANIFEST, request, response);
    }

    /** What a page lists: the objects, their manifest entries, or (for one object) its version timestamps. */
    private enum Listing {
        OBJECTS, MANIFEST, VERSIONS
    }

    private void page(String id, String objectId, Listing listing, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        Optional<CollectionObjects.Collection> collection = readable(id, request, response);
        if (collection.isEmpty()) {
            return;
        }
        CollectionObjects.Filter filter;
        try {
            filter = filter(request, objectId);
        } catch (IllegalArgumentException e) {
            accessLog.refused(partner(request), request, 400, e.getMessage());
            TaxiiResponses.error(response, 400, "Bad request", e.getMessage());
            return;
        }
        CollectionObjects.Page page = filter == null ? new CollectionObjects.Page(List.of(), false)
                : objects.page(collection.get().id(), filter);
        if (objectId != null && page.objects().isEmpty()) {
            accessLog.refused(partner(request), request, 404, "no object " + objectId);
            TaxiiResponses.error(response, 404, "Not found", "the collection holds no object " + objectId);
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        StringBuilder body = new StringBuilder("{");
        if (!page.objects().isEmpty()) {
            headers.put("X-TAXII-Date-Added-First", StixBundleWriter.timestamp(page.objects().getFirst().dateAdded()));
            headers.put("X-TAXII-Date-Added-Last", StixBundleWriter.timestamp(page.objects().getLast().dateAdded()));
            body.append("\"more\":").append(page.more());
            if (page.more()) {
                body.append(",\"next\":\"").append(page.next()).append('"');
            }
            body.append(listing == Listing.VERSIONS ? ",\"versions\":[" : ",\"objects\":[");
            for (int i = 0; i < page.objects().size(); i++) {
                CollectionObjects.Stored stored = page.objects().get(i);
                body.append(i == 0 ? "" : ",").append(switch (listing) {
                    case OBJECTS -> stored.object();
                    case MANIFEST -> manifestEntry(stored);
                    case VERSIONS -> '"' + StixBundleWriter.timestamp(stored.version()) + '"';
                });
            }
            body.append(']');
        }
        body.append('}');
        accessLog.granted(partner(request), request, "taxii-collection", collection.get().id(), page.objects().size());
        TaxiiResponses.write(response, 200, body.toString(), headers);
    }

    /** The filter the query asks for; null when it can match nothing (a spec_version other than 2.1). */
    private static CollectionObjects.Filter filter(HttpServletRequest request, String objectId) {
        Instant addedAfter = null;
        String added = request.getParameter("added_after");
        if (added != null && !added.isBlank()) {
            addedAfter = timestamp("added_after", added);
        }
        int limit = DEFAULT_LIMIT;
        String limitText = request.getParameter("limit");
        if (limitText != null && !limitText.isBlank()) {
            try {
                limit = Integer.parseInt(limitText.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("limit must be a positive whole number, not '" + limitText + "'");
            }
            if (limit < 1) {
                throw new IllegalArgumentException("limit must be at least 1");
            }
            limit = Math.min(limit, MAX_LIMIT);
        }
        long after = 0;
        String next = request.getParameter("next");
        if (next != null && !next.isBlank()) {
            try {
                after = Long.parseLong(next.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("next '" + next + "' is not a value this server gave");
            }
        }
        List<String> ids = new ArrayList<>(list(request, "match[id]"));
        if (objectId != null) {
            ids.add(objectId);
        }
        List<Instant> versions = new ArrayList<>();
        for (String version : list(request, "match[version]")) {
            if (!version.equals("last") && !version.equals("first") && !version.equals("all")) {
                versions.add(timestamp("match[version]", version));
            }
        }
        List<String> specVersions = list(request, "match[spec_version]");
        if (!specVersions.isEmpty() && !specVersions.contains("2.1")) {
            return null;
        }
        return new CollectionObjects.Filter(addedAfter, ids, list(request, "match[type]"), versions, after, limit);
    }

    private static List<String> list(HttpServletRequest request, String name) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? List.of()
                : Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static Instant timestamp(String name, String text) {
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be an RFC 3339 timestamp such as 2026-01-31T08:00:00.000Z, not '"
                    + text + "'");
        }
    }

    private Optional<CollectionObjects.Collection> readable(String id, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        PartnerTokens.Partner partner = partner(request);
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            uuid = null;
        }
        Optional<CollectionObjects.Collection> collection = uuid == null ? Optional.empty() : objects.collection(uuid);
        if (collection.isEmpty()) {
            accessLog.refused(partner, request, 404, "no collection " + id);
            TaxiiResponses.error(response, 404, "Not found", "no collection " + id);
            return Optional.empty();
        }
        if (!partner.mayRead(uuid)) {
            accessLog.refused(partner, request, 403, "not scoped to collection " + id);
            TaxiiResponses.error(response, 403, "Forbidden", "this partner token may not read collection " + id);
            return Optional.empty();
        }
        return collection;
    }

    private static ObjectNode describe(CollectionObjects.Collection collection) {
        ObjectNode node = TaxiiResponses.JSON.createObjectNode();
        node.put("id", collection.id().toString());
        node.put("title", collection.title());
        if (!collection.description().isBlank()) {
            node.put("description", collection.description());
        }
        node.put("can_read", true);
        node.put("can_write", false);
        node.putArray("media_types").add(SharedIncidents.STIX_MEDIA_TYPE);
        return node;
    }

    private static String manifestEntry(CollectionObjects.Stored stored) {
        ObjectNode entry = TaxiiResponses.JSON.createObjectNode();
        entry.put("id", stored.id());
        entry.put("date_added", StixBundleWriter.timestamp(stored.dateAdded()));
        entry.put("version", StixBundleWriter.timestamp(stored.version()));
        entry.put("media_type", SharedIncidents.STIX_MEDIA_TYPE);
        return entry.toString();
    }

    private static PartnerTokens.Partner partner(HttpServletRequest request) {
        return (PartnerTokens.Partner) request.getAttribute(PartnerAuthenticationFilter.PARTNER_ATTRIBUTE);
    }
}
