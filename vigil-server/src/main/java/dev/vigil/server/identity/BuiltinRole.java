package dev.vigil.server.identity;

import java.util.Arrays;
import java.util.List;

/** The roles every installation has; their permissions are reset to these at each start. */
public enum BuiltinRole {

    ADMIN("admin", "Full administration of Vigil", "*:*:*"),
    SOC_ANALYST("soc-analyst", "Monitors events and alerts, investigates and opens incidents",
            "event:read:*", "input:read:*", "rule:read:*", "alert:read:*", "alert:update:*", "incident:read:*", "incident:create:*",
            "incident:update:*", "asset:read:*", "vuln:read:*", "intel:read:*", "intel:update:*", "monitor:read:*", "asset:update:*", "vuln:update:*",
            "oncall:read:*", "notice:read:*"),
    INCIDENT_COMMANDER("incident-commander", "Leads incident response: grading, playbooks, recovery and review",
            "event:read:*", "input:read:*", "rule:read:*", "alert:read:*", "alert:update:*", "incident:read:*", "incident:create:*",
            "incident:update:*", "incident:grade:*", "incident:configure:*", "asset:read:*", "vuln:read:*", "intel:read:*",
            "monitor:read:*", "change:read:*", "playbook:read:*", "playbook:change:*", "oncall:read:*", "oncall:configure:*",
            "notice:read:*", "notice:send:*"),
    OPERATOR("operator", "Performs production operations through the bastion",
            "bastion-session:connect:*", "access-request:create:*", "asset:read:*", "monitor:read:*", "monitor:change:*",
            "change:read:*", "procedure:read:*", "procedure-execution:create:*"),
    APPROVER("approver", "Approves changes and access requests of others",
            "change:read:*", "change:approve:*", "access-request:approve:*", "monitor:read:*", "asset:read:*", "procedure:read:*",
            "procedure-execution:read:*", "procedure-execution:approve:*"),
    AUDITOR("auditor", "Reviews the audit trail and session recordings, watches live sessions; changes nothing else",
            "audit:read:*", "audit:review:*", "bastion-session:read:*", "bastion-session:monitor:*", "user:read:*", "role:read:*", "group:read:*",
            "tenant:read:*", "change:read:*", "bastion-target:read:*", "notice:read:*", "procedure:read:*", "procedure-execution:read:*"),
    TENANT_AUTHORIZER("tenant-authorizer", "Represents a customer: authorizes access to that customer's data",
            "tenant:read:own-tenant", "tenant-data:authorize:own-tenant", "access-request:approve:own-tenant",
            "asset:read:own-tenant", "vuln:read:own-tenant", "notice:read:own-tenant", "notice:configure:own-tenant");

    private final String roleName;
    private final String description;
    private final List<Permission> permissions;

    BuiltinRole(String roleName, String description, String... permissions) {
        this.roleName = roleName;
        this.description = description;
        this.permissions = Arrays.stream(permissions).map(Permission::parse).toList();
    }

    public String roleName() {
        return roleName;
    }

    public String description() {
        return description;
    }

    public List<Permission> permissions() {
        return permissions;
    }

    public static boolean isBuiltin(String name) {
        return Arrays.stream(values()).anyMatch(role -> role.roleName.equals(name));
    }
}
