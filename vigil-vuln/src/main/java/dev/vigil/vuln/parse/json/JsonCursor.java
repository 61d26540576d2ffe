package dev.vigil.vuln.parse.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.vigil.vuln.parse.InvalidInputException;
import tools.jackson.databind.JsonNode;

/**
 * A JSON node together with its JSON pointer, so that readers can demand a shape (array, object, string) and fail
 * with an error naming the exact place. Absent and {@code null} members read as "not given".
 */
public final class JsonCursor {

    private final String source;
    private final JsonNode node;
    private final String pointer;

    JsonCursor(String source, JsonNode node, String pointer) {
        this.source = source;
        this.node = node;
        this.pointer = pointer;
    }

    /** The name of the input this node was read from. */
    public String source() {
        return source;
    }

    public String pointer() {
        return pointer.isEmpty() ? "/" : pointer;
    }

    /** The JSON pointer of a member of this node. */
    public String pointer(String field) {
        return childPointer(field);
    }

    /** This node written back as compact JSON text. */
    public String json() {
        return node.toString();
    }

    public boolean isObject() {
        return node.isObject();
    }

    public boolean isArray() {
        return node.isArray();
    }

    public boolean has(String field) {
        return node.isObject() && node.has(field) && !node.get(field).isNull();
    }

    /** The scalar member as text, or null when absent or null; an object or array there is an error. */
    public String text(String field) throws InvalidInputException {
        JsonNode value = member(field);
        if (value == null) {
            return null;
        }
        if (value.isContainer()) {
            throw error(childPointer(field), "expected a string, found " + describe(value));
        }
        return value.asString();
    }

    /** Like {@link #text} but the member must be present and non-empty. */
    public String requiredText(String field) throws InvalidInputException {
        String value = text(field);
        if (value == null || value.isBlank()) {
            throw error(childPointer(field), "required member \"" + field + "\" is missing or empty");
        }
        return value;
    }

    /** The numeric member, or null when absent or null; non-numbers are an error. */
    public BigDecimal number(String field) throws InvalidInputException {
        JsonNode value = member(field);
        if (value == null) {
            return null;
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isString()) {
            try {
                return new BigDecimal(value.asString().strip());
            } catch (NumberFormatException e) {
                throw error(childPointer(field), "expected a number, found \"" + value.asString() + "\"");
            }
        }
        throw error(childPointer(field), "expected a number, found " + describe(value));
    }

    /** The member of any type, or null when absent or null. */
    public JsonCursor child(String field) {
        JsonNode value = member(field);
        return value == null ? null : new JsonCursor(source, value, childPointer(field));
    }

    /** The object member, or null when absent or null; anything else is an error. */
    public JsonCursor object(String field) throws InvalidInputException {
        JsonNode value = member(field);
        if (value == null) {
            return null;
        }
        if (!value.isObject()) {
            throw error(childPointer(field), "expected an object, found " + describe(value));
        }
        return new JsonCursor(source, value, childPointer(field));
    }

    /** The elements of the array member (empty when absent or null); a non-array is an error. */
    public List<JsonCursor> array(String field) throws InvalidInputException {
        JsonNode value = member(field);
        if (value == null) {
            return List.of();
        }
        return new JsonCursor(source, value, childPointer(field)).elements();
    }

    /** The elements of this node, which must be an array. */
    public List<JsonCursor> elements() throws InvalidInputException {
        if (!node.isArray()) {
            throw error(pointer(), "expected an array, found " + describe(node));
        }
        List<JsonCursor> elements = new ArrayList<>(node.size());
        for (int i = 0; i < node.size(); i++) {
            elements.add(new JsonCursor(source, node.get(i), pointer + "/" + i));
        }
        return elements;
    }

    /** The elements of the array member, each of which must be an object. */
    public List<JsonCursor> objects(String field) throws InvalidInputException {
        List<JsonCursor> elements = array(field);
        for (JsonCursor element : elements) {
            element.requireObject();
        }
        return elements;
    }

    /** Text values of an array of scalars (empty when absent). */
    public List<String> texts(String field) throws InvalidInputException {
        List<String> values = new ArrayList<>();
        for (JsonCursor element : array(field)) {
            if (element.node.isContainer()) {
                throw error(element.pointer(), "expected a string, found " + describe(element.node));
            }
            if (!element.node.isNull()) {
                values.add(element.node.asString());
            }
        }
        return values;
    }

    public JsonCursor requireObject() throws InvalidInputException {
        if (!node.isObject()) {
            throw error(pointer(), "expected an object, found " + describe(node));
        }
        return this;
    }

    public InvalidInputException error(String place, String reason) {
        return new InvalidInputException(source, place, reason);
    }

    private JsonNode member(String field) {
        if (!node.isObject()) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value;
    }

    private String childPointer(String field) {
        return pointer + "/" + field.replace("~", "~0").replace("/", "~1");
    }

    private static String describe(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isString()) {
            return "a string";
        }
        if (value.isNumber()) {
            return "a number";
        }
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
