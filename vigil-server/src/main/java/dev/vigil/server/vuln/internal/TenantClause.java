package dev.vigil.server.vuln.internal;

import java.util.List;

/** The tenant conditions of a list query: the tenants the caller may read (unless all) and the one asked for. */
public final class TenantClause {

    private TenantClause() {
    }

    /**
     * @param readable the caller's tenant slugs, or null for every tenant
     * @param tenant   the tenant asked for, or null/blank for all the caller may read
     */
    public static void append(StringBuilder where, List<Object> params, String column, List<String> readable, String tenant) {
        if (readable != null) {
            where.append(" AND ").append(column).append(" = ANY(?)");
            params.add(readable.toArray(String[]::new));
        }
        if (tenant != null && !tenant.isBlank()) {
            where.append(" AND ").append(column).append(" = ?");
            params.add(tenant.strip());
        }
    }
}
