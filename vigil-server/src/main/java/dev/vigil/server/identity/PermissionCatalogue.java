package dev.vigil.server.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The resource types and actions that permissions can name. A custom role can only use these; unknown names are
 * refused so that a typo cannot silently grant nothing.
 */
public final class PermissionCatalogue {

    private static final Map<String, List<String>> ACTIONS = new LinkedHashMap<>();

    static {
        ACTIONS.put("user", List.of("read", "create", "update", "delete"));
        ACTIONS.put("role", List.of("read", "create", "update", "delete"));
        ACTIONS.put("group", List.of("read", "create", "update", "delete"));
        ACTIONS.put("tenant", List.of("read", "create", "update", "delete"));
        ACTIONS.put("api-token", List.of("read", "create", "delete"));
        ACTIONS.put("audit", List.of("read", "review"));
        ACTIONS.put("event", List.of("read", "ingest"));
        ACTIONS.put("input", List.of("read", "create", "update", "delete"));
        ACTIONS.put("rule", List.of("read", "update"));
        ACTIONS.put("alert", List.of("read", "update", "configure"));
        ACTIONS.put("monitor", List.of("read", "change"));
        ACTIONS.put("change", List.of("read", "approve"));
        ACTIONS.put("incident", List.of("read", "create", "update", "grade", "configure"));
        ACTIONS.put("asset", List.of("read", "update"));
        ACTIONS.put("vuln", List.of("read", "update"));
        ACTIONS.put("intel", List.of("read", "update", "share"));
        ACTIONS.put("bastion-session", List.of("connect", "read", "monitor", "terminate"));
        ACTIONS.put("access-request", List.of("create", "approve"));
        ACTIONS.put("tenant-data", List.of("authorize"));
        ACTIONS.put("bastion-target", List.of("read", "update"));
        ACTIONS.put("playbook", List.of("read", "change"));
        ACTIONS.put("oncall", List.of("read", "configure"));
        ACTIONS.put("notice", List.of("read", "send", "configure"));
        ACTIONS.put("procedure", List.of("read", "change"));
        ACTIONS.put("procedure-execution", List.of("create", "read", "approve"));
    }

    private PermissionCatalogue() {
    }

    public static Map<String, List<String>> actions() {
        return Map.copyOf(ACTIONS);
    }

    /** Throws IllegalArgumentException naming what is wrong with a permission a user wants to grant. */
    public static void validate(Permission permission) {
        if (!permission.resource().equals(Permission.ANY) && !ACTIONS.containsKey(permission.resource())) {
            throw new IllegalArgumentException("unknown resource '" + permission.resource() + "' in " + permission
                    + "; known: " + String.join(", ", ACTIONS.keySet()));
        }
        if (!permission.action().equals(Permission.ANY) && !permission.resource().equals(Permission.ANY)
                && !ACTIONS.get(permission.resource()).contains(permission.action())) {
            throw new IllegalArgumentException("unknown action '" + permission.action() + "' for " + permission.resource()
                    + "; known: " + String.join(", ", ACTIONS.get(permission.resource())));
        }
        String scope = permission.scope();
        boolean scopeOk = scope.equals(Permission.ANY) || scope.equals(Permission.OWN_TENANT)
                || scope.startsWith("asset-group:") && scope.length() > "asset-group:".length()
                || scope.startsWith("object:") && scope.length() > "object:".length()
                || scope.startsWith("tenant:") && isUuid(scope.substring("tenant:".length()));
        if (!scopeOk) {
            throw new IllegalArgumentException("invalid scope '" + scope
                    + "'; use *, own-tenant, tenant:<uuid>, asset-group:<id> or object:<id>");
        }
    }

    private static boolean isUuid(String text) {
        try {
            UUID.fromString(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
