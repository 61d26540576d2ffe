package dev.vigil.intel.taxii;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A TAXII 2.1 client: discovery, API roots, collections, and polling a collection's objects with {@code added_after},
 * following {@code more}/{@code next} pages. Every request asks for and every answer must carry the media type
 * {@code application/taxii+json;version=2.1}.
 */
public final class TaxiiClient {

    public static final String MEDIA_TYPE = "application/taxii+json;version=2.1";
    /** A server that keeps saying "more" is cut off here rather than polled forever. */
    public static final int MAX_PAGES = 10_000;

    private final HttpClient http;
    private final Duration timeout;
    private final String authorization;
    private final JsonMapper mapper = JsonMapper.builder().build();

    /** @param authorization the {@code Authorization} header value to send, or null */
    public TaxiiClient(HttpClient http, Duration timeout, String authorization) {
        this.http = http;
        this.timeout = timeout;
        this.authorization = authorization == null || authorization.isBlank() ? null : authorization;
    }

    public TaxiiDiscovery discover(URI discovery) throws TaxiiException {
        JsonNode body = get(discovery).body;
        List<URI> roots = new ArrayList<>();
        for (JsonNode root : body.path("api_roots")) {
            roots.add(discovery.resolve(root.asString()));
        }
        String defaultRoot = body.path("default").asString(null);
        return new TaxiiDiscovery(body.path("title").asString(""), defaultRoot == null ? null : discovery.resolve(defaultRoot), roots);
    }

    /** The collections of an API root (its URL ends with a slash). */
    public List<TaxiiCollection> collections(URI apiRoot) throws TaxiiException {
        URI root = withSlash(apiRoot);
        List<TaxiiCollection> collections = new ArrayList<>();
        for (JsonNode collection : get(root.resolve("collections/")).body.path("collections")) {
            String id = collection.path("id").asString("");
            if (id.isBlank()) {
                throw new TaxiiException(root + "collections/: a collection without id");
            }
            collections.add(new TaxiiCollection(id, collection.path("title").asString(""),
                    collection.path("description").asString(""), collection.path("can_read").asBoolean(false),
                    root.resolve("collections/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/")));
        }
        return collections;
    }

    /**
     * Fetches the collection's objects added after {@code addedAfter} (everything when null), page by page, handing
     * each STIX object to {@code sink}.
     */
    public TaxiiPoll poll(URI collection, Instant addedAfter, Consumer<JsonNode> sink) throws TaxiiException {
        URI objects = withSlash(collection).resolve("objects/");
        String next = null;
        Instant last = null;
        int pages = 0;
        int count = 0;
        do {
            StringBuilder query = new StringBuilder();
            if (addedAfter != null) {
                query.append("added_after=").append(encode(addedAfter.toString()));
            }
            if (next != null) {
                query.append(query.isEmpty() ? "" : "&").append("next=").append(encode(next));
            }
            Answer answer = get(query.isEmpty() ? objects : URI.create(objects + "?" + query));
            pages++;
            for (JsonNode object : answer.body.path("objects")) {
                sink.accept(object);
                count++;
            }
            Instant pageLast = answer.addedLast();
            if (pageLast != null && (last == null || pageLast.isAfter(last))) {
                last = pageLast;
            }
            boolean more = answer.body.path("more").asBoolean(false);
            next = more ? answer.body.path("next").asString(null) : null;
            if (more && next == null) {
                throw new TaxiiException(objects + ": the server says there is more but gives no 'next'");
            }
            if (pages >= MAX_PAGES && next != null) {
                throw new TaxiiException(objects + ": more than " + MAX_PAGES + " pages");
            }
        } while (next != null);
        return new TaxiiPoll(pages, count, last);
    }

    private record Answer(JsonNode body, String addedLastHeader, URI uri) {

        Instant addedLast() throws TaxiiException {
            if (addedLastHeader == null) {
                return null;
            }
            try {
                return Instant.parse(addedLastHeader);
            } catch (DateTimeParseException e) {
                throw new TaxiiException(uri + ": X-TAXII-Date-Added-Last is not a timestamp: '" + addedLastHeader + "'");
            }
        }
    }

    private Answer get(URI uri) throws TaxiiException {
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new TaxiiException(uri + ": only http and https URLs can be polled");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", MEDIA_TYPE).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpResponse<byte[]> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new TaxiiException(uri + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaxiiException(uri + ": interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new TaxiiException(uri + ": HTTP " + response.statusCode() + describeError(response.body()));
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!isTaxii21(type)) {
            throw new TaxiiException(uri + ": answered with media type '" + type + "', not " + MEDIA_TYPE);
        }
        try {
            JsonNode body = mapper.readTree(response.body());
            if (body == null || !body.isObject()) {
                throw new TaxiiException(uri + ": the answer is not a JSON object");
            }
            return new Answer(body, response.headers().firstValue("X-TAXII-Date-Added-Last").orElse(null), uri);
        } catch (JacksonException e) {
            throw new TaxiiException(uri + ": the answer is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static boolean isTaxii21(String contentType) {
        String normalized = contentType.toLowerCase(Locale.ROOT).replace(" ", "");
        return normalized.startsWith("application/taxii+json") && normalized.contains("version=2.1");
    }

    /** The title of a TAXII error message, when the body is one. */
    private String describeError(byte[] body) {
        try {
            JsonNode error = mapper.readTree(body);
            String title = error == null ? null : error.path("title").asString(null);
            return title == null ? "" : " (" + title + ")";
        } catch (JacksonException e) {
            return "";
        }
    }

    private static URI withSlash(URI uri) {
        return uri.toString().endsWith("/") ? uri : URI.create(uri + "/");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
