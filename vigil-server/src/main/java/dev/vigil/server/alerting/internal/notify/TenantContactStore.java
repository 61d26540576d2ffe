package dev.vigil.server.alerting.internal.notify;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.server.alerting.ChannelConfig;
import dev.vigil.server.identity.SecretCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes tenants' contacts; a contact's channel (with its credentials) is stored encrypted, as receivers' are. */
@Component
public class TenantContactStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SELECT = """
            SELECT id, tenant_id, name, topics, channel, enabled, created_by, updated_at FROM tenant_contact""";

    /** A contact with its channel in clear, for delivery. An empty topic list means every topic. */
    public record Contact(UUID id, UUID tenantId, String name, List<String> topics, ChannelConfig channel, boolean enabled,
                          String createdBy, Instant updatedAt) {

        public boolean wants(String topic) {
            return enabled && (topics.isEmpty() || topics.contains(topic));
        }
    }

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    TenantContactStore(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public List<Contact> ofTenant(UUID tenantId) {
        return jdbc.sql(SELECT + " WHERE tenant_id = ? ORDER BY name").param(tenantId).query(this::map).list();
    }

    public Optional<Contact> byId(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::map).optional();
    }

    public String seal(ChannelConfig channel) {
        return cipher.encrypt(JSON.writeValueAsString(channel));
    }

    private Contact map(ResultSet rs, int n) throws SQLException {
        return new Contact(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), strings(rs.getArray(4)),
                JSON.readValue(cipher.decrypt(rs.getString(5)), ChannelConfig.class), rs.getBoolean(6), rs.getString(7),
                rs.getTimestamp(8).toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
