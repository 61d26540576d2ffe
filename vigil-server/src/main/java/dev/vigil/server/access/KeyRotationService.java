package dev.vigil.server.access;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.PreDestroy;

import dev.vigil.bastion.gateway.UpstreamCredential;
import dev.vigil.bastion.rotation.KeyRotator;
import dev.vigil.bastion.rotation.NewKeys;
import dev.vigil.bastion.rotation.RotationException;
import dev.vigil.bastion.rotation.RotationTarget;
import dev.vigil.server.access.internal.VaultCredentials;
import dev.vigil.server.audit.Actor;
import dev.vigil.server.identity.AccessPolicy;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Service;

/**
 * Rotates a target account's vaulted SSH key through the bastion: a new Ed25519 key pair is vaulted as pending, its
 * public key is appended to the account's {@code ~/.ssh/authorized_keys} in a login with the current key (pinned host
 * key only), a fresh login with the new key proves it, the old key's lines are removed in a login with the new key, and
 * only then does the new key replace the credential. A failure removes the new key again (with the old one) and keeps
 * the old key vaulted; it is audited and alerted ({@link RotationRecords}). No key material leaves this class except
 * the public key towards the target.
 */
@Service
public class KeyRotationService {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final AccessPolicy access;
    private final TargetService targets;
    private final VaultCredentials credentials;
    private final RotationRecords records;
    private final Clock clock;
    private final NewKeys keys = new NewKeys();
    private final KeyRotator rotator = new KeyRotator(TIMEOUT);

    KeyRotationService(AccessPolicy access, TargetService targets, VaultCredentials credentials, RotationRecords records, Clock clock) {
        this.access = access;
        this.targets = targets;
        this.credentials = credentials;
        this.records = records;
        this.clock = clock;
    }

    /** Rotates the account's key; answers the account (never a key), or a 502 problem saying what failed. */
    public AccountView rotate(UUID targetId, UUID accountId) {
        TargetView target = targets.find(targetId);
        access.require("bastion-target", "update", target.tenantId());
        return rotate(target, targets.accountOf(target, accountId), null);
    }

    /** The rotation itself, for the caller above and for the schedule ({@code actor} names the job; null: the signed-in user). */
    AccountView rotate(TargetView target, AccountView account, Actor actor) {
        if (!"private-key".equals(account.credentialKind())) {
            throw ProblemException.conflict("not-a-key", account.name() + " on " + target.name()
                    + " logs in with a password; rotate it with rotate-password");
        }
        RotationTarget address = TargetService.pinned(target, "a key");
        RotationRecords.Rotation rotation = new RotationRecords.Rotation(target, account, "key",
                "new Ed25519 key in ~/.ssh/authorized_keys", actor);
        UpstreamCredential.PrivateKey current = (UpstreamCredential.PrivateKey) credentials.credentialOf(account.id());
        NewKeys.Generated next = keys.next("vigil-" + account.name() + "@" + target.name() + "-" + LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        UpstreamCredential.PrivateKey nextKey = new UpstreamCredential.PrivateKey(next.privateKey(), null);
        records.markPending(rotation, next.privateKey());

        boolean installed = false;
        String failure;
        try {
            String oldBlob = KeyRotator.blobOf(current);
            List<String> options = rotator.installBeside(address, account.name(), current, oldBlob, next.publicLine());
            installed = true;
            if (!rotator.accepts(address, account.name(), nextKey)) {
                throw new RotationException("a fresh login with the new key was refused (does the target read keys from "
                        + "~/.ssh/authorized_keys?)");
            }
            int removed = rotator.remove(address, account.name(), nextKey, oldBlob, next.keyBlob());
            if (removed == 0) {
                throw new RotationException("the old key is not in ~/.ssh/authorized_keys of " + account.name()
                        + ", so it may be authorised elsewhere and could not be revoked");
            }
            records.stored(rotation, next.privateKey(), "new key installed" + inherited(options) + ", verified by a fresh login with it, "
                    + "and the old key's " + removed + " line(s) removed from ~/.ssh/authorized_keys");
            return targets.account(account.id());
        } catch (RotationException e) {
            failure = e.getMessage();
        }
        if (installed) {
            failure += withdraw(address, account.name(), current, next);
        }
        throw records.failed(rotation, failure, Boolean.TRUE.equals(tryLogin(address, account.name(), current)));
    }

    /** What the outcome says of the options the new key's lines took over from the old key's. */
    private static String inherited(List<String> options) {
        List<String> set = options.stream().filter(o -> !o.isEmpty()).toList();
        return set.isEmpty() ? "" : " with the old key's options (" + String.join("; ", set) + ")";
    }

    /** Takes the new key out of authorized_keys again with the old one; says so in the failure message when it could not. */
    private String withdraw(RotationTarget address, String account, UpstreamCredential.PrivateKey current, NewKeys.Generated next) {
        try {
            rotator.remove(address, account, current, next.keyBlob(), null);
            return "; the new key was removed again";
        } catch (RotationException e) {
            return "; the new key could not be removed again (" + e.getMessage() + ")";
        }
    }

    private Boolean tryLogin(RotationTarget address, String account, UpstreamCredential credential) {
        try {
            return rotator.accepts(address, account, credential);
        } catch (RotationException e) {
            return null;
        }
    }

    @PreDestroy
    void close() throws java.io.IOException {
        rotator.close();
    }
}
