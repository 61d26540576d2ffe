package dev.vigil.events.parse.cloud;

import dev.vigil.events.parse.draft.EventClass;
import dev.vigil.events.parse.draft.EventDraft;
import dev.vigil.events.parse.draft.EventFields;
import dev.vigil.events.parse.json.FlatJson;
import dev.vigil.events.parse.json.JsonShape;
import dev.vigil.events.parse.json.JsonTimestamps;

/**
 * One AWS CloudTrail record ({@code eventVersion}, {@code eventSource}, {@code eventName}), as CloudTrail Lake,
 * EventBridge and per-record shippers deliver it. A delivery file's {@code {"Records":[...]}} wrapper is not split
 * here: it has no {@code eventVersion} at the top and stays generic JSON.
 */
public final class AwsCloudTrailShape implements JsonShape {

    @Override
    public boolean matches(FlatJson document) {
        return document.text("eventVersion") != null && document.text("eventSource") != null
                && document.text("eventName") != null;
    }

    @Override
    public void map(FlatJson document, EventDraft draft) {
        EventFields fields = draft.fields();
        document.copyTo(fields);
        draft.timestamp(JsonTimestamps.of(document.get("eventTime"), draft.zone()));
        fields.put("event.action", document.text("eventName"));
        fields.put("event.provider", document.text("eventSource"));
        fields.put("event.outcome", outcome(document));
        fields.putIp("source.ip", document.text("sourceIPAddress"));
        fields.put("user.name", CloudValues.firstText(document, "userIdentity.userName",
                "userIdentity.sessionContext.sessionIssuer.userName"));
        fields.put("user.name", CloudValues.lastPathPart(document.text("userIdentity.arn")));
        fields.put("user.id", document.text("userIdentity.principalId"));
        fields.put("user_agent.original", document.text("userAgent"));
        fields.put("cloud.provider", "aws");
        fields.put("cloud.region", document.text("awsRegion"));
        fields.put("cloud.account.id", CloudValues.firstText(document, "recipientAccountId",
                "userIdentity.accountId"));
        fields.put("event.kind", "event");
        fields.put("event.dataset", "aws.cloudtrail");
    }

    /** Failure when the call returned an error code or a console sign-in says so; otherwise success. */
    private static String outcome(FlatJson document) {
        if (document.text("errorCode") != null) {
            return EventClass.FAILURE;
        }
        String consoleLogin = document.text("responseElements.ConsoleLogin");
        if (consoleLogin != null) {
            return CloudValues.outcomeOf(consoleLogin);
        }
        return EventClass.SUCCESS;
    }
}
