package dev.vigil.server.identity;

import java.time.Clock;
import java.time.Instant;
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

/** Users: creation, profile, roles, passwords, unlock, deletion — each change audited. */
@Service
public class UserService {

    private final UserAccounts accounts;
    private final RoleService roles;
    private final TenantService tenants;
    private final PasswordHasher hasher;
    private final PasswordPolicy passwords;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final Clock clock;

    UserService(UserAccounts accounts, RoleService roles, TenantService tenants, PasswordHasher hasher, PasswordPolicy passwords,
            AccessPolicy access, AuditLog audit, JdbcClient jdbc, Clock clock) {
        this.accounts = accounts;
        this.roles = roles;
        this.tenants = tenants;
        this.hasher = hasher;
        this.passwords = passwords;
        this.access = access;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public List<UserView> list() {
        VigilPrincipal caller = access.requireCurrent();
        return accounts.list(null).stream()
                .filter(u -> caller.canEverywhere("user", "read") || u.tenantId() != null && caller.can("user", "read", u.tenantId()))
                .map(this::view).toList();
    }

    /** The caller's own account (no permission needed). */
    public UserView self() {
        return view(find(access.requireCurrent().userId()));
    }

    public UserView get(UUID id) {
        UserRow row = find(id);
        requireOn("read", row.tenantId());
        return view(row);
    }

    public UserView byUsername(String username) {
        UserRow row = accounts.byUsername(username).orElseThrow(() -> ProblemException.notFound("user", username));
        requireOn("read", row.tenantId());
        return view(row);
    }

    @Transactional
    public CreatedUser create(NewUser request) {
        requireOn("create", request.tenantId());
        String username = request.username() == null ? "" : request.username().trim().toLowerCase(java.util.Locale.ROOT);
        if (!username.matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            throw ProblemException.badRequest("invalid-input", "username must be 1-64 lower-case letters, digits, '.', '_' or '-'");
        }
        if (accounts.byUsername(username).isPresent()) {
            throw ProblemException.conflict("duplicate", "a user named '" + username + "' already exists");
        }
        if (request.tenantId() != null && !tenants.exists(request.tenantId())) {
            throw ProblemException.badRequest("unknown-tenant", "tenant " + request.tenantId() + " does not exist");
        }
        List<String> roleNames = request.roles() == null ? List.of() : request.roles();
        List<UUID> roleIds = resolveRoles(roleNames, request.tenantId());
        String generated = null;
        String password = request.initialPassword();
        if (password == null || password.isEmpty()) {
            generated = passwords.generate();
            password = generated;
        } else {
            passwords.check(username, password);
        }
        boolean mustChange = request.mustChangePassword() == null || request.mustChangePassword();
        UUID id = UUID.randomUUID();
        accounts.insert(id, username, nullToEmpty(request.displayName()), nullToEmpty(request.email()), request.tenantId(),
                hasher.hash(password), mustChange);
        accounts.replaceRoles(id, roleIds);
        UserView created = view(find(id));
        audit.record(AuditEntry.success("user.create", "user", id, request.tenantId(), snapshot(created)));
        return new CreatedUser(created, generated);
    }

    @Transactional
    public UserView update(UUID id, String displayName, String email, UUID tenantId, boolean enabled) {
        UserRow before = find(id);
        requireOn("update", before.tenantId());
        requireNotMorePrivileged(before);
        if (tenantId != null && !tenantId.equals(before.tenantId())) {
            requireOn("update", tenantId);
            if (!tenants.exists(tenantId)) {
                throw ProblemException.badRequest("unknown-tenant", "tenant " + tenantId + " does not exist");
            }
        }
        VigilPrincipal caller = access.requireCurrent();
        if (!enabled && caller.userId().equals(id)) {
            throw ProblemException.conflict("self-disable", "you cannot disable your own account");
        }
        if (!enabled) {
            requireAnotherAdminRemains(id);
        }
        UserView old = view(before);
        accounts.updateProfile(id, nullToEmpty(displayName), nullToEmpty(email), tenantId, enabled);
        UserView now = view(find(id));
        audit.record(AuditEntry.success(enabled == before.enabled() ? "user.update" : enabled ? "user.enable" : "user.disable",
                "user", id, now.tenantId(), Map.of("before", snapshot(old), "after", snapshot(now))));
        return now;
    }

    @Transactional
    public UserView setRoles(UUID id, List<String> roleNames) {
        UserRow row = find(id);
        requireOn("update", row.tenantId());
        requireNotMorePrivileged(row);
        List<UUID> roleIds = resolveRoles(roleNames, row.tenantId());
        List<String> before = accounts.roleNames(id);
        if (before.contains(BuiltinRole.ADMIN.roleName()) && !roleNames.contains(BuiltinRole.ADMIN.roleName())) {
            requireAnotherAdminRemains(id);
        }
        accounts.replaceRoles(id, roleIds);
        List<String> after = accounts.roleNames(id);
        audit.record(AuditEntry.success("user.roles.change", "user", id, row.tenantId(), Map.of("before", before, "after", after)));
        return view(find(id));
    }

    /** Sets a new random password that the user must change at next sign-in; returns it once. */
    @Transactional
    public String resetPassword(UUID id) {
        UserRow row = find(id);
        requireOn("update", row.tenantId());
        requireNotMorePrivileged(row);
        String generated = passwords.generate();
        accounts.setPassword(id, hasher.hash(generated), true);
        revokeSessions(id);
        audit.record(AuditEntry.success("user.password.reset", "user", id, row.tenantId(), Map.of("username", row.username())));
        return generated;
    }

    @Transactional
    public UserView unlock(UUID id) {
        UserRow row = find(id);
        requireOn("update", row.tenantId());
        accounts.unlock(id);
        audit.record(AuditEntry.success("user.unlock", "user", id, row.tenantId(), Map.of("username", row.username())));
        return view(find(id));
    }

    @Transactional
    public UserView resetTotp(UUID id) {
        UserRow row = find(id);
        requireOn("update", row.tenantId());
        requireNotMorePrivileged(row);
        accounts.setTotp(id, null, false);
        audit.record(AuditEntry.success("user.totp.reset", "user", id, row.tenantId(), Map.of("username", row.username())));
        return view(find(id));
    }

    @Transactional
    public void delete(UUID id) {
        UserRow row = find(id);
        requireOn("delete", row.tenantId());
        requireNotMorePrivileged(row);
        if (access.requireCurrent().userId().equals(id)) {
            throw ProblemException.conflict("self-delete", "you cannot delete your own account");
        }
        requireAnotherAdminRemains(id);
        UserView gone = view(row);
        accounts.delete(id);
        audit.record(AuditEntry.success("user.delete", "user", id, row.tenantId(), snapshot(gone)));
    }

    /** The caller changes their own password; ends their other bearer sessions. */
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        VigilPrincipal caller = access.requireCurrent();
        UserRow row = find(caller.userId());
        if (currentPassword == null || !hasher.matches(currentPassword, row.passwordHash())) {
            audit.recordIndependently(new AuditEntry(null, "user.password.change", "user", row.id().toString(), row.tenantId(),
                    AuditEntry.Outcome.FAILURE, Map.of(), Map.of("reason", "current password wrong")));
            throw ProblemException.badRequest("wrong-password", "the current password is wrong");
        }
        changePassword(row, newPassword);
    }

