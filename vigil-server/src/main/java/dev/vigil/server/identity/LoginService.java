package dev.vigil.server.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.server.audit.Actor;
import dev.vigil.server.audit.AuditEntry;
import dev.vigil.server.audit.AuditLog;
import dev.vigil.server.platform.config.VigilProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Password and TOTP sign-in with lockout: after {@code lockout-threshold} consecutive failures an account is locked
 * for {@code lockout-base}, doubling with each further failure up to {@code lockout-max}. Every attempt is audited.
 */
@Service
public class LoginService {

    private static final String REFUSED = "wrong username, password or code";

    private final UserAccounts accounts;
    private final PasswordHasher hasher;
    private final TotpCodes codes;
    private final SecretCipher cipher;
    private final AuditLog audit;
    private final Clock clock;
    private final VigilProperties.Security security;
    private final ApiTokenService tokens;
    private final PrincipalFactory principals;
    private final UserService users;

    LoginService(UserAccounts accounts, PasswordHasher hasher, TotpCodes codes, SecretCipher cipher, AuditLog audit, Clock clock,
            VigilProperties properties, ApiTokenService tokens, PrincipalFactory principals, UserService users) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.codes = codes;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
        this.security = properties.security();
        this.tokens = tokens;
        this.principals = principals;
        this.users = users;
    }

    /**
     * Checks a username and password, and the TOTP code when the user has one. With {@code totp} null and TOTP
     * enrolled, answers {@link LoginResult.TotpRequired} (console: ask on a second page).
     */
    @Transactional(noRollbackFor = RuntimeException.class)
    public LoginResult authenticate(String username, String password, String totp, String address) {
        String name = username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
        Optional<UserRow> found = accounts.byUsername(name);
        if (found.isEmpty()) {
            hasher.burnDecoy(password == null ? "" : password);
            return refuse(null, name, address, "unknown user");
        }
        UserRow user = found.get();
        Instant now = Instant.now(clock);
        if (user.lockedUntil() != null && user.lockedUntil().isAfter(now)) {
            audit(user, address, AuditEntry.Outcome.DENIED, "account locked");
            return new LoginResult.Refused("too many failed attempts; try again later",
                    Math.max(1, Duration.between(now, user.lockedUntil()).toSeconds()));
        }
        if (password == null || !hasher.matches(password, user.passwordHash())) {
            return fail(user, address, "wrong password");
        }
        if (!user.enabled()) {
            return refuse(user, name, address, "account disabled");
        }
        if (user.totpEnabled() && (totp == null || totp.isBlank())) {
            return new LoginResult.TotpRequired(user.id());
        }
        return secondFactor(user, totp, address);
    }

    /** The second sign-in step of the console: the TOTP code of a user whose password was already accepted. */
    @Transactional(noRollbackFor = RuntimeException.class)
    public LoginResult authenticateSecondFactor(UUID userId, String totp, String address) {
        Optional<UserRow> found = accounts.byId(userId);
        if (found.isEmpty() || !found.get().enabled()) {
            return new LoginResult.Refused(REFUSED, 0);
        }
        UserRow user = found.get();
        Instant now = Instant.now(clock);
        if (user.lockedUntil() != null && user.lockedUntil().isAfter(now)) {
            audit(user, address, AuditEntry.Outcome.DENIED, "account locked");
            return new LoginResult.Refused("too many failed attempts; try again later",
                    Math.max(1, Duration.between(now, user.lockedUntil()).toSeconds()));
        }
        if (totp == null || totp.isBlank()) {
            return new LoginResult.TotpRequired(user.id());
        }
        return secondFactor(user, totp, address);
    }

    private LoginResult secondFactor(UserRow user, String totp, String address) {
        if (user.totpEnabled()) {
            var step = codes.verify(cipher.decrypt(user.totpSecret()), totp.trim());
            if (step.isEmpty()) {
                return fail(user, address, "wrong TOTP code");
            }
            if (!accounts.advanceTotpStep(user.id(), step.getAsLong())) {
                return fail(user, address, "TOTP code replayed");
            }
        }
        accounts.recordSuccess(user.id(), Instant.now(clock));
        audit(user, address, AuditEntry.Outcome.SUCCESS, null);
        return new LoginResult.Success(user.id(), user.username(), user.mustChangePassword());
    }

    /** API sign-in: a bearer session token usable as {@code Authorization: Bearer}. */
    @Transactional(noRollbackFor = RuntimeException.class)
    public ApiLogin apiLogin(String username, String password, String totp, String address) {
        LoginResult result = authenticate(username, password, totp, address);
        if (result instanceof LoginResult.Success success) {
            IssuedToken session = tokens.createSession(success.userId(), success.username());
            VigilPrincipal principal = principals.forUser(success.userId(), VigilPrincipal.Via.BEARER_SESSION).orElseThrow();
            return new ApiLogin(result, session, principal);
        }
        return new ApiLogin(result, null, null);
    }

    /** The outcome of an API sign-in: the bearer session when it succeeded. */
    public record ApiLogin(LoginResult result, IssuedToken session, VigilPrincipal principal) {
    }

    /** Forced password change at sign-in: proves the old password (and TOTP), then sets the new one. */
    @Transactional(noRollbackFor = RuntimeException.class)
    public LoginResult changePasswordAtLogin(String username, String oldPassword, String totp, String newPassword, String address) {
        LoginResult result = authenticate(username, oldPassword, totp, address);
        if (result instanceof LoginResult.Success success) {
            users.changePassword(accounts.byId(success.userId()).orElseThrow(), newPassword);
            return new LoginResult.Success(success.userId(), success.username(), false);
        }
        return result;
    }

    public Optional<VigilPrincipal> consolePrincipal(UUID userId) {
        return principals.forUser(userId, VigilPrincipal.Via.CONSOLE);
    }

    private LoginResult fail(UserRow user, String address, String reason) {
        int failures = user.failedAttempts() + 1;
        Instant lockedUntil = null;
        if (failures >= security.lockoutThreshold()) {
            int extra = Math.min(failures - security.lockoutThreshold(), 20);
            Duration lock = security.lockoutBase().multipliedBy(1L << extra);
            if (lock.compareTo(security.lockoutMax()) > 0) {
                lock = security.lockoutMax();
            }
            lockedUntil = Instant.now(clock).plus(lock);
        }
        accounts.recordFailure(user.id(), failures, lockedUntil);
        audit(user, address, AuditEntry.Outcome.FAILURE, reason + (lockedUntil == null ? "" : "; locked until " + lockedUntil));
        return new LoginResult.Refused(REFUSED, 0);
    }

    private LoginResult refuse(UserRow user, String name, String address, String reason) {
        Actor actor = user == null ? new Actor("anonymous", "", name, address == null ? "" : address)
                : new Actor("user", user.id().toString(), user.username(), address == null ? "" : address);
        audit.recordIndependently(new AuditEntry(actor, "auth.login", "user", user == null ? "" : user.id().toString(),
                user == null ? null : user.tenantId(), AuditEntry.Outcome.FAILURE, Map.of(), Map.of("reason", reason, "username", name)));
        return new LoginResult.Refused(REFUSED, 0);
    }

    private void audit(UserRow user, String address, AuditEntry.Outcome outcome, String reason) {
        Actor actor = new Actor("user", user.id().toString(), user.username(), address == null ? "" : address);
        Map<String, Object> body = reason == null ? Map.of("username", user.username()) : Map.of("username", user.username(), "reason", reason);
        audit.recordIndependently(new AuditEntry(actor, "auth.login", "user", user.id().toString(), user.tenantId(), outcome, Map.of(), body));
    }
}
