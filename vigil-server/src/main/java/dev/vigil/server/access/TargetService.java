package dev.vigil.server.access;

import java.security.PublicKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.vigil.bastion.gateway.OpenSshKeys;
import dev.vigil.bastion.rotation.RotationTarget;
import dev.vigil.server.access.internal.CredentialVault;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Targets and their accounts. Credentials go into the vault on the way in and never come out through here; host keys
 * are pinned at creation or confirmed by an administrator after the gateway saw them on first use.
 */
@Service
public class TargetService {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\[\\]-]{1,253}");
    private static final String SELECT = """
            SELECT id, name, host, port, host_key, pending_host_key, pending_seen_at, target_groups, asset_ref, tenant_id, description,
                   created_at FROM access_target""";

    private static final String ACCOUNT_SELECT = """
            SELECT a.id, a.name, a.credential_kind, a.rotated_at, a.rotation_status, a.rotation_at, a.rotation_message,
                   a.pending_credential IS NOT NULL AS rotation_pending, p.interval_days, p.via, to_char(p.window_start, 'HH24:MI') AS window_start,
                   to_char(p.window_end, 'HH24:MI') AS window_end, p.window_zone, p.next_at, p.failures
            FROM access_target_account a LEFT JOIN access_rotation_policy p ON p.account_id = a.id WHERE""";

    private final JdbcClient jdbc;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final CredentialVault vault;
    private final RotationRecords rotations;
    private final Clock clock;

    TargetService(JdbcClient jdbc, AccessPolicy access, AuditLog audit, CredentialVault vault, RotationRecords rotations, Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.audit = audit;
        this.vault = vault;
        this.rotations = rotations;
        this.clock = clock;
    }

    public List<TargetView> list() {
        access.require("bastion-target", "read", null);
        return jdbc.sql(SELECT + " ORDER BY name").query(this::map).list();
    }

    public TargetView get(UUID id) {
        access.require("bastion-target", "read", null);
        return find(id);
    }

    /** A target's validated fields; {@code hostKey} null when none was given. */
    private record Fields(String name, String host, int port, String hostKey, List<String> groups) {
    }

    private static Fields validate(TargetChange change) {
        String name = requireName(change.name(), "name");
        String host = change.host() == null ? "" : change.host().strip();
        if (!HOST.matcher(host).matches()) {
            throw ProblemException.badRequest("invalid-input", "host must be a host name or IP address");
        }
        int port = change.port() == null ? 22 : change.port();
        if (port < 1 || port > 65535) {
            throw ProblemException.badRequest("invalid-input", "port must be 1-65535");
        }
        String hostKey = null;
        if (change.hostKey() != null && !change.hostKey().isBlank()) {
            hostKey = OpenSshKeys.canonical(parseKey(change.hostKey(), "hostKey"));
        }
        List<String> groups = change.groups() == null ? List.of() : change.groups().stream().filter(g -> g != null && !g.isBlank())
                .map(g -> requireName(g, "group")).distinct().toList();
        return new Fields(name, host, port, hostKey, groups);
    }

    @Transactional
    public TargetView create(TargetChange change) {
        access.require("bastion-target", "update", change.tenantId());
        Fields f = validate(change);
        if (jdbc.sql("SELECT count(*) FROM access_target WHERE name = ?").param(f.name()).query(Long.class).single() > 0) {
            throw ProblemException.conflict("duplicate", "a target named '" + f.name() + "' exists");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO access_target (id, name, host, port, host_key, target_groups, asset_ref, tenant_id, description, created_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, f.name(), f.host(), f.port(), f.hostKey(), f.groups().toArray(String[]::new), blankToNull(change.assetRef()),
                        change.tenantId(), change.description() == null ? "" : change.description().strip(),
                        access.requireCurrent().username())
                .update();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", f.name());
        body.put("host", f.host());
        body.put("port", f.port());
        body.put("hostKey", f.hostKey() == null ? "(trust on first use, after confirmation)" : fingerprintOf(f.hostKey()));
        body.put("groups", f.groups());
        audit.record(AuditEntry.success("access.target.create", "access-target", id, change.tenantId(), body));
        return find(id);
    }

    /**
     * Changes a target's name, address, groups, asset, tenant and description. A {@code hostKey} given here pins that key
     * (replacing the pin and any key waiting for confirmation); left empty, the pin stays as it is.
     */
    @Transactional
    public TargetView update(UUID id, TargetChange change) {
        TargetView before = find(id);
        access.require("bastion-target", "update", before.tenantId());
        access.require("bastion-target", "update", change.tenantId());
        Fields f = validate(change);
        if (jdbc.sql("SELECT count(*) FROM access_target WHERE name = ? AND id <> ?").params(f.name(), id).query(Long.class).single() > 0) {
            throw ProblemException.conflict("duplicate", "a target named '" + f.name() + "' exists");
        }
        String hostKey = f.hostKey() != null ? f.hostKey() : before.hostKey();
        boolean repinned = f.hostKey() != null && !f.hostKey().equals(before.hostKey());
        jdbc.sql("""
                UPDATE access_target SET name = ?, host = ?, port = ?, host_key = ?, target_groups = ?, asset_ref = ?, tenant_id = ?,
                       description = ?, pending_host_key = CASE WHEN ? THEN NULL ELSE pending_host_key END,
                       pending_seen_at = CASE WHEN ? THEN NULL ELSE pending_seen_at END, updated_at = ? WHERE id = ?""")
                .params(f.name(), f.host(), f.port(), hostKey, f.groups().toArray(String[]::new), blankToNull(change.assetRef()),
                        change.tenantId(), change.description() == null ? "" : change.description().strip(), repinned, repinned,
                        Timestamp.from(clock.instant()), id)
                .update();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", f.name());
        body.put("host", f.host());
        body.put("port", f.port());
        body.put("groups", f.groups());
        if (!f.name().equals(before.name())) {
            body.put("previousName", before.name());
        }
        if (repinned) {
            body.put("hostKey", fingerprintOf(hostKey));
            body.put("previousHostKey", before.hostKeyFingerprint() == null ? "(none)" : before.hostKeyFingerprint());
        }
        audit.record(AuditEntry.success("access.target.update", "access-target", id, change.tenantId(), body));
        return find(id);
    }

    @Transactional
    public void delete(UUID id) {
        TargetView target = find(id);
        access.require("bastion-target", "update", target.tenantId());
        jdbc.sql("DELETE FROM access_target WHERE id = ?").param(id).update();
        audit.record(AuditEntry.success("access.target.delete", "access-target", id, target.tenantId(), Map.of("name", target.name())));
    }

    /** Pins the key the gateway saw on first use; the caller names its fingerprint so that a key swapped meanwhile is not pinned. */
    @Transactional
    public TargetView confirmHostKey(UUID id, String fingerprint) {
        TargetView target = find(id);
        access.require("bastion-target", "update", target.tenantId());
        if (target.pendingHostKey() == null) {
            throw ProblemException.conflict("no-pending-key", "no host key of " + target.name() + " waits for confirmation");
        }
        if (fingerprint == null || !fingerprint.strip().equals(target.pendingHostKeyFingerprint())) {
            throw ProblemException.conflict("fingerprint-mismatch", "the waiting host key has fingerprint "
                    + target.pendingHostKeyFingerprint() + ", not " + fingerprint);
        }
        jdbc.sql("UPDATE access_target SET host_key = pending_host_key, pending_host_key = NULL, pending_seen_at = NULL, updated_at = ? WHERE id = ?")
                .params(Timestamp.from(clock.instant()), id).update();
        audit.record(AuditEntry.success("access.target.host-key.confirm", "access-target", id, target.tenantId(),
                Map.of("name", target.name(), "fingerprint", target.pendingHostKeyFingerprint(),
                        "previous", target.hostKeyFingerprint() == null ? "(none)" : target.hostKeyFingerprint())));
        return find(id);
    }

    @Transactional
    public AccountView addAccount(UUID targetId, AccountChange change) {
        TargetView target = find(targetId);
        access.require("bastion-target", "update", target.tenantId());
        String name = requireName(change.name(), "account name");
        String kind = requireCredential(change);
        if (target.accounts().stream().anyMatch(a -> a.name().equals(name))) {
            throw ProblemException.conflict("duplicate", "target " + target.name() + " already has an account '" + name + "'");
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO access_target_account (id, target_id, name, credential_kind, credential) VALUES (?, ?, ?, ?, ?)")
                .params(id, targetId, name, kind, vault.encrypt(change.secret(), id.toString())).update();
        audit.record(AuditEntry.success("access.account.create", "access-account", id, target.tenantId(),
                Map.of("target", target.name(), "account", name, "credentialKind", kind, "vaultKey", vault.currentKeyId())));
        return account(id);
    }

    /** Replaces an account's credential (after the target's password or key was changed). */
    @Transactional
    public AccountView replaceCredential(UUID targetId, UUID accountId, AccountChange change) {
        TargetView target = find(targetId);
        access.require("bastion-target", "update", target.tenantId());
        AccountView existing = target.accounts().stream().filter(a -> a.id().equals(accountId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("account", accountId));
        String kind = requireCredential(change);
        jdbc.sql("UPDATE access_target_account SET credential_kind = ?, credential = ?, rotated_at = ?, pending_credential = NULL, pending_since = NULL WHERE id = ?")
                .params(kind, vault.encrypt(change.secret(), accountId.toString()), Timestamp.from(clock.instant()), accountId).update();
        rotations.credentialSet(accountId, clock.instant());
        audit.record(AuditEntry.success("access.account.credential.replace", "access-account", accountId, target.tenantId(),
                Map.of("target", target.name(), "account", existing.name(), "credentialKind", kind, "vaultKey", vault.currentKeyId())));
        return account(accountId);
    }

    @Transactional
    public void deleteAccount(UUID targetId, UUID accountId) {
        TargetView target = find(targetId);
        access.require("bastion-target", "update", target.tenantId());
        int deleted = jdbc.sql("DELETE FROM access_target_account WHERE id = ? AND target_id = ?").params(accountId, targetId).update();
        if (deleted == 0) {
            throw ProblemException.notFound("account", accountId);
        }
        audit.record(AuditEntry.success("access.account.delete", "access-account", accountId, target.tenantId(), Map.of("target", target.name())));
    }

    /** Re-encrypts every credential not yet under the current vault key; returns how many were re-encrypted. */
    @Transactional
    public int rotateVault() {
        access.require("bastion-target", "update", null);
        int rotated = 0;
        for (Map<String, Object> row : jdbc.sql("SELECT id, credential FROM access_target_account FOR UPDATE").query().listOfRows()) {
            String stored = (String) row.get("credential");
            if (vault.needsRotation(stored)) {
                String id = row.get("id").toString();
                jdbc.sql("UPDATE access_target_account SET credential = ? WHERE id = ?")
                        .params(vault.encrypt(vault.decrypt(stored, id), id), row.get("id")).update();
                rotated++;
            }
        }
        audit.record(AuditEntry.success("access.vault.rotate", "access-vault", vault.currentKeyId(), null,
                Map.of("reEncrypted", rotated, "vaultKey", vault.currentKeyId())));
        return rotated;
    }

    TargetView find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?").param(id).query(this::map).optional()
                .orElseThrow(() -> ProblemException.notFound("target", id));
    }

    /** The target's account with that id, or a 404. */
    AccountView accountOf(TargetView target, UUID accountId) {
        return target.accounts().stream().filter(a -> a.id().equals(accountId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("account", accountId));
    }

    /** The target's address with its pinned host key; a 409 while none is pinned (rotation never trusts on first use). */
    static RotationTarget pinned(TargetView target, String what) {
        if (target.hostKey() == null) {
            throw ProblemException.conflict("host-key-not-pinned", "the host key of " + target.name()
                    + " is not pinned yet; confirm it before rotating " + what);
        }
        return new RotationTarget(target.name(), target.host(), target.port(), OpenSshKeys.parse(target.hostKey()));
    }

    AccountView account(UUID id) {
        return jdbc.sql(ACCOUNT_SELECT + " a.id = ?").param(id)
                .query(TargetService::accountRow).single();
    }

    private TargetView map(ResultSet rs, int row) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        String hostKey = rs.getString("host_key");
        String pending = rs.getString("pending_host_key");
        Timestamp seen = rs.getTimestamp("pending_seen_at");
        List<AccountView> accounts = jdbc.sql(ACCOUNT_SELECT + " a.target_id = ? ORDER BY a.name")
                .param(id).query(TargetService::accountRow).list();
        return new TargetView(id, rs.getString("name"), rs.getString("host"), rs.getInt("port"), hostKey, fingerprintOf(hostKey), pending,
                fingerprintOf(pending), seen == null ? null : seen.toInstant(),
                new ArrayList<>(Arrays.asList((String[]) rs.getArray("target_groups").getArray())), rs.getString("asset_ref"),
                rs.getObject("tenant_id", UUID.class), rs.getString("description"), accounts, rs.getTimestamp("created_at").toInstant());
    }

    private static AccountView accountRow(ResultSet rs, int row) throws SQLException {
        Timestamp rotationAt = rs.getTimestamp("rotation_at");
        return new AccountView(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("credential_kind"),
                rs.getTimestamp("rotated_at").toInstant(), rs.getString("rotation_status") == null ? null
                        : new AccountView.RotationState(rs.getString("rotation_status"), rotationAt == null ? null : rotationAt.toInstant(),
                                rs.getString("rotation_message")), rs.getBoolean("rotation_pending"),
                rs.getTimestamp("next_at") == null ? null : new AccountView.RotationPolicy(rs.getInt("interval_days"), rs.getString("via"),
                        rs.getString("window_start"), rs.getString("window_end"), rs.getString("window_zone"),
                        rs.getTimestamp("next_at").toInstant(), rs.getInt("failures")));
    }

    private static String fingerprintOf(String key) {
        return key == null ? null : OpenSshKeys.fingerprint(OpenSshKeys.parse(key));
    }

    private static String requireCredential(AccountChange change) {
        String kind = change.credentialKind() == null ? "" : change.credentialKind();
        if (change.secret() == null || change.secret().isEmpty()) {
            throw ProblemException.badRequest("invalid-input", "secret is required (the password or the private key)");
        }
        switch (kind) {
            case "password" -> {
                if (change.secret().length() > 1024) {
                    throw ProblemException.badRequest("invalid-input", "a password may have at most 1024 characters");
                }
            }
            case "private-key" -> {
                try {
                    OpenSshKeys.privateKeyFingerprint(change.secret());
                } catch (IllegalArgumentException e) {
                    throw ProblemException.badRequest("invalid-credential", e.getMessage());
                }
            }
            default -> throw ProblemException.badRequest("invalid-input", "credentialKind must be password or private-key");
        }
        return kind;
    }

    static PublicKey parseKey(String line, String field) {
        try {
            return OpenSshKeys.parse(line);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-key", field + ": " + e.getMessage());
        }
    }

    static String requireName(String value, String what) {
        String name = value == null ? "" : value.strip();
        if (!NAME.matcher(name).matches()) {
            throw ProblemException.badRequest("invalid-input", what + " must be 1-128 characters: letters, digits, . _ @ + - (not starting with a sign)");
        }
        return name;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