    /**
     * Sets a user's password after they proved the old one outside a session (forced change at sign-in). A refused new
     * password must not mark the caller's transaction rollback-only (it would surface as a 500 instead of the 400).
     */
    @Transactional(noRollbackFor = ProblemException.class)
    void changePassword(UserRow row, String newPassword) {
        passwords.check(row.username(), newPassword);
        if (hasher.matches(newPassword, row.passwordHash())) {
            throw ProblemException.badRequest("weak-password", "the new password must differ from the current one");
        }
        accounts.setPassword(row.id(), hasher.hash(newPassword), false);
        AuditEntry changed = AuditEntry.success("user.password.change", "user", row.id(), row.tenantId(), Map.of("username", row.username()));
        if (access.current().isEmpty()) {
            // the forced change at sign-in has no session yet: the actor is the user who just proved their password
            String address = org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                    instanceof org.springframework.web.context.request.ServletRequestAttributes attributes
                    ? attributes.getRequest().getRemoteAddr() : "";
            changed = changed.by(new dev.vigil.server.audit.Actor("user", row.id().toString(), row.username(), address));
        }
        audit.record(changed);
    }

    /** The first administrator of an empty installation (bootstrap); audited as a system job. */
    @Transactional
    UUID createBootstrapAdmin(String username, String password, boolean mustChange) {
        UUID id = UUID.randomUUID();
        accounts.insert(id, username, "Administrator", "", null, hasher.hash(password), mustChange);
        accounts.replaceRoles(id, List.of(roles.idOf(BuiltinRole.ADMIN.roleName())));
        audit.record(AuditEntry.success("user.create", "user", id, null, Map.of("username", username, "roles", List.of("admin"),
                "bootstrap", true, "passwordFrom", mustChange ? "generated" : "VIGIL_BOOTSTRAP_ADMIN_PASSWORD"))
                .by(dev.vigil.server.audit.Actor.systemJob("bootstrap")));
        return id;
    }

