package dev.vigil.server.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;

import dev.vigil.server.platform.config.InvalidSettingException;
import dev.vigil.server.platform.config.VigilProperties;
import dev.vigil.server.platform.web.ProblemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start: brings the built-in roles up to date. On the first start with no users: creates the administrator
 * {@code admin} — with a random password written to {@code <data-dir>/initial-admin-password} (mode 0600) and printed
 * once, to be changed at first sign-in; or with {@code VIGIL_BOOTSTRAP_ADMIN_PASSWORD} (no forced change) — and, with
 * {@code VIGIL_BOOTSTRAP_API_TOKEN}, an administrator API token with that secret. Ignored once users exist.
 */
@Component
@Order(0)
class Bootstrap implements ApplicationRunner {

    static final String ADMIN = "admin";
    static final String PASSWORD_FILE = "initial-admin-password";
    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final RoleService roles;
    private final UserAccounts accounts;
    private final UserService users;
    private final ApiTokenService tokens;
    private final PasswordPolicy passwords;
    private final VigilProperties properties;

    Bootstrap(RoleService roles, UserAccounts accounts, UserService users, ApiTokenService tokens, PasswordPolicy passwords,
            VigilProperties properties) {
        this.roles = roles;
        this.accounts = accounts;
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        roles.syncBuiltins();
        if (accounts.count() > 0) {
            return;
        }
        VigilProperties.Bootstrap bootstrap = properties.bootstrap();
        String password = bootstrap.adminPassword();
        boolean generated = password.isEmpty();
        if (generated) {
            password = passwords.generate();
        } else {
            if (password.isBlank()) {
                throw new InvalidSettingException("vigil.bootstrap.admin-password (VIGIL_BOOTSTRAP_ADMIN_PASSWORD)", "must not be blank");
            }
            try {
                passwords.check(ADMIN, password);
            } catch (ProblemException e) {
                // The operator chose it explicitly for an automated set-up: accept it, but say so.
                log.warn("VIGIL_BOOTSTRAP_ADMIN_PASSWORD does not meet the password policy ({}); change it soon", e.getMessage());
            }
        }
        String token = bootstrap.apiToken();
        if (!token.isEmpty() && (token.length() < 16 || token.length() > 512 || token.chars().anyMatch(Character::isWhitespace))) {
            throw new InvalidSettingException("vigil.bootstrap.api-token (VIGIL_BOOTSTRAP_API_TOKEN)",
                    "must be 16-512 characters without spaces");
        }
        UUID adminId = users.createBootstrapAdmin(ADMIN, password, generated);
        if (generated) {
            Path file = writePasswordFile(password);
            if (properties.log().format().equals("json")) {
                // keep stdout a pure JSON stream for log shippers
                log.warn("first start: administrator 'admin' created; initial password in {} (mode 0600), change it at first sign-in", file);
            } else {
                System.out.println("""

                    ==================================================================
                     Vigil first start: administrator account created
                       username: admin
                       password: %s
                     (also in %s, mode 0600; you must change it at first sign-in)
                    ==================================================================
                    """.formatted(password, file));
            }
        } else {
            log.info("administrator 'admin' created with the password from VIGIL_BOOTSTRAP_ADMIN_PASSWORD");
        }
        if (!token.isEmpty()) {
            tokens.createBootstrapToken(adminId, token);
            log.info("administrator API token created from VIGIL_BOOTSTRAP_API_TOKEN");
        }
    }

    private Path writePasswordFile(String password) {
        Path file = properties.resolvedDataDir().resolve(PASSWORD_FILE);
        try {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
