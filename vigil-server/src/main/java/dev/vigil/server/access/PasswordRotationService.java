package dev.vigil.server.access;

import java.time.Duration;
import java.util.UUID;

import jakarta.annotation.PreDestroy;

import dev.vigil.bastion.gateway.UpstreamCredential;
import dev.vigil.bastion.rotation.NewPasswords;
import dev.vigil.bastion.rotation.PasswordRotator;
import dev.vigil.bastion.rotation.RotationException;
import dev.vigil.bastion.rotation.RotationTarget;
import dev.vigil.server.access.internal.VaultCredentials;
import dev.vigil.server.audit.Actor;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Service;

/**
 * Rotates a target account's password through the bastion: a new random password is vaulted as pending, the target
 * is changed with the current vaulted credential ({@code passwd} as the account itself, or {@code chpasswd} as another
 * account of the target named by {@code via}), a login with the new password proves it, and only then does it replace
 * the credential. When the new password does not log in, the old one is checked: if it still works it stays and the
 * pending one is dropped; if neither works both are kept (encrypted) for an administrator. Every failure is audited
 * and raises an alert ({@link RotationRecords}). No password ever leaves this class except towards the target.
 */
@Service
public class PasswordRotationService {

    private static final int LENGTH = 24;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final AccessPolicy access;
    private final TargetService targets;
    private final VaultCredentials credentials;
    private final RotationRecords records;
    private final NewPasswords passwords = new NewPasswords();
    private final PasswordRotator rotator = new PasswordRotator(TIMEOUT);

    PasswordRotationService(AccessPolicy access, TargetService targets, VaultCredentials credentials, RotationRecords records) {
        this.access = access;
        this.targets = targets;
        this.credentials = credentials;
        this.records = records;
    }

    /** Rotates the account's password; answers the account (never the password), or a 502 problem saying what failed. */
    public AccountView rotate(UUID targetId, UUID accountId, String via) {
        TargetView target = targets.find(targetId);
        access.require("bastion-target", "update", target.tenantId());
        return rotate(target, targets.accountOf(target, accountId), via, null);
    }

    /** The rotation itself, for the caller above and for the schedule ({@code actor} names the job; null: the signed-in user). */
    AccountView rotate(TargetView target, AccountView account, String via, Actor actor) {
        if (!"password".equals(account.credentialKind())) {
            throw ProblemException.conflict("not-a-password", account.name() + " on " + target.name()
                    + " logs in with a private key; rotate it with rotate-key");
        }
        RotationTarget address = TargetService.pinned(target, "a password");
        AccountView admin = null;
        if (via != null && !via.isBlank()) {
            admin = target.accounts().stream().filter(a -> a.name().equals(via.strip())).findFirst()
                    .orElseThrow(() -> ProblemException.badRequest("invalid-input", "target " + target.name() + " has no account '"
                            + via.strip() + "' to rotate with"));
            if (admin.id().equals(account.id())) {
                throw ProblemException.badRequest("invalid-input", "via names another account of the target (one allowed to run chpasswd); "
                        + "leave it out for the account to change its own password");
            }
        }
        RotationRecords.Rotation rotation = new RotationRecords.Rotation(target, account, "password",
                admin == null ? "passwd" : "chpasswd as " + admin.name(), actor);
        String current = ((UpstreamCredential.Password) credentials.credentialOf(account.id())).password();
        String next = passwords.next(LENGTH);
        records.markPending(rotation, next);

        String failure = null;
        try {
            if (admin == null) {
                rotator.changeOwn(address, account.name(), current, next);
            } else {
                rotator.changeAs(address, admin.name(), credentials.credentialOf(admin.id()), account.name(), next);
            }
        } catch (RotationException e) {
            failure = e.getMessage();
        }
        Boolean newWorks = tryLogin(address, account.name(), next);
        if (Boolean.TRUE.equals(newWorks)) {
            records.stored(rotation, next, "changed with " + rotation.method() + " and verified by a login with the new password"
                    + (failure == null ? "" : " (the change step reported: " + failure + ")"));
            return targets.account(account.id());
        }
        if (failure == null) {
            failure = newWorks == null ? "the new password could not be checked" : "the target did not accept the new password";
        }
        throw records.failed(rotation, failure, Boolean.TRUE.equals(tryLogin(address, account.name(), current)));
    }

    private Boolean tryLogin(RotationTarget address, String account, String password) {
        try {
            return rotator.accepts(address, account, password);
        } catch (RotationException e) {
            return null;
        }
    }

    @PreDestroy
    void close() throws java.io.IOException {
        rotator.close();
    }
}
