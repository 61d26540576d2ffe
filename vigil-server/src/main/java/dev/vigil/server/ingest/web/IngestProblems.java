package dev.vigil.server.ingest.web;

import dev.vigil.events.store.QuerySyntaxException;
import dev.vigil.server.platform.web.ProblemHandlers;
import dev.vigil.spool.SpoolFullException;
import dev.vigil.spool.SpoolWriteException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** How the event path's refusals reach HTTP clients. */
@RestControllerAdvice(basePackageClasses = IngestProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class IngestProblems {

    private static final Logger log = LoggerFactory.getLogger(IngestProblems.class);

    @ExceptionHandler(SpoolFullException.class)
    ResponseEntity<ProblemDetail> spoolFull(SpoolFullException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).header(HttpHeaders.RETRY_AFTER, "5")
                .body(ProblemHandlers.problem(HttpStatus.TOO_MANY_REQUESTS, "backpressure",
                        "Vigil is behind on processing (" + e.getMessage() + "); nothing of this request was accepted, retry later"));
    }

    @ExceptionHandler(SpoolWriteException.class)
    ResponseEntity<ProblemDetail> spoolWrite(SpoolWriteException e) {
        log.error("the spool refused a write; events were refused with 507", e);
        return ResponseEntity.status(HttpStatus.INSUFFICIENT_STORAGE).header(HttpHeaders.RETRY_AFTER, "30")
                .body(ProblemHandlers.problem(HttpStatus.INSUFFICIENT_STORAGE, "storage-unavailable",
                        "the server could not store the events durably (" + e.getMessage() + "); nothing was accepted, retry later"));
    }

    @ExceptionHandler(QuerySyntaxException.class)
    ResponseEntity<ProblemDetail> query(QuerySyntaxException e) {
        return ResponseEntity.badRequest().body(ProblemHandlers.problem(HttpStatus.BAD_REQUEST, "invalid-query", e.getMessage()));
    }
}
