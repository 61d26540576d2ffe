package dev.vigil.server.alerting.internal.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.server.alerting.ChannelConfig;
import dev.vigil.server.identity.SecretCipher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes users' contact methods; each one's channel (with its secret) is stored encrypted. */
@Component
public class ContactStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SELECT = "SELECT id, username, label, type, channel, enabled, created_by, created_at FROM user_contact";

    /** A contact method with its channel in clear, for delivery. */
    public record Contact(UUID id, String username, String label, ChannelConfig channel, boolean enabled, String createdBy,
                          Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    ContactStore(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    public List<Contact> of(String username) {
        return jdbc.sql(SELECT + " WHERE username = ? ORDER BY created_at, id").param(username).query(this::map).list();
    }

    public Optional<Contact> byId(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::map).optional();
    }

    public void insert(UUID id, String username, String label, ChannelConfig channel, String createdBy) {
        jdbc.sql("INSERT INTO user_contact (id, username, label, type, channel, created_by) VALUES (?, ?, ?, ?, ?, ?)")
                .params(id, username, label, channel.type(), cipher.encrypt(JSON.writeValueAsString(channel)), createdBy).update();
    }

    public void delete(UUID id) {
        jdbc.sql("DELETE FROM user_contact WHERE id = ?").param(id).update();
    }

    private Contact map(ResultSet rs, int n) throws SQLException {
        return new Contact(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                JSON.readValue(cipher.decrypt(rs.getString(5)), ChannelConfig.class), rs.getBoolean(6), rs.getString(7),
                rs.getTimestamp(8).toInstant());
    }
}
