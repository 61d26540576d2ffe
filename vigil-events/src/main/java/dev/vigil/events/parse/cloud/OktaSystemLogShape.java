package dev.vigil.events.parse.cloud;

import dev.vigil.events.parse.draft.EventDraft;
import dev.vigil.events.parse.draft.EventFields;
import dev.vigil.events.parse.json.FlatJson;
import dev.vigil.events.parse.json.JsonShape;
import dev.vigil.events.parse.json.JsonTimestamps;

/**
 * An Okta System Log event (a LogEvent of the {@code /api/v1/logs} API or an event hook): {@code uuid},
 * {@code published}, {@code eventType} and an {@code actor}.
 */
public final class OktaSystemLogShape implements JsonShape {

    @Override
    public boolean matches(FlatJson document) {
        return document.text("uuid") != null && document.text("published") != null
                && document.text("eventType") != null
                && (document.has("actor.id") || document.has("actor.type") || document.has("actor.alternateId"));
    }

    @Override
    public void map(FlatJson document, EventDraft draft) {
        EventFields fields = draft.fields();
        document.copyTo(fields);
        draft.timestamp(JsonTimestamps.of(document.get("published"), draft.zone()));
        fields.put("event.action", document.text("eventType"));
        fields.put("event.id", document.text("uuid"));
        fields.put("event.outcome", CloudValues.outcomeOf(document.text("outcome.result")));
        fields.put("event.reason", document.text("outcome.reason"));
        fields.put("message", document.text("displayMessage"));
        fields.put("user.name", document.text("actor.alternateId"));
        fields.put("user.id", document.text("actor.id"));
        fields.put("user.full_name", document.text("actor.displayName"));
        fields.putIp("source.ip", document.text("client.ipAddress"));
        fields.put("user_agent.original", document.text("client.userAgent.rawUserAgent"));
        fields.put("event.kind", "event");
        fields.put("event.dataset", "okta.system");
    }
}
