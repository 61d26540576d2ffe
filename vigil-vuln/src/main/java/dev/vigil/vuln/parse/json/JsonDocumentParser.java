package dev.vigil.vuln.parse.json;

import dev.vigil.vuln.parse.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Parses input text into a JSON tree, turning syntax errors into errors that name the line and column. */
public final class JsonDocumentParser {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .build();

    private JsonDocumentParser() {
    }

    public static JsonCursor parse(String source, String text) throws InvalidInputException {
        try {
            JsonNode root = MAPPER.readTree(text);
            if (root == null || root.isMissingNode()) {
                throw new InvalidInputException(source, "line 1", "empty JSON document");
            }
            return new JsonCursor(source, root, "");
        } catch (JacksonException e) {
            TokenStreamLocation location = e.getLocation();
            String place = location == null ? "" : "line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw new InvalidInputException(source, place, "malformed JSON: " + firstLine(e.getOriginalMessage()), e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "syntax error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
