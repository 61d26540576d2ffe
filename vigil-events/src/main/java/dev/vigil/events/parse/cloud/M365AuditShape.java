package dev.vigil.events.parse.cloud;

import java.time.ZoneOffset;

import dev.vigil.events.parse.draft.EventDraft;
import dev.vigil.events.parse.draft.EventFields;
import dev.vigil.events.parse.json.FlatJson;
import dev.vigil.events.parse.json.JsonShape;
import dev.vigil.events.parse.json.JsonTimestamps;

/**
 * A Microsoft 365 unified audit log record (Office 365 Management Activity API, Purview audit export):
 * {@code CreationTime}, {@code Operation}, {@code RecordType} and {@code Workload}.
 */
public final class M365AuditShape implements JsonShape {

    @Override
    public boolean matches(FlatJson document) {
        return document.text("CreationTime") != null && document.text("Operation") != null
                && document.text("RecordType") != null && document.text("Workload") != null;
    }

    @Override
    public void map(FlatJson document, EventDraft draft) {
        EventFields fields = draft.fields();
        document.copyTo(fields);
        // the API writes CreationTime in UTC without an offset
        draft.timestamp(JsonTimestamps.of(document.get("CreationTime"), ZoneOffset.UTC));
        fields.put("event.action", document.text("Operation"));
        fields.put("event.provider", document.text("Workload"));
        fields.put("event.id", document.text("Id"));
        fields.put("event.outcome", CloudValues.outcomeOf(document.text("ResultStatus")));
        fields.put("user.id", document.text("UserId"));
        fields.put("user.name", document.text("UserId"));
        fields.put("source.ip", CloudValues.ipOf(CloudValues.firstText(document, "ClientIP", "ClientIPAddress",
                "ActorIpAddress")));
        fields.put("organization.id", document.text("OrganizationId"));
        fields.put("event.kind", "event");
        fields.put("event.dataset", "m365.audit");
    }
}
