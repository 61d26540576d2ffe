package dev.vigil.server.alerting.internal.notify;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import dev.vigil.server.alerting.ChannelConfig;
import dev.vigil.server.identity.SecretCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes receivers; their channels (with credentials) are stored encrypted. */
@Component
public class ReceiverStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<ChannelConfig>> CHANNELS = new TypeReference<>() {
    };

    /** A receiver with its channels in clear, for delivery. */
    public record Receiver(UUID id, String name, String minSeverity, List<String> sources, List<String> tenants,
                           List<ChannelConfig> channels, boolean enabled, String createdBy, java.time.Instant updatedAt,
                           String escalationPolicy) {
    }

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    ReceiverStore(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public List<Receiver> all() {
        return jdbc.sql(SELECT + " ORDER BY name").query(this::map).list();
    }

    public java.util.Optional<Receiver> byId(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::map).optional();
    }

    public java.util.Optional<Receiver> byName(String name) {
        return jdbc.sql(SELECT + " WHERE name = ?").param(name).query(this::map).optional();
    }

    public String seal(List<ChannelConfig> channels) {
        return cipher.encrypt(JSON.writeValueAsString(channels));
    }

    private static final String SELECT = """
            SELECT id, name, min_severity, sources, tenants, channels, enabled, created_by, updated_at, escalation_policy FROM notification_receiver""";

    private Receiver map(ResultSet rs, int n) throws SQLException {
        return new Receiver(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), strings(rs.getArray(4)),
                strings(rs.getArray(5)), JSON.readValue(cipher.decrypt(rs.getString(6)), CHANNELS), rs.getBoolean(7), rs.getString(8),
                rs.getTimestamp(9).toInstant(), rs.getString(10));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
