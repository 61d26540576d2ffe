package dev.vigil.server.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A refusal that reaches the client as an RFC 9457 problem: status, a stable code ({@code type} suffix) and a
 * human-readable detail. Features throw the subclasses; {@link ProblemHandlers} renders them.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ProblemException(HttpStatus status, String code, String detail) {
        super(detail);
        this.status = status;
        this.code = code;
    }

    /** Further members of the problem (RFC 9457 §3.2 extension members), e.g. the list of what failed. */
    public Map<String, Object> properties() {
        return properties;
    }

    /** Adds an extension member to the problem; returns this exception. */
    public ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }

    public static ProblemException badRequest(String code, String detail) {
        return new ProblemException(HttpStatus.BAD_REQUEST, code, detail);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", what + " " + id + " does not exist");
    }

    public static ProblemException unprocessable(String code, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, code, detail);
    }

    public static ProblemException conflict(String code, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, code, detail);
    }

    public static ProblemException forbidden(String code, String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, code, detail);
    }

    public static ProblemException unauthorized(String code, String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, code, detail);
    }
}
