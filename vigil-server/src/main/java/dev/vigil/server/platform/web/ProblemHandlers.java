package dev.vigil.server.platform.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Renders every error of the REST API as an RFC 9457 problem. Bad input is a 4xx naming what is wrong; an unexpected
 * failure is a 500 carrying only a reference that is also in the server log — never a stack trace.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
public class ProblemHandlers extends ResponseEntityExceptionHandler {

    public static final String TYPE_PREFIX = "https://vigil.dev/problems/";
    private static final Logger log = LoggerFactory.getLogger(ProblemHandlers.class);

    public static ProblemDetail problem(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + code));
        problem.setTitle(HttpStatus.valueOf(status.value()).getReasonPhrase());
        return problem;
    }

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> handleProblem(ProblemException e) {
        ProblemDetail problem = problem(e.status(), e.code(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> handleDenied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(problem(HttpStatus.FORBIDDEN, "forbidden", e.getMessage() == null ? "access denied" : e.getMessage()));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraint(ConstraintViolationException e) {
        List<String> messages = e.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().toList();
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-input", String.join("; ", messages)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException e) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-input",
                "parameter '" + e.getName() + "' has an invalid value '" + e.getValue() + "'"));
    }

    @ExceptionHandler(org.springframework.web.multipart.MultipartException.class)
    ResponseEntity<ProblemDetail> handleMultipart(org.springframework.web.multipart.MultipartException e) {
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-upload",
                "expected a multipart/form-data upload with a file part"));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e) {
        String reference = UUID.randomUUID().toString();
        log.error("unexpected error, reference {}", reference, e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error", "an internal error occurred; reference " + reference + " is in the server log"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        List<String> messages = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + ": " + f.getDefaultMessage()).sorted().toList();
        String detail = messages.isEmpty() ? "the request body is invalid" : String.join("; ", messages);
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "invalid-input", detail));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof RequestSizeLimitFilter.BodyTooLargeException) {
                // a chunked body that outgrew the limit while the JSON reader consumed it
                return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem(HttpStatus.CONTENT_TOO_LARGE,
                        "body-too-large", "the request body exceeds the limit of " + RequestSizeLimitFilter.limitOf(cause) + " bytes"));
            }
        }
        return ResponseEntity.badRequest().body(problem(HttpStatus.BAD_REQUEST, "malformed-body", ReadableBodyError.describe(e)));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail detail) {
            detail.setType(URI.create(TYPE_PREFIX + "http-" + status.value()));
            return ResponseEntity.status(status).headers(headers).body(detail);
        }
        return ResponseEntity.status(status).headers(headers)
                .body(problem(status, "http-" + status.value(), e.getMessage() == null ? "request refused" : e.getMessage()));
    }
}
