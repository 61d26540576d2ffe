package dev.vigil.server.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Persistence of users, their role assignments and their effective permissions. */
@Repository
class UserAccounts {

    private final JdbcClient jdbc;

    UserAccounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserRow> byUsername(String username) {
        return jdbc.sql("SELECT * FROM app_user WHERE username = ?").param(username).query(UserAccounts::map).optional();
    }

    Optional<UserRow> byId(UUID id) {
        return jdbc.sql("SELECT * FROM app_user WHERE id = ?").param(id).query(UserAccounts::map).optional();
    }

    List<UserRow> list(UUID tenantFilter) {
        if (tenantFilter == null) {
            return jdbc.sql("SELECT * FROM app_user ORDER BY username").query(UserAccounts::map).list();
        }
        return jdbc.sql("SELECT * FROM app_user WHERE tenant_id = ? ORDER BY username").param(tenantFilter).query(UserAccounts::map).list();
    }

    long count() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
    }

    void insert(UUID id, String username, String displayName, String email, UUID tenantId, String passwordHash, boolean mustChange) {
        jdbc.sql("""
                INSERT INTO app_user (id, username, display_name, email, tenant_id, password_hash, must_change_password)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(id, username, displayName, email, tenantId, passwordHash, mustChange).update();
    }

    void updateProfile(UUID id, String displayName, String email, UUID tenantId, boolean enabled) {
        jdbc.sql("UPDATE app_user SET display_name = ?, email = ?, tenant_id = ?, enabled = ?, updated_at = now() WHERE id = ?")
                .params(displayName, email, tenantId, enabled, id).update();
    }

    void setPassword(UUID id, String hash, boolean mustChange) {
        jdbc.sql("UPDATE app_user SET password_hash = ?, must_change_password = ?, updated_at = now() WHERE id = ?")
                .params(hash, mustChange, id).update();
    }

    void setTotp(UUID id, String encryptedSecret, boolean enabled) {
        jdbc.sql("UPDATE app_user SET totp_secret = ?, totp_enabled = ?, totp_last_step = 0, updated_at = now() WHERE id = ?")
                .params(encryptedSecret, enabled, id).update();
    }

    /** Records the TOTP step used; false if it is not newer than the last one (a replay). */
    boolean advanceTotpStep(UUID id, long step) {
        return jdbc.sql("UPDATE app_user SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?")
                .params(step, id, step).update() == 1;
    }

    void recordFailure(UUID id, int failedAttempts, Instant lockedUntil) {
        jdbc.sql("UPDATE app_user SET failed_attempts = ?, locked_until = ? WHERE id = ?")
                .params(failedAttempts, lockedUntil == null ? null : Timestamp.from(lockedUntil), id).update();
    }

    void recordSuccess(UUID id, Instant at) {
        jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL, last_login_at = ? WHERE id = ?")
                .params(Timestamp.from(at), id).update();
    }

    void unlock(UUID id) {
        jdbc.sql("UPDATE app_user SET failed_attempts = 0, locked_until = NULL WHERE id = ?").param(id).update();
    }

    void delete(UUID id) {
        jdbc.sql("DELETE FROM app_user WHERE id = ?").param(id).update();
    }

    List<String> roleNames(UUID userId) {
        return jdbc.sql("""
                SELECT r.name FROM user_role ur JOIN role r ON r.id = ur.role_id WHERE ur.user_id = ?
                ORDER BY r.name""").param(userId).query(String.class).list();
    }

    /** Roles held directly or through a group. */
    List<String> effectiveRoleNames(UUID userId) {
        return jdbc.sql("""
                SELECT r.name FROM role r WHERE r.id IN (
                    SELECT role_id FROM user_role WHERE user_id = :user
                    UNION SELECT gr.role_id FROM group_role gr JOIN group_member gm ON gm.group_id = gr.group_id WHERE gm.user_id = :user)
                ORDER BY r.name""").param("user", userId).query(String.class).list();
    }

    Set<Permission> effectivePermissions(UUID userId) {
        List<Permission> permissions = jdbc.sql("""
                SELECT DISTINCT rp.resource, rp.action, rp.scope FROM role_permission rp WHERE rp.role_id IN (
                    SELECT role_id FROM user_role WHERE user_id = :user
                    UNION SELECT gr.role_id FROM group_role gr JOIN group_member gm ON gm.group_id = gr.group_id WHERE gm.user_id = :user)
                ORDER BY 1, 2, 3""").param("user", userId)
                .query((rs, n) -> new Permission(rs.getString(1), rs.getString(2), rs.getString(3))).list();
        return new LinkedHashSet<>(permissions);
    }

    void replaceRoles(UUID userId, List<UUID> roleIds) {
        jdbc.sql("DELETE FROM user_role WHERE user_id = ?").param(userId).update();
        for (UUID roleId : new LinkedHashSet<>(roleIds)) {
            jdbc.sql("INSERT INTO user_role (user_id, role_id) VALUES (?, ?)").params(userId, roleId).update();
        }
    }

    List<UUID> usersWithRole(String roleName) {
        return new ArrayList<>(jdbc.sql("SELECT ur.user_id FROM user_role ur JOIN role r ON r.id = ur.role_id WHERE r.name = ?")
                .param(roleName).query(UUID.class).list());
    }

    private static UserRow map(ResultSet rs, int row) throws SQLException {
        return new UserRow(
                rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"), rs.getString("email"),
                rs.getObject("tenant_id", UUID.class), rs.getString("password_hash"), rs.getBoolean("must_change_password"),
                rs.getString("totp_secret"), rs.getBoolean("totp_enabled"), rs.getLong("totp_last_step"), rs.getBoolean("enabled"),
                rs.getInt("failed_attempts"), instant(rs, "locked_until"), instant(rs, "last_login_at"), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
