package dev.vigil.server.intel.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import dev.vigil.server.audit.Actor;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.intel.internal.PartnerTokens;
import org.springframework.stereotype.Component;

/** Records every TAXII access, granted or refused, as an audit record of its own. */
@Component
class TaxiiAccessLog {

    static final String ACTION = "intel.taxii.read";

    private final AuditLog audit;

    TaxiiAccessLog(AuditLog audit) {
        this.audit = audit;
    }

    void granted(PartnerTokens.Partner partner, HttpServletRequest request, String objectType, Object objectId, int objects) {
        Map<String, Object> body = body(request, 200);
        body.put("objects", objects);
        record(actor(partner, request), AuditEntry.success(ACTION, objectType, objectId, null, body));
    }

    void refused(PartnerTokens.Partner partner, HttpServletRequest request, int status, String reason) {
        Map<String, Object> body = body(request, status);
        body.put("reason", reason);
        Actor actor = partner == null ? Actor.anonymous(request.getRemoteAddr()) : actor(partner, request);
        record(actor, AuditEntry.success(ACTION, "taxii", request.getRequestURI(), null, body)
                .withOutcome(AuditEntry.Outcome.DENIED));
    }

    private void record(Actor actor, AuditEntry entry) {
        audit.recordIndependently(entry.by(actor));
    }

    private static Actor actor(PartnerTokens.Partner partner, HttpServletRequest request) {
        return new Actor("api-token", partner.id().toString(), "TAXII partner " + partner.name(), request.getRemoteAddr());
    }

    private static Map<String, Object> body(HttpServletRequest request, int status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("path", request.getRequestURI());
        if (request.getQueryString() != null) {
            body.put("query", request.getQueryString().length() > 500 ? request.getQueryString().substring(0, 500) : request.getQueryString());
        }
        body.put("status", status);
        return body;
    }
}
