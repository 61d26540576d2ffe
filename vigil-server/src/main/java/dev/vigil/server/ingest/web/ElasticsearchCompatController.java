package dev.vigil.server.ingest.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import dev.vigil.server.ingest.InputView;
import dev.vigil.server.ingest.internal.EventAcceptor;
import dev.vigil.server.platform.config.VigilProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enough of the Elasticsearch API for log shippers (Filebeat, Fluent Bit, Vector, Logstash, rsyslog omelasticsearch)
 * to send to Vigil with only a URL change: the cluster-info probes and {@code _bulk}. Documents of {@code index} and
 * {@code create} actions become events of the token's input; {@code update} and {@code delete} are answered per item
 * with an error, since stored events never change. Index templates and ILM are not emulated: turn them off in the
 * shipper (see the README).
 */
@RestController
@Tag(name = "Ingest")
class ElasticsearchCompatController {

    /** The version shippers are told; 8.x clients accept it and use the 8.x bulk format. */
    static final String VERSION = "8.17.0";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventAcceptor acceptor;
    private final long maxDecompressed;

    ElasticsearchCompatController(EventAcceptor acceptor, VigilProperties properties) {
        this.acceptor = acceptor;
        this.maxDecompressed = properties.ingest().maxDecompressedBody().toBytes();
    }

    @RequestMapping(value = "/api/v1/ingest/es", method = {RequestMethod.GET, RequestMethod.HEAD})
    @Operation(summary = "Elasticsearch-compatible cluster info (what shippers probe first)")
    ResponseEntity<Map<String, Object>> info() {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("number", VERSION);
        version.put("build_flavor", "default");
        version.put("lucene_version", "10.3.2");
        version.put("minimum_wire_compatibility_version", "7.17.0");
        version.put("minimum_index_compatibility_version", "7.0.0");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "vigil");
        body.put("cluster_name", "vigil");
        body.put("cluster_uuid", "vigil");
        body.put("version", version);
        body.put("tagline", "You Know, for Search");
        return product(body);
    }

    @GetMapping("/api/v1/ingest/es/_license")
    ResponseEntity<Map<String, Object>> license() {
        return product(Map.of("license", Map.of("status", "active", "type", "basic", "uid", "vigil")));
    }

    @GetMapping("/api/v1/ingest/es/_cluster/health")
    ResponseEntity<Map<String, Object>> health() {
        return product(Map.of("cluster_name", "vigil", "status", "green", "number_of_nodes", 1, "timed_out", false));
    }

    @PostMapping({"/api/v1/ingest/es/_bulk", "/api/v1/ingest/es/{index}/_bulk", "/_bulk", "/{index}/_bulk"})
    @Operation(summary = "Elasticsearch-compatible bulk ingest (NDJSON action/document pairs)", description = """
            Authorization: Bearer, Basic (password = ingest token) or ApiKey (key = ingest token). index and create \
            actions are accepted as events once durable; update and delete get a per-item error.""")
    ResponseEntity<Map<String, Object>> bulk(@RequestAttribute(IngestAuthenticationFilter.INPUT_ATTRIBUTE) InputView input,
            @PathVariable(required = false) String index, HttpServletRequest request) throws IOException {
        long started = System.nanoTime();
        List<IngestBody.Line> lines = IngestBody.lines(IngestBody.read(request, maxDecompressed));
        List<byte[]> documents = new ArrayList<>();
        List<Map<String, Object>> items = new ArrayList<>();
        List<Map<String, Object>> accepted = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            BulkAction action = BulkAction.parse(lines.get(i).bytes(), index);
            boolean hasDocument = action.name().equals("index") || action.name().equals("create") || action.name().equals("update");
            if (hasDocument && i + 1 < lines.size()) {
                i++;
            }
            if (action.error() != null || !hasDocument || action.name().equals("update") || i >= lines.size()) {
                String reason = action.error() != null ? action.error()
                        : action.name().equals("update") || action.name().equals("delete")
                                ? "Vigil stores events immutably; " + action.name() + " is not supported"
                                : "the action has no document line";
                items.add(Map.of(action.name(), Map.of("_index", action.index(), "status", 400,
                        "error", Map.of("type", "illegal_argument_exception", "reason", reason))));
                continue;
            }
            documents.add(lines.get(i).bytes());
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("_index", action.index());
            result.put("_id", action.id() != null ? action.id() : UUID.randomUUID().toString());
            result.put("_version", 1);
            result.put("result", "created");
            result.put("_shards", Map.of("total", 1, "successful", 1, "failed", 0));
            result.put("status", 201);
            Map<String, Object> item = Map.of(action.name(), result);
            items.add(item);
            accepted.add(item);
        }
        acceptor.accept(input, documents, request.getRemoteAddr());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("took", (System.nanoTime() - started) / 1_000_000);
        body.put("errors", accepted.size() != items.size());
        body.put("items", items);
        return product(body);
    }

    /** Elasticsearch 8 clients refuse answers without this header. */
    private static ResponseEntity<Map<String, Object>> product(Map<String, Object> body) {
        return ResponseEntity.ok().header("X-Elastic-Product", "Elasticsearch").body(body);
    }

    /** One action line of a bulk body. */
    record BulkAction(String name, String index, String id, String error) {

        static BulkAction parse(byte[] line, String defaultIndex) {
            String fallbackIndex = defaultIndex == null ? "vigil" : defaultIndex;
            JsonNode node;
            try {
                node = JSON.readTree(line);
            } catch (JacksonException e) {
                return new BulkAction("index", fallbackIndex, null, "the action line is not JSON: " + e.getOriginalMessage());
            }
            if (node == null || !node.isObject() || node.size() != 1) {
                return new BulkAction("index", fallbackIndex, null, "an action line is an object with one key: index, create, update or delete");
            }
            String name = node.propertyNames().iterator().next();
            JsonNode meta = node.get(name);
            String actionIndex = meta.hasNonNull("_index") ? meta.get("_index").asString() : fallbackIndex;
            String id = meta.hasNonNull("_id") ? meta.get("_id").asString() : null;
            if (!List.of("index", "create", "update", "delete").contains(name)) {
                return new BulkAction("index", actionIndex, id, "unknown bulk action '" + name + "'");
            }
            return new BulkAction(name, actionIndex, id, null);
        }
    }
}
