package dev.vigil.server.identity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Built-in and custom roles with their permissions. Built-in roles cannot be changed or deleted. */
@Service
public class RoleService {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final AccessPolicy access;

    RoleService(JdbcClient jdbc, AuditLog audit, AccessPolicy access) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.access = access;
    }

    /** Creates missing built-in roles and resets their permissions to the shipped definition. */
    @Transactional
    public void syncBuiltins() {
        for (BuiltinRole builtin : BuiltinRole.values()) {
            UUID id = jdbc.sql("SELECT id FROM role WHERE name = ?").param(builtin.roleName()).query(UUID.class).optional()
                    .orElseGet(() -> {
                        UUID created = UUID.randomUUID();
                        jdbc.sql("INSERT INTO role (id, name, description, builtin) VALUES (?, ?, ?, true)")
                                .params(created, builtin.roleName(), builtin.description()).update();
                        return created;
                    });
            jdbc.sql("UPDATE role SET description = ?, builtin = true WHERE id = ?").params(builtin.description(), id).update();
            writePermissions(id, builtin.permissions());
        }
    }

    public List<RoleView> list() {
        return jdbc.sql("SELECT id FROM role ORDER BY builtin DESC, name").query(UUID.class).list().stream().map(this::get).toList();
    }

    public RoleView get(UUID id) {
        return jdbc.sql("SELECT id, name, description, builtin FROM role WHERE id = ?").param(id)
                .query((rs, n) -> new RoleView(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                        permissionsOf(id).stream().map(Permission::toString).toList()))
                .optional().orElseThrow(() -> ProblemException.notFound("role", id));
    }

    public UUID idOf(String name) {
        return jdbc.sql("SELECT id FROM role WHERE name = ?").param(name).query(UUID.class).optional()
                .orElseThrow(() -> ProblemException.badRequest("unknown-role", "role '" + name + "' does not exist"));
    }

    @Transactional
    public RoleView create(String name, String description, List<String> permissions) {
        access.require("role", "create", null);
        if (!name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw ProblemException.badRequest("invalid-input", "name must be lower-case letters, digits and dashes (1-63)");
        }
        if (jdbc.sql("SELECT count(*) FROM role WHERE name = ?").param(name).query(Long.class).single() > 0) {
            throw ProblemException.conflict("duplicate", "a role named '" + name + "' already exists");
        }
        List<Permission> parsed = parse(permissions);
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO role (id, name, description, builtin) VALUES (?, ?, ?, false)").params(id, name, description).update();
        writePermissions(id, parsed);
        audit.record(AuditEntry.success("role.create", "role", id, null, Map.of("name", name, "permissions", texts(parsed))));
        return get(id);
    }

    @Transactional
    public RoleView update(UUID id, String description, List<String> permissions) {
        access.require("role", "update", null);
        RoleView before = get(id);
        if (before.builtin()) {
            throw ProblemException.conflict("builtin-role", "built-in role '" + before.name() + "' cannot be changed; define a custom role");
        }
        List<Permission> parsed = parse(permissions);
        jdbc.sql("UPDATE role SET description = ? WHERE id = ?").params(description, id).update();
        writePermissions(id, parsed);
        RoleView after = get(id);
        audit.record(AuditEntry.success("role.update", "role", id, null, changes(before, after)));
        return after;
    }

    @Transactional
    public void delete(UUID id) {
        access.require("role", "delete", null);
        RoleView role = get(id);
        if (role.builtin()) {
            throw ProblemException.conflict("builtin-role", "built-in role '" + role.name() + "' cannot be deleted");
        }
        long holders = jdbc.sql("SELECT (SELECT count(*) FROM user_role WHERE role_id = :id) + (SELECT count(*) FROM group_role WHERE role_id = :id)")
                .param("id", id).query(Long.class).single();
        if (holders > 0) {
            throw ProblemException.conflict("role-in-use", "role '" + role.name() + "' is still assigned " + holders + " time(s)");
        }
        jdbc.sql("DELETE FROM role WHERE id = ?").param(id).update();
        audit.record(AuditEntry.success("role.delete", "role", id, null, Map.of("name", role.name(), "permissions", role.permissions())));
    }

    List<Permission> permissionsOf(UUID roleId) {
        return jdbc.sql("SELECT resource, action, scope FROM role_permission WHERE role_id = ? ORDER BY 1, 2, 3").param(roleId)
                .query((rs, n) -> new Permission(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    private void writePermissions(UUID roleId, List<Permission> permissions) {
        jdbc.sql("DELETE FROM role_permission WHERE role_id = ?").param(roleId).update();
        for (Permission p : permissions) {
            jdbc.sql("INSERT INTO role_permission (role_id, resource, action, scope) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                    .params(roleId, p.resource(), p.action(), p.scope()).update();
        }
    }

    private static List<Permission> parse(List<String> permissions) {
        if (permissions == null || permissions.isEmpty()) {
            throw ProblemException.badRequest("invalid-input", "a role needs at least one permission");
        }
        List<Permission> parsed = new ArrayList<>();
        for (String text : permissions) {
            try {
                Permission permission = Permission.parse(text);
                PermissionCatalogue.validate(permission);
                parsed.add(permission);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("invalid-permission", e.getMessage());
            }
        }
        return parsed;
    }

    private static List<String> texts(List<Permission> permissions) {
        return permissions.stream().map(Permission::toString).toList();
    }

    private static Map<String, Object> changes(RoleView before, RoleView after) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("before", Map.of("description", before.description(), "permissions", before.permissions()));
        body.put("after", Map.of("description", after.description(), "permissions", after.permissions()));
        return body;
    }
}
