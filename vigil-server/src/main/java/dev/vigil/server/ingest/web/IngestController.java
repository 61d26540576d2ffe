package dev.vigil.server.ingest.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import dev.vigil.detect.event.RecordBatches;
import dev.vigil.server.ingest.InputView;
import dev.vigil.server.ingest.internal.EventAcceptor;
import dev.vigil.server.platform.config.VigilProperties;
import dev.vigil.server.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events over HTTP, authenticated with an ingest token. The answer comes after the events are durable in the spool;
 * 429 with Retry-After when the spool is above its high-water mark (nothing of the request was accepted).
 */
@RestController
@Tag(name = "Ingest")
class IngestController {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventAcceptor acceptor;
    private final long maxDecompressed;

    IngestController(EventAcceptor acceptor, VigilProperties properties) {
        this.acceptor = acceptor;
        this.maxDecompressed = properties.ingest().maxDecompressedBody().toBytes();
    }

    record Accepted(int accepted) {
    }

    @PostMapping(value = "/api/v1/ingest/ndjson")
    @Operation(summary = "Send events as NDJSON (one JSON document per line; gzip with Content-Encoding: gzip)",
            description = """
                    Authorization: Bearer <ingest token>. Every non-blank line becomes one event of the token's input; a \
                    line that is not valid JSON is stored raw with the tag parse-error (never dropped). A line that is a \
                    batch of cloud audit records ({"Records":[...]} as in CloudTrail files, {"records":[...]} as Azure \
                    exports) becomes one event per record. Answers with the number of events accepted once they are \
                    durable; 429 + Retry-After when Vigil is behind, 413 above vigil.ingest.max-request-body.""")
    Accepted ndjson(@RequestAttribute(IngestAuthenticationFilter.INPUT_ATTRIBUTE) InputView input, HttpServletRequest request)
            throws IOException {
        byte[] body = IngestBody.read(request, maxDecompressed);
        List<byte[]> payloads = new ArrayList<>();
        for (IngestBody.Line line : IngestBody.lines(body)) {
            byte[] bytes = line.bytes();
            List<byte[]> records = RecordBatches.records(bytes);
            if (records == null) {
                payloads.add(bytes);
            } else {
                payloads.addAll(records);
            }
        }
        return new Accepted(acceptor.accept(input, payloads, request.getRemoteAddr()));
    }

    @PostMapping(value = "/api/v1/ingest/json")
    @Operation(summary = "Send events as a JSON array of documents, or one JSON document (gzip allowed)",
            description = """
                    Authorization: Bearer <ingest token>. Each object of an array is one event; a batch of cloud audit \
                    records ({"Records":[...]}, {"records":[...]}) is one event per record. A body that is not JSON is \
                    refused with 400 (nothing stored).""")
    Accepted json(@RequestAttribute(IngestAuthenticationFilter.INPUT_ATTRIBUTE) InputView input, HttpServletRequest request)
            throws IOException {
        byte[] body = IngestBody.read(request, maxDecompressed);
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JacksonException e) {
            throw ProblemException.badRequest("malformed-body", "the body is not JSON: " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            return new Accepted(0);
        }
        List<byte[]> payloads = new ArrayList<>();
        if (root.isArray()) {
            for (JsonNode element : root) {
                if (!element.isObject()) {
                    throw ProblemException.badRequest("malformed-body", "every element of the array must be a JSON object");
                }
                payloads.add(JSON.writeValueAsBytes(element));
            }
        } else if (root.isObject()) {
            List<byte[]> records = RecordBatches.records(body);
            if (records == null) {
                payloads.add(body);
            } else {
                payloads.addAll(records);
            }
        } else {
            throw ProblemException.badRequest("malformed-body", "send a JSON object or an array of objects");
        }
        return new Accepted(acceptor.accept(input, payloads, request.getRemoteAddr()));
    }

}
