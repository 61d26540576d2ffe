package dev.vigil.server.identity;

import java.util.UUID;

/**
 * A permission: an action on a resource type within a scope. Written {@code resource:action:scope}; resource and
 * action may be {@code *}. Scopes: {@code *} (everywhere), {@code own-tenant} (the holder's tenant),
 * {@code tenant:<uuid>}, {@code asset-group:<id>}, {@code object:<id>}.
 */
public record Permission(String resource, String action, String scope) {

    public static final String ANY = "*";
    public static final String OWN_TENANT = "own-tenant";

    public Permission {
        if (resource == null || resource.isBlank() || action == null || action.isBlank() || scope == null || scope.isBlank()) {
            throw new IllegalArgumentException("a permission needs a resource, an action and a scope");
        }
    }

    public static Permission parse(String text) {
        String[] parts = text.split(":", 3);
        if (parts.length < 2) {
            throw new IllegalArgumentException("permission '" + text + "' is not resource:action[:scope]");
        }
        return new Permission(parts[0], parts[1], parts.length == 3 ? parts[2] : ANY);
    }

    public boolean coversTypeAndAction(String wantedResource, String wantedAction) {
        return (resource.equals(ANY) || resource.equals(wantedResource)) && (action.equals(ANY) || action.equals(wantedAction));
    }

    /** Whether this permission allows the action on something belonging to the tenant (null: no tenant). */
    public boolean allows(String wantedResource, String wantedAction, UUID tenantId, UUID holderTenant) {
        if (!coversTypeAndAction(wantedResource, wantedAction)) {
            return false;
        }
        if (scope.equals(ANY)) {
            return true;
        }
        if (tenantId == null) {
            return false;
        }
        if (scope.equals(OWN_TENANT)) {
            return tenantId.equals(holderTenant);
        }
        return scope.equals("tenant:" + tenantId);
    }

    /** Whether this permission is at least as broad as {@code other} (used to keep tokens within their owner's rights). */
    public boolean includes(Permission other) {
        boolean resourceOk = resource.equals(ANY) || resource.equals(other.resource);
        boolean actionOk = action.equals(ANY) || action.equals(other.action);
        boolean scopeOk = scope.equals(ANY) || scope.equals(other.scope);
        return resourceOk && actionOk && scopeOk;
    }

    @Override
    public String toString() {
        return resource + ":" + action + ":" + scope;
    }
}
