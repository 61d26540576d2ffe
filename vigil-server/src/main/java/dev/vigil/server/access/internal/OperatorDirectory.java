package dev.vigil.server.access.internal;

import java.security.PublicKey;
import java.util.Optional;
import java.util.UUID;

import dev.vigil.bastion.gateway.OpenSshKeys;
import dev.vigil.bastion.gateway.Operator;
import dev.vigil.bastion.gateway.OperatorAuthenticator;
import dev.vigil.server.identity.LoginResult;
import dev.vigil.server.identity.LoginService;
import dev.vigil.server.identity.VigilPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Who may sign in at the gateway: an enabled Vigil user holding {@code bastion-session:connect}, with one of their
 * registered keys, or with their password and TOTP code (a user without TOTP cannot sign in by password here).
 */
@Component
public class OperatorDirectory implements OperatorAuthenticator {

    private final JdbcClient jdbc;
    private final LoginService logins;

    OperatorDirectory(JdbcClient jdbc, LoginService logins) {
        this.jdbc = jdbc;
        this.logins = logins;
    }

    @Override
    public Optional<Operator> byPublicKey(String username, PublicKey key) {
        String presented = OpenSshKeys.canonical(key);
        return jdbc.sql("SELECT user_id FROM access_operator_key WHERE username = ? AND public_key = ?").params(username, presented)
                .query(UUID.class).optional().flatMap(userId -> active(userId, username));
    }

    @Override
    public Optional<Operator> byPasswordAndCode(String username, String password, String totpCode) {
        if (logins.authenticate(username, password, null, "bastion") instanceof LoginResult.TotpRequired required
                && logins.authenticateSecondFactor(required.userId(), totpCode, "bastion") instanceof LoginResult.Success success) {
            return active(success.userId(), success.username());
        }
        return Optional.empty();
    }

    @Override
    public boolean offersPasswordAndCode() {
        return true;
    }

    /** The user as an operator if enabled and allowed to connect through the bastion at all. */
    Optional<Operator> active(UUID userId, String username) {
        return principal(userId).map(p -> new Operator(userId.toString(), p.username()));
    }

    Optional<VigilPrincipal> principal(UUID userId) {
        return logins.consolePrincipal(userId).filter(p -> p.can("bastion-session", "connect"));
    }

    boolean stillActive(Operator operator) {
        return principal(UUID.fromString(operator.id())).isPresent();
    }

}
