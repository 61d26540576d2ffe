package dev.vigil.events.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.vigil.events.Event;

class AzureLogsTest {

    @Test
    void activityLogFromDiagnosticSettings() {
        Event event = ParsedEvents.json("""
                {"time":"2026-03-29T10:50:00.1234567Z","resourceId":"/SUBSCRIPTIONS/0A1B0000-0000-4000-8000-000000000001/RESOURCEGROUPS/RG-SEC/PROVIDERS/MICROSOFT.KEYVAULT/VAULTS/KV-PROD",
                 "operationName":"MICROSOFT.KEYVAULT/VAULTS/DELETE","category":"Administrative","resultType":"Success",
                 "resultSignature":"Succeeded.OK","durationMs":"312","callerIpAddress":"203.0.113.61",
                 "correlationId":"c0","identity":{"claims":{"name":"grace@example.com"}},"level":"Information",
                 "properties":{"statusCode":"OK","serviceRequestId":null,"eventCategory":"Administrative"}}""");

        FieldValues.assertObeyTheValueRule(event);
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-03-29T10:50:00.1234567Z"));
        assertThat(event.fields()).contains(
                entry("operationName", "MICROSOFT.KEYVAULT/VAULTS/DELETE"),
                entry("category", "Administrative"),
                entry("identity.claims.name", "grace@example.com"),
                entry("event.action", "MICROSOFT.KEYVAULT/VAULTS/DELETE"),
                entry("event.outcome", "success"),
                entry("source.ip", "203.0.113.61"),
                entry("cloud.provider", "azure"),
                entry("event.dataset", "azure.activitylogs"));
    }

    @Test
    void activityLogFromTheRestApiAndFromLogAnalytics() {
        Event rest = ParsedEvents.json("""
                {"authorization":{"action":"Microsoft.Network/networkSecurityGroups/write"},"caller":"henry@example.com",
                 "eventDataId":"e-1","eventTimestamp":"2026-03-29T10:51:00Z","category":{"value":"Administrative",
                 "localizedValue":"Administrative"},"operationName":{"value":"Microsoft.Network/networkSecurityGroups/write",
                 "localizedValue":"Create or Update Network Security Group"},"status":{"value":"Failed"},
                 "subscriptionId":"0a1b0000-0000-4000-8000-000000000001","httpRequest":{"clientIpAddress":"203.0.113.62"}}""");
        Event row = ParsedEvents.json("""
                {"TenantId":"t-1","Type":"AzureActivity","TimeGenerated":"2026-03-29T10:52:00Z",
                 "OperationNameValue":"MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE","CategoryValue":"Administrative",
                 "ResourceProviderValue":"MICROSOFT.AUTHORIZATION","ActivityStatusValue":"Success",
                 "Caller":"ivy@example.com","CallerIpAddress":"203.0.113.63","SubscriptionId":"sub-1"}""");

        assertThat(rest.fields()).contains(
                entry("operationName.value", "Microsoft.Network/networkSecurityGroups/write"),
                entry("event.action", "Microsoft.Network/networkSecurityGroups/write"),
                entry("event.outcome", "failure"),
                entry("user.name", "henry@example.com"),
                entry("cloud.account.id", "0a1b0000-0000-4000-8000-000000000001"),
                entry("event.dataset", "azure.activitylogs"));
        assertThat(rest.timestamp()).isEqualTo(Instant.parse("2026-03-29T10:51:00Z"));
        assertThat(row.fields()).contains(
                entry("event.action", "MICROSOFT.AUTHORIZATION/ROLEASSIGNMENTS/WRITE"),
                entry("event.outcome", "success"),
                entry("user.name", "ivy@example.com"),
                entry("source.ip", "203.0.113.63"),
                entry("event.dataset", "azure.activitylogs"));
    }

