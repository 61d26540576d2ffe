package dev.vigil.server.identity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Groups: members and the roles they pass on. */
@Service
public class GroupService {

    private final JdbcClient jdbc;
    private final RoleService roles;
    private final UserAccounts accounts;
    private final AccessPolicy access;
    private final AuditLog audit;

    GroupService(JdbcClient jdbc, RoleService roles, UserAccounts accounts, AccessPolicy access, AuditLog audit) {
        this.jdbc = jdbc;
        this.roles = roles;
        this.accounts = accounts;
        this.access = access;
        this.audit = audit;
    }

    public List<GroupView> list() {
        return jdbc.sql("SELECT id FROM user_group ORDER BY name").query(UUID.class).list().stream().map(this::get).toList();
    }

    public GroupView get(UUID id) {
        return jdbc.sql("SELECT id, name, description FROM user_group WHERE id = ?").param(id)
                .query((rs, n) -> new GroupView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        jdbc.sql("SELECT u.username FROM group_member m JOIN app_user u ON u.id = m.user_id WHERE m.group_id = ? ORDER BY 1")
                                .param(id).query(String.class).list(),
                        jdbc.sql("SELECT r.name FROM group_role g JOIN role r ON r.id = g.role_id WHERE g.group_id = ? ORDER BY 1")
                                .param(id).query(String.class).list()))
                .optional().orElseThrow(() -> ProblemException.notFound("group", id));
    }

    @Transactional
    public GroupView create(String name, String description, List<String> members, List<String> roleNames) {
        access.require("group", "create", null);
        if (name == null || !name.matches("[a-z0-9][a-z0-9._-]{0,62}")) {
            throw ProblemException.badRequest("invalid-input", "name must be lower-case letters, digits, '.', '_' or '-' (1-63)");
        }
        if (jdbc.sql("SELECT count(*) FROM user_group WHERE name = ?").param(name).query(Long.class).single() > 0) {
            throw ProblemException.conflict("duplicate", "a group named '" + name + "' already exists");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO user_group (id, name, description) VALUES (?, ?, ?)").params(id, name, description == null ? "" : description).update();
        writeMembersAndRoles(id, members, roleNames);
        GroupView created = get(id);
        audit.record(AuditEntry.success("group.create", "group", id, null, Map.of("name", name, "members", created.members(),
                "roles", created.roles())));
        return created;
    }

    @Transactional
    public GroupView update(UUID id, String description, List<String> members, List<String> roleNames) {
        access.require("group", "update", null);
        GroupView before = get(id);
        jdbc.sql("UPDATE user_group SET description = ? WHERE id = ?").params(description == null ? "" : description, id).update();
        writeMembersAndRoles(id, members, roleNames);
        GroupView after = get(id);
        audit.record(AuditEntry.success("group.update", "group", id, null, Map.of(
                "before", Map.of("description", before.description(), "members", before.members(), "roles", before.roles()),
                "after", Map.of("description", after.description(), "members", after.members(), "roles", after.roles()))));
        return after;
    }

    @Transactional
    public void delete(UUID id) {
        access.require("group", "delete", null);
        GroupView group = get(id);
        jdbc.sql("DELETE FROM user_group WHERE id = ?").param(id).update();
        audit.record(AuditEntry.success("group.delete", "group", id, null, Map.of("name", group.name(), "members", group.members(),
                "roles", group.roles())));
    }

    private void writeMembersAndRoles(UUID groupId, List<String> members, List<String> roleNames) {
        VigilPrincipal caller = access.requireCurrent();
        jdbc.sql("DELETE FROM group_member WHERE group_id = ?").param(groupId).update();
        jdbc.sql("DELETE FROM group_role WHERE group_id = ?").param(groupId).update();
        for (String username : new LinkedHashSet<>(members == null ? List.<String>of() : members)) {
            UUID userId = accounts.byUsername(username).map(UserRow::id)
                    .orElseThrow(() -> ProblemException.badRequest("unknown-user", "user '" + username + "' does not exist"));
            jdbc.sql("INSERT INTO group_member (group_id, user_id) VALUES (?, ?)").params(groupId, userId).update();
        }
        for (String roleName : new LinkedHashSet<>(roleNames == null ? List.<String>of() : roleNames)) {
            UUID roleId = roles.idOf(roleName);
            for (Permission wanted : roles.permissionsOf(roleId)) {
                if (caller.permissions().stream().noneMatch(held -> held.includes(wanted))) {
                    throw ProblemException.forbidden("privilege-escalation",
                            "you cannot grant role '" + roleName + "': it includes " + wanted + ", which you do not hold");
                }
            }
            jdbc.sql("INSERT INTO group_role (group_id, role_id) VALUES (?, ?)").params(groupId, roleId).update();
        }
    }
}
