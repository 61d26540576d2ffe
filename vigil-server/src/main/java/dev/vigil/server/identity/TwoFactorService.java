package dev.vigil.server.identity;

import java.util.Map;

import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The caller's own TOTP second factor: start enrolment, confirm it with a first code, or remove it. */
@Service
public class TwoFactorService {

    static final String ISSUER = "Vigil";

    private final UserAccounts accounts;
    private final TotpCodes codes;
    private final SecretCipher cipher;
    private final AccessPolicy access;
    private final AuditLog audit;
    private final PrincipalFactory principals;

    TwoFactorService(UserAccounts accounts, TotpCodes codes, SecretCipher cipher, AccessPolicy access, AuditLog audit,
            PrincipalFactory principals) {
        this.accounts = accounts;
        this.codes = codes;
        this.cipher = cipher;
        this.access = access;
        this.audit = audit;
        this.principals = principals;
    }

    /** A new secret, stored but not active until {@link #confirm} succeeds. Replaces an unconfirmed one. */
    @Transactional
    public TotpEnrolment start() {
        UserRow user = self();
        if (user.totpEnabled()) {
            throw ProblemException.conflict("totp-enabled", "TOTP is already enabled; remove it first to enrol a new device");
        }
        String secret = codes.newSecret();
        accounts.setTotp(user.id(), cipher.encrypt(secret), false);
        return new TotpEnrolment(secret, TotpCodes.otpauthUri(ISSUER, user.username(), secret));
    }

    @Transactional
    public void confirm(String code) {
        UserRow user = self();
        if (user.totpEnabled()) {
            throw ProblemException.conflict("totp-enabled", "TOTP is already enabled");
        }
        if (user.totpSecret() == null) {
            throw ProblemException.conflict("totp-not-started", "start the enrolment first");
        }
        var step = codes.verify(cipher.decrypt(user.totpSecret()), code);
        if (step.isEmpty()) {
            audit.recordIndependently(new AuditEntry(null, "user.totp.enrol", "user", user.id().toString(), user.tenantId(),
                    AuditEntry.Outcome.FAILURE, Map.of(), Map.of("reason", "wrong code")));
            throw ProblemException.badRequest("wrong-code", "the code is not valid now; check the device clock and try the next code");
        }
        accounts.setTotp(user.id(), user.totpSecret(), true);
        accounts.advanceTotpStep(user.id(), step.getAsLong());
        audit.record(AuditEntry.success("user.totp.enrol", "user", user.id(), user.tenantId(), Map.of("username", user.username())));
    }

    /** Removes the caller's TOTP; needs a current code, and is refused when a role requires TOTP. */
    @Transactional
    public void remove(String code) {
        UserRow user = self();
        if (!user.totpEnabled()) {
            throw ProblemException.conflict("totp-not-enabled", "TOTP is not enabled");
        }
        if (principals.totpRequired(user)) {
            throw ProblemException.conflict("totp-required", "your roles require TOTP; an administrator can reset it for a new device");
        }
        if (codes.verify(cipher.decrypt(user.totpSecret()), code).isEmpty()) {
            throw ProblemException.badRequest("wrong-code", "the code is not valid now");
        }
        accounts.setTotp(user.id(), null, false);
        audit.record(AuditEntry.success("user.totp.remove", "user", user.id(), user.tenantId(), Map.of("username", user.username())));
    }

    private UserRow self() {
        return accounts.byId(access.requireCurrent().userId()).orElseThrow();
    }
}
