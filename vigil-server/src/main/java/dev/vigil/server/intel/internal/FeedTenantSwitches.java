package dev.vigil.server.intel.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Which tenants a feed shared by every tenant is switched off for. */
@Component
public class FeedTenantSwitches {

    private final JdbcClient jdbc;

    FeedTenantSwitches(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Feed id (as text) to the tenants it is off for; feeds on for everyone are absent. */
    public Map<String, Set<String>> offByFeed() {
        Map<String, Set<String>> off = new HashMap<>();
        jdbc.sql("SELECT feed_id::text, tenant FROM intel_feed_tenant_off").query(rs -> {
            off.computeIfAbsent(rs.getString(1), f -> new HashSet<>()).add(rs.getString(2));
        });
        return off;
    }

    public Set<String> offFor(UUID feedId) {
        return Set.copyOf(jdbc.sql("SELECT tenant FROM intel_feed_tenant_off WHERE feed_id = ?").param(feedId).query(String.class).list());
    }
}
