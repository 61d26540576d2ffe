package dev.vigil.server.platform.web;

import java.util.stream.Collectors;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** Turns a body that could not be read into a message naming the place and the reason, without internals. */
final class ReadableBodyError {

    private ReadableBodyError() {
    }

    static String describe(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'" + at(unknown).replace(" at '" + unknown.getPropertyName() + "'", "");
        }
        if (cause instanceof InvalidFormatException invalid) {
            String allowed = invalid.getTargetType() != null && invalid.getTargetType().isEnum()
                    ? "; allowed: " + java.util.Arrays.stream(invalid.getTargetType().getEnumConstants())
                            .map(Object::toString).collect(Collectors.joining(", "))
                    : "";
            return "invalid value '" + invalid.getValue() + "'" + at(invalid) + allowed;
        }
        if (cause instanceof MismatchedInputException mismatched) {
            return "unexpected value" + at(mismatched) + ": " + mismatched.getOriginalMessage();
        }
        if (cause instanceof JacksonException json) {
            return "malformed JSON at line " + (json.getLocation() == null ? "?" : json.getLocation().getLineNr())
                    + ", column " + (json.getLocation() == null ? "?" : json.getLocation().getColumnNr())
                    + ": " + json.getOriginalMessage();
        }
        return "the request body is missing or not valid JSON";
    }

    private static String at(JacksonException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "" : " at '" + path + "'";
    }
}
