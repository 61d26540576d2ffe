package dev.vigil.events.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A query over stored events: Lucene query syntax over schema field names (see docs/EVENT-SCHEMA.md), a half-open
 * time range {@code [from, to)} on {@code @timestamp}, and the tenants whose events may be seen.
 *
 * @param text    the query ("" or "*" for everything); a syntax error raises {@link QuerySyntaxException}
 * @param from    inclusive lower bound, or null for no bound
 * @param to      exclusive upper bound, or null for no bound
 * @param tenants which tenants' events are visible
 */
public record EventQuery(String text, Instant from, Instant to, TenantScope tenants) {
    public EventQuery {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(tenants, "tenants");
    }

    public static EventQuery all(TenantScope tenants) {
        return new EventQuery("", null, null, tenants);
    }
}
