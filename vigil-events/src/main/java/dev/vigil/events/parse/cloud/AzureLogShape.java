package dev.vigil.events.parse.cloud;

import java.util.Map;

import dev.vigil.events.parse.draft.EventClass;
import dev.vigil.events.parse.draft.EventDraft;
import dev.vigil.events.parse.draft.EventFields;
import dev.vigil.events.parse.json.FlatJson;
import dev.vigil.events.parse.json.JsonShape;
import dev.vigil.events.parse.json.JsonTimestamps;

/**
 * Azure activity logs, Microsoft Entra ID audit and sign-in logs and Identity Protection risk detections, in the three
 * layouts they are exported in:
 * <ul>
 * <li>diagnostic settings (Event Hub, storage account): {@code time}, {@code resourceId}, {@code operationName} and
 * {@code category} as text, the log kind named by {@code category};</li>
 * <li>Log Analytics rows: {@code TimeGenerated} and the table in {@code Type};</li>
 * <li>the REST APIs: an activity log event ({@code operationName.value}, {@code category.value},
 * {@code eventDataId}), a Graph directoryAudit ({@code activityDisplayName}, {@code activityDateTime},
 * {@code category}), signIn ({@code userPrincipalName}, {@code appDisplayName}, {@code createdDateTime},
 * {@code status.errorCode}) or riskDetection ({@code riskEventType}, {@code riskLevel}, {@code detectedDateTime}).</li>
 * </ul>
 * Other Azure resource logs (a key vault's AuditEvent, storage logs) are not recognised and stay generic.
 */
public final class AzureLogShape implements JsonShape {
    static final String ACTIVITY = "azure.activitylogs";
    static final String AUDIT = "azure.auditlogs";
    static final String SIGN_IN = "azure.signinlogs";
    static final String RISK = "azure.riskdetection";

    /** Diagnostic-settings categories: the activity log's eight and Entra ID's. */
    private static final Map<String, String> CATEGORIES = Map.ofEntries(
            Map.entry("Administrative", ACTIVITY), Map.entry("Security", ACTIVITY),
            Map.entry("ServiceHealth", ACTIVITY), Map.entry("Alert", ACTIVITY),
            Map.entry("Recommendation", ACTIVITY), Map.entry("Policy", ACTIVITY),
            Map.entry("Autoscale", ACTIVITY), Map.entry("ResourceHealth", ACTIVITY),
            Map.entry("AuditLogs", AUDIT), Map.entry("SignInLogs", SIGN_IN),
            Map.entry("NonInteractiveUserSignInLogs", SIGN_IN), Map.entry("ServicePrincipalSignInLogs", SIGN_IN),
            Map.entry("ManagedIdentitySignInLogs", SIGN_IN), Map.entry("UserRiskEvents", RISK));

    /** Log Analytics tables. */
    private static final Map<String, String> TABLES = Map.of(
            "AzureActivity", ACTIVITY, "AuditLogs", AUDIT, "SigninLogs", SIGN_IN,
            "AADNonInteractiveUserSignInLogs", SIGN_IN, "AADServicePrincipalSignInLogs", SIGN_IN,
            "AADManagedIdentitySignInLogs", SIGN_IN, "AADUserRiskEvents", RISK);

    private static final String[] TIME_FIELDS = {"time", "TimeGenerated", "eventTimestamp", "activityDateTime",
            "createdDateTime", "detectedDateTime"};

    @Override
    public boolean matches(FlatJson document) {
        return dataset(document) != null;
    }

    /** The dataset of a recognised document, or null. */
    static String dataset(FlatJson document) {
        String category = document.text("category");
        if (document.has("time") && document.text("operationName") != null && category != null
                && (document.has("resourceId") || document.has("resourceID"))) {
            return CATEGORIES.get(category);
        }
        String table = document.text("Type");
        if (table != null && document.has("TimeGenerated")) {
            return TABLES.get(table);
        }
        if (document.text("operationName.value") != null && document.text("category.value") != null
                && document.has("eventDataId")) {
            return ACTIVITY;
        }
        if (document.text("activityDisplayName") != null && document.has("activityDateTime") && category != null) {
            return AUDIT;
        }
        if (document.text("userPrincipalName") != null && document.has("appDisplayName")
                && document.has("createdDateTime") && document.has("status.errorCode")) {
            return SIGN_IN;
        }
        if (document.text("riskEventType") != null && document.has("riskLevel")
                && document.has("detectedDateTime")) {
            return RISK;
        }
        return null;
    }

    @Override
    public void map(FlatJson document, EventDraft draft) {
        String dataset = dataset(document);
        EventFields fields = draft.fields();
        document.copyTo(fields);
        draft.timestamp(JsonTimestamps.firstOf(document, draft.zone(), TIME_FIELDS));
        fields.put("event.action", CloudValues.firstText(document, "operationName.value", "operationName",
                "OperationNameValue", "OperationName", "activityDisplayName", "riskEventType"));
        fields.put("event.outcome", SIGN_IN.equals(dataset) ? signInOutcome(document) : outcome(document));
        fields.put("user.name", CloudValues.firstText(document, "userPrincipalName",
                "properties.userPrincipalName", "UserPrincipalName", "initiatedBy.user.userPrincipalName",
                "properties.initiatedBy.user.userPrincipalName", "caller", "Caller"));
        fields.put("source.ip", CloudValues.ipOf(CloudValues.firstText(document, "ipAddress",
                "properties.ipAddress", "IPAddress", "callerIpAddress", "CallerIpAddress",
                "initiatedBy.user.ipAddress", "properties.initiatedBy.user.ipAddress")));
        fields.put("user_agent.original", CloudValues.firstText(document, "userAgent", "properties.userAgent",
                "UserAgent"));
        fields.put("cloud.provider", "azure");
        fields.put("cloud.account.id", CloudValues.firstText(document, "subscriptionId", "SubscriptionId"));
        fields.put("event.kind", "event");
        fields.put("event.dataset", dataset);
    }

    /** A sign-in's error code: 0 is a successful sign-in, any other code a failed one. */
    private static String signInOutcome(FlatJson document) {
        String code = CloudValues.firstText(document, "status.errorCode", "properties.status.errorCode",
                "ResultType", "resultType");
        if (code == null) {
            return null;
        }
        return "0".equals(code) ? EventClass.SUCCESS : EventClass.FAILURE;
    }

    private static String outcome(FlatJson document) {
        return CloudValues.outcomeOf(CloudValues.firstText(document, "status.value", "ActivityStatusValue",
                "resultType", "properties.result", "result", "Result"));
    }
}