    @Test
    void entraAuditLogInBothLayouts() {
        Event exported = ParsedEvents.json("""
                {"time":"2026-03-29T11:00:00Z","resourceId":"/tenants/t-1/providers/Microsoft.aadiam",
                 "operationName":"Add member to role","operationVersion":"1.0","category":"AuditLogs",
                 "tenantId":"t-1","resultSignature":"None","durationMs":0,"callerIpAddress":"203.0.113.64",
                 "properties":{"activityDisplayName":"Add member to role","category":"RoleManagement","result":"success",
                 "loggedByService":"Core Directory","initiatedBy":{"user":{"userPrincipalName":"admin@example.com",
                 "ipAddress":"203.0.113.64"}},"targetResources":[{"displayName":"Global Administrator","type":"Role"}]}}""");
        Event graph = ParsedEvents.json("""
                {"id":"Directory_1","category":"UserManagement","correlationId":"c","result":"failure",
                 "activityDisplayName":"Add user","activityDateTime":"2026-03-29T11:01:00Z","loggedByService":"Core Directory",
                 "initiatedBy":{"user":{"userPrincipalName":"admin@example.com","ipAddress":"203.0.113.65"}},
                 "targetResources":[{"userPrincipalName":"new@example.com","type":"User"}]}""");

        assertThat(exported.fields()).contains(
                entry("properties.result", "success"),
                entry("event.action", "Add member to role"),
                entry("user.name", "admin@example.com"),
                entry("source.ip", "203.0.113.64"),
                entry("event.dataset", "azure.auditlogs"));
        assertThat(graph.fields()).contains(
                entry("event.action", "Add user"),
                entry("event.outcome", "failure"),
                entry("source.ip", "203.0.113.65"),
                entry("event.dataset", "azure.auditlogs"));
        assertThat(graph.timestamp()).isEqualTo(Instant.parse("2026-03-29T11:01:00Z"));
    }

    @Test
    void signInLogsByErrorCode() {
        Event graph = ParsedEvents.json("""
                {"id":"s-1","createdDateTime":"2026-03-29T11:10:00Z","userPrincipalName":"jack@example.com",
                 "appDisplayName":"Azure Portal","ipAddress":"198.51.100.90","clientAppUsed":"Browser",
                 "status":{"errorCode":50126,"failureReason":"Invalid username or password."}}""");
        Event row = ParsedEvents.json("""
                {"TimeGenerated":"2026-03-29T11:11:00Z","Type":"SigninLogs","ResultType":"0",
                 "UserPrincipalName":"kim@example.com","AppDisplayName":"Office 365","IPAddress":"198.51.100.91"}""");
        Event exported = ParsedEvents.json("""
                {"time":"2026-03-29T11:12:00Z","resourceId":"/tenants/t-1/providers/Microsoft.aadiam",
                 "operationName":"Sign-in activity","category":"NonInteractiveUserSignInLogs","resultType":"50053",
                 "properties":{"userPrincipalName":"lee@example.com","ipAddress":"198.51.100.92",
                 "status":{"errorCode":50053}}}""");

        assertThat(graph.fields()).contains(entry("status.errorCode", 50126L), entry("event.outcome", "failure"),
                entry("user.name", "jack@example.com"), entry("source.ip", "198.51.100.90"),
                entry("event.dataset", "azure.signinlogs"));
        assertThat(row.fields()).contains(entry("ResultType", "0"), entry("event.outcome", "success"),
                entry("user.name", "kim@example.com"), entry("source.ip", "198.51.100.91"),
                entry("event.dataset", "azure.signinlogs"));
        assertThat(exported.fields()).contains(entry("event.outcome", "failure"),
                entry("user.name", "lee@example.com"), entry("event.dataset", "azure.signinlogs"));
    }

