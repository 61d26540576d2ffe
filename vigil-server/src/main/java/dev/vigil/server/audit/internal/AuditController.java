package dev.vigil.server.audit.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.vigil.server.audit.AuditQuery;
import dev.vigil.server.audit.AuditRecord;
import dev.vigil.server.audit.AuditSearch;
import dev.vigil.server.platform.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Read-only access to the audit trail for auditors and administrators. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit", description = "Operation records (read-only)")
class AuditController {

    static final int MAX_LIMIT = 1000;

    private final AuditSearch search;

    AuditController(AuditSearch search) {
        this.search = search;
    }

    @GetMapping("/records")
    @Operation(summary = "Search operation records", description = "Ordered by sequence number. Requires audit:read.")
    List<AuditRecord> records(
            @Parameter(description = "first sequence number to return (0-based)") @RequestParam(required = false) Long from,
            @Parameter(description = "actor id or name") @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String objectType,
            @RequestParam(required = false) String objectId,
            @RequestParam(required = false) UUID tenant,
            @Parameter(description = "success, failure or denied") @RequestParam(required = false) String outcome,
            @Parameter(description = "ISO-8601 instant, inclusive") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant since,
            @Parameter(description = "ISO-8601 instant, exclusive") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant until,
            @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest("invalid-input", "limit must be between 1 and " + MAX_LIMIT);
        }
        if (outcome != null && !List.of("success", "failure", "denied").contains(outcome)) {
            throw ProblemException.badRequest("invalid-input", "outcome must be success, failure or denied");
        }
        Long afterSeq = from == null ? null : from - 1;
        return search.search(new AuditQuery(actor, action, objectType, objectId, tenant, outcome, since, until, afterSeq, limit));
    }
}