    UserView view(UserRow row) {
        List<String> groups = jdbc.sql("SELECT g.name FROM group_member m JOIN user_group g ON g.id = m.group_id WHERE m.user_id = ? ORDER BY 1")
                .param(row.id()).query(String.class).list();
        boolean locked = row.lockedUntil() != null && row.lockedUntil().isAfter(Instant.now(clock));
        return new UserView(row.id(), row.username(), row.displayName(), row.email(), row.tenantId(), accounts.roleNames(row.id()),
                groups, row.enabled(), row.totpEnabled(), row.mustChangePassword(), locked, row.lastLoginAt(), row.createdAt());
    }

    private UserRow find(UUID id) {
        return accounts.byId(id).orElseThrow(() -> ProblemException.notFound("user", id));
    }

    private void requireOn(String action, UUID tenantId) {
        VigilPrincipal caller = access.requireCurrent();
        boolean allowed = caller.canEverywhere("user", action) || tenantId != null && caller.can("user", action, tenantId);
        if (!allowed) {
            throw ProblemException.forbidden("forbidden", "missing permission user:" + action
                    + (tenantId == null ? " (all tenants)" : " for tenant " + tenantId));
        }
    }

    /**
     * Changing the account of someone who holds more than the caller (resetting an administrator's password, say)
     * would hand the caller those rights: only someone holding every permission of the target may do it.
     */
    private void requireNotMorePrivileged(UserRow target) {
        VigilPrincipal caller = access.requireCurrent();
        for (Permission held : accounts.effectivePermissions(target.id())) {
            if (caller.permissions().stream().noneMatch(mine -> mine.includes(held))) {
                throw ProblemException.forbidden("privilege-escalation", "user '" + target.username() + "' holds " + held
                        + ", which you do not hold; only someone holding all of their permissions can change their account");
            }
        }
    }

    private List<UUID> resolveRoles(List<String> roleNames, UUID tenantId) {
        VigilPrincipal caller = access.requireCurrent();
        List<UUID> ids = new ArrayList<>();
        for (String name : roleNames) {
            UUID roleId = roles.idOf(name);
            if (name.equals(BuiltinRole.TENANT_AUTHORIZER.roleName()) && tenantId == null) {
                throw ProblemException.badRequest("tenant-required", "a tenant-authorizer must belong to a tenant (set tenantId)");
            }
            for (Permission wanted : roles.permissionsOf(roleId)) {
                if (caller.permissions().stream().noneMatch(held -> held.includes(wanted))) {
                    throw ProblemException.forbidden("privilege-escalation",
                            "you cannot grant role '" + name + "': it includes " + wanted + ", which you do not hold");
                }
            }
            ids.add(roleId);
        }
        return ids;
    }

    private void requireAnotherAdminRemains(UUID leaving) {
        long others = jdbc.sql("""
                SELECT count(*) FROM user_role ur JOIN role r ON r.id = ur.role_id JOIN app_user u ON u.id = ur.user_id
                WHERE r.name = 'admin' AND u.enabled AND u.id <> ?""").param(leaving).query(Long.class).single();
        if (others == 0) {
            throw ProblemException.conflict("last-admin", "this is the last enabled administrator; create another first");
        }
    }

    private void revokeSessions(UUID userId) {
        jdbc.sql("UPDATE api_token SET revoked_at = now() WHERE owner_id = ? AND kind = 'session' AND revoked_at IS NULL")
                .param(userId).update();
    }

    private static Map<String, Object> snapshot(UserView user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", user.username());
        body.put("displayName", user.displayName());
        body.put("email", user.email());
        body.put("tenantId", user.tenantId() == null ? "" : user.tenantId().toString());
        body.put("roles", user.roles());
        body.put("enabled", user.enabled());
        return body;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text.trim();
    }
}