    @Test
    void riskDetection() {
        Event event = ParsedEvents.json("""
                {"id":"r-1","requestId":"q","riskEventType":"attemptedPrtAccess","riskState":"atRisk","riskLevel":"high",
                 "riskDetail":"none","source":"IdentityProtection","detectionTimingType":"offline","activity":"signin",
                 "ipAddress":"198.51.100.93","activityDateTime":"2026-03-29T11:20:00Z",
                 "detectedDateTime":"2026-03-29T11:25:00Z","userPrincipalName":"mia@example.com"}""");

        // the time of the risky activity, not of its later detection
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-03-29T11:20:00Z"));
        assertThat(event.fields()).contains(entry("riskEventType", "attemptedPrtAccess"),
                entry("event.action", "attemptedPrtAccess"), entry("user.name", "mia@example.com"),
                entry("source.ip", "198.51.100.93"), entry("event.dataset", "azure.riskdetection"));
    }

    @Test
    void otherAzureResourceLogsAndLookAlikesStayGeneric() {
        Event keyVaultLog = ParsedEvents.json("""
                {"time":"2026-03-29T11:30:00Z","resourceId":"/SUBSCRIPTIONS/S/PROVIDERS/MICROSOFT.KEYVAULT/VAULTS/KV",
                 "operationName":"SecretGet","category":"AuditEvent","resultType":"Success"}""");
        Event otherTable = ParsedEvents.json("{\"Type\":\"Heartbeat\",\"TimeGenerated\":\"2026-03-29T11:30:00Z\"}");
        Event noCategory = ParsedEvents.json("{\"time\":\"2026-03-29T11:30:00Z\",\"resourceId\":\"/x\","
                + "\"operationName\":\"Add user\"}");

        assertThat(keyVaultLog.fields()).containsEntry("event.dataset", "json");
        assertThat(otherTable.fields()).containsEntry("event.dataset", "json");
        assertThat(noCategory.fields()).containsEntry("event.dataset", "json");
    }
    @Test
    void pimAlertIncidentFromGraph() {
        Event event = ParsedEvents.json("""
                {"@odata.type":"#microsoft.graph.tooManyGlobalAdminsAssignedToTenantAlertIncident",
                 "id":"7a2e0000-0000-4000-8000-000000000001","assigneeId":"5e2a0000-0000-4000-8000-000000000009",
                 "assigneeDisplayName":"Kim Lee","assigneeUserPrincipalName":"kim@contoso.example"}""");

        FieldValues.assertObeyTheValueRule(event);
        assertThat(event.timestamp()).as("incidents carry no time").isEqualTo(ParsedEvents.RECEIVED_AT);
        assertThat(event.fields()).contains(
                entry("@odata.type", "#microsoft.graph.tooManyGlobalAdminsAssignedToTenantAlertIncident"),
                entry("event.action", "tooManyGlobalAdminsAssignedToTenantAlertIncident"),
                entry("event.id", "7a2e0000-0000-4000-8000-000000000001"),
                entry("user.name", "kim@contoso.example"),
                entry("user.id", "5e2a0000-0000-4000-8000-000000000009"),
                entry("cloud.provider", "azure"),
                entry("event.dataset", "azure.pim"));
    }

    @Test
    void otherGraphObjectsAreNotPimIncidents() {
        Event alert = ParsedEvents.json("""
                {"@odata.type":"#microsoft.graph.unifiedRoleManagementAlert","id":"DirectoryRole_t_StaleSignInAlert",
                 "alertDefinitionId":"DirectoryRole_t_StaleSignInAlert","incidentCount":2,"isActive":true}""");
        Event user = ParsedEvents.json("""
                {"@odata.type":"#microsoft.graph.user","id":"u-1","userPrincipalName":"kim@contoso.example"}""");
        Event bare = ParsedEvents.json("""
                {"@odata.type":"#microsoft.graph.AlertIncident","id":"x"}""");

        assertThat(alert.fields()).contains(entry("event.dataset", "json"));
        assertThat(user.fields()).contains(entry("event.dataset", "json"));
        assertThat(bare.fields()).contains(entry("event.dataset", "json"));
    }
}
