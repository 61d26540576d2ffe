package dev.vigil.server.intel.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import dev.vigil.intel.taxii.TaxiiClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Writes TAXII 2.1 answers and error messages with the TAXII media type. */
final class TaxiiResponses {

    static final String MEDIA_TYPE = TaxiiClient.MEDIA_TYPE;
    static final JsonMapper JSON = JsonMapper.builder().build();

    private TaxiiResponses() {
    }

    static void write(HttpServletResponse response, int status, String body, Map<String, String> headers) throws IOException {
        response.setStatus(status);
        response.setContentType(MEDIA_TYPE);
        response.setHeader("Cache-Control", "no-store");
        headers.forEach(response::setHeader);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** A TAXII error message: title, description and the HTTP status as a string. */
    static void error(HttpServletResponse response, int status, String title, String description) throws IOException {
        ObjectNode error = JSON.createObjectNode();
        error.put("title", title);
        error.put("description", description);
        error.put("http_status", Integer.toString(status));
        write(response, status, error.toString(), Map.of());
    }
}
