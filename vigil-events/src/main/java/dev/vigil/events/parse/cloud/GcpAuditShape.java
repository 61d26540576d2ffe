package dev.vigil.events.parse.cloud;

import dev.vigil.events.parse.draft.EventClass;
import dev.vigil.events.parse.draft.EventDraft;
import dev.vigil.events.parse.draft.EventFields;
import dev.vigil.events.parse.json.FlatJson;
import dev.vigil.events.parse.json.JsonShape;
import dev.vigil.events.parse.json.JsonTimestamps;

/**
 * A Google Cloud audit log entry (a LogEntry whose {@code protoPayload.@type} is
 * {@code type.googleapis.com/google.cloud.audit.AuditLog}), as Cloud Logging sinks and Pub/Sub deliver it. Besides
 * the common fields it gets the {@code gcp.audit.*} names of Elastic's Google Cloud integration, which SigmaHQ's GCP
 * rules use ({@code gcp.audit.method_name}).
 */
public final class GcpAuditShape implements JsonShape {
    static final String AUDIT_LOG_TYPE = "type.googleapis.com/google.cloud.audit.AuditLog";

    @Override
    public boolean matches(FlatJson document) {
        return AUDIT_LOG_TYPE.equals(document.text("protoPayload.@type"));
    }

    @Override
    public void map(FlatJson document, EventDraft draft) {
        EventFields fields = draft.fields();
        document.copyTo(fields);
        draft.timestamp(JsonTimestamps.firstOf(document, draft.zone(), "timestamp", "receiveTimestamp"));
        String method = document.text("protoPayload.methodName");
        String service = document.text("protoPayload.serviceName");
        String principal = document.text("protoPayload.authenticationInfo.principalEmail");
        String callerIp = document.text("protoPayload.requestMetadata.callerIp");
        fields.put("event.action", method);
        fields.put("event.provider", service);
        fields.put("event.outcome", outcome(document));
        fields.put("user.name", principal);
        fields.put("user.email", principal);
        fields.putIp("source.ip", callerIp);
        fields.put("user_agent.original", document.text("protoPayload.requestMetadata.callerSuppliedUserAgent"));
        fields.put("cloud.provider", "gcp");
        fields.put("cloud.project.id", document.text("resource.labels.project_id"));
        fields.put("gcp.audit.method_name", method);
        fields.put("gcp.audit.service_name", service);
        fields.put("gcp.audit.resource_name", document.text("protoPayload.resourceName"));
        fields.put("gcp.audit.authentication_info.principal_email", principal);
        fields.put("gcp.audit.request_metadata.caller_ip", callerIp);
        fields.put("event.kind", "event");
        fields.put("event.dataset", "gcp.audit");
    }

    /** A non-zero {@code protoPayload.status.code} (google.rpc.Code) is a failure; an empty status is success. */
    private static String outcome(FlatJson document) {
        String code = document.text("protoPayload.status.code");
        return code == null || "0".equals(code) ? EventClass.SUCCESS : EventClass.FAILURE;
    }
}
