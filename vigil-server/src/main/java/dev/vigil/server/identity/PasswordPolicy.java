package dev.vigil.server.identity;

import java.security.SecureRandom;

import dev.vigil.server.platform.config.VigilProperties;
import dev.vigil.server.platform.web.ProblemException;
import org.springframework.stereotype.Component;

/** Minimum password rules (length, not the username) and generation of strong random passwords. */
@Component
class PasswordPolicy {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private final int minLength;
    private final SecureRandom random = new SecureRandom();

    PasswordPolicy(VigilProperties properties) {
        this.minLength = properties.security().passwordMinLength();
    }

    void check(String username, String password) {
        if (password == null || password.length() < minLength) {
            throw ProblemException.badRequest("weak-password", "the password must have at least " + minLength + " characters");
        }
        if (password.length() > 256) {
            throw ProblemException.badRequest("weak-password", "the password must have at most 256 characters");
        }
        if (password.toLowerCase(java.util.Locale.ROOT).contains(username.toLowerCase(java.util.Locale.ROOT))) {
            throw ProblemException.badRequest("weak-password", "the password must not contain the username");
        }
    }

    String generate() {
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
