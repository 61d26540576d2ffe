package dev.vigil.server.intel.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.vigil.intel.allowlist.Allowlist;
import dev.vigil.intel.allowlist.AllowlistEntry;
import dev.vigil.server.intel.AllowlistEntryView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The allowlist in force: the shipped entries (vigil-intel's well-known list) and the own ones in intel_allowlist. */
@Component
public class AllowlistRows {

    private static final List<AllowlistEntry> SHIPPED = Allowlist.wellKnown();

    private final JdbcClient jdbc;

    AllowlistRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<AllowlistEntryView> own() {
        return jdbc.sql("SELECT id, value, subdomains, note, created_by, created_at FROM intel_allowlist ORDER BY value")
                .query((rs, n) -> new AllowlistEntryView(rs.getObject(1, UUID.class), rs.getString(2), rs.getBoolean(3),
                        rs.getString(4), false, rs.getString(5), rs.getTimestamp(6).toInstant())).list();
    }

    public static List<AllowlistEntryView> shipped() {
        return SHIPPED.stream().map(e -> new AllowlistEntryView(null, e.value(), e.subdomains(), e.note(), true, null, null)).toList();
    }

    public Allowlist current() {
        List<AllowlistEntry> entries = new ArrayList<>(SHIPPED);
        own().forEach(e -> entries.add(new AllowlistEntry(e.value(), e.subdomains(), e.note())));
        return Allowlist.of(entries);
    }
}
