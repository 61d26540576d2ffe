package dev.vigil.events.parse.cloud;

import dev.vigil.events.parse.draft.EventDraft;
import dev.vigil.events.parse.draft.EventFields;
import dev.vigil.events.parse.json.FlatJson;
import dev.vigil.events.parse.json.JsonShape;

/**
 * A Microsoft Entra Privileged Identity Management alert incident as Microsoft Graph returns it
 * ({@code /identityGovernance/roleManagementAlerts/alerts/{id}/alertIncidents}): an object whose {@code @odata.type}
 * is {@code #microsoft.graph.<kind>AlertIncident} ({@code staleSignInAlertIncident}, {@code
 * tooManyGlobalAdminsAssignedToTenantAlertIncident}...). The kind without the namespace is the event's action, which
 * is what SigmaHQ's PIM rules compare as {@code riskEventType}. Incidents carry no time of their own: the event keeps
 * its receive time.
 */
public final class AzurePimAlertShape implements JsonShape {
    private static final String NAMESPACE = "#microsoft.graph.";
    private static final String SUFFIX = "AlertIncident";

    @Override
    public boolean matches(FlatJson document) {
        String type = document.text("@odata.type");
        return type != null && type.startsWith(NAMESPACE) && type.endsWith(SUFFIX)
                && type.length() > NAMESPACE.length() + SUFFIX.length();
    }

    @Override
    public void map(FlatJson document, EventDraft draft) {
        EventFields fields = draft.fields();
        document.copyTo(fields);
        fields.put("event.action", document.text("@odata.type").substring(NAMESPACE.length()));
        fields.put("event.id", document.text("id"));
        fields.put("user.name", document.text("assigneeUserPrincipalName"));
        fields.put("user.id", document.text("assigneeId"));
        fields.put("user.full_name", document.text("assigneeDisplayName"));
        fields.put("cloud.provider", "azure");
        fields.put("event.kind", "event");
        fields.put("event.dataset", "azure.pim");
    }
}
